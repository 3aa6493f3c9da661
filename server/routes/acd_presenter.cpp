#include "server/routes/acd_presenter.h"

#include <cmath>

#include "common/phone.h"

namespace agentdesk::server {

using nlohmann::json;

namespace {

template <typename T>
json orNull(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

json timeOrNull(const std::optional<TimePoint>& t) {
    return t ? json(toRfc3339(*t)) : json(nullptr);
}

const char* targetKind(TransferTarget::Kind kind) {
    switch (kind) {
        case TransferTarget::Kind::Queue:
            return "queue";
        case TransferTarget::Kind::Agent:
            return "agent";
        case TransferTarget::Kind::Number:
            return "number";
    }
    return "queue";
}

void withRequestId(json& data, const std::string& requestId) {
    if (!requestId.empty())
        data["requestId"] = requestId;
}

}  // namespace

json supervisionJson(const std::optional<SupervisionView>& s) {
    if (!s)
        return nullptr;
    return {{"supervisorId", s->supervisorId},
            {"supervisorName", s->supervisorName},
            {"supervisorNameEn", s->supervisorNameEn},
            {"mode", supervisionModeName(s->mode)},
            {"since", toRfc3339(s->since)}};
}

json callJson(const CallView& c) {
    json matches = json::array();
    for (const auto& m : c.customerMatches) {
        matches.push_back({{"id", m.id},
                           {"name", m.name},
                           {"score", std::round(m.score * 100) / 100},
                           {"abusiveHistory", m.abusiveHistory},
                           {"vip", m.vip}});
    }
    json j{{"id", c.id},
           {"direction", c.direction},
           {"ani", phone::formatLocal(c.aniE164)},
           {"aniE164", c.aniE164},
           {"dnis", phone::formatLocal(c.dnisE164)},
           {"queue", c.queue},
           {"queueName", c.queueName},
           {"intent", c.intent},
           {"intentLabel", c.intentLabel},
           {"ivrPath", c.ivrPath},
           {"verified", c.verified},
           {"waitedSec", c.waitedSec},
           {"customerId", orNull(c.customerId)},
           {"customerMatches", std::move(matches)},
           {"abusiveHistory", c.abusiveHistory},
           {"state", callStateName(c.state)},
           {"muted", c.muted},
           {"recordingPaused", c.recordingPaused},
           {"abuseWarnings", c.abuseWarnings},
           {"abuseWarningsRequired", c.abuseWarningsRequired},
           {"agentId", orNull(c.agentId)},
           {"heldSec", c.heldSec},
           {"recommendedTalkSec", c.recommendedTalkSec},
           {"dtmf", c.dtmf},
           {"recorded", c.recorded}};
    if (c.offeredAt)
        j["offeredAt"] = toRfc3339(*c.offeredAt);
    if (c.answeredAt)
        j["answeredAt"] = toRfc3339(*c.answeredAt);
    j["supervision"] = supervisionJson(c.supervision);
    if (c.consult) {
        j["consult"] = {{"to", {{targetKind(c.consult->to.kind), c.consult->to.value}}},
                        {"targetAgentId", orNull(c.consult->targetAgentId)},
                        {"mode", c.consult->attended ? "attended" : "consult"},
                        {"talking", c.consult->talking},
                        {"since", toRfc3339(c.consult->since)}};
    } else {
        j["consult"] = nullptr;
    }
    return j;
}

json phoneJson(const PhoneStatus& phone, const std::string& extension) {
    return {
        {"registered", phone.registered}, {"extension", extension}, {"userAgent", phone.userAgent}};
}

json agentJson(const AgentView& a) {
    json j{{"id", a.user.id},
           {"name", a.user.name},
           {"nameEn", a.user.nameEn},
           {"role", roleName(a.user.role)},
           {"skills", a.user.skills},
           {"extension", a.user.extension},
           {"state", agentStateName(a.state)},
           {"reason", a.reason.empty() ? json(nullptr) : json(a.reason)},
           {"since", toRfc3339(a.since)},
           {"handledToday", a.handledToday},
           {"ahtTodaySec", a.ahtTodaySec},
           {"missedToday", a.missedToday},
           {"callId", orNull(a.callId)},
           {"queue", orNull(a.queue)},
           {"customerName", orNull(a.customerName)},
           {"callSince", timeOrNull(a.callSince)},
           {"supervision", supervisionJson(a.supervision)},
           {"supervising", nullptr},
           {"phone", nullptr}};
    if (a.supervising) {
        j["supervising"] = {{"callId", a.supervising->callId},
                            {"agentId", a.supervising->agentId},
                            {"mode", supervisionModeName(a.supervising->mode)}};
    }
    if (a.phone)
        j["phone"] = phoneJson(*a.phone, a.user.extension);
    return j;
}

json agentsJson(const std::vector<AgentView>& agents) {
    json out = json::array();
    for (const auto& a : agents)
        out.push_back(agentJson(a));
    return out;
}

json queueStatsJson(const QueueStatsView& s) {
    const QueueConfig& q = *s.queue;
    const QueueKpis& k = s.kpis;
    return {{"id", q.id},
            {"name", q.name},
            {"nameEn", q.nameEn},
            {"waiting", k.waiting},
            {"longestWaitSec", static_cast<int>(k.longestWaitSec)},
            {"ewtSec", k.ewtSec},
            {"offered", k.offered},
            {"answered", k.answered},
            {"abandoned", k.abandoned},
            {"serviceLevelPct", k.serviceLevelPct},
            {"slThresholdSec", q.slThresholdSec},
            {"slTargetPct", q.slTargetPct},
            {"abandonRatePct", k.abandonRatePct},
            {"asaSec", k.asaSec},
            {"ahtSec", k.ahtSec},
            {"recommendedTalkSec", q.recommendedTalkSec},
            {"agents",
             {{"ready", s.ready},
              {"onCall", s.onCall},
              {"acw", s.acw},
              {"notReady", s.notReady},
              {"protection", s.protection}}},
            {"windowStart", toRfc3339(s.windowStart)},
            {"at", toRfc3339(s.at)}};
}

json queuesJson(const std::vector<QueueStatsView>& queues) {
    json out = json::array();
    for (const auto& q : queues)
        out.push_back(queueStatsJson(q));
    return out;
}

json capabilitiesJson(const Capabilities& caps) {
    json reasons = json::array();
    for (const auto& r : caps.reasons)
        reasons.push_back({{"code", r.code}, {"labels", {{"ko", r.labelKo}, {"en", r.labelEn}}}});
    json queues = json::array();
    for (const auto& q : caps.queues) {
        json intents = json::array();
        for (const auto& i : q.intents) {
            intents.push_back({{"id", i.id},
                               {"labels", {{"ko", i.labelKo}, {"en", i.labelEn}}},
                               {"ivrPath", i.ivrPath}});
        }
        queues.push_back({{"id", q.id},
                          {"name", q.name},
                          {"nameEn", q.nameEn},
                          {"skill", q.skill},
                          {"slThresholdSec", q.slThresholdSec},
                          {"slTargetPct", q.slTargetPct},
                          {"recommendedTalkSec", q.recommendedTalkSec},
                          {"intents", std::move(intents)}});
    }
    const AcdSettings& s = caps.settings;
    return {
        {"features", caps.features},
        {"telephony", caps.telephony},
        {"acw",
         {{"mode", s.acwMandatory ? "mandatory" : "optional"}, {"timeoutSec", s.acwTimeoutSec}}},
        {"ringTimeoutSec", s.ringTimeoutSec},
        {"slThresholdSec", caps.queues.empty() ? 20 : caps.queues.front().slThresholdSec},
        {"abuseWarningsBeforeHangup", s.abuseWarningsBeforeHangup},
        {"protectionRestMin", s.protectionRestMin},
        {"notReadyReasons", std::move(reasons)},
        {"queues", std::move(queues)},
        {"utcOffsetMinutes", s.utcOffsetMinutes}};
}

// ------------------------------------------------------------------ events

AcdEventPresenter::AcdEventPresenter(EventPublisher& hub,
                                     std::function<json(const std::string&)> suggestArticles)
    : hub_(hub), suggestArticles_(std::move(suggestArticles)) {}

void AcdEventPresenter::agentState(const std::string& agentId, AgentState state,
                                   const std::string& reason, TimePoint since,
                                   const std::string& requestId, const std::string& extension,
                                   const std::optional<PhoneStatus>& phone) {
    json data{{"agentId", agentId},
              {"state", agentStateName(state)},
              {"reason", reason.empty() ? json(nullptr) : json(reason)},
              {"since", toRfc3339(since)}};
    if (phone)
        data["phone"] = phoneJson(*phone, extension);
    withRequestId(data, requestId);
    hub_.publish("agent.state", std::move(data), Audience::agent(agentId));
}

void AcdEventPresenter::callOffered(const std::string& agentId, const CallView& call,
                                    const std::optional<std::string>& consultFrom) {
    json data{{"call", callJson(call)}};
    data["suggestedArticles"] =
        call.intent.empty() || !suggestArticles_ ? json::array() : suggestArticles_(call.intent);
    if (consultFrom)
        data["consultFrom"] = *consultFrom;
    hub_.publish("call.offered", std::move(data), Audience::agentOnly(agentId));
}

void AcdEventPresenter::callState(const std::string& agentId, const CallView& call,
                                  const std::string& requestId,
                                  const std::optional<std::string>& consultResult) {
    json data{{"call", callJson(call)}};
    if (consultResult)
        data["consultResult"] = *consultResult;
    withRequestId(data, requestId);
    hub_.publish("call.state", std::move(data), Audience::agentOnly(agentId));
}

void AcdEventPresenter::callEnded(const std::string& agentId, const std::string& callId,
                                  const std::string& reason, const std::string& requestId) {
    json data{{"callId", callId}, {"reason", reason}, {"agentId", agentId}};
    withRequestId(data, requestId);
    hub_.publish("call.ended", std::move(data), Audience::agentOnly(agentId));
}

void AcdEventPresenter::queueStats(const QueueStatsView& stats) {
    hub_.publish("queue.stats", queueStatsJson(stats), Audience::skill(stats.queue->skill));
}

void AcdEventPresenter::alert(const AlertRecord& a) {
    json data{{"kind", a.kind},
              {"severity", a.severity},
              {"message", a.message},
              {"at", toRfc3339(a.at)}};
    auto put = [&](const char* key, const auto& value) {
        if (value)
            data[key] = *value;
    };
    put("queue", a.queue);
    put("agentId", a.agentId);
    put("callId", a.callId);
    put("count", a.count);
    put("warnings", a.warnings);
    put("serviceLevelPct", a.serviceLevelPct);
    put("slTargetPct", a.slTargetPct);
    put("slThresholdSec", a.slThresholdSec);
    // Warnings about a caller always say whether the caller is a known customer.
    if (a.kind == "abuse_warning" || a.kind == "agent_ended_abuse")
        data["customerId"] = orNull(a.customerId);
    hub_.publish("alert", std::move(data), Audience::supervisors());
}

void AcdEventPresenter::supervision(const std::string& callId, const std::string& agentId,
                                    const std::string& supervisorId,
                                    const std::optional<SupervisionView>& supervision,
                                    const std::string& reason, const std::string& requestId) {
    // Supervisors only, and without the call object: it carries the caller's full number.
    json data{{"callId", callId},
              {"agentId", agentId},
              {"supervisorId", supervisorId},
              {"supervision", supervisionJson(supervision)},
              {"reason", reason}};
    withRequestId(data, requestId);
    hub_.publish("call.supervision", std::move(data), Audience::supervisors());
}

void AcdEventPresenter::transcript(const std::string& agentId, const std::string& callId,
                                   const TranscriptLine& line) {
    hub_.publish(
        "transcript.segment",
        {{"callId", callId}, {"speaker", line.speaker}, {"text", line.text}, {"atSec", line.atSec}},
        Audience::agentOnly(agentId));
}

void AcdEventPresenter::dtmfReceived(const std::string& agentId, const std::string& callId,
                                     const std::string& digits) {
    hub_.publish("call.dtmf", {{"callId", callId}, {"digits", digits}, {"from", "caller"}},
                 Audience::agentOnly(agentId));
}

}  // namespace agentdesk::server
