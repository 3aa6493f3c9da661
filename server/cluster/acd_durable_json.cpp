#include "server/cluster/acd_durable_json.h"

#include <nlohmann/json.hpp>

#include "common/time_util.h"

namespace agentdesk::server::cluster {

using nlohmann::json;

namespace {

json durableMs(TimePoint t) {
    return toUnixMs(t);
}
json durableMs(const std::optional<TimePoint>& t) {
    return t ? json(toUnixMs(*t)) : json(nullptr);
}
TimePoint durableTime(const json& j) {
    return TimePoint(std::chrono::milliseconds(j.get<long long>()));
}
std::optional<TimePoint> durableOptionalTime(const json& j) {
    if (j.is_null())
        return std::nullopt;
    return durableTime(j);
}
std::optional<int> durableOptionalInt(const json& j) {
    if (j.is_null())
        return std::nullopt;
    return j.get<int>();
}
std::optional<std::string> durableOptionalText(const json& j) {
    if (j.is_null())
        return std::nullopt;
    return j.get<std::string>();
}
json durableOrNull(const std::optional<int>& v) {
    return v ? json(*v) : json(nullptr);
}
json durableOrNull(const std::optional<std::string>& v) {
    return v ? json(*v) : json(nullptr);
}

}  // namespace

std::string durableCallJson(const DurableCall& c) {
    return json{{"id", c.id},
                {"direction", c.direction},
                {"ani", c.ani},
                {"queue", c.queue},
                {"intent", c.intent},
                {"ivrPath", c.ivrPath},
                {"verified", c.verified},
                {"ivrSec", c.ivrSec},
                {"customerId", durableOrNull(c.customerId)},
                {"state", callStateName(c.state)},
                {"agentId", c.agentId},
                {"createdAt", durableMs(c.createdAt)},
                {"enteredAt", durableMs(c.enteredAt)},
                {"connectedAt", durableMs(c.connectedAt)},
                {"holdStartedAt", durableMs(c.holdStartedAt)},
                {"heldSec", c.heldSec},
                {"priority", c.priority},
                {"everConnected", c.everConnected},
                {"muted", c.muted},
                {"recordingPaused", c.recordingPaused},
                {"abuseWarnings", c.abuseWarnings},
                {"caller",
                 {{"patienceSec", durableOrNull(c.caller.patienceSec)},
                  {"talkSec", durableOrNull(c.caller.talkSec)},
                  {"patienceDeadline", durableMs(c.caller.patienceDeadline)},
                  {"hangupAt", durableMs(c.caller.hangupAt)}}}}
        .dump();
}

std::optional<DurableCall> parseDurableCall(const std::string& text) {
    try {
        const json j = json::parse(text);
        DurableCall c;
        c.id = j.at("id").get<std::string>();
        c.direction = j.at("direction").get<std::string>();
        c.ani = j.at("ani").get<std::string>();
        c.queue = j.at("queue").get<std::string>();
        c.intent = j.at("intent").get<std::string>();
        c.ivrPath = j.at("ivrPath").get<std::vector<std::string>>();
        c.verified = j.at("verified").get<bool>();
        c.ivrSec = j.at("ivrSec").get<int>();
        c.customerId = durableOptionalText(j.at("customerId"));
        const std::string state = j.at("state").get<std::string>();
        bool known = false;
        for (auto s :
             {CallState::Queued, CallState::Ringing, CallState::Connected, CallState::Held}) {
            if (callStateName(s) == state) {
                c.state = s;
                known = true;
            }
        }
        if (!known || c.id.empty())
            return std::nullopt;
        c.agentId = j.at("agentId").get<std::string>();
        c.createdAt = durableTime(j.at("createdAt"));
        c.enteredAt = durableTime(j.at("enteredAt"));
        c.connectedAt = durableTime(j.at("connectedAt"));
        c.holdStartedAt = durableTime(j.at("holdStartedAt"));
        c.heldSec = j.at("heldSec").get<double>();
        c.priority = j.at("priority").get<bool>();
        c.everConnected = j.at("everConnected").get<bool>();
        c.muted = j.at("muted").get<bool>();
        c.recordingPaused = j.at("recordingPaused").get<bool>();
        c.abuseWarnings = j.at("abuseWarnings").get<int>();
        const json& caller = j.at("caller");
        c.caller.patienceSec = durableOptionalInt(caller.at("patienceSec"));
        c.caller.talkSec = durableOptionalInt(caller.at("talkSec"));
        c.caller.patienceDeadline = durableOptionalTime(caller.at("patienceDeadline"));
        c.caller.hangupAt = durableOptionalTime(caller.at("hangupAt"));
        return c;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

std::string durableAgentJson(const DurableAgent& a) {
    return json{{"agentId", a.agentId},
                {"state", agentStateName(a.state)},
                {"reason", a.reason},
                {"since", durableMs(a.since)},
                {"idleSince", durableMs(a.idleSince)},
                {"callId", a.callId},
                {"acwCallId", a.acwCallId},
                {"acwCustomerId", durableOrNull(a.acwCustomerId)},
                {"acwCallerE164", a.acwCallerE164},
                {"acwStartedAt", durableMs(a.acwStartedAt)},
                {"acwDeadline", durableMs(a.acwDeadline)},
                {"pendingTalkHoldSec", a.pendingTalkHoldSec},
                {"handledToday", a.handledToday},
                {"handleSecToday", a.handleSecToday},
                {"missedToday", a.missedToday},
                {"statsDay", durableMs(a.statsDay)},
                {"protectionDue", a.protectionDue},
                {"protectionUntil", durableMs(a.protectionUntil)}}
        .dump();
}

std::optional<DurableAgent> parseDurableAgent(const std::string& text) {
    try {
        const json j = json::parse(text);
        DurableAgent a;
        a.agentId = j.at("agentId").get<std::string>();
        const auto state = parseAgentState(j.at("state").get<std::string>());
        if (!state || a.agentId.empty())
            return std::nullopt;
        a.state = *state;
        a.reason = j.at("reason").get<std::string>();
        a.since = durableTime(j.at("since"));
        a.idleSince = durableTime(j.at("idleSince"));
        a.callId = j.at("callId").get<std::string>();
        a.acwCallId = j.at("acwCallId").get<std::string>();
        a.acwCustomerId = durableOptionalText(j.at("acwCustomerId"));
        a.acwCallerE164 = j.at("acwCallerE164").get<std::string>();
        a.acwStartedAt = durableTime(j.at("acwStartedAt"));
        a.acwDeadline = durableOptionalTime(j.at("acwDeadline"));
        a.pendingTalkHoldSec = j.at("pendingTalkHoldSec").get<double>();
        a.handledToday = j.at("handledToday").get<int>();
        a.handleSecToday = j.at("handleSecToday").get<double>();
        a.missedToday = j.at("missedToday").get<int>();
        a.statsDay = durableTime(j.at("statsDay"));
        a.protectionDue = j.at("protectionDue").get<bool>();
        a.protectionUntil = durableOptionalTime(j.at("protectionUntil"));
        return a;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

}  // namespace agentdesk::server::cluster
