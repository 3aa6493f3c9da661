// The ACD: blind and consult transfers to a queue, an agent or an outside number.
#include "server/acd/acd_internal.h"

namespace agentdesk::server {

Outcome Acd::transfer(const std::string& agentId, const std::string& callId,
                      const TransferTarget& target, TransferMode mode,
                      const std::string& requestId) {
    const bool consult = mode != TransferMode::Blind;
    Agent* a;
    Call* c;
    if (auto r = agentCall(agentId, callId, &a, &c); !r.ok())
        return r;
    if (c->agentId != agentId ||
        (c->state != CallState::Connected && c->state != CallState::Held)) {
        return Outcome::fail(ErrorCode::InvalidState, "only a connected call can be transferred");
    }
    if (c->consultActive)
        return Outcome::fail(ErrorCode::InvalidState, "a consult transfer is already in progress");
    Agent* targetAgent = nullptr;
    switch (target.kind) {
        case TransferTarget::Kind::Queue:
            if (!queue(target.value))
                return Outcome::fail(ErrorCode::NotFound, "unknown queue");
            break;
        case TransferTarget::Kind::Agent:
            targetAgent = findAgent(target.value);
            if (!targetAgent)
                return Outcome::fail(ErrorCode::NotFound, "unknown agent");
            if (targetAgent == a)
                return Outcome::fail(ErrorCode::InvalidState, "cannot transfer to yourself");
            if (!targetAgent->loggedIn || targetAgent->state != AgentState::Ready)
                return Outcome::fail(ErrorCode::InvalidState, "the agent is not ready");
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
                control_->callerQueued(c->id, true);
                route();
                break;
            case TransferTarget::Kind::Agent:
                c->state = CallState::Queued;
                control_->callerQueued(c->id, true);
                offer(*c, *targetAgent, false);
                break;
            case TransferTarget::Kind::Number:
                control_->transferOut(c->id, target.value);
                finishCall(*c, "transferred");
                break;
        }
    } else {
        if (c->state == CallState::Connected) {
            c->state = CallState::Held;
            c->holdStartedAt = now;
            control_->hold(c->id, true);
        }
        c->consultActive = true;
        c->consultAttended = mode == TransferMode::Attended;
        c->consultTalking = false;
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
                control_->dialConsult(c->id, agentId, target.value);
                break;
        }
    }
    flushStats(false);
    removeEnded();
    return Outcome::success();
}

void Acd::consultAnswered(Call& c, Agent* b, const std::string& requestId) {
    c.consultTalking = true;
    c.consultRingDeadline.reset();
    if (b) {
        setState(*b, AgentState::OnCall, "consult", requestId);
        // For the consulted agent the call is live: they talk (to the transferring agent).
        CallView view = callView(c);
        view.state = CallState::Connected;
        events_.callState(b->user.id, view, requestId, std::nullopt);
    }
    control_->consultConnected(c.id, c.agentId, b ? b->user.id : std::string());
    publishCallState(c, c.agentId, b ? "" : requestId);
}

Outcome Acd::completeTransfer(const std::string& agentId, const std::string& callId,
                              const std::string& requestId) {
    Agent* a;
    Call* c;
    if (auto r = agentCall(agentId, callId, &a, &c); !r.ok())
        return r;
    if (c->agentId != agentId || !c->consultActive || !c->consultAttended) {
        return Outcome::fail(ErrorCode::InvalidState, "no attended transfer in progress");
    }
    if (!c->consultTalking) {
        return Outcome::fail(ErrorCode::InvalidState, "the transfer target has not answered yet");
    }
    Agent* b = c->consultTarget.kind == TransferTarget::Kind::Number ? nullptr
                                                                     : findAgent(c->consultAgentId);
    completeConsult(*c, b, requestId);
    flushStats(false);
    removeEnded();
    return Outcome::success();
}

void Acd::completeConsult(Call& c, Agent* b, const std::string& requestId) {
    Agent* a = findAgent(c.agentId);
    const TimePoint now = clock_.now();
    if (a)
        endLeg(c, *a, "transferred", "");
    c.consultActive = false;
    c.consultAttended = false;
    c.consultTalking = false;
    c.consultAgentId.clear();
    c.consultRingDeadline.reset();
    if (!b) {
        control_->transferOut(c.id, c.consultTarget.value);
        finishCall(c, "transferred");
        return;
    }
    c.agentId = b->user.id;
    c.state = CallState::Connected;
    c.connectedAt = now;
    c.heldSec = 0;
    c.muted = false;
    b->callId = c.id;
    setState(*b, AgentState::OnCall, "", requestId);
    control_->connect(c.id, b->user.id, false);
    publishCallState(c, b->user.id, requestId);
}

void Acd::cancelConsult(Call& c, const std::string& why, const std::string& requestId) {
    if (!c.consultAgentId.empty()) {
        if (Agent* b = findAgent(c.consultAgentId)) {
            if (b->callId == c.id) {
                b->callId.clear();
                control_->stopRinging(c.id, b->user.id);
                publishEnded(c, b->user.id, "cancelled", "");
                // A consulted agent who talked goes back to ready: the call was never theirs.
                setState(*b, AgentState::Ready, "", "");
            }
        }
    }
    if (c.consultTarget.kind == TransferTarget::Kind::Number)
        control_->endConsult(c.id);
    c.consultActive = false;
    c.consultAttended = false;
    c.consultTalking = false;
    c.consultAgentId.clear();
    c.consultRingDeadline.reset();
    publishCallState(c, c.agentId, requestId, why);
}

}  // namespace agentdesk::server
