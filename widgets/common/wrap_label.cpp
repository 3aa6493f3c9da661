#include "widgets/common/wrap_label.h"

#include <QEvent>

namespace agentdesk::widgets {

WrapLabel::WrapLabel(QWidget* parent) : QLabel(parent) {
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
}

int WrapLabel::heightForWidth(int width) const {
    // The text is compared, not tracked: QLabel::setText is not virtual. Equal strings that
    // share their data compare at once.
    if (text_ != text()) {
        text_ = text();
        cache_[0] = cache_[1] = {};
    }
    for (const Entry& e : cache_) {
        if (e.width == width)
            return e.height;
    }
    const int height = QLabel::heightForWidth(width);
    cache_[next_] = {width, height};
    next_ = 1 - next_;
    return height;
}

void WrapLabel::changeEvent(QEvent* event) {
    // Font, style or margins: the same text takes another height.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange ||
        event->type() == QEvent::ContentsRectChange)
        cache_[0] = cache_[1] = {};
    QLabel::changeEvent(event);
}

}  // namespace agentdesk::widgets
