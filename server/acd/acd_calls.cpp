// The ACD: the counselor's call commands (answer … hang up, dial, wrap-up) and what the
// telephony backend reports about the line.
#include <algorithm>

#include "common/logging.h"
#include "server/acd/acd_internal.h"

namespace agentdesk::server {

Outcome Acd::answer(const std::string& agentId, const std::string& callId,
                    const std::string& requestId) {
    Agent* a;
    Call* c;
    if (auto r = agentCall(agentId, callId, &a, &c); !r.ok())
        return r;
    const bool consultOffer =
        c->consultActive && c->consultAgentId == agentId && !c->consultTalking;
    const bool ringing = !consultOffer && c->state == CallState::Ringing &&
                         c->direction == "inbound" && c->agentId == agentId;
    if (!consultOffer && !ringing) {
        return Outcome::fail(ErrorCode::InvalidState, "the call is not ringing");
    }
    if (c->answering)
        return Outcome::fail(ErrorCode::InvalidState, "the call is being answered");
    c->answering = true;
    c->answerRequestId = requestId;
    // The counselor has answered: the phone gets a full ring time to pick up, so a late
    // Answer is not lost to the ring-no-answer timer.
    const auto deadline = clock_.now() + std::chrono::seconds(settings_.ringTimeoutSec);
    if (consultOffer)
        c->consultRingDeadline = deadline;
    else
        c->ringDeadline = deadline;
    // The backend answers the agent's leg and reports agentAnswered() (at once when simulated).
    control_->answerAtAgent(c->id, agentId);
    return Outcome::success();
}

void Acd::agentAnswered(const std::string& callId, const std::string& agentId) {
    Call* c = findCall(callId);
    Agent* a = findAgent(agentId);
    if (!c || !a || a->callId != callId)
        return;
    const std::string requestId = c->answering ? c->answerRequestId : "";
    c->answering = false;
    c->answerRequestId.clear();
    if (c->consultActive && c->consultAgentId == agentId) {
        if (c->consultAttended)
            consultAnswered(*c, a, requestId);
        else
            completeConsult(*c, a, requestId);
    } else if (c->state == CallState::Ringing && c->direction == "inbound" &&
               c->agentId == agentId) {
        connectAnswered(*c, *a, requestId);
    } else {
        return;
    }
    flushStats(false);
    removeEnded();
}

void Acd::connectAnswered(Call& c, Agent& a, const std::string& requestId) {
    const TimePoint now = clock_.now();
    c.state = CallState::Connected;
    c.connectedAt = now;
    c.ringDeadline.reset();
    if (c.kpi && !c.kpi->answeredAt)
        c.kpi->answeredAt = now;
    const bool first = !c.everConnected;
    c.everConnected = true;
    setState(a, AgentState::OnCall, "", requestId);
    control_->connect(c.id, a.user.id, first);
    publishCallState(c, a.user.id, requestId);
    markDirty(c.queue);
    touch(c);
}

Outcome Acd::reject(const std::string& agentId, const std::string& callId,
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
        control_->stopRinging(c->id, agentId);
        publishEnded(*c, agentId, "rejected", requestId);
        setState(*a, AgentState::Ready, "", requestId);
        if (c->consultTarget.kind == TransferTarget::Kind::Agent)
            cancelConsult(*c, "rejected", "");
    } else if (c->state == CallState::Ringing && c->direction == "inbound") {
        c->rejectedBy.insert(agentId);
        a->callId.clear();
        control_->stopRinging(c->id, agentId);
        publishEnded(*c, agentId, "rejected", requestId);
        setState(*a, AgentState::Ready, "", requestId);
        requeue(*c);
    } else {
        return Outcome::fail(ErrorCode::InvalidState, "the call is not ringing");
    }
    route();
    flushStats(false);
    return Outcome::success();
}

Outcome Acd::hold(const std::string& agentId, const std::string& callId,
                  const std::string& requestId) {
    Call* c;
    if (auto r = activeCall(agentId, callId, false, "only a connected call can be held", &c);
        !r.ok())
        return r;
    c->state = CallState::Held;
    c->holdStartedAt = clock_.now();
    control_->hold(c->id, true);
    publishCallState(*c, agentId, requestId);
    return Outcome::success();
}

Outcome Acd::resume(const std::string& agentId, const std::string& callId,
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
    control_->hold(c->id, false);
    publishCallState(*c, agentId, requestId);
    route();
    return Outcome::success();
}

Outcome Acd::mute(const std::string& agentId, const std::string& callId, bool muted,
                  const std::string& requestId) {
    Call* c;
    if (auto r = activeCall(agentId, callId, true, "the call is not connected", &c); !r.ok())
        return r;
    c->muted = muted;
    control_->mute(c->id, muted);
    publishCallState(*c, agentId, requestId);
    return Outcome::success();
}

