#pragma once
// What a counselor knows about the floor without asking the team lead, in the softphone bar:
// QueueGlance — the calls waiting in the counselor's own queues and the longest wait (live, on
// the server's clock), with each queue in the tooltip; TodayFigures — the counselor's own
// figures for today (calls handled, average handle time, offers missed).
//
// Threads: the GUI thread, like the ClientSession they read.
#include <QDateTime>

#include "crm/session/client_session.h"
#include "widgets/softphone/elided_label.h"

namespace agentdesk::widgets {

// Both shrink with the bar (ending in "…") rather than widen the window.
class QueueGlance : public ElidedLabel {
    Q_OBJECT
public:
    explicit QueueGlance(crm::ClientSession& session, QWidget* parent = nullptr);

    // `serverNow` moves the longest wait on between queue events (the bar's one-second tick).
    void refresh(const QDateTime& serverNow);

protected:
    void changeEvent(QEvent* event) override;

private:
    crm::ClientSession& session_;
    QDateTime lastNow_;
};

class TodayFigures : public ElidedLabel {
    Q_OBJECT
public:
    explicit TodayFigures(crm::AgentSession& agent, QWidget* parent = nullptr);
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    crm::AgentSession& agent_;
};

}  // namespace agentdesk::widgets
