#include "widgets/customer/chip_label.h"

#include <QApplication>
#include <QEvent>

#include "widgets/common/tone.h"

namespace agentdesk::widgets {

ChipLabel::ChipLabel(Tone tone, QWidget* parent) : QLabel(parent) {
    setTone(tone);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
}

ChipLabel::ChipLabel(const QString& text, Tone tone, QWidget* parent) : ChipLabel(tone, parent) {
    setText(text);
}

void ChipLabel::setTone(Tone tone) {
    tone_ = tone;
    const char* colors = "background:#eceff3;color:#33414e;";
    switch (tone) {
        case Tone::Neutral:
            break;
        case Tone::Good:
            colors = "background:#dff3e4;color:#1d5e2e;";
            break;
        case Tone::Info:
            colors = "background:#e1ecfb;color:#1b4a8a;";
            break;
        case Tone::Warning:
            colors = "background:#fff1cc;color:#7a5200;";
            break;
        case Tone::Danger:
            colors = "background:#fbe0e0;color:#9b1c1c;font-weight:bold;";
            break;
        case Tone::Off:
            colors = "background:#f3f3f3;color:#5f656b;";
            break;
    }
    if (isHighContrastPalette(QApplication::palette())) {
        // Black with a white edge; a chip that warns is yellow, one that is off is dashed.
        colors = tone == Tone::Danger || tone == Tone::Warning
                     ? "background:#000000;color:#ffff00;border:2px solid #ffff00;font-weight:bold;"
                 : tone == Tone::Off ? "background:#000000;color:#ffffff;border:1px dashed #ffffff;"
                                     : "background:#000000;color:#ffffff;border:1px solid #ffffff;";
    }
    setStyleSheet(
        QStringLiteral("QLabel{%1border-radius:9px;padding:2px 9px;}").arg(QLatin1String(colors)));
}

bool ChipLabel::event(QEvent* event) {
    if (event->type() == QEvent::ApplicationPaletteChange)
        setTone(tone_);  // a new look
    return QLabel::event(event);
}

}  // namespace agentdesk::widgets
