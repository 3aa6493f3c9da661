#pragma once
// An agent (user) as the server reports it, and agent state changes (docs/api.md 4).
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include "crm/model/supervision.h"

namespace agentdesk::crm {

enum class AgentState { Unknown, LoggedOut, NotReady, Ready, Ringing, OnCall, AfterCallWork };

AgentState agentStateFromString(const QString& s);
QString agentStateToString(AgentState state);

// The agent's SIP phone with real telephony; `known` is false when the server simulates calls.
struct PhoneLine {
    bool known = false;
    bool registered = false;
    QString extension;
    static PhoneLine fromJson(const QJsonValue& value);
    bool operator==(const PhoneLine&) const = default;
};

struct Agent {
    QString id, name, nameEn, role, extension;
    PhoneLine phone;
    QStringList skills;
    AgentState state = AgentState::Unknown;
    QString reason;  // empty when none
    QDateTime since;
    QString callId, queue, customerName;
    QDateTime callSince;
    int handledToday = 0;
    double ahtTodaySec = -1;
    int missedToday = 0;
    Supervision supervision;  // GET /agents: a lead on this agent's call

    bool isSupervisor() const {
        return role == QLatin1String("teamlead") || role == QLatin1String("trainer");
    }
    static Agent fromJson(const QJsonObject& o);
};

// Data of the `agent.state` event.
struct AgentStateChange {
    QString agentId;
    AgentState state = AgentState::Unknown;
    QString reason;
    QDateTime since;
    QString requestId;
    PhoneLine phone;  // known only when the event carries it
    static AgentStateChange fromJson(const QJsonObject& o);
};

}  // namespace agentdesk::crm