Outcome Acd::dtmf(const std::string& agentId, const std::string& callId, const std::string& digits,
                  const std::string& requestId) {
    Call* c;
    if (auto r =
            activeCall(agentId, callId, false, "tones can be sent on a connected call only", &c);
        !r.ok())
        return r;
    c->dtmf += digits;
    if (c->dtmf.size() > 64)
        c->dtmf.erase(0, c->dtmf.size() - 64);
    control_->sendDtmf(c->id, digits);
    publishCallState(*c, agentId, requestId);
    return Outcome::success();
}

void Acd::dtmfReceived(const std::string& callId, const std::string& digits) {
    Call* c = findCall(callId);
    if (!c || c->agentId.empty())
        return;
    events_.dtmfReceived(c->agentId, c->id, digits);
}

Outcome Acd::setRecordingPaused(const std::string& agentId, const std::string& callId, bool paused,
                                const std::string& requestId) {
    Call* c;
    if (auto r = activeCall(agentId, callId, true, "the call is not connected", &c); !r.ok())
        return r;
    c->recordingPaused = paused;
    control_->pauseRecording(c->id, paused);
    publishCallState(*c, agentId, requestId);
    return Outcome::success();
}

Outcome Acd::abuseWarning(const std::string& agentId, const std::string& callId,
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
    control_->announce(c->id, {Announcement::AbuseWarning, 0, -1});
    publishCallState(*c, agentId, requestId);
    AlertRecord r;
    r.kind = "abuse_warning";
    r.severity = "warning";
    r.agentId = agentId;
    r.callId = c->id;
    r.queue = c->queue;
    r.customerId = c->customerId;
    r.count = c->abuseWarnings;
    r.message = a->user.name + " 상담사가 폭언 경고 안내를 송출했습니다 (" +
                std::to_string(c->abuseWarnings) + "회)";
    alert(std::move(r));
    return Outcome::success();
}

Outcome Acd::hangup(const std::string& agentId, const std::string& callId, bool forAbuse,
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
        a->protectionDue = true;
        if (c->customerId)
            hooks_.abusiveCallEnded(*c->customerId);
        // The caller hears the closing message; the backend hangs up once it has played.
        control_->announce(c->id, {Announcement::ProtectionClosing, 0, -1});
        AlertRecord r;
        r.kind = "agent_ended_abuse";
        r.severity = "critical";
        r.agentId = agentId;
        r.callId = c->id;
        r.queue = c->queue;
        r.customerId = c->customerId;
        r.warnings = c->abuseWarnings;
        r.message = a->user.name + " 상담사가 폭언 고객 통화를 선종료했습니다";
        alert(std::move(r));
    }
    endLeg(*c, *a, reason, requestId);
    finishCall(*c, reason);
    flushStats(false);
    removeEnded();
    return Outcome::success();
}

void Acd::endLeg(Call& c, Agent& a, const std::string& reason, const std::string& requestId) {
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
    control_->releaseAgent(c.id, a.user.id);
    a.callId.clear();
    startAcw(a, c);
}

void Acd::finishCall(Call& c, const std::string& reason) {
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
    touch(c);
    control_->endCall(c.id);
}

void Acd::removeEnded() {
    std::erase_if(calls_, [](const auto& kv) { return kv.second->state == CallState::Ended; });
}

