#pragma once
// A word-wrapped label that is cheap to lay out. QLabel shapes the whole text for each size it
// is asked about: its minimum size hint alone lays the text out three to five times (one line,
// the widest word, a "golden ratio" width), and layouts then ask its height for a width
// several times per pass (minimum, preferred, the scroll area's fit). With a few dozen such
// labels in the customer 360 that shaping was most of a screen pop.
//
// This label shapes once per width it is actually given:
// - heightForWidth() remembers the last few widths (until the text, font or style changes);
// - minimumSizeHint() is as wide as the widest word and one line high, as QLabel's;
// - sizeHint() is as wide as the longest line, up to 80 average characters (as QLabel), and as
//   high as wrapping at that width takes, estimated from the lines' widths (one shaping per
//   text); layouts ask the real height for the width they give.
// Plain and rich text both work, selectable or not.
#include <QLabel>
#include <QList>

namespace agentdesk::widgets {

class WrapLabel : public QLabel {
    Q_OBJECT
public:
    explicit WrapLabel(QWidget* parent = nullptr);
    int heightForWidth(int width) const override;
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void forget() const;
    void checkText() const;  // forgets what was measured when the text has changed
    void measure() const;    // lineWidths_, lineHeight_, widestWord_: once per text

    struct Entry {
        int width = -1;
        int height = 0;
    };
    static constexpr int kEntries = 4;
    mutable QString text_;  // the text the entries are for
    mutable Entry cache_[kEntries];
    mutable int next_ = 0;
    mutable QList<int> lineWidths_;           // each line's width unwrapped, for the size hints
    mutable int lineHeight_ = 0;              // the tallest of those lines
    mutable int widestWord_ = 0;              // the widest word, for the minimum width
    mutable Qt::TextInteractionFlags flags_;  // the flags the entries are for
};

}  // namespace agentdesk::widgets
