#pragma once
// A one-line label that shrinks with its layout and ends its text with "…" instead of clipping
// it (long Korean names and queue names in the softphone bar). text() stays the full text, and
// the tooltip shows it.
#include <QLabel>

namespace agentdesk::widgets {

class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);
    void setFullText(const QString& text);
    QSize minimumSizeHint() const override;
    // True when the last paint had to shorten the text.
    bool isElided() const { return elided_; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    bool elided_ = false;
};

}  // namespace agentdesk::widgets
