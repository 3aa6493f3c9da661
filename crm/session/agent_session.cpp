#include "crm/session/agent_session.h"

#include "common/logging.h"

namespace agentdesk::crm {

bool isAllowedAgentTransition(AgentState from, AgentState to) {
    using S = AgentState;
    if (from == to || from == S::Unknown || to == S::LoggedOut)
        return true;
    switch (from) {
        case S::LoggedOut:
            return to == S::NotReady;
        case S::NotReady:
        case S::Ready:
            // on_call directly: click-to-dial; after_call_work: a manual ACW
            return to == S::Ready || to == S::NotReady || to == S::Ringing || to == S::OnCall ||
                   to == S::AfterCallWork;
        case S::Ringing:
            // answered; rejected or abandoned (ready); missed (not_ready)
            return to == S::OnCall || to == S::Ready || to == S::NotReady;
        case S::OnCall:
            return to == S::AfterCallWork;
        case S::AfterCallWork:
            return to == S::Ready || to == S::NotReady;
        case S::Unknown:
            return true;
    }
    return false;
}

AgentSession::AgentSession(ApiClient& api, CommandTracker& commands, QObject* parent)
    : QObject(parent), api_(api), commands_(commands) {}

void AgentSession::setIdentity(const Agent& agent) {
    const bool phoneChanged = agent.phone != agent_.phone;
    agent_ = agent;
    if (phoneChanged)
        emit this->phoneChanged(agent_.phone);
}

void AgentSession::reset() {
    const bool phone = agent_.phone.known;
    agent_ = Agent{};
    if (phone)
        emit phoneChanged(agent_.phone);
    unexpected_ = 0;
    if (figuresRequest_ != 0) {
        api_.cancel(figuresRequest_);
        figuresRequest_ = 0;
    }
}

QString AgentSession::request(AgentState state, const QString& reason, const QString& what) {
    return commands_.issue(what, [&](ApiClient::DoneHandler done) {
        return api_.setState(this, state, reason, std::move(done));
    });
}

QString AgentSession::goReady() {
    return request(AgentState::Ready, {}, QStringLiteral("ready"));
}

QString AgentSession::goNotReady(const QString& reason) {
    return request(AgentState::NotReady, reason, QStringLiteral("not_ready"));
}

QString AgentSession::startAfterCallWork() {
    return request(AgentState::AfterCallWork, {}, QStringLiteral("after_call_work"));
}

void AgentSession::refreshFigures() {
    if (figuresRequest_ != 0)
        return;  // the answer on its way is as new as this one would be
    figuresRequest_ = api_.me(this, [this](const Agent& me, const ApiError& error) {
        figuresRequest_ = 0;
        if (error || me.id != agent_.id)
            return;
        agent_.handledToday = me.handledToday;
        agent_.ahtTodaySec = me.ahtTodaySec;
        agent_.missedToday = me.missedToday;
        emit figuresChanged();
    });
}

void AgentSession::applySnapshot(const Snapshot& snapshot) {
    const Agent& a = snapshot.agent;
    const bool changed =
        a.state != agent_.state || a.reason != agent_.reason || a.since != agent_.since;
    const bool phone = a.phone != agent_.phone;
    agent_ = a;
    if (phone)
        emit phoneChanged(agent_.phone);
    if (changed)
        emit stateChanged(agent_.state, agent_.reason, agent_.since);
    emit figuresChanged();
}

void AgentSession::applyEvent(const StreamEvent& event) {
    if (event.type != QLatin1String("agent.state"))
        return;
    const AgentStateChange change = AgentStateChange::fromJson(event.data);
    if (change.agentId != agent_.id) {
        emit otherAgentChanged(change);
        return;
    }
    if (!isAllowedAgentTransition(agent_.state, change.state)) {
        ++unexpected_;
        logging::get("crm")->warn("agent {}: unexpected state change {} → {} (event {})",
                                  agent_.id.toStdString(),
                                  agentStateToString(agent_.state).toStdString(),
                                  agentStateToString(change.state).toStdString(), event.id);
    }
    const AgentState before = agent_.state;
    agent_.state = change.state;
    agent_.reason = change.reason;
    agent_.since = change.since;
    if (change.phone.known && change.phone != agent_.phone) {
        agent_.phone = change.phone;
        emit phoneChanged(agent_.phone);
    }
    commands_.sawEvent(change.requestId);
    emit stateChanged(agent_.state, agent_.reason, agent_.since);
    // A leg was handled (ACW over) or an offer rang out (ringing → not ready).
    if ((before == AgentState::AfterCallWork || before == AgentState::Ringing) &&
        agent_.state != before && agent_.state != AgentState::OnCall)
        refreshFigures();
}

}  // namespace agentdesk::crm
