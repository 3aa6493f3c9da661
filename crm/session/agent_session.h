#pragma once
// The logged-in agent's own state (not_ready, ready, ringing, ...), driven only by events:
// commands go to the server, and the state changes when the server's agent.state says so.
// Transitions the ACD norm does not allow are counted (they mean a lost or reordered event).
//
// Threads: one thread (the GUI thread in the app).
#include <QDateTime>
#include <QObject>
#include <QString>

#include "crm/api/api_client.h"
#include "crm/events/event_stream.h"
#include "crm/model/agent.h"
#include "crm/session/command_tracker.h"

namespace agentdesk::crm {

// docs/api.md 4.1 "State changes": whether `to` may follow `from` (a repeat of a state is allowed).
bool isAllowedAgentTransition(AgentState from, AgentState to);

class AgentSession : public QObject {
    Q_OBJECT
public:
    AgentSession(ApiClient& api, CommandTracker& commands, QObject* parent = nullptr);

    void setIdentity(const Agent& agent);
    const Agent& agent() const { return agent_; }
    AgentState state() const { return agent_.state; }
    QString reason() const { return agent_.reason; }
    QDateTime since() const { return agent_.since; }
    const PhoneLine& phone() const { return agent_.phone; }

    // Each returns the command's request id.
    QString goReady();
    QString goNotReady(const QString& reason);
    QString startAfterCallWork();

    void applySnapshot(const Snapshot& snapshot);
    void applyEvent(const StreamEvent& event);
    void reset();

    int unexpectedTransitions() const { return unexpected_; }

    // The agent's own figures for today (handled legs, their AHT, missed offers) as of the last
    // snapshot or refresh. They change when a leg's after-call work ends or an offer rings out,
    // so they are fetched again (GET /agents/me) when the agent leaves those states.
    int handledToday() const { return agent_.handledToday; }
    double ahtTodaySec() const { return agent_.ahtTodaySec; }
    int missedToday() const { return agent_.missedToday; }
    void refreshFigures();

signals:
    void stateChanged(agentdesk::crm::AgentState state, const QString& reason,
                      const QDateTime& since);
    // The agent's phone registered or went away (real telephony).
    void phoneChanged(const agentdesk::crm::PhoneLine& phone);
    // agent.state of another agent (team leads and trainers see everyone's).
    void otherAgentChanged(const agentdesk::crm::AgentStateChange& change);
    void figuresChanged();

private:
    QString request(AgentState state, const QString& reason, const QString& what);

    ApiClient& api_;
    CommandTracker& commands_;
    Agent agent_;
    int unexpected_ = 0;
    HttpTransport::RequestId figuresRequest_ = 0;
};

}  // namespace agentdesk::crm
