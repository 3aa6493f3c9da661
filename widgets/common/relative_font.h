#pragma once
// A title or a figure set larger than the text around it stays larger by the same factor when
// the counselor changes the font size in Settings: its font is the application font times
// `factor` (bold if asked), computed again whenever the application font changes. A font set
// once with setFont() would keep its old size instead.
#include <QWidget>

namespace agentdesk::widgets {

void setRelativeFont(QWidget* widget, double factor, bool bold = false);

// After QApplication::setFont(): Qt does not tell widgets under a style sheet that the
// application font changed (their fonts come from the style sheet's style, computed when they
// were polished), so they would keep the old size. This polishes them again and re-applies the
// relative fonts.
void refreshAfterApplicationFontChange();

}  // namespace agentdesk::widgets
