// The ACD: callers arriving, queues, routing to the longest-idle ready agent, ring-no-answer,
// abandons, and the timers that drive them.
#include <algorithm>

#include "common/logging.h"
#include "server/acd/acd_internal.h"

namespace agentdesk::server {

void Acd::enqueue(Call& c, const std::string& queueId, bool priority) {
    const TimePoint now = clock_.now();
    c.queue = queueId;
    c.state = CallState::Queued;
    c.agentId.clear();
    c.queuedAt = now;
    c.priority = priority;
    c.lastAnnouncedAt.reset();
    c.kpi = std::make_shared<KpiEntry>();
    c.kpi->enteredAt = now;
    kpis_[queueId].push_back(c.kpi);
    markDirty(queueId);
    touch(c);
}

void Acd::requeue(Call& c) {
    c.state = CallState::Queued;
    c.agentId.clear();
    c.ringDeadline.reset();
    c.answering = false;
    c.answerRequestId.clear();
    c.priority = true;  // back to the front of the queue (RONA, rejected)
    markDirty(c.queue);
    touch(c);
    control_->callerQueued(c.id, true);
}

std::optional<std::string> Acd::callerArrived(const InboundCallSpec& spec) {
    if (!queue(spec.queue)) {
        logging::get("acd")->warn("a caller for unknown queue '{}' is refused", spec.queue);
        return std::nullopt;
    }
    const TimePoint now = clock_.now();
    auto c = std::make_unique<Call>();
    c->id = newCallId();
    c->ani = spec.aniE164;
    c->intent = spec.intent;
    c->verified = spec.verified;
    c->ivrSec = spec.ivrSec;
    c->createdAt = now - std::chrono::seconds(std::max(0, spec.waitedSec));
    if (const auto* q = queue(spec.queue)) {
        for (const auto& i : q->intents) {
            if (i.id == spec.intent)
                c->ivrPath = i.ivrPath;
        }
    }
    c->customerId = spec.customerId;
    identify(*c);
    Call& ref = *c;
    calls_.emplace(c->id, std::move(c));
    enqueue(ref, spec.queue, false);
    if (spec.waitedSec > 0)
        ref.kpi->enteredAt = ref.createdAt;  // a scripted caller who has waited already
    logging::get("acd")->info("call {} from {} enters queue {} ({})", ref.id, ref.ani, ref.queue,
                              ref.intent);
    control_->callerQueued(ref.id, false);
    route();
    flushStats(false);
    return ref.id;
}

void Acd::identify(Call& c) {
    // Answered at once (SQLite, memory): the call enters its queue identified, as it always
    // did. Later (PostgreSQL): it enters now and waits for the answer in identified().
    auto inCall = std::make_shared<bool>(true);
    auto atOnce = std::make_shared<std::optional<std::vector<CustomerMatch>>>();
    hooks_.identifyCaller(c.ani, c.intent,
                          [this, inCall, atOnce, id = c.id](std::vector<CustomerMatch> m) {
                              if (*inCall)
                                  *atOnce = std::move(m);
                              else
                                  identified(id, std::move(m));
                          });
    *inCall = false;
    if (*atOnce)
        setMatches(c, std::move(**atOnce));
    else
        c.identifyingSince = clock_.now();
}

void Acd::setMatches(Call& c, std::vector<CustomerMatch> matches) {
    c.matches = std::move(matches);
    if (!c.customerId && c.matches.size() == 1)
        c.customerId = c.matches.front().id;
}

void Acd::identified(const std::string& callId, std::vector<CustomerMatch> matches) {
    Call* c = findCall(callId);
    if (!c || !c->identifyingSince)
        return;  // gone, or it went on unidentified (kIdentifyWithin)
    c->identifyingSince.reset();
    setMatches(*c, std::move(matches));
    markDirty(c->queue);
    touch(*c);
    route();
    flushStats(false);
}

void Acd::route() {
    // Ready agents first, longest idle first (ties in id order, as agents_ is): with none, there
    // is nothing to do, and each waiting call then scans this short list, not every agent. A
    // center of 2,000 agents with a backlog of calls spent its CPU comparing each call with
    // each agent on every event.
    auto available = [](const Agent& a) {
        return a.loggedIn && a.state == AgentState::Ready && a.supervisingCallId.empty();
    };
    std::vector<Agent*> ready;
    for (auto& [id, a] : agents_) {
        if (available(*a))
            ready.push_back(a.get());
    }
    if (ready.empty())
        return;
    std::stable_sort(ready.begin(), ready.end(),
                     [](const Agent* x, const Agent* y) { return x->idleSince < y->idleSince; });

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
    std::set<std::string> heldQueues;  // a call not identified yet holds those behind it
    for (auto& w : waiting) {
        if (ready.empty())
            break;
        const QueueConfig* q = queue(w.consult ? w.call->consultTarget.value : w.call->queue);
        if (!q || heldQueues.count(q->id))
            continue;
        if (!w.consult && w.call->identifyingSince) {
            heldQueues.insert(q->id);
            continue;
        }
        const auto best = std::find_if(ready.begin(), ready.end(), [&](const Agent* a) {
            return available(*a) && !w.call->rejectedBy.count(a->user.id) &&
                   a->user.id != w.call->agentId && hasSkill(*a, q->skill);
        });
        if (best == ready.end())
            continue;
        Agent& agent = **best;
        ready.erase(best);
        offer(*w.call, agent, w.consult);
    }
}

void Acd::offer(Call& c, Agent& a, bool consult) {
    const TimePoint now = clock_.now();
    const auto deadline = now + std::chrono::seconds(settings_.ringTimeoutSec);
    std::optional<std::string> consultFrom;
    if (consult) {
        c.consultAgentId = a.user.id;
        c.consultRingDeadline = deadline;
        consultFrom = c.agentId;
    } else {
        c.state = CallState::Ringing;
        c.agentId = a.user.id;
        c.offeredAt = now;
        c.ringDeadline = deadline;
    }
    a.callId = c.id;
    setState(a, AgentState::Ringing, "", "");
    CallView view = callView(c);
    if (consult)
        view.state = CallState::Ringing;
    events_.callOffered(a.user.id, view, consultFrom);
    markDirty(c.queue);
    touch(c);
    control_->ringAgent(c.id, a.user.id, consult);
}

void Acd::missed(Call& c, Agent& a, bool consult) {
    rollStatsDay(a);
    ++a.missedToday;
    a.callId.clear();
    control_->stopRinging(c.id, a.user.id);
    publishEnded(c, a.user.id, "missed", "");
    setState(a, AgentState::NotReady, "missed_call", "");
    AlertRecord r;
    r.kind = "missed_call";
    r.severity = "info";
    r.agentId = a.user.id;
    r.callId = c.id;
    r.queue = c.queue;
    r.message = a.user.name + " 상담사가 벨 울림 시간 안에 응답하지 않았습니다";
    alert(std::move(r));
    if (consult) {
        c.consultAgentId.clear();
        c.consultRingDeadline.reset();
        if (c.consultTarget.kind == TransferTarget::Kind::Agent)
            cancelConsult(c, "missed", "");
        return;
    }
    requeue(c);
}

void Acd::agentUnreachable(const std::string& callId, const std::string& agentId) {
    Call* c = findCall(callId);
    Agent* a = findAgent(agentId);
    if (!c || !a || a->callId != callId)
        return;
    if (c->consultActive && c->consultAgentId == agentId) {
        missed(*c, *a, true);
    } else if (c->state == CallState::Ringing && c->agentId == agentId) {
        missed(*c, *a, false);
    } else {
        return;
    }
    route();
    flushStats(false);
}

void Acd::abandon(Call& c) {
    const TimePoint now = clock_.now();
    if (c.state == CallState::Ringing && !c.agentId.empty()) {
        if (Agent* a = findAgent(c.agentId)) {
            a->callId.clear();
            control_->stopRinging(c.id, a->user.id);
            publishEnded(c, a->user.id, "abandoned", "");
            setState(*a, AgentState::Ready, "", "");
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
    finishCall(c, "abandoned");
}

// Every queued caller hears their position and the expected wait every positionAnnounceSec.
void Acd::announcePositions() {
    const TimePoint now = clock_.now();
    std::map<std::string, std::vector<Call*>> byQueue;
    for (auto& [id, c] : calls_) {
        if (c->state == CallState::Queued)
            byQueue[c->queue].push_back(c.get());
    }
    for (auto& [queueId, waiting] : byQueue) {
        std::stable_sort(waiting.begin(), waiting.end(), [](const Call* x, const Call* y) {
            if (x->priority != y->priority)
                return x->priority;
            return x->kpi->enteredAt < y->kpi->enteredAt;
        });
        const QueueConfig* q = queue(queueId);
        if (!q)
            continue;
        const QueueStatsView stats = queueStats(*q, localMidnight(now, settings_.utcOffsetMinutes));
        const int serving = stats.ready + stats.onCall + stats.acw;
        for (std::size_t i = 0; i < waiting.size(); ++i) {
            Call& c = *waiting[i];
            const TimePoint since = c.lastAnnouncedAt ? *c.lastAnnouncedAt : c.queuedAt;
            if (secondsBetween(since, now) < settings_.positionAnnounceSec)
                continue;
            c.lastAnnouncedAt = now;
            AnnouncementRequest req;
            req.kind = Announcement::QueuePosition;
            req.position = static_cast<int>(i) + 1;
            // The same formula as the queue's EWT, for this caller's place in the line.
            if (stats.kpis.ahtSec >= 0 && serving > 0 && stats.kpis.ewtSec >= 0) {
                req.ewtSec = static_cast<int>(req.position * stats.kpis.ahtSec / serving);
            }
            control_->announce(c.id, req);
        }
    }
}

void Acd::advance() {
    const TimePoint now = clock_.now();
    std::vector<std::string> ids;
    ids.reserve(calls_.size());
    for (const auto& [id, c] : calls_)
        ids.push_back(id);
    for (const auto& id : ids) {
        Call* c = findCall(id);
        if (!c)
            continue;
        if (c->state == CallState::Queued && !c->longWaitAlerted && c->kpi &&
            secondsBetween(c->kpi->enteredAt, now) >= settings_.longWaitAlertSec) {
            c->longWaitAlerted = true;
            AlertRecord r;
            r.kind = "long_wait";
            r.severity = "warning";
            r.queue = c->queue;
            r.callId = c->id;
            r.message = "대기 시간이 " + std::to_string(settings_.longWaitAlertSec) +
                        "초를 넘은 통화가 있습니다";
            alert(std::move(r));
        } else if (c->identifyingSince && now - *c->identifyingSince >= kIdentifyWithin) {
            // The store did not say in time: the caller is offered unidentified (the counselor
            // searches), rather than the queue waiting on the database.
            logging::get("acd")->warn("call {}: the caller was not identified within {} ms", id,
                                      kIdentifyWithin.count());
            c->identifyingSince.reset();
            route();
        } else if (c->state == CallState::Ringing && c->direction == "inbound" && c->ringDeadline &&
                   now >= *c->ringDeadline) {
            if (Agent* a = findAgent(c->agentId))
                missed(*c, *a, false);
        } else if (c->state == CallState::Held && c->consultActive && !c->consultAgentId.empty() &&
                   !c->consultTalking && c->consultRingDeadline && now >= *c->consultRingDeadline) {
            if (Agent* b = findAgent(c->consultAgentId))
                missed(*c, *b, true);
        }
    }
    for (auto& [id, a] : agents_) {
        if (a->state == AgentState::AfterCallWork && a->acwDeadline && now >= *a->acwDeadline)
            endAcw(*a, AgentState::Ready, "", "");
    }
    endProtectionRests(now);
    // Drop KPI entries older than two days.
    const TimePoint horizon = now - std::chrono::hours(48);
    for (auto& [q, entries] : kpis_) {
        std::erase_if(entries, [&](const auto& e) { return e->enteredAt < horizon; });
    }
    announcePositions();
    route();
    flushStats(false);
    removeEnded();
}

void Acd::reset() {
    for (auto& [id, a] : agents_) {
        a->callId.clear();
        a->acwCallId.clear();
        a->acwDeadline.reset();
        a->pendingKpi.reset();
        a->handledToday = 0;
        a->handleSecToday = 0;
        a->missedToday = 0;
        if (a->loggedIn && a->state != AgentState::NotReady)
            setState(*a, AgentState::NotReady, "training", "");
    }
    for (auto& [id, c] : calls_) {
        endSupervision(*c, "call_ended", "");
        if (!c->agentId.empty())
            publishEnded(*c, c->agentId, "completed", "");
        if (c->state != CallState::Ended)
            control_->endCall(c->id);
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
