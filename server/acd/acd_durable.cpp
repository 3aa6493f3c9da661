// The ACD's durable state: its changes as records for the store, and the rebuild from them on
// the node that takes the ACD over (acd_durable.h).
#include <algorithm>
#include <cstdlib>

#include "common/logging.h"
#include "server/acd/acd_internal.h"

namespace agentdesk::server {

namespace {

// The sequence number at the end of a call id ("call-<seconds>-<seq>"), 0 when there is none.
std::uint64_t callIdSequence(const std::string& id) {
    const auto dash = id.rfind('-');
    if (dash == std::string::npos)
        return 0;
    char* end = nullptr;
    const unsigned long long seq = std::strtoull(id.c_str() + dash + 1, &end, 10);
    return end && *end == '\0' ? seq : 0;
}

}  // namespace

// Only while someone takes the changes (a node of several): one server alone keeps nothing.
void Acd::touch(const Call& c) {
    if (!durableChanged_)
        return;
    const bool quiet = touchedCalls_.empty() && touchedAgents_.empty();
    touchedCalls_.insert(c.id);
    if (quiet && durableChanged_)
        durableChanged_();
}

void Acd::touch(const Agent& a) {
    if (!durableChanged_)
        return;
    const bool quiet = touchedCalls_.empty() && touchedAgents_.empty();
    touchedAgents_.insert(a.user.id);
    if (quiet && durableChanged_)
        durableChanged_();
}

DurableCall Acd::durableCall(const Call& c) const {
    DurableCall d;
    d.id = c.id;
    d.direction = c.direction;
    d.ani = c.ani;
    d.queue = c.queue;
    d.intent = c.intent;
    d.ivrPath = c.ivrPath;
    d.verified = c.verified;
    d.ivrSec = c.ivrSec;
    d.customerId = c.customerId;
    d.state = c.state;
    d.agentId = c.agentId;
    d.createdAt = c.createdAt;
    d.enteredAt = c.kpi ? c.kpi->enteredAt : c.queuedAt;
    d.connectedAt = c.connectedAt;
    d.holdStartedAt = c.holdStartedAt;
    d.heldSec = c.heldSec;
    d.priority = c.priority;
    d.everConnected = c.everConnected;
    d.muted = c.muted;
    d.recordingPaused = c.recordingPaused;
    d.abuseWarnings = c.abuseWarnings;
    if (control_)
        d.caller = control_->durableCaller(c.id);
    return d;
}

DurableAgent Acd::durableAgent(const Agent& a) const {
    DurableAgent d;
    d.agentId = a.user.id;
    d.state = a.loggedIn ? a.state : AgentState::LoggedOut;
    d.reason = a.reason;
    d.since = a.since;
    d.idleSince = a.idleSince;
    d.callId = a.callId;
    d.acwCallId = a.acwCallId;
    d.acwCustomerId = a.acwCustomerId;
    d.acwCallerE164 = a.acwCallerE164;
    d.acwStartedAt = a.acwStartedAt;
    d.acwDeadline = a.acwDeadline;
    d.pendingTalkHoldSec = a.pendingTalkHoldSec;
    d.handledToday = a.handledToday;
    d.handleSecToday = a.handleSecToday;
    d.missedToday = a.missedToday;
    d.statsDay = a.statsDay;
    d.protectionDue = a.protectionDue;
    d.protectionUntil = a.protectionUntil;
    return d;
}

DurableChanges Acd::takeDurableChanges() {
    DurableChanges out;
    for (const auto& id : touchedCalls_) {
        const Call* c = findCall(id);
        if (c && c->state != CallState::Ended)
            out.calls.push_back(durableCall(*c));
        else
            out.endedCalls.push_back(id);
    }
    for (const auto& id : touchedAgents_) {
        if (const Agent* a = findAgent(id))
            out.agents.push_back(durableAgent(*a));
    }
    touchedCalls_.clear();
    touchedAgents_.clear();
    return out;
}

// The agent's state as stored, without a call: OnCall waits for its call (restoreCall), and a
// ringing agent was ready (the call goes back to its place in the queue).
void Acd::restoreAgent(Agent& a, const DurableAgent& s) {
    a.handledToday = s.handledToday;
    a.handleSecToday = s.handleSecToday;
    a.missedToday = s.missedToday;
    a.statsDay = s.statsDay;
    a.protectionDue = s.protectionDue;
    a.protectionUntil = s.protectionUntil;
    a.idleSince = s.idleSince;
    switch (s.state) {
        case AgentState::Ready:
        case AgentState::Ringing:
            a.state = AgentState::Ready;
            a.reason.clear();
            a.since = s.since;
            // Real telephony: the phone registered with the old owner; until it registers
            // here, calls would ring nowhere.
            if (phonesRequired_ && !(a.phone && a.phone->registered)) {
                a.state = AgentState::NotReady;
                a.reason = "phone_offline";
            }
            break;
        case AgentState::NotReady:
            a.state = AgentState::NotReady;
            a.reason = s.reason;
            a.since = s.since;
            // A rest whose end was not kept (a record of schema version 3) would never end.
            if (s.reason == kProtectionReason && !s.protectionUntil)
                a.reason = "login";
            break;
        case AgentState::AfterCallWork:
            a.state = AgentState::AfterCallWork;
            a.reason.clear();
            a.since = s.since;
            a.acwCallId = s.acwCallId;
            a.acwCustomerId = s.acwCustomerId;
            a.acwCallerE164 = s.acwCallerE164;
            a.acwStartedAt = s.acwStartedAt;
            a.acwDeadline = s.acwDeadline;
            a.pendingTalkHoldSec = s.pendingTalkHoldSec;
            break;
        case AgentState::OnCall:
        case AgentState::LoggedOut:
            break;  // not ready ("login") until the call comes back
    }
    touch(a);
}

bool Acd::restoreCall(const DurableCall& s, RestoreReport& report) {
    if (s.id.empty() || findCall(s.id))
        return false;
    auto c = std::make_unique<Call>();
    c->id = s.id;
    c->direction = s.direction;
    c->ani = s.ani;
    c->queue = s.queue;
    c->intent = s.intent;
    c->ivrPath = s.ivrPath;
    c->verified = s.verified;
    c->ivrSec = s.ivrSec;
    c->customerId = s.customerId;
    identify(*c);  // asked off the I/O thread on PostgreSQL; a queued call waits for it
    c->createdAt = s.createdAt;
    c->queuedAt = s.enteredAt;
    c->connectedAt = s.connectedAt;
    c->holdStartedAt = s.holdStartedAt;
    c->heldSec = s.heldSec;
    c->priority = s.priority;
    c->everConnected = s.everConnected;
    c->muted = s.muted;
    c->recordingPaused = s.recordingPaused;
    c->abuseWarnings = s.abuseWarnings;
    c->kpi = std::make_shared<KpiEntry>();
    c->kpi->enteredAt = s.enteredAt;
    if (s.everConnected)
        c->kpi->answeredAt = s.connectedAt;
    callSeq_ = std::max(callSeq_, callIdSequence(s.id));

    const bool live = s.state == CallState::Connected || s.state == CallState::Held;
    // The agent on it: talking, or dialling out (an inbound ring is no agent's yet).
    Agent* agent = live || s.direction != "inbound" ? findAgent(s.agentId) : nullptr;
    const bool agentFree = agent && agent->loggedIn && agent->callId.empty() &&
                           agent->state != AgentState::AfterCallWork;
    const bool known = queue(s.queue) || s.direction != "inbound";
    DurableCall adopted = s;
    if (!live)
        adopted.state = CallState::Queued;  // a ring in progress starts again from the queue
    if (known && live && agentFree && control_->adopt(adopted)) {
        c->state = s.state;
        c->agentId = s.agentId;
        agent->callId = s.id;
        agent->state = AgentState::OnCall;
        agent->reason.clear();
        touch(*agent);
        ++report.live;
    } else if (known && !live && s.direction == "inbound" && control_->adopt(adopted)) {
        c->state = CallState::Queued;
        ++report.queued;
    } else {
        // The caller cannot be carried on. Their agent, if back, wraps the call up: what they
        // typed about it is not lost with the node.
        Call& ref = *c;
        calls_.emplace(s.id, std::move(c));
        ref.state = CallState::Connected;
        if (agentFree) {
            startAcw(*agent, ref);
            ++report.afterCall;
        }
        finishCall(ref, "server_lost");
        ++report.lost;
        return false;
    }
    if (s.direction == "inbound") {
        kpis_[s.queue].push_back(c->kpi);
        markDirty(s.queue);
    }
    touch(*c);
    calls_.emplace(s.id, std::move(c));
    return true;
}

RestoreReport Acd::restore(const DurableAcd& stored) {
    RestoreReport report;
    std::map<std::string, const DurableAgent*> byId;
    for (const auto& s : stored.agents)
        byId[s.agentId] = &s;
    for (auto& [id, a] : agents_) {
        const auto it = byId.find(id);
        if (!a->loggedIn || it == byId.end())
            continue;
        restoreAgent(*a, *it->second);
        ++report.agents;
        if (a->state == AgentState::AfterCallWork)
            ++report.afterCall;
    }
    for (const auto& s : stored.calls)
        restoreCall(s, report);
    // An agent stored on a call that did not come back: not ready, as after a login.
    for (auto& [id, a] : agents_) {
        const auto it = byId.find(id);
        if (a->loggedIn && a->callId.empty() && it != byId.end() &&
            it->second->state == AgentState::OnCall && a->state != AgentState::AfterCallWork) {
            a->state = AgentState::NotReady;
            a->reason = "login";
            a->since = clock_.now();
            touch(*a);
        }
    }
    removeEnded();
    for (const auto& q : queues_)
        dirty_[q.id] = true;
    logging::get("acd")->info(
        "restored: {} agents, {} queued calls, {} live calls, {} in after-call work, {} lost",
        report.agents, report.queued, report.live, report.afterCall, report.lost);
    route();
    flushStats(true);
    return report;
}

}  // namespace agentdesk::server
