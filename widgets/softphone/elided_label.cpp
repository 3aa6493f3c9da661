#include "widgets/softphone/elided_label.h"

#include <QPainter>
#include <QStyle>

namespace agentdesk::widgets {

ElidedLabel::ElidedLabel(QWidget* parent) : QLabel(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setTextFormat(Qt::PlainText);
}

void ElidedLabel::setFullText(const QString& text) {
    setText(text);
    setToolTip(text);
}

QSize ElidedLabel::minimumSizeHint() const {
    // Room for a syllable or two and the ellipsis; the layout gives more when there is some.
    const QMargins m = contentsMargins();
    return {fontMetrics().horizontalAdvance(QStringLiteral("가나…")) + m.left() + m.right(),
            QLabel::minimumSizeHint().height()};
}

void ElidedLabel::paintEvent(QPaintEvent* event) {
    QFrame::paintEvent(event);  // frame and style-sheet background
    QPainter painter(this);
    const QRect r = contentsRect().adjusted(margin(), 0, -margin(), 0);
    const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, r.width());
    elided_ = shown != text();
    painter.setPen(palette().color(foregroundRole()));
    painter.drawText(r, static_cast<int>(alignment()) | Qt::TextSingleLine, shown);
}

}  // namespace agentdesk::widgets
