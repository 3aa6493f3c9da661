#include "server/acd/acd_simulator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/logging.h"
#include "common/phone.h"

namespace agentdesk::server {

using nlohmann::json;

enum class CallState { Queued, Ringing, Connected, Held, Ended };

static const char* stateName(CallState s) {
    switch (s) {
        case CallState::Queued:
            return "queued";
        case CallState::Ringing:
            return "ringing";
        case CallState::Connected:
            return "connected";
        case CallState::Held:
            return "held";
        case CallState::Ended:
            return "ended";
    }
    return "ended";
}

struct AcdSimulator::Call {
    std::string id;
    std::string direction = "inbound";
    std::string ani;  // E.164 of the other party
    std::string queue;
    std::string intent;
    std::vector<std::string> ivrPath;
    bool verified = false;
    int ivrSec = 0;
    std::vector<CustomerMatch> matches;
    std::optional<std::string> customerId;
    CallState state = CallState::Queued;
    std::string agentId;  // ringing at / connected to
    TimePoint createdAt;
    TimePoint queuedAt;
    TimePoint offeredAt;
    TimePoint connectedAt;
    TimePoint holdStartedAt;
    double heldSec = 0;
    std::optional<TimePoint> ringDeadline;
    std::optional<TimePoint> patienceDeadline;
    std::optional<int> patienceSec;
    std::optional<int> talkSec;
    std::optional<TimePoint> callerHangupAt;
    std::optional<TimePoint> outboundAnswerAt;
    bool muted = false;
    bool recordingPaused = false;
    int abuseWarnings = 0;
    bool priority = false;
    std::set<std::string> rejectedBy;
    std::shared_ptr<KpiEntry> kpi;
    bool longWaitAlerted = false;
    // consult transfer in progress: the caller is held while the target is reached
    bool consultActive = false;
    TransferTarget consultTarget;
    std::string consultAgentId;  // target agent being rung
    TimePoint consultStartedAt;
    std::optional<TimePoint> consultRingDeadline;
    std::optional<TimePoint> consultAnswerAt;  // external number picks up
    std::vector<TranscriptLine> transcript;
    std::size_t transcriptNext = 0;
    std::string dtmf;
    std::string endReason;
    // a team lead or trainer listening to / whispering to / barging into the agent's leg
    std::string supervisorId;
    std::string supervisionMode;
    TimePoint supervisionSince;
};

struct AcdSimulator::Agent {
    User user;
    bool loggedIn = false;
    std::string state = "logged_out";
    std::string reason;
    TimePoint since;
    TimePoint idleSince;
    std::string callId;  // ringing (also consult offers) or on a call
    std::string acwCallId;
    std::optional<std::string> acwCustomerId;  // the caller of the call being wrapped up
    std::string acwCallerE164;
    std::optional<TimePoint> acwDeadline;
    TimePoint acwStartedAt;
    double pendingTalkHoldSec = 0;
    std::shared_ptr<KpiEntry> pendingKpi;
    int handledToday = 0;
    double handleSecToday = 0;
    TimePoint statsDay;
    std::string supervisingCallId;  // the call this supervisor listens to; not routed calls then
};

AcdSimulator::AcdSimulator(const Clock& clock, EventPublisher& events, AcdHooks& hooks,
                           AcdSettings settings, std::vector<QueueConfig> queues,
                           std::vector<NotReadyReason> reasons)
    : clock_(clock),
      events_(events),
      hooks_(hooks),
      settings_(std::move(settings)),
      queues_(std::move(queues)),
      reasons_(std::move(reasons)) {}

AcdSimulator::~AcdSimulator() = default;

// ------------------------------------------------------------------ lookups

AcdSimulator::Agent* AcdSimulator::agent(const std::string& id) {
    auto it = agents_.find(id);
    return it == agents_.end() ? nullptr : it->second.get();
}
const AcdSimulator::Agent* AcdSimulator::agent(const std::string& id) const {
    auto it = agents_.find(id);
    return it == agents_.end() ? nullptr : it->second.get();
}
AcdSimulator::Call* AcdSimulator::call(const std::string& id) {
    auto it = calls_.find(id);
    return it == calls_.end() || it->second->state == CallState::Ended ? nullptr : it->second.get();
}
const QueueConfig* AcdSimulator::queue(const std::string& id) const {
    for (const auto& q : queues_) {
        if (q.id == id)
            return &q;
    }
    return nullptr;
}
bool AcdSimulator::hasQueue(const std::string& queueId) const {
    return queue(queueId) != nullptr;
}

std::string AcdSimulator::intentLabel(const std::string& queueId, const std::string& intent) const {
    if (const auto* q = queue(queueId)) {
        for (const auto& i : q->intents) {
            if (i.id == intent)
                return i.labelKo;
        }
    }
    return intent;
}

std::string AcdSimulator::newCallId() {
    char buf[48];
    std::snprintf(buf, sizeof buf, "call-%llx-%llu",
                  static_cast<unsigned long long>(toUnixMs(clock_.now()) / 1000),
                  static_cast<unsigned long long>(++callSeq_));
    return buf;
}

// Finds the agent and a call that is this agent's (connected, held or ringing at it).
Outcome AcdSimulator::agentCall(const std::string& agentId, const std::string& callId, Agent** a,
                                Call** c) {
    *a = agent(agentId);
    *c = call(callId);
    if (!*a || !*c || ((*c)->agentId != agentId && (*c)->consultAgentId != agentId)) {
        return Outcome::fail(ErrorCode::NotFound, "no such call for this agent");
    }
    return Outcome::success();
}

Outcome AcdSimulator::activeCall(const std::string& agentId, const std::string& callId,
                                 bool allowHeld, const char* otherwise, Call** c) {
    Agent* a;
    if (auto r = agentCall(agentId, callId, &a, c); !r.ok())
        return r;
    const bool active = (*c)->agentId == agentId && ((*c)->state == CallState::Connected ||
                                                     (allowHeld && (*c)->state == CallState::Held));
    return active ? Outcome::success() : Outcome::fail(ErrorCode::InvalidState, otherwise);
}

bool AcdSimulator::callBelongsTo(const std::string& callId, const std::string& agentId) const {
    auto it = calls_.find(callId);
    if (it != calls_.end() &&
        (it->second->agentId == agentId || it->second->consultAgentId == agentId)) {
        return true;
    }
    const Agent* a = agent(agentId);
    return a && a->acwCallId == callId && !callId.empty();
}

bool AcdSimulator::callActive(const std::string& callId) const {
    return callState(callId).has_value();
}

std::optional<std::string> AcdSimulator::callState(const std::string& callId) const {
    auto it = calls_.find(callId);
    if (it == calls_.end() || it->second->state == CallState::Ended)
        return std::nullopt;
    return stateName(it->second->state);
}

// ------------------------------------------------------------------ JSON views

json AcdSimulator::callJson(const Call& c) const {
    const TimePoint now = clock_.now();
    const auto* q = queue(c.queue);
    json matches = json::array();
    bool abusive = false;
    for (const auto& m : c.matches) {
        matches.push_back({{"id", m.id},
                           {"name", m.name},
                           {"score", std::round(m.score * 100) / 100},
                           {"abusiveHistory", m.abusiveHistory},
                           {"vip", m.vip}});
        abusive = abusive || m.abusiveHistory;
    }
    double waited = 0;
    if (c.kpi) {
        const TimePoint until = c.kpi->answeredAt ? *c.kpi->answeredAt : now;
        waited = std::max(0.0, secondsBetween(c.kpi->enteredAt, until));
    }
    double held = c.heldSec;
    if (c.state == CallState::Held)
        held += secondsBetween(c.holdStartedAt, now);
    json j{{"id", c.id},
           {"direction", c.direction},
           {"ani", phone::formatLocal(c.ani)},
           {"aniE164", c.ani},
           {"dnis", phone::formatLocal(settings_.dnis)},
           {"queue", c.queue},
           {"queueName", q ? q->name : ""},
           {"intent", c.intent},
           {"intentLabel", intentLabel(c.queue, c.intent)},
           {"ivrPath", c.ivrPath},
           {"verified", c.verified},
           {"waitedSec", static_cast<int>(waited)},
           {"customerId", c.customerId ? json(*c.customerId) : json(nullptr)},
           {"customerMatches", std::move(matches)},
           {"abusiveHistory", abusive},
           {"state", stateName(c.state)},
           {"muted", c.muted},
           {"recordingPaused", c.recordingPaused},
           {"abuseWarnings", c.abuseWarnings},
           {"abuseWarningsRequired", settings_.abuseWarningsBeforeHangup},
           {"agentId", c.agentId.empty() ? json(nullptr) : json(c.agentId)},
           {"heldSec", static_cast<int>(held)},
           {"recommendedTalkSec", q ? q->recommendedTalkSec : 0},
           {"dtmf", c.dtmf}};
    if (c.state == CallState::Ringing)
        j["offeredAt"] = toRfc3339(c.offeredAt);
    if (c.state == CallState::Connected || c.state == CallState::Held) {
        j["answeredAt"] = toRfc3339(c.connectedAt);
    }
    j["supervision"] = supervisionJson(c);
    if (c.consultActive) {
        static const char* kinds[] = {"queue", "agent", "number"};
        j["consult"] = {
            {"to", {{kinds[static_cast<int>(c.consultTarget.kind)], c.consultTarget.value}}},
            {"targetAgentId", c.consultAgentId.empty() ? json(nullptr) : json(c.consultAgentId)},
            {"since", toRfc3339(c.consultStartedAt)}};
    } else {
        j["consult"] = nullptr;
    }
    return j;
}

json AcdSimulator::agentJson(const std::string& agentId) const {
    const Agent* a = agent(agentId);
    if (!a)
        return json();
    const bool sameDay = a->statsDay == localMidnight(clock_.now(), settings_.utcOffsetMinutes);
    json j{{"id", a->user.id},
           {"name", a->user.name},
           {"nameEn", a->user.nameEn},
           {"role", roleName(a->user.role)},
           {"skills", a->user.skills},
           {"extension", a->user.extension},
           {"state", a->state},
           {"reason", a->reason.empty() ? json(nullptr) : json(a->reason)},
           {"since", toRfc3339(a->since)},
           {"handledToday", sameDay ? a->handledToday : 0},
           {"ahtTodaySec",
            sameDay && a->handledToday ? std::round(a->handleSecToday / a->handledToday) : -1.0}};
    const std::string& cid = a->callId.empty() ? a->acwCallId : a->callId;
    j["callId"] = cid.empty() ? json(nullptr) : json(cid);
    j["queue"] = nullptr;
    j["customerName"] = nullptr;
    j["callSince"] = nullptr;
    j["supervision"] = nullptr;
    j["supervising"] = nullptr;
    if (auto sup = calls_.find(a->supervisingCallId);
        !a->supervisingCallId.empty() && sup != calls_.end()) {
        j["supervising"] = {{"callId", sup->second->id},
                            {"agentId", sup->second->agentId},
                            {"mode", sup->second->supervisionMode}};
    }
    auto it = calls_.find(cid);
    if (!cid.empty() && it != calls_.end()) {
        const Call& c = *it->second;
        j["queue"] = c.queue.empty() ? json(nullptr) : json(c.queue);
        for (const auto& m : c.matches) {
            if (c.customerId && m.id == *c.customerId)
                j["customerName"] = m.name;
        }
        if (c.state == CallState::Connected || c.state == CallState::Held) {
            j["callSince"] = toRfc3339(c.connectedAt);
            if (c.agentId == a->user.id)
                j["supervision"] = supervisionJson(c);
        }
    }
    return j;
}

json AcdSimulator::agentsJson() const {
    json out = json::array();
    for (const auto& [id, a] : agents_)
        out.push_back(agentJson(id));
    return out;
}

std::optional<json> AcdSimulator::currentCallJson(const std::string& agentId) const {
    const Agent* a = agent(agentId);
    if (!a || a->callId.empty())
        return std::nullopt;
    auto it = calls_.find(a->callId);
    if (it == calls_.end() || it->second->state == CallState::Ended)
        return std::nullopt;
    return callJson(*it->second);
}

std::optional<std::string> AcdSimulator::currentCallCustomer(const std::string& agentId) const {
    const Agent* a = agent(agentId);
    if (!a)
        return std::nullopt;
    if (a->callId.empty())
        return a->acwCallId.empty() ? std::nullopt : a->acwCustomerId;
    auto it = calls_.find(a->callId);
    if (it == calls_.end())
        return std::nullopt;
    if (it->second->customerId)
        return it->second->customerId;
    if (it->second->matches.size() == 1)
        return it->second->matches.front().id;
    return std::nullopt;
}

std::optional<std::string> AcdSimulator::currentCallerE164(const std::string& agentId) const {
    const Agent* a = agent(agentId);
    if (!a)
        return std::nullopt;
    if (a->callId.empty()) {
        if (a->acwCallId.empty())
            return std::nullopt;
        return a->acwCallerE164;
    }
    auto it = calls_.find(a->callId);
    if (it == calls_.end())
        return std::nullopt;
    return it->second->ani;
}

json AcdSimulator::queueStatsJson(const QueueConfig& q, TimePoint windowStart) const {
    const TimePoint now = clock_.now();
    KpiInput in;
    in.windowStart = windowStart;
    in.now = now;
    in.slThresholdSec = q.slThresholdSec;
    in.ewtMinAnswered = settings_.ewtMinAnswered;
    for (const auto& [id, c] : calls_) {
        if (c->state == CallState::Queued && c->queue == q.id && c->kpi) {
            ++in.waitingNow;
            in.longestWaitSec = std::max(in.longestWaitSec, secondsBetween(c->kpi->enteredAt, now));
        }
    }
    int ready = 0, onCall = 0, acw = 0, notReady = 0;
    for (const auto& [id, a] : agents_) {
        if (!a->loggedIn)
            continue;
        // Leads and trainers count only while they take calls themselves.
        if (isSupervisor(a->user.role) && a->state == "not_ready")
            continue;
        if (std::find(a->user.skills.begin(), a->user.skills.end(), q.skill) ==
            a->user.skills.end()) {
            continue;
        }
        if (a->state == "ready")
            ++ready;
        else if (a->state == "ringing" || a->state == "on_call")
            ++onCall;
        else if (a->state == "after_call_work")
            ++acw;
        else if (a->state == "not_ready")
            ++notReady;
    }
    in.agentsServing = ready + onCall + acw;
    std::vector<KpiEntry> entries;
    if (auto it = kpis_.find(q.id); it != kpis_.end()) {
        entries.reserve(it->second.size());
        for (const auto& e : it->second)
            entries.push_back(*e);
    }
    const QueueKpis k = computeKpis(entries, in);
    return {
        {"id", q.id},
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
        {"agents", {{"ready", ready}, {"onCall", onCall}, {"acw", acw}, {"notReady", notReady}}},
        {"windowStart", toRfc3339(windowStart)},
        {"at", toRfc3339(now)}};
}

json AcdSimulator::queuesJson(std::optional<std::chrono::seconds> window,
                              const std::set<std::string>* skills) const {
    const TimePoint now = clock_.now();
    const TimePoint start = window ? now - *window : localMidnight(now, settings_.utcOffsetMinutes);
    json out = json::array();
    for (const auto& q : queues_) {
        if (skills && !skills->count(q.skill))
            continue;
        out.push_back(queueStatsJson(q, start));
    }
    return out;
}

json AcdSimulator::capabilitiesJson() const {
    json reasons = json::array();
    for (const auto& r : reasons_) {
        reasons.push_back({{"code", r.code}, {"labels", {{"ko", r.labelKo}, {"en", r.labelEn}}}});
    }
    json queues = json::array();
    for (const auto& q : queues_) {
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
    return {{"features",
             {"transfer", "consult", "recordingPause", "abuseWarning", "transcript", "demo", "dtmf",
              "outbound", "evaluations"}},
            {"acw",
             {{"mode", settings_.acwMandatory ? "mandatory" : "optional"},
              {"timeoutSec", settings_.acwTimeoutSec}}},
            {"ringTimeoutSec", settings_.ringTimeoutSec},
            {"slThresholdSec", queues_.empty() ? 20 : queues_.front().slThresholdSec},
            {"abuseWarningsBeforeHangup", settings_.abuseWarningsBeforeHangup},
            {"notReadyReasons", std::move(reasons)},
            {"queues", std::move(queues)},
            {"utcOffsetMinutes", settings_.utcOffsetMinutes}};
}

// ------------------------------------------------------------------ events

void AcdSimulator::setState(Agent& a, const std::string& state, const std::string& reason,
                            const std::string& requestId) {
    const TimePoint now = clock_.now();
    if (state == "ready" && a.state != "ready")
        a.idleSince = now;
    a.state = state;
    a.reason = reason;
    a.since = now;
    json data{{"agentId", a.user.id},
              {"state", state},
              {"reason", reason.empty() ? json(nullptr) : json(reason)},
              {"since", toRfc3339(now)}};
    if (!requestId.empty())
        data["requestId"] = requestId;
    events_.publish("agent.state", std::move(data), Audience::agent(a.user.id));
    for (const auto& skill : a.user.skills)
        markDirty(skill);
}

void AcdSimulator::publishCallState(const Call& c, const std::string& agentId,
                                    const std::string& requestId) {
    json data{{"call", callJson(c)}};
    if (!requestId.empty())
        data["requestId"] = requestId;
    events_.publish("call.state", std::move(data), Audience::agentOnly(agentId));
}

void AcdSimulator::publishEnded(const Call& c, const std::string& agentId,
                                const std::string& reason, const std::string& requestId) {
    json data{{"callId", c.id}, {"reason", reason}, {"agentId", agentId}};
    if (!requestId.empty())
        data["requestId"] = requestId;
    events_.publish("call.ended", std::move(data), Audience::agentOnly(agentId));
}

void AcdSimulator::alert(const std::string& kind, const std::string& severity, const json& extra,
                         const std::string& message) {
    json data{{"kind", kind},
              {"severity", severity},
              {"message", message},
              {"at", toRfc3339(clock_.now())}};
    for (auto& [k, v] : extra.items())
        data[k] = v;
    events_.publish("alert", std::move(data), Audience::supervisors());
}

void AcdSimulator::markDirty(const std::string& queueOrSkill) {
    for (const auto& q : queues_) {
        if (q.id == queueOrSkill || q.skill == queueOrSkill)
            dirty_[q.id] = true;
    }
}

void AcdSimulator::flushStats(bool force) {
    const TimePoint now = clock_.now();
    for (const auto& q : queues_) {
        auto last = lastStatsPush_.find(q.id);
        const bool due =
            last == lastStatsPush_.end() ||
            now - last->second >= std::chrono::milliseconds(settings_.statsMinIntervalMs);
        if (!due)
            continue;
        if (!dirty_[q.id] && !force) {
            // Longest wait keeps changing while callers wait.
            bool waiting = false;
            for (const auto& [id, c] : calls_) {
                waiting = waiting || (c->state == CallState::Queued && c->queue == q.id);
            }
            if (!waiting || last == lastStatsPush_.end() ||
                now - last->second < std::chrono::seconds(5)) {
                continue;
            }
        }
        dirty_[q.id] = false;
        lastStatsPush_[q.id] = now;
        json stats = queueStatsJson(q, localMidnight(now, settings_.utcOffsetMinutes));
        events_.publish("queue.stats", stats, Audience::skill(q.skill));
        checkServiceLevel(q, stats);
    }
}

// One alert per breach: raised when today's service level falls below the queue's target,
// re-armed once it is back at or above the target (or has no data, after midnight or a reset).
void AcdSimulator::checkServiceLevel(const QueueConfig& q, const json& stats) {
    const double sl = stats.value("serviceLevelPct", -1.0);
    if (sl < 0 || sl >= q.slTargetPct) {
        slBreached_.erase(q.id);
        return;
    }
    if (!slBreached_.insert(q.id).second)
        return;
    char text[160];
    std::snprintf(text, sizeof text, "서비스 레벨이 목표 %.0f%% 아래로 떨어졌습니다 (%.1f%%)",
                  q.slTargetPct, sl);
    alert("sl_breach", "warning",
          {{"queue", q.id},
           {"serviceLevelPct", sl},
           {"slTargetPct", q.slTargetPct},
           {"slThresholdSec", q.slThresholdSec}},
          q.name + " " + text);
}

// ------------------------------------------------------------------ supervision

json AcdSimulator::supervisionJson(const Call& c) const {
    if (c.supervisorId.empty())
        return nullptr;
    const Agent* s = agent(c.supervisorId);
    return {{"supervisorId", c.supervisorId},
            {"supervisorName", s ? s->user.name : c.supervisorId},
            {"supervisorNameEn", s ? s->user.nameEn : c.supervisorId},
            {"mode", c.supervisionMode},
            {"since", toRfc3339(c.supervisionSince)}};
}

void AcdSimulator::publishSupervision(const Call& c, const std::string& agentId,
                                      const std::string& supervisorId, const std::string& reason,
                                      const std::string& requestId) {
    // Supervisors only, and without the call object: it carries the caller's full number.
    json data{{"callId", c.id},
              {"agentId", agentId},
              {"supervisorId", supervisorId},
              {"supervision", supervisionJson(c)},
              {"reason", reason}};
    if (!requestId.empty())
        data["requestId"] = requestId;
    events_.publish("call.supervision", std::move(data), Audience::supervisors());
}

void AcdSimulator::endSupervision(Call& c, const std::string& reason,
                                  const std::string& requestId) {
    if (c.supervisorId.empty())
        return;
    const std::string supervisorId = c.supervisorId;
    if (Agent* s = agent(supervisorId); s && s->supervisingCallId == c.id)
        s->supervisingCallId.clear();
    c.supervisorId.clear();
    c.supervisionMode.clear();
    // When the leg ends the agent gets call.ended instead.
    if (reason != "call_ended" && !c.agentId.empty())
        publishCallState(c, c.agentId, requestId);
    publishSupervision(c, c.agentId, supervisorId, reason, requestId);
}

Outcome AcdSimulator::supervise(const std::string& supervisorId, const std::string& callId,
                                const std::string& mode, const std::string& requestId) {
    Agent* s = agent(supervisorId);
    if (!s || !s->loggedIn)
        return Outcome::fail(ErrorCode::InvalidState, "agent is logged out");
    Call* c = call(callId);
    if (!c) {
        return endedIds_.count(callId)
                   ? Outcome::fail(ErrorCode::InvalidState, "the call has ended")
                   : Outcome::fail(ErrorCode::NotFound, "unknown call");
    }
    if (c->state != CallState::Connected && c->state != CallState::Held) {
        return Outcome::fail(ErrorCode::InvalidState,
                             "only a connected or held call can be supervised");
    }
    if (c->agentId == supervisorId)
        return Outcome::fail(ErrorCode::InvalidState, "you cannot supervise your own call");
    if (!s->callId.empty())
        return Outcome::fail(ErrorCode::InvalidState, "finish your own call first");
    if (!c->supervisorId.empty() && c->supervisorId != supervisorId) {
        const Agent* other = agent(c->supervisorId);
        return Outcome::fail(
            ErrorCode::InvalidState,
            "the call is already supervised by " + (other ? other->user.name : c->supervisorId));
    }
    if (!s->supervisingCallId.empty() && s->supervisingCallId != callId) {
        if (Call* previous = call(s->supervisingCallId))
            endSupervision(*previous, "stopped", "");
        s->supervisingCallId.clear();
    }
    const bool starting = c->supervisorId != supervisorId;
    if (starting)
        c->supervisionSince = clock_.now();
    c->supervisorId = supervisorId;
    c->supervisionMode = mode;
    s->supervisingCallId = c->id;
    publishCallState(*c, c->agentId, requestId);
    publishSupervision(*c, c->agentId, supervisorId, starting ? "started" : "mode_changed",
                       requestId);
    logging::get("acd")->info("{} supervises call {} of {} ({})", supervisorId, c->id, c->agentId,
                              mode);
    return Outcome::success();
}

Outcome AcdSimulator::stopSupervising(const std::string& supervisorId, const std::string& callId,
                                      const std::string& requestId) {
    Call* c = call(callId);
    if (!c) {
        return endedIds_.count(callId)
                   ? Outcome::fail(ErrorCode::InvalidState, "the call has ended")
                   : Outcome::fail(ErrorCode::NotFound, "unknown call");
    }
    if (c->supervisorId != supervisorId)
        return Outcome::fail(ErrorCode::InvalidState, "you are not supervising this call");
    endSupervision(*c, "stopped", requestId);
    route();
    flushStats(false);
    return Outcome::success();
}

// ------------------------------------------------------------------ agent state

void AcdSimulator::registerAgent(const User& user) {
    auto& slot = agents_[user.id];
    if (!slot) {
        slot = std::make_unique<Agent>();
        slot->since = clock_.now();
        slot->statsDay = localMidnight(clock_.now(), settings_.utcOffsetMinutes);
    }
    slot->user = user;
    slot->user.passwordHash.clear();
}

void AcdSimulator::agentLoggedIn(const User& user) {
    registerAgent(user);
    Agent& a = *agents_[user.id];
    if (a.loggedIn)
        return;
    a.loggedIn = true;
    setState(a, "not_ready", "login", "");
    flushStats(false);
}

Outcome AcdSimulator::agentLoggedOut(const std::string& agentId) {
    Agent* a = agent(agentId);
    if (!a || !a->loggedIn)
        return Outcome::success();
    if (a->state == "ringing" || a->state == "on_call") {
        return Outcome::fail(ErrorCode::InvalidState, "finish the call before logging out");
    }
    if (a->state == "after_call_work") {
        endAcw(*a, "not_ready", "", "");
    }
    if (Call* supervised = call(a->supervisingCallId))
        endSupervision(*supervised, "supervisor_left", "");
    a->supervisingCallId.clear();
    a->loggedIn = false;
    setState(*a, "logged_out", "", "");
    flushStats(false);
    return Outcome::success();
}

Outcome AcdSimulator::setAgentState(const std::string& agentId, const std::string& state,
                                    const std::string& reason, const std::string& requestId) {
    Agent* a = agent(agentId);
    if (!a || !a->loggedIn)
        return Outcome::fail(ErrorCode::InvalidState, "agent is logged out");
    if (a->state == "ringing" || a->state == "on_call") {
        return Outcome::fail(
            ErrorCode::InvalidState,
            "cannot change state while " + a->state + "; " +
                (a->state == "ringing" ? "answer or reject first" : "hang up first"));
    }
    if (state == "after_call_work") {
        if (a->state != "after_call_work") {
            a->acwCallId.clear();
            a->acwStartedAt = clock_.now();
            a->acwDeadline = clock_.now() + std::chrono::seconds(settings_.acwTimeoutSec);
            a->pendingKpi.reset();
            a->pendingTalkHoldSec = 0;
            setState(*a, "after_call_work", "", requestId);  // ACW has no reason codes
        } else {
            setState(*a, "after_call_work", a->reason, requestId);
        }
    } else {
        if (a->state == "after_call_work") {
            if (settings_.acwMandatory && !a->acwCallId.empty()) {
                return Outcome::fail(ErrorCode::InvalidState,
                                     "after-call work ends with a wrap-up code");
            }
            endAcw(*a, state, reason, requestId);
        } else {
            setState(*a, state, state == "not_ready" ? (reason.empty() ? "break" : reason) : "",
                     requestId);
        }
    }
    route();
    flushStats(false);
    return Outcome::success();
}

void AcdSimulator::startAcw(Agent& a, Call& c) {
    const TimePoint now = clock_.now();
    a.acwCallId = c.id;
    a.acwCustomerId = c.customerId;
    if (!a.acwCustomerId && c.matches.size() == 1)
        a.acwCustomerId = c.matches.front().id;
    a.acwCallerE164 = c.ani;
    a.acwStartedAt = now;
    a.acwDeadline = now + std::chrono::seconds(settings_.acwTimeoutSec);
    a.pendingTalkHoldSec = std::max(0.0, secondsBetween(c.connectedAt, now));
    a.pendingKpi = c.kpi;
    setState(a, "after_call_work", "", "");
}

void AcdSimulator::endAcw(Agent& a, const std::string& nextState, const std::string& reason,
                          const std::string& requestId) {
    const TimePoint now = clock_.now();
    const TimePoint day = localMidnight(now, settings_.utcOffsetMinutes);
    if (a.statsDay != day) {
        a.statsDay = day;
        a.handledToday = 0;
        a.handleSecToday = 0;
    }
    if (!a.acwCallId.empty()) {
        const double handle =
            a.pendingTalkHoldSec + std::max(0.0, secondsBetween(a.acwStartedAt, now));
        if (a.pendingKpi)
            a.pendingKpi->handleSec = a.pendingKpi->handleSec.value_or(0) + handle;
        ++a.handledToday;
        a.handleSecToday += handle;
    }
    a.acwCallId.clear();
    a.acwCustomerId.reset();
    a.acwCallerE164.clear();
    a.acwDeadline.reset();
    a.pendingKpi.reset();
    a.pendingTalkHoldSec = 0;
    const std::string next = nextState == "not_ready" ? "not_ready" : "ready";
    setState(a, next, next == "not_ready" ? (reason.empty() ? "break" : reason) : "", requestId);
}

// ------------------------------------------------------------------ routing

void AcdSimulator::enqueue(Call& c, const std::string& queueId, bool priority) {
    const TimePoint now = clock_.now();
    c.queue = queueId;
    c.state = CallState::Queued;
    c.agentId.clear();
    c.queuedAt = now;
    c.priority = priority;
    c.kpi = std::make_shared<KpiEntry>();
    c.kpi->enteredAt = now;
    kpis_[queueId].push_back(c.kpi);
    markDirty(queueId);
}

void AcdSimulator::route() {
    struct Waiting {
        Call* call;
        bool consult;
        bool priority;
        TimePoint since;
    };
    std::vector<Waiting> waiting;
    for (auto& [id, c] : calls_) {
        if (c->state == CallState::Queued) {
            waiting.push_back(
                {c.get(), false, c->priority, c->kpi ? c->kpi->enteredAt : c->queuedAt});
        } else if (c->consultActive && c->consultTarget.kind == TransferTarget::Kind::Queue &&
                   c->consultAgentId.empty() && c->state == CallState::Held) {
            waiting.push_back({c.get(), true, true, c->consultStartedAt});
        }
    }
    std::stable_sort(waiting.begin(), waiting.end(), [](const Waiting& x, const Waiting& y) {
        if (x.priority != y.priority)
            return x.priority;
        return x.since < y.since;
    });
    for (auto& w : waiting) {
        const QueueConfig* q = queue(w.consult ? w.call->consultTarget.value : w.call->queue);
        if (!q)
            continue;
        Agent* best = nullptr;
        for (auto& [id, a] : agents_) {
            if (!a->loggedIn || a->state != "ready" || !a->supervisingCallId.empty())
                continue;
            if (w.call->rejectedBy.count(id) || id == w.call->agentId)
                continue;
            if (std::find(a->user.skills.begin(), a->user.skills.end(), q->skill) ==
                a->user.skills.end()) {
                continue;
            }
            if (!best || a->idleSince < best->idleSince)
                best = a.get();
        }
        if (best)
            offer(*w.call, *best, w.consult);
    }
}

void AcdSimulator::offer(Call& c, Agent& a, bool consult) {
    const TimePoint now = clock_.now();
    const auto deadline = now + std::chrono::seconds(settings_.ringTimeoutSec);
    if (consult) {
        c.consultAgentId = a.user.id;
        c.consultRingDeadline = deadline;
    } else {
        c.state = CallState::Ringing;
        c.agentId = a.user.id;
        c.offeredAt = now;
        c.ringDeadline = deadline;
    }
    a.callId = c.id;
    setState(a, "ringing", "", "");
    json data{{"call", callJson(c)}};
    data["suggestedArticles"] = c.intent.empty() ? json::array() : hooks_.suggestArticles(c.intent);
    if (consult) {
        data["call"]["state"] = "ringing";
        data["consultFrom"] = c.agentId;
    }
    events_.publish("call.offered", std::move(data), Audience::agentOnly(a.user.id));
    markDirty(c.queue);
}

std::string AcdSimulator::injectCall(const InboundCallSpec& spec) {
    const TimePoint now = clock_.now();
    auto c = std::make_unique<Call>();
    c->id = newCallId();
    c->ani = spec.aniE164;
    c->intent = spec.intent;
    c->verified = spec.verified;
    c->ivrSec = spec.ivrSec;
    c->createdAt = now - std::chrono::seconds(std::max(0, spec.waitedSec));
    c->patienceSec = spec.patienceSec;
    if (spec.patienceSec)
        c->patienceDeadline = now + std::chrono::seconds(*spec.patienceSec);
    c->talkSec = spec.talkSec;
    c->transcript = spec.transcript;
    std::sort(c->transcript.begin(), c->transcript.end(),
              [](const TranscriptLine& x, const TranscriptLine& y) { return x.atSec < y.atSec; });
    if (const auto* q = queue(spec.queue)) {
        for (const auto& i : q->intents) {
            if (i.id == spec.intent)
                c->ivrPath = i.ivrPath;
        }
    }
    c->matches = hooks_.matchCustomers(spec.aniE164);
    if (spec.customerId) {
        c->customerId = spec.customerId;
    } else if (c->matches.size() == 1) {
        c->customerId = c->matches.front().id;
    }
    Call& ref = *c;
    calls_.emplace(c->id, std::move(c));
    enqueue(ref, spec.queue, false);
    if (spec.waitedSec > 0)
        ref.kpi->enteredAt = ref.createdAt;  // a scripted caller who has waited already
    logging::get("acd")->info("call {} from {} enters queue {} ({})", ref.id, ref.ani, ref.queue,
                              ref.intent);
    route();
    flushStats(false);
    return ref.id;
}

// ------------------------------------------------------------------ call commands

Outcome AcdSimulator::answer(const std::string& agentId, const std::string& callId,
                             const std::string& requestId) {
    Agent* a;
    Call* c;
    if (auto r = agentCall(agentId, callId, &a, &c); !r.ok())
        return r;
    if (c->consultActive && c->consultAgentId == agentId) {
        completeConsult(*c, a, requestId);
    } else if (c->state == CallState::Ringing && c->direction == "inbound") {
        const TimePoint now = clock_.now();
        c->state = CallState::Connected;
        c->connectedAt = now;
        c->ringDeadline.reset();
        c->patienceDeadline.reset();
        if (c->kpi && !c->kpi->answeredAt)
            c->kpi->answeredAt = now;
        if (c->talkSec)
            c->callerHangupAt = now + std::chrono::seconds(*c->talkSec);
        c->transcriptNext = 0;
        setState(*a, "on_call", "", requestId);
        publishCallState(*c, agentId, requestId);
        markDirty(c->queue);
    } else {
        return Outcome::fail(ErrorCode::InvalidState, "the call is not ringing");
    }
    flushStats(false);
    removeEnded();
    return Outcome::success();
}

Outcome AcdSimulator::reject(const std::string& agentId, const std::string& callId,
                             const std::string& requestId) {
    Agent* a;
    Call* c;
    if (auto r = agentCall(agentId, callId, &a, &c); !r.ok())
        return r;
    if (c->consultActive && c->consultAgentId == agentId) {
        c->consultAgentId.clear();
        c->consultRingDeadline.reset();
        c->rejectedBy.insert(agentId);
        a->callId.clear();
        publishEnded(*c, agentId, "rejected", requestId);
        setState(*a, "ready", "", requestId);
        if (c->consultTarget.kind == TransferTarget::Kind::Agent) {
            cancelConsult(*c, "rejected", "");
        }
    } else if (c->state == CallState::Ringing && c->direction == "inbound") {
        c->rejectedBy.insert(agentId);
        a->callId.clear();
        publishEnded(*c, agentId, "rejected", requestId);
        setState(*a, "ready", "", requestId);
        c->state = CallState::Queued;
        c->agentId.clear();
        c->ringDeadline.reset();
        c->priority = true;
    } else {
        return Outcome::fail(ErrorCode::InvalidState, "the call is not ringing");
    }
    route();
    flushStats(false);
    return Outcome::success();
}

Outcome AcdSimulator::hold(const std::string& agentId, const std::string& callId,
                           const std::string& requestId) {
    Call* c;
    if (auto r = activeCall(agentId, callId, false, "only a connected call can be held", &c);
        !r.ok())
        return r;
    c->state = CallState::Held;
    c->holdStartedAt = clock_.now();
    publishCallState(*c, agentId, requestId);
    return Outcome::success();
}

Outcome AcdSimulator::resume(const std::string& agentId, const std::string& callId,
                             const std::string& requestId) {
    Agent* a;
    Call* c;
    if (auto r = agentCall(agentId, callId, &a, &c); !r.ok())
        return r;
    if (c->agentId != agentId || c->state != CallState::Held) {
        return Outcome::fail(ErrorCode::InvalidState, "the call is not on hold");
    }
    if (c->consultActive)
        cancelConsult(*c, "cancelled", "");
    c->heldSec += secondsBetween(c->holdStartedAt, clock_.now());
    c->state = CallState::Connected;
    publishCallState(*c, agentId, requestId);
    route();
    return Outcome::success();
}

Outcome AcdSimulator::mute(const std::string& agentId, const std::string& callId, bool muted,
                           const std::string& requestId) {
    Call* c;
    if (auto r = activeCall(agentId, callId, true, "the call is not connected", &c); !r.ok())
        return r;
    c->muted = muted;
    publishCallState(*c, agentId, requestId);
    return Outcome::success();
}

Outcome AcdSimulator::dtmf(const std::string& agentId, const std::string& callId,
                           const std::string& digits, const std::string& requestId) {
    Call* c;
    if (auto r =
            activeCall(agentId, callId, false, "tones can be sent on a connected call only", &c);
        !r.ok())
        return r;
    c->dtmf += digits;
    if (c->dtmf.size() > 64)
        c->dtmf.erase(0, c->dtmf.size() - 64);
    publishCallState(*c, agentId, requestId);
    return Outcome::success();
}

Outcome AcdSimulator::setRecordingPaused(const std::string& agentId, const std::string& callId,
                                         bool paused, const std::string& requestId) {
    Call* c;
    if (auto r = activeCall(agentId, callId, true, "the call is not connected", &c); !r.ok())
        return r;
    c->recordingPaused = paused;
    publishCallState(*c, agentId, requestId);
    return Outcome::success();
}

Outcome AcdSimulator::abuseWarning(const std::string& agentId, const std::string& callId,
                                   const std::string& requestId) {
    Agent* a;
    Call* c;
    if (auto r = agentCall(agentId, callId, &a, &c); !r.ok())
        return r;
    if (c->agentId != agentId || c->state != CallState::Connected || c->direction != "inbound") {
        return Outcome::fail(ErrorCode::InvalidState,
                             "the warning is played on a connected inbound call only");
    }
    ++c->abuseWarnings;
    publishCallState(*c, agentId, requestId);
    alert("abuse_warning", "warning",
          {{"agentId", agentId},
           {"callId", c->id},
           {"queue", c->queue},
           {"customerId", c->customerId ? json(*c->customerId) : json(nullptr)},
           {"count", c->abuseWarnings}},
          a->user.name + " 상담사가 폭언 경고 안내를 송출했습니다 (" +
              std::to_string(c->abuseWarnings) + "회)");
    return Outcome::success();
}

Outcome AcdSimulator::hangup(const std::string& agentId, const std::string& callId, bool forAbuse,
                             const std::string& requestId) {
    Agent* a;
    Call* c;
    if (auto r = agentCall(agentId, callId, &a, &c); !r.ok())
        return r;
    const bool dialing = c->direction == "outbound" && c->state == CallState::Ringing;
    if (c->agentId != agentId ||
        (c->state != CallState::Connected && c->state != CallState::Held && !dialing)) {
        return Outcome::fail(ErrorCode::InvalidState,
                             c->state == CallState::Ringing
                                 ? "a ringing call is rejected, not hung up"
                                 : "the call is not connected");
    }
    if (forAbuse && c->abuseWarnings < settings_.abuseWarningsBeforeHangup) {
        return Outcome::fail(ErrorCode::InvalidState,
                             "ending the call for abuse needs " +
                                 std::to_string(settings_.abuseWarningsBeforeHangup) +
                                 " warnings first (" + std::to_string(c->abuseWarnings) +
                                 " given)");
    }
    if (c->consultActive)
        cancelConsult(*c, "cancelled", "");
    if (dialing)
        c->connectedAt = clock_.now();
    const std::string reason = forAbuse ? "agent_ended_abuse" : "completed";
    if (forAbuse) {
        if (c->customerId)
            hooks_.abusiveCallEnded(*c->customerId);
        alert("agent_ended_abuse", "critical",
              {{"agentId", agentId},
               {"callId", c->id},
               {"queue", c->queue},
               {"customerId", c->customerId ? json(*c->customerId) : json(nullptr)},
               {"warnings", c->abuseWarnings}},
              a->user.name + " 상담사가 폭언 고객 통화를 선종료했습니다");
    }
    endLeg(*c, *a, reason, requestId);
    finishCall(*c, reason, requestId);
    flushStats(false);
    removeEnded();
    return Outcome::success();
}

void AcdSimulator::endLeg(Call& c, Agent& a, const std::string& reason,
                          const std::string& requestId) {
    const TimePoint now = clock_.now();
    endSupervision(c, "call_ended", "");
    if (c.state == CallState::Held)
        c.heldSec += secondsBetween(c.holdStartedAt, now);
    InteractionRecord rec;
    rec.customerId = c.customerId.value_or("");
    rec.callId = c.id;
    rec.direction = c.direction;
    rec.queue = c.queue;
    rec.reason = c.direction == "outbound" ? "발신" : intentLabel(c.queue, c.intent);
    rec.endReason = reason;
    rec.agentId = a.user.id;
    rec.agentName = a.user.name;
    rec.startedAt = c.connectedAt;
    rec.durationSec = static_cast<int>(std::max(0.0, secondsBetween(c.connectedAt, now)));
    hooks_.callLegEnded(rec);
    publishEnded(c, a.user.id, reason, requestId);
    a.callId.clear();
    startAcw(a, c);
}

void AcdSimulator::finishCall(Call& c, const std::string& reason, const std::string&) {
    endSupervision(c, "call_ended", "");
    endedOrder_.push_back(c.id);
    endedIds_.insert(c.id);
    while (endedOrder_.size() > 4096) {
        endedIds_.erase(endedOrder_.front());
        endedOrder_.pop_front();
    }
    c.state = CallState::Ended;
    c.endReason = reason;
    c.agentId.clear();
    markDirty(c.queue);
}

void AcdSimulator::removeEnded() {
    for (auto it = calls_.begin(); it != calls_.end();) {
        if (it->second->state == CallState::Ended) {
            it = calls_.erase(it);
        } else {
            ++it;
        }
    }
}

Outcome AcdSimulator::transfer(const std::string& agentId, const std::string& callId,
                               const TransferTarget& target, bool consult,
                               const std::string& requestId) {
    Agent* a;
    Call* c;
    if (auto r = agentCall(agentId, callId, &a, &c); !r.ok())
        return r;
    if (c->agentId != agentId ||
        (c->state != CallState::Connected && c->state != CallState::Held)) {
        return Outcome::fail(ErrorCode::InvalidState, "only a connected call can be transferred");
    }
    if (c->consultActive) {
        return Outcome::fail(ErrorCode::InvalidState, "a consult transfer is already in progress");
    }
    Agent* targetAgent = nullptr;
    switch (target.kind) {
        case TransferTarget::Kind::Queue:
            if (!queue(target.value))
                return Outcome::fail(ErrorCode::NotFound, "unknown queue");
            break;
        case TransferTarget::Kind::Agent:
            targetAgent = agent(target.value);
            if (!targetAgent)
                return Outcome::fail(ErrorCode::NotFound, "unknown agent");
            if (targetAgent == a) {
                return Outcome::fail(ErrorCode::InvalidState, "cannot transfer to yourself");
            }
            if (!targetAgent->loggedIn || targetAgent->state != "ready") {
                return Outcome::fail(ErrorCode::InvalidState, "the agent is not ready");
            }
            break;
        case TransferTarget::Kind::Number:
            break;
    }
    const TimePoint now = clock_.now();
    if (!consult) {
        endLeg(*c, *a, "transferred", requestId);
        c->muted = false;
        c->heldSec = 0;
        c->rejectedBy.clear();
        switch (target.kind) {
            case TransferTarget::Kind::Queue:
                enqueue(*c, target.value, true);
                if (c->patienceSec)
                    c->patienceDeadline = now + std::chrono::seconds(*c->patienceSec);
                route();
                break;
            case TransferTarget::Kind::Agent:
                offer(*c, *targetAgent, false);
                break;
            case TransferTarget::Kind::Number:
                finishCall(*c, "transferred", requestId);
                break;
        }
    } else {
        if (c->state == CallState::Connected) {
            c->state = CallState::Held;
            c->holdStartedAt = now;
        }
        c->consultActive = true;
        c->consultTarget = target;
        c->consultStartedAt = now;
        c->rejectedBy.clear();
        publishCallState(*c, agentId, requestId);
        switch (target.kind) {
            case TransferTarget::Kind::Queue:
                route();
                break;
            case TransferTarget::Kind::Agent:
                offer(*c, *targetAgent, true);
                break;
            case TransferTarget::Kind::Number:
                c->consultAnswerAt = now + std::chrono::seconds(settings_.outboundAnswerSec);
                break;
        }
    }
    flushStats(false);
    removeEnded();
    return Outcome::success();
}

void AcdSimulator::completeConsult(Call& c, Agent* b, const std::string& requestId) {
    Agent* a = agent(c.agentId);
    const TimePoint now = clock_.now();
    if (a)
        endLeg(c, *a, "transferred", "");
    c.consultActive = false;
    c.consultAgentId.clear();
    c.consultRingDeadline.reset();
    c.consultAnswerAt.reset();
    if (!b) {
        finishCall(c, "transferred", "");
        return;
    }
    c.agentId = b->user.id;
    c.state = CallState::Connected;
    c.connectedAt = now;
    c.heldSec = 0;
    c.muted = false;
    b->callId = c.id;
    setState(*b, "on_call", "", requestId);
    publishCallState(c, b->user.id, requestId);
}

void AcdSimulator::cancelConsult(Call& c, const std::string& why, const std::string& requestId) {
    if (!c.consultAgentId.empty()) {
        if (Agent* b = agent(c.consultAgentId)) {
            b->callId.clear();
            publishEnded(c, b->user.id, "cancelled", "");
            setState(*b, "ready", "", "");
        }
    }
    c.consultActive = false;
    c.consultAgentId.clear();
    c.consultRingDeadline.reset();
    c.consultAnswerAt.reset();
    json data{{"call", callJson(c)}, {"consultResult", why}};
    if (!requestId.empty())
        data["requestId"] = requestId;
    events_.publish("call.state", std::move(data), Audience::agentOnly(c.agentId));
}

Outcome AcdSimulator::dial(const std::string& agentId, const std::string& e164,
                           const std::optional<std::string>& customerId,
                           const std::string& requestId, std::string* callId) {
    Agent* a = agent(agentId);
    if (!a || !a->loggedIn)
        return Outcome::fail(ErrorCode::InvalidState, "agent is logged out");
    if (a->state != "ready" && a->state != "not_ready") {
        return Outcome::fail(ErrorCode::InvalidState, "cannot dial while " + a->state);
    }
    const TimePoint now = clock_.now();
    auto c = std::make_unique<Call>();
    c->id = newCallId();
    c->direction = "outbound";
    c->ani = e164;
    c->createdAt = now;
    c->state = CallState::Ringing;
    c->agentId = agentId;
    c->offeredAt = now;
    c->connectedAt = now;
    c->outboundAnswerAt = now + std::chrono::seconds(settings_.outboundAnswerSec);
    c->matches = hooks_.matchCustomers(e164);
    if (customerId) {
        c->customerId = customerId;
    } else if (c->matches.size() == 1) {
        c->customerId = c->matches.front().id;
    }
    if (!a->user.skills.empty())
        c->queue = a->user.skills.front();
    Call& ref = *c;
    calls_.emplace(c->id, std::move(c));
    a->callId = ref.id;
    *callId = ref.id;
    setState(*a, "on_call", "outbound", requestId);
    publishCallState(ref, agentId, requestId);
    return Outcome::success();
}

Outcome AcdSimulator::wrapup(const std::string& agentId, const std::string& callId,
                             const std::string& code, const std::optional<std::string>& noteId,
                             const std::optional<std::string>& nextState,
                             const std::string& requestId) {
    Agent* a = agent(agentId);
    if (!a)
        return Outcome::fail(ErrorCode::NotFound, "unknown agent");
    if (a->acwCallId != callId || callId.empty()) {
        if (calls_.count(callId) && callBelongsTo(callId, agentId)) {
            return Outcome::fail(ErrorCode::InvalidState, "the call is still in progress");
        }
        return Outcome::fail(ErrorCode::NotFound, "no after-call work for this call");
    }
    if (a->state != "after_call_work") {
        return Outcome::fail(ErrorCode::InvalidState, "not in after-call work");
    }
    hooks_.wrappedUp(callId, agentId, code, noteId);
    endAcw(*a, nextState.value_or("ready"), "", requestId);
    route();
    flushStats(false);
    return Outcome::success();
}

Outcome AcdSimulator::callerHangup(const std::string& callId) {
    Call* c = call(callId);
    if (!c)
        return Outcome::fail(ErrorCode::NotFound, "unknown call");
    if (c->state == CallState::Queued || c->state == CallState::Ringing) {
        if (c->direction == "outbound") {
            Agent* a = agent(c->agentId);
            if (a)
                endLeg(*c, *a, "completed", "");
            finishCall(*c, "completed", "");
        } else {
            abandon(*c);
        }
    } else {
        if (c->consultActive)
            cancelConsult(*c, "cancelled", "");
        if (Agent* a = agent(c->agentId))
            endLeg(*c, *a, "completed", "");
        finishCall(*c, "completed", "");
    }
    route();
    flushStats(false);
    removeEnded();
    return Outcome::success();
}

// ------------------------------------------------------------------ timers

void AcdSimulator::missed(Call& c, Agent& a, bool consult) {
    a.callId.clear();
    publishEnded(c, a.user.id, "missed", "");
    setState(a, "not_ready", "missed_call", "");
    alert("missed_call", "info", {{"agentId", a.user.id}, {"callId", c.id}, {"queue", c.queue}},
          a.user.name + " 상담사가 벨 울림 시간 안에 응답하지 않았습니다");
    if (consult) {
        c.consultAgentId.clear();
        c.consultRingDeadline.reset();
        if (c.consultTarget.kind == TransferTarget::Kind::Agent)
            cancelConsult(c, "missed", "");
        return;
    }
    c.state = CallState::Queued;
    c.agentId.clear();
    c.ringDeadline.reset();
    c.priority = true;  // back to the front of the queue (RONA)
    markDirty(c.queue);
}

void AcdSimulator::abandon(Call& c) {
    const TimePoint now = clock_.now();
    if (c.state == CallState::Ringing && !c.agentId.empty()) {
        if (Agent* a = agent(c.agentId)) {
            a->callId.clear();
            publishEnded(c, a->user.id, "abandoned", "");
            setState(*a, "ready", "", "");
        }
    }
    if (c.kpi)
        c.kpi->abandonedAt = now;
    if (c.customerId) {
        InteractionRecord rec;
        rec.customerId = *c.customerId;
        rec.callId = c.id;
        rec.queue = c.queue;
        rec.reason = intentLabel(c.queue, c.intent);
        rec.endReason = "abandoned";
        rec.startedAt = c.createdAt;
        rec.durationSec = static_cast<int>(secondsBetween(c.createdAt, now));
        hooks_.callLegEnded(rec);
    }
    logging::get("acd")->info("call {} abandoned in queue {}", c.id, c.queue);
    finishCall(c, "abandoned", "");
}

void AcdSimulator::advance() {
    const TimePoint now = clock_.now();
    std::vector<std::string> ids;
    ids.reserve(calls_.size());
    for (const auto& [id, c] : calls_)
        ids.push_back(id);
    for (const auto& id : ids) {
        Call* c = call(id);
        if (!c)
            continue;
        switch (c->state) {
            case CallState::Queued:
                if (c->patienceDeadline && now >= *c->patienceDeadline) {
                    abandon(*c);
                } else if (!c->longWaitAlerted && c->kpi &&
                           secondsBetween(c->kpi->enteredAt, now) >= settings_.longWaitAlertSec) {
                    c->longWaitAlerted = true;
                    alert("long_wait", "warning", {{"queue", c->queue}, {"callId", c->id}},
                          "대기 시간이 " + std::to_string(settings_.longWaitAlertSec) +
                              "초를 넘은 통화가 있습니다");
                }
                break;
            case CallState::Ringing:
                if (c->direction == "outbound") {
                    if (c->outboundAnswerAt && now >= *c->outboundAnswerAt) {
                        c->state = CallState::Connected;
                        c->connectedAt = now;
                        c->outboundAnswerAt.reset();
                        publishCallState(*c, c->agentId, "");
                    }
                } else if (c->patienceDeadline && now >= *c->patienceDeadline) {
                    abandon(*c);
                } else if (c->ringDeadline && now >= *c->ringDeadline) {
                    if (Agent* a = agent(c->agentId))
                        missed(*c, *a, false);
                }
                break;
            case CallState::Connected:
                while (c->transcriptNext < c->transcript.size() &&
                       secondsBetween(c->connectedAt, now) >=
                           c->transcript[c->transcriptNext].atSec) {
                    const auto& line = c->transcript[c->transcriptNext++];
                    events_.publish("transcript.segment",
                                    {{"callId", c->id},
                                     {"speaker", line.speaker},
                                     {"text", line.text},
                                     {"atSec", line.atSec}},
                                    Audience::agentOnly(c->agentId));
                }
                if (c->callerHangupAt && now >= *c->callerHangupAt) {
                    if (Agent* a = agent(c->agentId))
                        endLeg(*c, *a, "completed", "");
                    finishCall(*c, "completed", "");
                }
                break;
            case CallState::Held:
                if (c->consultActive && !c->consultAgentId.empty() && c->consultRingDeadline &&
                    now >= *c->consultRingDeadline) {
                    if (Agent* b = agent(c->consultAgentId))
                        missed(*c, *b, true);
                } else if (c->consultActive && c->consultAnswerAt && now >= *c->consultAnswerAt) {
                    completeConsult(*c, nullptr, "");
                }
                break;
            case CallState::Ended:
                break;
        }
    }
    for (auto& [id, a] : agents_) {
        if (a->state == "after_call_work" && a->acwDeadline && now >= *a->acwDeadline) {
            endAcw(*a, "ready", "", "");
        }
    }
    // Drop KPI entries older than two days.
    const TimePoint horizon = now - std::chrono::hours(48);
    for (auto& [q, entries] : kpis_) {
        std::erase_if(entries, [&](const auto& e) { return e->enteredAt < horizon; });
    }
    route();
    flushStats(false);
    removeEnded();
}

void AcdSimulator::reset() {
    for (auto& [id, a] : agents_) {
        a->callId.clear();
        a->acwCallId.clear();
        a->acwDeadline.reset();
        a->pendingKpi.reset();
        a->handledToday = 0;
        a->handleSecToday = 0;
        if (a->loggedIn && a->state != "not_ready")
            setState(*a, "not_ready", "training", "");
    }
    for (auto& [id, c] : calls_) {
        endSupervision(*c, "call_ended", "");
        if (!c->agentId.empty())
            publishEnded(*c, c->agentId, "completed", "");
    }
    for (auto& [id, a] : agents_)
        a->supervisingCallId.clear();
    calls_.clear();
    kpis_.clear();
    slBreached_.clear();
    for (const auto& q : queues_)
        dirty_[q.id] = true;
    lastStatsPush_.clear();
    flushStats(true);
}

}  // namespace agentdesk::server
