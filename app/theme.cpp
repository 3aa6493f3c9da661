#include "app/theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include "app/app_style.h"
#include "widgets/common/tone.h"

namespace agentdesk::app {

Theme themeFromString(const QString& name) {
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    if (name == QLatin1String("highContrast"))
        return Theme::HighContrast;
    return Theme::System;
}

QString themeToString(Theme theme) {
    switch (theme) {
        case Theme::Light:
            return QStringLiteral("light");
        case Theme::Dark:
            return QStringLiteral("dark");
        case Theme::HighContrast:
            return QStringLiteral("highContrast");
        case Theme::System:
            break;
    }
    return QStringLiteral("system");
}

ThemeApplier::ThemeApplier(QApplication& app)
    : app_(app),
      systemPalette_(QApplication::palette()),
      systemStyle_(app.style() ? app.style()->name() : QString()) {}

void ThemeApplier::useStyle(const QString& name) {
    // Remembered here rather than read back from the application: with a style sheet set (high
    // contrast) QApplication::style() is Qt's style-sheet wrapper, not ours.
    if (name.isEmpty() || styleName_.compare(name, Qt::CaseInsensitive) == 0)
        return;
    const bool fusion = name.compare(QLatin1String("fusion"), Qt::CaseInsensitive) == 0;
    if (!fusion && app_.style() && app_.style()->name().compare(name, Qt::CaseInsensitive) == 0) {
        styleName_ = name;  // the desktop's style, in use already
        return;
    }
    QStyle* style = QStyleFactory::create(name);
    if (!style)
        return;
    styleName_ = name;
    if (fusion)
        style = new AppStyle(style);
    QApplication::setStyle(style);
}

QPalette ThemeApplier::darkPalette() {
    QPalette p;
    const QColor window(0x20, 0x25, 0x2b), base(0x17, 0x1b, 0x20), text(0xe8, 0xed, 0xf2);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(0x2b, 0x32, 0x3a));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xb4, 0xbe, 0xc8));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2b, 0x32, 0x3a));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7c, 0xc9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x90, 0xca, 0xf9));
    p.setColor(QPalette::Mid, QColor(0x56, 0x61, 0x6d));
    p.setColor(QPalette::Dark, QColor(0x10, 0x13, 0x16));
    p.setColor(QPalette::Light, QColor(0x3a, 0x43, 0x4c));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x7d, 0x88, 0x93));
    return p;
}

QPalette ThemeApplier::highContrastPalette() {
    QPalette p;
    for (QPalette::ColorRole role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase,
                                     QPalette::Button, QPalette::ToolTipBase, QPalette::Dark})
        p.setColor(role, Qt::black);
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText,
          QPalette::BrightText, QPalette::PlaceholderText, QPalette::Light, QPalette::Mid})
        p.setColor(role, Qt::white);
    p.setColor(QPalette::Highlight, Qt::yellow);
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::Link, Qt::yellow);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0xc0, 0xc0, 0xc0));
    return p;
}

void ThemeApplier::apply(Theme theme) {
    const QPalette before = QApplication::palette();
    applyPalette(theme);
    widgets::retoneStyleSheets(before, QApplication::palette());
}

void ThemeApplier::applyPalette(Theme theme) {
    if (theme == Theme::System) {
        useStyle(systemStyle_);
        QApplication::setPalette(systemPalette_);
        app_.setStyleSheet(QString());
        return;
    }
    // Fusion draws every control from the palette, so the chosen colours reach all of them.
    useStyle(QStringLiteral("Fusion"));
    switch (theme) {
        case Theme::Light:
            QApplication::setPalette(QApplication::style()->standardPalette());
            app_.setStyleSheet(QString());
            break;
        case Theme::Dark:
            QApplication::setPalette(darkPalette());
            app_.setStyleSheet(QString());
            break;
        case Theme::HighContrast:
            QApplication::setPalette(highContrastPalette());
            // A focus that cannot be missed, and edges on every control.
            app_.setStyleSheet(QStringLiteral(
                "QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDoubleSpinBox, "
                "QAbstractItemView, QPushButton { border: 1px solid white; }"
                "QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, "
                "QSpinBox:focus, QDoubleSpinBox:focus, QAbstractItemView:focus, "
                "QPushButton:focus, QToolButton:focus { border: 3px solid yellow; }"));
            break;
        case Theme::System:
            break;
    }
}

}  // namespace agentdesk::app
