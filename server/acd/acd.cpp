// The ACD: construction, lookups and the agents' states (login, ready/not ready, ACW).
#include <algorithm>
#include <cstdio>

#include "common/logging.h"
#include "server/acd/acd_internal.h"

namespace agentdesk::server {

Acd::Acd(const Clock& clock, AcdEventSink& events, AcdHooks& hooks, AcdSettings settings,
         std::vector<QueueConfig> queues, std::vector<NotReadyReason> reasons)
    : clock_(clock),
      events_(events),
      hooks_(hooks),
      settings_(std::move(settings)),
      queues_(std::move(queues)),
      reasons_(std::move(reasons)) {}

Acd::~Acd() = default;

void Acd::attach(CallControl& control, std::string telephonyName) {
    control_ = &control;
    telephonyName_ = std::move(telephonyName);
}

// ------------------------------------------------------------------ lookups

Acd::Agent* Acd::findAgent(const std::string& id) {
    auto it = agents_.find(id);
    return it == agents_.end() ? nullptr : it->second.get();
}
const Acd::Agent* Acd::findAgent(const std::string& id) const {
    auto it = agents_.find(id);
    return it == agents_.end() ? nullptr : it->second.get();
}
Acd::Call* Acd::findCall(const std::string& id) {
    auto it = calls_.find(id);
    return it == calls_.end() || it->second->state == CallState::Ended ? nullptr : it->second.get();
}
const Acd::Call* Acd::findCall(const std::string& id) const {
    auto it = calls_.find(id);
    return it == calls_.end() || it->second->state == CallState::Ended ? nullptr : it->second.get();
}
const QueueConfig* Acd::queue(const std::string& id) const {
    for (const auto& q : queues_) {
        if (q.id == id)
            return &q;
    }
    return nullptr;
}
bool Acd::hasQueue(const std::string& queueId) const {
    return queue(queueId) != nullptr;
}
bool Acd::hasSkill(const Agent& a, const std::string& skill) {
    return std::find(a.user.skills.begin(), a.user.skills.end(), skill) != a.user.skills.end();
}

std::string Acd::intentLabel(const std::string& queueId, const std::string& intent) const {
    if (const auto* q = queue(queueId)) {
        for (const auto& i : q->intents) {
            if (i.id == intent)
                return i.labelKo;
        }
    }
    return intent;
}

std::string Acd::newCallId() {
    char buf[48];
    std::snprintf(buf, sizeof buf, "call-%llx-%llu",
                  static_cast<unsigned long long>(toUnixMs(clock_.now()) / 1000),
                  static_cast<unsigned long long>(++callSeq_));
    return buf;
}

// Finds the agent and a call that is this agent's (connected, held or ringing at it).
Outcome Acd::agentCall(const std::string& agentId, const std::string& callId, Agent** a, Call** c) {
    *a = findAgent(agentId);
    *c = findCall(callId);
    if (!*a || !*c || ((*c)->agentId != agentId && (*c)->consultAgentId != agentId)) {
        return Outcome::fail(ErrorCode::NotFound, "no such call for this agent");
    }
    return Outcome::success();
}

Outcome Acd::activeCall(const std::string& agentId, const std::string& callId, bool allowHeld,
                        const char* otherwise, Call** c) {
    Agent* a;
    if (auto r = agentCall(agentId, callId, &a, c); !r.ok())
        return r;
    const bool active = (*c)->agentId == agentId && ((*c)->state == CallState::Connected ||
                                                     (allowHeld && (*c)->state == CallState::Held));
    return active ? Outcome::success() : Outcome::fail(ErrorCode::InvalidState, otherwise);
}

Outcome Acd::endedOrUnknown(const std::string& callId) const {
    return endedIds_.count(callId) ? Outcome::fail(ErrorCode::InvalidState, "the call has ended")
                                   : Outcome::fail(ErrorCode::NotFound, "unknown call");
}

bool Acd::callBelongsTo(const std::string& callId, const std::string& agentId) const {
    auto it = calls_.find(callId);
    if (it != calls_.end() &&
        (it->second->agentId == agentId || it->second->consultAgentId == agentId)) {
        return true;
    }
    const Agent* a = findAgent(agentId);
    return a && a->acwCallId == callId && !callId.empty();
}

bool Acd::callActive(const std::string& callId) const {
    return callState(callId).has_value();
}

std::optional<CallState> Acd::callState(const std::string& callId) const {
    const Call* c = findCall(callId);
    if (!c)
        return std::nullopt;
    return c->state;
}

std::optional<std::string> Acd::currentCallCustomer(const std::string& agentId) const {
    const Agent* a = findAgent(agentId);
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

std::optional<std::string> Acd::currentCallerE164(const std::string& agentId) const {
    const Agent* a = findAgent(agentId);
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

// ------------------------------------------------------------------ agent state

std::optional<PhoneStatus> Acd::phoneOf(const Agent& a) const {
    if (a.phone)
        return a.phone;
    if (phonesRequired_)
        return PhoneStatus{};
    return std::nullopt;
}

void Acd::setState(Agent& a, AgentState state, const std::string& reason,
                   const std::string& requestId) {
    const TimePoint now = clock_.now();
    if (state == AgentState::Ready && a.state != AgentState::Ready)
        a.idleSince = now;
    a.state = state;
    a.reason = reason;
    a.since = now;
    touch(a);
    events_.agentState(a.user.id, state, reason, now, requestId, a.user.extension, phoneOf(a));
    for (const auto& skill : a.user.skills)
        markDirty(skill);
}

void Acd::registerAgent(const User& user) {
    auto& slot = agents_[user.id];
    if (!slot) {
        slot = std::make_unique<Agent>();
        slot->since = clock_.now();
        slot->statsDay = localMidnight(clock_.now(), settings_.utcOffsetMinutes);
    }
    slot->user = user;
    slot->user.passwordHash.clear();
}

void Acd::phoneChanged(const std::string& agentId, const PhoneStatus& phone) {
    Agent* a = findAgent(agentId);
    if (!a)
        return;
    a->phone = phone;
    // A ready agent whose phone went away would be offered calls nobody can take.
    if (phonesRequired_ && !phone.registered && a->loggedIn && a->state == AgentState::Ready) {
        setState(*a, AgentState::NotReady, "phone_offline", "");
    } else {
        events_.agentState(a->user.id, a->state, a->reason, a->since, "", a->user.extension,
                           phoneOf(*a));
    }
    flushStats(false);
}

void Acd::agentLoggedIn(const User& user) {
    registerAgent(user);
    Agent& a = *agents_[user.id];
    if (a.loggedIn)
        return;
    a.loggedIn = true;
    setState(a, AgentState::NotReady, "login", "");
    flushStats(false);
}

Outcome Acd::agentLoggedOut(const std::string& agentId) {
    Agent* a = findAgent(agentId);
    if (!a || !a->loggedIn)
        return Outcome::success();
    if (a->state == AgentState::Ringing || a->state == AgentState::OnCall) {
        return Outcome::fail(ErrorCode::InvalidState, "finish the call before logging out");
    }
    if (a->state == AgentState::AfterCallWork)
        endAcw(*a, AgentState::NotReady, "", "");
    if (Call* supervised = findCall(a->supervisingCallId))
        endSupervision(*supervised, "supervisor_left", "");
    a->supervisingCallId.clear();
    a->loggedIn = false;
    setState(*a, AgentState::LoggedOut, "", "");
    flushStats(false);
    return Outcome::success();
}

Outcome Acd::setAgentState(const std::string& agentId, AgentState state, const std::string& reason,
                           const std::string& requestId) {
    Agent* a = findAgent(agentId);
    if (!a || !a->loggedIn)
        return Outcome::fail(ErrorCode::InvalidState, "agent is logged out");
    if (a->state == AgentState::Ringing || a->state == AgentState::OnCall) {
        return Outcome::fail(
            ErrorCode::InvalidState,
            "cannot change state while " + std::string(agentStateName(a->state)) + "; " +
                (a->state == AgentState::Ringing ? "answer or reject first" : "hang up first"));
    }
    if (state == AgentState::Ready && phonesRequired_ && !(a->phone && a->phone->registered)) {
        return Outcome::fail(ErrorCode::InvalidState,
                             "your phone (extension " + a->user.extension +
                                 ") is not registered; connect it before going ready");
    }
    if (reason == kProtectionReason && a->reason != kProtectionReason) {
        return Outcome::fail(ErrorCode::InvalidState,
                             "the protection rest starts by itself after an abusive call");
    }
    if (state == AgentState::AfterCallWork) {
        if (a->state != AgentState::AfterCallWork) {
            a->acwCallId.clear();
            a->acwStartedAt = clock_.now();
            a->acwDeadline = clock_.now() + std::chrono::seconds(settings_.acwTimeoutSec);
            a->pendingKpi.reset();
            a->pendingTalkHoldSec = 0;
            setState(*a, AgentState::AfterCallWork, "", requestId);  // ACW has no reason codes
        } else {
            setState(*a, AgentState::AfterCallWork, a->reason, requestId);
        }
    } else if (a->state == AgentState::AfterCallWork) {
        if (settings_.acwMandatory && !a->acwCallId.empty()) {
            return Outcome::fail(ErrorCode::InvalidState,
                                 "after-call work ends with a wrap-up code");
        }
        endAcw(*a, state, reason, requestId);
    } else {
        setState(*a, state,
                 state == AgentState::NotReady ? (reason.empty() ? "break" : reason) : "",
                 requestId);
    }
    route();
    flushStats(false);
    return Outcome::success();
}

// Counselor protection (docs/assist.md): after an abusive call the agent rests, no calls routed,
// for the time the center set; the team lead is told.
void Acd::startProtectionRest(Agent& a, const std::string& requestId) {
    const TimePoint now = clock_.now();
    a.protectionUntil = now + std::chrono::minutes(settings_.protectionRestMin);
    setState(a, AgentState::NotReady, kProtectionReason, requestId);
    AlertRecord r;
    r.kind = "protection_rest";
    r.severity = "warning";
    r.agentId = a.user.id;
    r.count = settings_.protectionRestMin;
    r.message = a.user.name + " 상담사가 폭언 통화 후 보호 휴식에 들어갔습니다 (" +
                std::to_string(settings_.protectionRestMin) + "분)";
    alert(std::move(r));
}

// The rest is over: the agent is ready again (not ready while the phone is away).
void Acd::endProtectionRests(TimePoint now) {
    for (auto& [id, a] : agents_) {
        if (!a->protectionUntil || now < *a->protectionUntil)
            continue;
        a->protectionUntil.reset();
        if (!a->loggedIn || a->state != AgentState::NotReady || a->reason != kProtectionReason)
            continue;
        if (phonesRequired_ && !(a->phone && a->phone->registered))
            setState(*a, AgentState::NotReady, "phone_offline", "");
        else
            setState(*a, AgentState::Ready, "", "");
    }
}

void Acd::startAcw(Agent& a, Call& c) {
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
    setState(a, AgentState::AfterCallWork, "", "");
}

// An agent's "today" figures start again at the centre's local midnight.
void Acd::rollStatsDay(Agent& a) {
    const TimePoint day = localMidnight(clock_.now(), settings_.utcOffsetMinutes);
    if (a.statsDay == day)
        return;
    a.statsDay = day;
    a.handledToday = 0;
    a.handleSecToday = 0;
    a.missedToday = 0;
}

void Acd::endAcw(Agent& a, AgentState next, const std::string& reason,
                 const std::string& requestId) {
    const TimePoint now = clock_.now();
    rollStatsDay(a);
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
    if (a.protectionDue) {
        a.protectionDue = false;
        startProtectionRest(a, requestId);
        return;
    }
    if (next != AgentState::NotReady && phonesRequired_ && !(a.phone && a.phone->registered)) {
        next = AgentState::NotReady;
    }
    if (next == AgentState::NotReady) {
        setState(a, AgentState::NotReady, reason.empty() ? "break" : reason, requestId);
    } else {
        setState(a, AgentState::Ready, "", requestId);
    }
}

}  // namespace agentdesk::server
