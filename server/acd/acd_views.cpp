// The ACD: what it shows (typed views of calls, agents, queue KPIs and capabilities) and the
// events it reports.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "server/acd/acd_internal.h"

namespace agentdesk::server {

CallView Acd::callView(const Call& c) const {
    const TimePoint now = clock_.now();
    const auto* q = queue(c.queue);
    CallView v;
    v.id = c.id;
    v.direction = c.direction;
    v.aniE164 = c.ani;
    v.dnisE164 = settings_.dnis;
    v.queue = c.queue;
    v.queueName = q ? q->name : "";
    v.intent = c.intent;
    v.intentLabel = intentLabel(c.queue, c.intent);
    v.ivrPath = c.ivrPath;
    v.verified = c.verified;
    if (c.kpi) {
        const TimePoint until = c.kpi->answeredAt ? *c.kpi->answeredAt : now;
        v.waitedSec = static_cast<int>(std::max(0.0, secondsBetween(c.kpi->enteredAt, until)));
    }
    v.customerId = c.customerId;
    v.customerMatches = c.matches;
    for (const auto& m : c.matches)
        v.abusiveHistory = v.abusiveHistory || m.abusiveHistory;
    v.state = c.state;
    v.muted = c.muted;
    v.recordingPaused = c.recordingPaused;
    v.abuseWarnings = c.abuseWarnings;
    v.abuseWarningsRequired = settings_.abuseWarningsBeforeHangup;
    if (!c.agentId.empty())
        v.agentId = c.agentId;
    double held = c.heldSec;
    if (c.state == CallState::Held)
        held += secondsBetween(c.holdStartedAt, now);
    v.heldSec = static_cast<int>(held);
    v.recommendedTalkSec = q ? q->recommendedTalkSec : 0;
    v.dtmf = c.dtmf;
    if (c.state == CallState::Ringing)
        v.offeredAt = c.offeredAt;
    if (c.state == CallState::Connected || c.state == CallState::Held)
        v.answeredAt = c.connectedAt;
    v.supervision = supervisionView(c);
    if (c.consultActive) {
        ConsultView cv;
        cv.to = c.consultTarget;
        cv.attended = c.consultAttended;
        cv.talking = c.consultTalking;
        if (!c.consultAgentId.empty())
            cv.targetAgentId = c.consultAgentId;
        cv.since = c.consultStartedAt;
        v.consult = cv;
    }
    v.recorded = telephonyName_ == "sip" && c.everConnected;
    return v;
}

AgentView Acd::agentView(const Agent& a) const {
    const bool sameDay = a.statsDay == localMidnight(clock_.now(), settings_.utcOffsetMinutes);
    AgentView v;
    v.user = a.user;
    v.state = a.state;
    v.reason = a.reason;
    v.since = a.since;
    v.handledToday = sameDay ? a.handledToday : 0;
    v.missedToday = sameDay ? a.missedToday : 0;
    v.ahtTodaySec =
        sameDay && a.handledToday ? std::round(a.handleSecToday / a.handledToday) : -1.0;
    v.phone = phoneOf(a);
    const std::string& cid = a.callId.empty() ? a.acwCallId : a.callId;
    if (!cid.empty())
        v.callId = cid;
    if (auto sup = calls_.find(a.supervisingCallId);
        !a.supervisingCallId.empty() && sup != calls_.end()) {
        v.supervising = AgentView::Supervising{sup->second->id, sup->second->agentId,
                                               sup->second->supervisionMode};
    }
    auto it = calls_.find(cid);
    if (!cid.empty() && it != calls_.end()) {
        const Call& c = *it->second;
        if (!c.queue.empty())
            v.queue = c.queue;
        for (const auto& m : c.matches) {
            if (c.customerId && m.id == *c.customerId)
                v.customerName = m.name;
        }
        if (c.state == CallState::Connected || c.state == CallState::Held) {
            v.callSince = c.connectedAt;
            if (c.agentId == a.user.id)
                v.supervision = supervisionView(c);
        }
    }
    return v;
}

std::optional<AgentView> Acd::agent(const std::string& agentId) const {
    const Agent* a = findAgent(agentId);
    if (!a)
        return std::nullopt;
    return agentView(*a);
}

std::vector<AgentView> Acd::agents() const {
    std::vector<AgentView> out;
    out.reserve(agents_.size());
    for (const auto& [id, a] : agents_)
        out.push_back(agentView(*a));
    return out;
}

std::optional<CallView> Acd::currentCall(const std::string& agentId) const {
    const Agent* a = findAgent(agentId);
    if (!a || a->callId.empty())
        return std::nullopt;
    const Call* c = findCall(a->callId);
    if (!c)
        return std::nullopt;
    return callView(*c);
}

QueueStatsView Acd::queueStats(const QueueConfig& q, TimePoint windowStart) const {
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
    QueueStatsView v;
    v.queue = &q;
    for (const auto& [id, a] : agents_) {
        if (!a->loggedIn)
            continue;
        // Leads and trainers count only while they take calls themselves.
        if (isSupervisor(a->user.role) && a->state == AgentState::NotReady)
            continue;
        if (!hasSkill(*a, q.skill))
            continue;
        switch (a->state) {
            case AgentState::Ready:
                ++v.ready;
                break;
            case AgentState::Ringing:
            case AgentState::OnCall:
                ++v.onCall;
                break;
            case AgentState::AfterCallWork:
                ++v.acw;
                break;
            case AgentState::NotReady:
                if (a->reason == kProtectionReason)
                    ++v.protection;
                else
                    ++v.notReady;
                break;
            case AgentState::LoggedOut:
                break;
        }
    }
    in.agentsServing = v.ready + v.onCall + v.acw;
    std::vector<KpiEntry> entries;
    if (auto it = kpis_.find(q.id); it != kpis_.end()) {
        entries.reserve(it->second.size());
        for (const auto& e : it->second)
            entries.push_back(*e);
    }
    v.kpis = computeKpis(entries, in);
    v.windowStart = windowStart;
    v.at = now;
    return v;
}

std::vector<QueueStatsView> Acd::queues(std::optional<std::chrono::seconds> window,
                                        const std::set<std::string>* skills) const {
    const TimePoint now = clock_.now();
    const TimePoint start = window ? now - *window : localMidnight(now, settings_.utcOffsetMinutes);
    std::vector<QueueStatsView> out;
    for (const auto& q : queues_) {
        if (skills && !skills->count(q.skill))
            continue;
        out.push_back(queueStats(q, start));
    }
    return out;
}

Capabilities Acd::capabilities() const {
    Capabilities c;
    c.features = {"transfer", "consult", "recordingPause", "abuseWarning", "transcript"};
    // Real telephony has recordings; made-up callers (demo, scenarios) only the simulator.
    c.features.push_back(telephonyName_ == "sip" ? "recordings" : "demo");
    for (const char* f : {"dtmf", "outbound", "evaluations"})
        c.features.push_back(f);
    c.settings = settings_;
    c.reasons = reasons_;
    c.queues = queues_;
    c.telephony = telephonyName_;
    return c;
}

// ------------------------------------------------------------------ events

void Acd::publishCallState(const Call& c, const std::string& agentId, const std::string& requestId,
                           const std::optional<std::string>& consultResult) {
    touch(c);
    events_.callState(agentId, callView(c), requestId, consultResult);
}

void Acd::publishEnded(const Call& c, const std::string& agentId, const std::string& reason,
                       const std::string& requestId) {
    touch(c);
    events_.callEnded(agentId, c.id, reason, requestId);
}

void Acd::alert(AlertRecord record) {
    record.at = clock_.now();
    events_.alert(record);
}

void Acd::markDirty(const std::string& queueOrSkill) {
    for (const auto& q : queues_) {
        if (q.id == queueOrSkill || q.skill == queueOrSkill)
            dirty_[q.id] = true;
    }
}

void Acd::flushStats(bool force) {
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
            for (const auto& [id, c] : calls_)
                waiting = waiting || (c->state == CallState::Queued && c->queue == q.id);
            if (!waiting || last == lastStatsPush_.end() ||
                now - last->second < std::chrono::seconds(5)) {
                continue;
            }
        }
        dirty_[q.id] = false;
        lastStatsPush_[q.id] = now;
        const QueueStatsView stats = queueStats(q, localMidnight(now, settings_.utcOffsetMinutes));
        events_.queueStats(stats);
        checkServiceLevel(stats);
    }
}

// One alert per breach: raised when today's service level falls below the queue's target,
// re-armed once it is back at or above the target (or has no data, after midnight or a reset).
void Acd::checkServiceLevel(const QueueStatsView& stats) {
    const QueueConfig& q = *stats.queue;
    const double sl = stats.kpis.serviceLevelPct;
    if (sl < 0 || sl >= q.slTargetPct) {
        slBreached_.erase(q.id);
        return;
    }
    if (!slBreached_.insert(q.id).second)
        return;
    char text[160];
    std::snprintf(text, sizeof text, "서비스 레벨이 목표 %.0f%% 아래로 떨어졌습니다 (%.1f%%)",
                  q.slTargetPct, sl);
    AlertRecord r;
    r.kind = "sl_breach";
    r.severity = "warning";
    r.queue = q.id;
    r.serviceLevelPct = sl;
    r.slTargetPct = q.slTargetPct;
    r.slThresholdSec = q.slThresholdSec;
    r.message = q.name + " " + text;
    alert(std::move(r));
}

}  // namespace agentdesk::server
