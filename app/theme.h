#pragma once
// The app's look: the system's own (its light or dark mode, whatever the desktop says), light,
// dark, or high contrast (black, white and yellow; thick focus). Views that colour text ask
// widgets/common/tone.h, which follows the palette set here.
#include <QPalette>
#include <QString>

class QApplication;

namespace agentdesk::app {

enum class Theme { System, Light, Dark, HighContrast };

Theme themeFromString(const QString& name);  // "system" (also anything unknown), "light", …
QString themeToString(Theme theme);

class ThemeApplier {
public:
    // Remembers the platform's palette and style, for going back to the system look.
    explicit ThemeApplier(QApplication& app);
    void apply(Theme theme);

    static QPalette darkPalette();
    static QPalette highContrastPalette();

private:
    void applyPalette(Theme theme);
    // The named style (QStyleFactory): Fusion inside AppStyle, any other as it is; nothing
    // when it is in use already.
    void useStyle(const QString& name);

    QApplication& app_;
    QPalette systemPalette_;
    QString systemStyle_;
    QString styleName_;  // what useStyle() installed last (empty: nothing yet)
};

}  // namespace agentdesk::app
