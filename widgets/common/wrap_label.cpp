#include "widgets/common/wrap_label.h"

#include <QEvent>

namespace agentdesk::widgets {

namespace {

// The least width a wrapped label asks for, in average characters.
constexpr int kMinimumChars = 4;
// The width a label asks for before it has been given one, in average characters.
constexpr int kPreferredChars = 40;

}  // namespace

WrapLabel::WrapLabel(QWidget* parent) : QLabel(parent) {
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
}

void WrapLabel::forget() const {
    for (Entry& e : cache_)
        e = {};
}

int WrapLabel::heightForWidth(int width) const {
    // The text is compared, not tracked: QLabel::setText is not virtual. Equal strings that
    // share their data compare at once.
    if (text_ != text()) {
        text_ = text();
        forget();
    }
    for (const Entry& e : cache_) {
        if (e.width == width)
            return e.height;
    }
    const int height = QLabel::heightForWidth(width);
    cache_[next_] = {width, height};
    next_ = (next_ + 1) % kEntries;
    return height;
}

QSize WrapLabel::minimumSizeHint() const {
    if (!wordWrap())
        return QLabel::minimumSizeHint();
    ensurePolished();
    const QMargins m = contentsMargins();
    const int frame = 2 * (margin() + qMax(0, indent()));
    const QFontMetrics fm = fontMetrics();
    return {fm.averageCharWidth() * kMinimumChars + m.left() + m.right() + frame,
            fm.lineSpacing() + m.top() + m.bottom() + 2 * margin()};
}

QSize WrapLabel::sizeHint() const {
    if (!wordWrap())
        return QLabel::sizeHint();
    const int width = testAttribute(Qt::WA_Resized) && this->width() > 0
                          ? this->width()
                          : fontMetrics().averageCharWidth() * kPreferredChars;
    return {width, heightForWidth(width)};
}

void WrapLabel::changeEvent(QEvent* event) {
    // Font, style or margins: the same text takes another height.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange ||
        event->type() == QEvent::ContentsRectChange)
        forget();
    QLabel::changeEvent(event);
}

}  // namespace agentdesk::widgets
