#include "widgets/common/tone.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>

namespace agentdesk::widgets {

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

bool isHighContrastPalette(const QPalette& palette) {
    return palette.color(QPalette::Window) == QColor(Qt::black) &&
           palette.color(QPalette::WindowText) == QColor(Qt::white);
}

QString toneColor(Tone tone, const QPalette& palette) {
    // Each set keeps a contrast of at least 4.5:1 (WCAG AA) against its own window colour.
    if (isHighContrastPalette(palette)) {
        switch (tone) {
            case Tone::Hint:
                return QStringLiteral("#ffffff");
            case Tone::Error:
                return QStringLiteral("#ff9e9e");
            case Tone::Success:
                return QStringLiteral("#9effa0");
            case Tone::Warning:
                return QStringLiteral("#ffff00");
            case Tone::Info:
                return QStringLiteral("#9edcff");
        }
    }
    if (isDarkPalette(palette)) {
        switch (tone) {
            case Tone::Hint:
                return QStringLiteral("#b4bec8");
            case Tone::Error:
                return QStringLiteral("#ff8a80");
            case Tone::Success:
                return QStringLiteral("#81c784");
            case Tone::Warning:
                return QStringLiteral("#ffb74d");
            case Tone::Info:
                return QStringLiteral("#90caf9");
        }
    }
    switch (tone) {
        case Tone::Hint:
            return QStringLiteral("#5b6670");
        case Tone::Error:
            return QStringLiteral("#b3261e");
        case Tone::Success:
            return QStringLiteral("#2e7d32");
        case Tone::Warning:
            return QStringLiteral("#8a4b00");
        case Tone::Info:
            return QStringLiteral("#0b5394");
    }
    return {};
}

void retoneStyleSheets(const QPalette& from, const QPalette& to) {
    const Tone tones[] = {Tone::Hint, Tone::Error, Tone::Success, Tone::Warning, Tone::Info};
    QEvent changed(QEvent::ApplicationPaletteChange);
    for (QWidget* w : QApplication::allWidgets()) {
        QString sheet = w->styleSheet();
        if (!sheet.isEmpty()) {
            const QString before = sheet;
            for (Tone t : tones)
                sheet.replace(toneColor(t, from), toneColor(t, to), Qt::CaseInsensitive);
            if (sheet != before)
                w->setStyleSheet(sheet);
        }
        if (!w->isWindow() && w->testAttribute(Qt::WA_StyleSheet))
            QCoreApplication::sendEvent(w, &changed);
    }
}

QString toneStyle(Tone tone, bool bold) {
    QString rule = QStringLiteral("color: %1;").arg(toneColor(tone, QApplication::palette()));
    if (bold)
        rule += QStringLiteral(" font-weight: bold;");
    return rule;
}

}  // namespace agentdesk::widgets
