#pragma once
// A word-wrapped plain-text label that remembers its height for the last widths it was asked
// about. Layouts ask a wrapped label's height for a width several times per pass (minimum,
// preferred, the scroll area's fit), and QLabel shapes the whole text each time; with many of
// them in a list (the customer's contact history) that shaping was most of a screen pop.
#include <QLabel>

namespace agentdesk::widgets {

class WrapLabel : public QLabel {
    Q_OBJECT
public:
    explicit WrapLabel(QWidget* parent = nullptr);
    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Entry {
        int width = -1;
        int height = 0;
    };
    mutable QString text_;  // the text the entries are for
    mutable Entry cache_[2];
    mutable int next_ = 0;
};

}  // namespace agentdesk::widgets
