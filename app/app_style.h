#pragma once
// The app's widget style: the chosen base style (Fusion for the app's own themes, the desktop's
// for the system look) with flat scroll bars when the base is Fusion. Fusion shades the groove
// and the handle with gradients; a tall scroll bar took about 1 ms to paint, and a screen pop
// repaints two of them (the 360's and the knowledge list's) because their ranges change. The
// flat bar is a plain groove, a rounded handle and the base style's arrows, all from the
// palette, so the light, dark and high-contrast themes colour it like everything else.
#include <QProxyStyle>
#include <QStyleOptionSlider>

namespace agentdesk::app {

class AppStyle : public QProxyStyle {
    Q_OBJECT
public:
    // Takes `base` (as QProxyStyle does).
    explicit AppStyle(QStyle* base);

    bool flatScrollBars() const { return flatScrollBars_; }

    void drawComplexControl(ComplexControl control, const QStyleOptionComplex* option,
                            QPainter* painter, const QWidget* widget = nullptr) const override;

private:
    void drawScrollBar(const QStyleOptionSlider& bar, QPainter* painter,
                       const QWidget* widget) const;

    bool flatScrollBars_;
};

}  // namespace agentdesk::app