Outcome Acd::dial(const std::string& agentId, const std::string& e164,
                  const std::optional<std::string>& customerId, std::vector<CustomerMatch> matches,
                  const std::string& requestId, std::string* callId) {
    Agent* a = findAgent(agentId);
    if (!a || !a->loggedIn)
        return Outcome::fail(ErrorCode::InvalidState, "agent is logged out");
    if (a->state != AgentState::Ready && a->state != AgentState::NotReady) {
        return Outcome::fail(ErrorCode::InvalidState,
                             "cannot dial while " + std::string(agentStateName(a->state)));
    }
    if (phonesRequired_ && !(a->phone && a->phone->registered)) {
        return Outcome::fail(ErrorCode::InvalidState,
                             "your phone is not registered; connect it before dialling");
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
    c->customerId = customerId;
    setMatches(*c, std::move(matches));
    if (!a->user.skills.empty())
        c->queue = a->user.skills.front();
    Call& ref = *c;
    calls_.emplace(c->id, std::move(c));
    a->callId = ref.id;
    *callId = ref.id;
    setState(*a, AgentState::OnCall, "outbound", requestId);
    publishCallState(ref, agentId, requestId);
    control_->dialOut(ref.id, agentId, e164);
    return Outcome::success();
}

void Acd::remoteAnswered(const std::string& callId) {
    Call* c = findCall(callId);
    if (!c)
        return;
    if (c->consultActive && c->consultTarget.kind == TransferTarget::Kind::Number) {
        if (c->consultAttended)
            consultAnswered(*c, nullptr, "");
        else
            completeConsult(*c, nullptr, "");
    } else if (c->direction == "outbound" && c->state == CallState::Ringing) {
        c->state = CallState::Connected;
        c->connectedAt = clock_.now();
        c->everConnected = true;
        control_->connect(c->id, c->agentId, true);
        publishCallState(*c, c->agentId, "");
    } else {
        return;
    }
    flushStats(false);
    removeEnded();
}

Outcome Acd::wrapup(const std::string& agentId, const std::string& callId, const std::string& code,
                    const std::optional<std::string>& noteId,
                    const std::optional<AgentState>& nextState, const std::string& requestId) {
    Agent* a = findAgent(agentId);
    if (!a)
        return Outcome::fail(ErrorCode::NotFound, "unknown agent");
    if (a->acwCallId != callId || callId.empty()) {
        if (calls_.count(callId) && callBelongsTo(callId, agentId)) {
            return Outcome::fail(ErrorCode::InvalidState, "the call is still in progress");
        }
        return Outcome::fail(ErrorCode::NotFound, "no after-call work for this call");
    }
    if (a->state != AgentState::AfterCallWork)
        return Outcome::fail(ErrorCode::InvalidState, "not in after-call work");
    hooks_.wrappedUp(callId, agentId, code, noteId);
    if (code == "ABUSIVE_CALL")
        a->protectionDue = true;
    endAcw(*a, nextState.value_or(AgentState::Ready), "", requestId);
    route();
    flushStats(false);
    return Outcome::success();
}

void Acd::callerHungUp(const std::string& callId) {
    if (Call* c = findCall(callId))
        lineEnded(*c, "completed");
}

// The caller's side is gone (hung up, or its audio stopped): a waiting caller abandoned, a
// connected call ends with `reason`.
void Acd::lineEnded(Call& c, const std::string& reason) {
    if (c.state == CallState::Queued || c.state == CallState::Ringing) {
        if (c.direction == "outbound") {
            if (Agent* a = findAgent(c.agentId))
                endLeg(c, *a, reason, "");
            finishCall(c, reason);
        } else {
            abandon(c);
        }
    } else {
        if (c.consultActive)
            cancelConsult(c, "cancelled", "");
        if (Agent* a = findAgent(c.agentId))
            endLeg(c, *a, reason, "");
        finishCall(c, reason);
    }
    route();
    flushStats(false);
    removeEnded();
}

// The agent hung up on the phone itself: the same as Hang up on the desktop.
void Acd::agentHungUp(const std::string& callId, const std::string& agentId) {
    Call* c = findCall(callId);
    if (!c)
        return;
    if (c->consultActive && c->consultAgentId == agentId) {
        if (c->consultTalking) {
            // The consulted agent hung up while talking to the transferring agent.
            cancelConsult(*c, "cancelled", "");
        } else if (Agent* b = findAgent(agentId)) {
            // The consulted agent's phone refused the offer.
            missed(*c, *b, true);
        }
    } else if (c->agentId == agentId) {
        if (c->state == CallState::Ringing && c->direction == "inbound") {
            agentUnreachable(callId, agentId);
            return;
        }
        if (Agent* a = findAgent(agentId)) {
            if (c->consultActive)
                cancelConsult(*c, "cancelled", "");
            endLeg(*c, *a, "completed", "");
        }
        finishCall(*c, "completed");
    }
    route();
    flushStats(false);
    removeEnded();
}

void Acd::mediaFailed(const std::string& callId, const std::string& why) {
    Call* c = findCall(callId);
    if (!c)
        return;
    logging::get("acd")->warn("call {} dropped: {}", callId, why);
    lineEnded(*c, "dropped");
}

Outcome Acd::addTranscript(const std::string& callId, TranscriptLine line) {
    const Call* c = findCall(callId);
    if (!c || c->state == CallState::Ended)
        return Outcome::fail(ErrorCode::NotFound, "no such call in progress");
    if (c->agentId.empty() || (c->state != CallState::Connected && c->state != CallState::Held))
        return Outcome::fail(ErrorCode::InvalidState, "the call is not connected to an agent");
    if (line.atSec < 0)
        line.atSec = static_cast<int>(std::max(0.0, secondsBetween(c->connectedAt, clock_.now())));
    events_.transcript(c->agentId, c->id, line);
    return Outcome::success();
}

void Acd::transcriptLine(const std::string& callId, const TranscriptLine& line) {
    const Call* c = findCall(callId);
    if (!c || c->agentId.empty() || c->state != CallState::Connected)
        return;
    events_.transcript(c->agentId, c->id, line);
}

}  // namespace agentdesk::server
