#pragma once
// Where submitted notes stand, in one or two short lines under the note editor: pending (and
// that they go out when the connection returns), sent with the time, rejected by the server
// with the reason and the text kept so the counselor can copy it, or needing attention (the
// server keeps failing on it: it is retried, and later notes are not held up).
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QWidget>

#include "crm/session/outbox.h"

namespace agentdesk::widgets {

class OutboxStatusView : public QWidget {
    Q_OBJECT
public:
    // `outbox` may be null (no local store): then the view stays empty.
    explicit OutboxStatusView(crm::Outbox* outbox, QWidget* parent = nullptr);

    void setOnline(bool online);
    QString statusText() const { return status_->text(); }
    // The problem line: a rejected note, or one that needs attention (empty when none).
    QString rejectedText() const { return rejected_->text(); }
    // The kept text of the note on the problem line (empty when none).
    QString rejectedNoteText() const { return rejectedNote_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void retranslate();

    crm::Outbox* outbox_;
    bool online_ = true;
    QLabel* status_;
    QLabel* rejected_;
    QPushButton* copy_;
    QPushButton* dismiss_;
    QWidget* rejectedRow_;
    QString rejectedKey_, rejectedNote_;
    QSet<QString> dismissed_;
};

}  // namespace agentdesk::widgets
