#include "crm/model/agent.h"

#include <array>
#include <utility>

#include "crm/model/json_read.h"

namespace agentdesk::crm {

namespace {
constexpr std::array<std::pair<AgentState, const char*>, 6> kStates{{
    {AgentState::LoggedOut, "logged_out"},
    {AgentState::NotReady, "not_ready"},
    {AgentState::Ready, "ready"},
    {AgentState::Ringing, "ringing"},
    {AgentState::OnCall, "on_call"},
    {AgentState::AfterCallWork, "after_call_work"},
}};
}  // namespace

AgentState agentStateFromString(const QString& s) {
    for (const auto& [state, name] : kStates) {
        if (s == QLatin1String(name))
            return state;
    }
    return AgentState::Unknown;
}

QString agentStateToString(AgentState state) {
    for (const auto& [value, name] : kStates) {
        if (value == state)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("unknown");
}

PhoneLine PhoneLine::fromJson(const QJsonValue& value) {
    PhoneLine p;
    if (!value.isObject())
        return p;
    const QJsonObject o = value.toObject();
    p.known = true;
    p.registered = o.value(QStringLiteral("registered")).toBool();
    p.extension = json::str(o, "extension");
    return p;
}

Agent Agent::fromJson(const QJsonObject& o) {
    Agent a;
    a.id = json::str(o, "id");
    a.name = json::str(o, "name");
    a.nameEn = json::str(o, "nameEn");
    a.role = json::str(o, "role");
    a.extension = json::str(o, "extension");
    a.skills = json::strings(o, "skills");
    a.state = agentStateFromString(json::str(o, "state"));
    a.reason = json::str(o, "reason");
    a.since = json::time(o, "since");
    a.callId = json::str(o, "callId");
    a.queue = json::str(o, "queue");
    a.customerName = json::str(o, "customerName");
    a.callSince = json::time(o, "callSince");
    a.handledToday = json::integer(o, "handledToday");
    a.ahtTodaySec = json::number(o, "ahtTodaySec", -1);
    a.missedToday = json::integer(o, "missedToday");
    a.supervision = Supervision::fromJson(json::object(o, "supervision"));
    a.phone = PhoneLine::fromJson(o.value(QStringLiteral("phone")));
    return a;
}

AgentStateChange AgentStateChange::fromJson(const QJsonObject& o) {
    AgentStateChange c;
    c.agentId = json::str(o, "agentId");
    c.state = agentStateFromString(json::str(o, "state"));
    c.reason = json::str(o, "reason");
    c.since = json::time(o, "since");
    c.requestId = json::str(o, "requestId");
    c.phone = PhoneLine::fromJson(o.value(QStringLiteral("phone")));
    return c;
}

}  // namespace agentdesk::crm
