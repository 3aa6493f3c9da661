#include "server/calls/sim/sim_call_control.h"

#include <algorithm>
#include <vector>

#include "common/logging.h"

namespace agentdesk::server {

SimCallControl::SimCallControl(const Clock& clock, CallControlListener& listener,
                               Telephony& telephony, int outboundAnswerSec)
    : clock_(clock),
      listener_(listener),
      telephony_(telephony),
      outboundAnswerSec_(outboundAnswerSec) {}

std::string SimCallControl::injectCall(const InboundCallSpec& spec) {
    arriving_ = spec;
    auto id = listener_.callerArrived(spec);
    arriving_.reset();
    return id.value_or("");
}

Outcome SimCallControl::callerHangup(const std::string& callId) {
    if (!telephony_.callActive(callId))
        return Outcome::fail(ErrorCode::NotFound, "unknown call");
    listener_.callerHungUp(callId);
    return Outcome::success();
}

void SimCallControl::reset() {
    telephony_.reset();
    callers_.clear();
}

void SimCallControl::callerQueued(const std::string& callId, bool again) {
    const TimePoint now = clock_.now();
    if (!again) {
        Caller c;
        if (arriving_) {
            c.patienceSec = arriving_->patienceSec;
            c.talkSec = arriving_->talkSec;
            c.transcript = arriving_->transcript;
            std::stable_sort(
                c.transcript.begin(), c.transcript.end(),
                [](const TranscriptLine& x, const TranscriptLine& y) { return x.atSec < y.atSec; });
        }
        if (c.patienceSec)
            c.patienceDeadline = now + std::chrono::seconds(*c.patienceSec);
        callers_[callId] = std::move(c);
        return;
    }
    auto it = callers_.find(callId);
    if (it == callers_.end())
        return;
    // Transferred back into a queue after talking: the caller's patience starts again. A ring
    // that was not answered does not give it back.
    if (it->second.connected) {
        it->second.connected = false;
        it->second.held = false;
        it->second.hangupAt.reset();
        if (it->second.patienceSec)
            it->second.patienceDeadline = now + std::chrono::seconds(*it->second.patienceSec);
    }
}

void SimCallControl::answerAtAgent(const std::string& callId, const std::string& agentId) {
    listener_.agentAnswered(callId, agentId);
}

void SimCallControl::connect(const std::string& callId, const std::string&, bool first) {
    const TimePoint now = clock_.now();
    Caller& c = callers_[callId];
    c.connected = true;
    c.held = false;
    c.patienceDeadline.reset();
    c.remoteAnswerAt.reset();
    if (c.talkSec)
        c.hangupAt = now + std::chrono::seconds(*c.talkSec);
    c.transcriptStart = now;
    if (first)
        c.transcriptNext = 0;
}

void SimCallControl::hold(const std::string& callId, bool held) {
    if (auto it = callers_.find(callId); it != callers_.end())
        it->second.held = held;
}

void SimCallControl::announce(const std::string& callId, const AnnouncementRequest& request) {
    logging::get("acd")->debug("simulated announcement {} to call {}",
                               static_cast<int>(request.kind), callId);
}

void SimCallControl::dialConsult(const std::string& callId, const std::string&,
                                 const std::string&) {
    callers_[callId].remoteAnswerAt = clock_.now() + std::chrono::seconds(outboundAnswerSec_);
}

void SimCallControl::endConsult(const std::string& callId) {
    if (auto it = callers_.find(callId); it != callers_.end())
        it->second.remoteAnswerAt.reset();
}

void SimCallControl::dialOut(const std::string& callId, const std::string&, const std::string&) {
    callers_[callId].remoteAnswerAt = clock_.now() + std::chrono::seconds(outboundAnswerSec_);
}

void SimCallControl::endCall(const std::string& callId) {
    callers_.erase(callId);
}

DurableCaller SimCallControl::durableCaller(const std::string& callId) const {
    const auto it = callers_.find(callId);
    if (it == callers_.end())
        return {};
    const Caller& c = it->second;
    return {c.patienceSec, c.talkSec, c.patienceDeadline, c.hangupAt};
}

// The caller goes on where the other node left them: waiting with the patience they had left,
// or talking until their talk time is up (a scripted transcript does not start over).
bool SimCallControl::adopt(const DurableCall& call) {
    const bool connected = call.state == CallState::Connected || call.state == CallState::Held;
    if (call.direction != "inbound" && !connected)
        return false;  // an outside number being rung: that dial was the other node's
    Caller c;
    c.patienceSec = call.caller.patienceSec;
    c.talkSec = call.caller.talkSec;
    c.connected = connected;
    c.held = call.state == CallState::Held;
    if (c.connected) {
        c.hangupAt = call.caller.hangupAt;
    } else {
        c.patienceDeadline = call.caller.patienceDeadline;
    }
    c.transcriptStart = call.connectedAt;
    callers_[call.id] = std::move(c);
    return true;
}

void SimCallControl::runCaller(const std::string& callId, TimePoint now) {
    auto it = callers_.find(callId);
    if (it == callers_.end())
        return;
    Caller& c = it->second;
    if (c.remoteAnswerAt && now >= *c.remoteAnswerAt) {
        c.remoteAnswerAt.reset();
        listener_.remoteAnswered(callId);
        return;
    }
    if (!c.connected) {
        if (c.patienceDeadline && now >= *c.patienceDeadline) {
            c.patienceDeadline.reset();
            listener_.callerHungUp(callId);
        }
        return;
    }
    if (c.held)
        return;
    // Lines are said while caller and agent talk; a held caller says them after the hold.
    while (c.transcriptNext < c.transcript.size() &&
           secondsBetween(c.transcriptStart, now) >= c.transcript[c.transcriptNext].atSec) {
        const TranscriptLine line = c.transcript[c.transcriptNext++];
        listener_.transcriptLine(callId, line);
        if (!callers_.count(callId))
            return;
    }
    if (c.hangupAt && now >= *c.hangupAt) {
        c.hangupAt.reset();
        listener_.callerHungUp(callId);
    }
}

void SimCallControl::advance() {
    const TimePoint now = clock_.now();
    std::vector<std::string> ids;
    ids.reserve(callers_.size());
    for (const auto& [id, c] : callers_)
        ids.push_back(id);
    for (const auto& id : ids)
        runCaller(id, now);
}

}  // namespace agentdesk::server
