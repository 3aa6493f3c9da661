#include "app/app_style.h"

#include <QPainter>

namespace agentdesk::app {

AppStyle::AppStyle(QStyle* base)
    : QProxyStyle(base),
      flatScrollBars_(baseStyle()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) ==
                      0) {}

void AppStyle::drawComplexControl(ComplexControl control, const QStyleOptionComplex* option,
                                  QPainter* painter, const QWidget* widget) const {
    if (control == CC_ScrollBar && flatScrollBars_) {
        if (const auto* bar = qstyleoption_cast<const QStyleOptionSlider*>(option)) {
            drawScrollBar(*bar, painter, widget);
            return;
        }
    }
    QProxyStyle::drawComplexControl(control, option, painter, widget);
}

void AppStyle::drawScrollBar(const QStyleOptionSlider& bar, QPainter* painter,
                             const QWidget* widget) const {
    const QPalette& pal = bar.palette;
    const bool horizontal = bar.orientation == Qt::Horizontal;
    const bool enabled = bar.state & State_Enabled;
    painter->save();
    // The groove: the window colour, a hairline towards the content.
    painter->fillRect(bar.rect, pal.color(QPalette::Window));
    painter->setPen(pal.color(QPalette::Midlight));
    if (horizontal)
        painter->drawLine(bar.rect.topLeft(), bar.rect.topRight());
    else
        painter->drawLine(bar.rect.topLeft(), bar.rect.bottomLeft());

    // The arrows, from the base style; a pressed one on a darker square.
    const auto arrow = [&](SubControl part, PrimitiveElement element) {
        const QRect r = subControlRect(CC_ScrollBar, &bar, part, widget);
        if (r.isEmpty())
            return;
        QStyleOption opt(bar);
        opt.rect = r;
        const bool pressed = (bar.activeSubControls & part) && (bar.state & State_Sunken);
        if (pressed)
            painter->fillRect(r, pal.color(QPalette::Midlight));
        proxy()->drawPrimitive(element, &opt, painter, widget);
    };
    arrow(SC_ScrollBarSubLine, horizontal ? PE_IndicatorArrowLeft : PE_IndicatorArrowUp);
    arrow(SC_ScrollBarAddLine, horizontal ? PE_IndicatorArrowRight : PE_IndicatorArrowDown);

    // The handle: a rounded bar inset from the groove's edges; darker under the mouse, the
    // highlight colour while dragged.
    QRect handle = subControlRect(CC_ScrollBar, &bar, SC_ScrollBarSlider, widget);
    if (handle.isEmpty() || bar.minimum == bar.maximum) {
        painter->restore();
        return;
    }
    handle = horizontal ? handle.adjusted(1, 3, -1, -3) : handle.adjusted(3, 1, -3, -1);
    QColor colour = pal.color(QPalette::Mid);
    if (!enabled)
        colour = pal.color(QPalette::Disabled, QPalette::Mid);
    else if ((bar.activeSubControls & SC_ScrollBarSlider) && (bar.state & State_Sunken))
        colour = pal.color(QPalette::Highlight);
    else if ((bar.activeSubControls & SC_ScrollBarSlider) && (bar.state & State_MouseOver))
        colour = pal.color(QPalette::Dark);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    const qreal radius = (horizontal ? handle.height() : handle.width()) / 2.0;
    painter->drawRoundedRect(QRectF(handle), radius, radius);
    painter->restore();
}

}  // namespace agentdesk::app
