// SipCallControl: what the ACD tells it to do with a call's legs (see sip_call_control.h).
#include <system_error>

#include "common/logging.h"
#include "common/phone.h"
#include "server/calls/sip/sip_call_control.h"
#include "server/calls/sip/sip_call_state.h"

namespace agentdesk::server {

namespace fs = std::filesystem;
using sip_detail::asStrings;
using sip_detail::dialString;

// ------------------------------------------------------------------ ACD commands

void SipCallControl::callerQueued(const std::string& callId, bool again) {
    if (!again) {
        if (!arriving_)
            return;  // not ours (only SIP callers reach this ACD)
        auto c = std::make_unique<Call>();
        c->id = callId;
        c->caller = arriving_->leg;
        c->callerE164 = arriving_->aniE164;
        legs_[c->caller] = {callId, LegRole::Caller, ""};
        Call& ref = *c;
        calls_[callId] = std::move(c);
        ref.queued = true;
        ref.greetingPlay =
            engine_->play(ref.caller, asStrings(prompts_.greeting(options_.lang)), false, true);
        return;
    }
    Call* c = find(callId);
    if (!c)
        return;
    c->queued = true;
    c->bridged = false;
    c->held = false;
    applyRoutes(*c);
    if (c->greetingDone)
        playMusic(*c);
}

void SipCallControl::ringAgent(const std::string& callId, const std::string& agentId, bool) {
    Call* c = find(callId);
    if (!c)
        return;
    const std::string ext = extensionOf(agentId);
    const sip::LegId leg = newLeg(callId, LegRole::Ringing, agentId);
    c->ringing[agentId] = leg;
    if (ext.empty()) {
        // No phone for this agent: the ring-no-answer path, on the next turn of the loop (the
        // ACD is in the middle of routing).
        legs_.erase(leg);
        c->ringing.erase(agentId);
        post_([this, callId, agentId] { acd_.agentUnreachable(callId, agentId); });
        return;
    }
    engine_->callExtension(leg, ext, callerNumberForPhones(*c), callerNumberForPhones(*c), false);
}

void SipCallControl::stopRinging(const std::string& callId, const std::string& agentId) {
    Call* c = find(callId);
    if (!c)
        return;
    if (auto it = c->ringing.find(agentId); it != c->ringing.end()) {
        dropLeg(it->second);
        c->ringing.erase(it);
    }
    c->answering.erase(agentId);
    if (c->consultAgentId == agentId) {
        // An attended transfer was cancelled: the consulted agent's phone is released.
        dropLeg(c->consulted);
        c->consulted = 0;
        c->consultAgentId.clear();
        applyRoutes(*c);
    }
}

void SipCallControl::answerAtAgent(const std::string& callId, const std::string& agentId) {
    Call* c = find(callId);
    if (!c)
        return;
    auto it = c->ringing.find(agentId);
    if (it == c->ringing.end() || c->answering.count(agentId))
        return;
    // The phone is ringing; ring it again with an auto-answer hint so it picks up by itself.
    dropLeg(it->second);
    const sip::LegId leg = newLeg(callId, LegRole::Ringing, agentId);
    it->second = leg;
    c->answering.insert(agentId);
    engine_->callExtension(leg, extensionOf(agentId), callerNumberForPhones(*c),
                           callerNumberForPhones(*c), true);
}

void SipCallControl::connect(const std::string& callId, const std::string& agentId, bool first) {
    Call* c = find(callId);
    if (!c)
        return;
    if (auto it = c->ringing.find(agentId); it != c->ringing.end()) {
        if (c->agent != 0 && c->agent != it->second)
            dropLeg(c->agent);
        c->agent = it->second;
        c->agentUp = true;
        legs_[c->agent] = {callId, LegRole::Agent, agentId};
        c->ringing.erase(it);
    } else if (c->consultAgentId == agentId && c->consulted != 0) {
        // An attended transfer completed: the consulted agent's leg takes the caller.
        if (c->agent != 0)
            dropLeg(c->agent);
        c->agent = c->consulted;
        c->agentUp = true;
        legs_[c->agent] = {callId, LegRole::Agent, agentId};
        c->consulted = 0;
        c->consultAgentId.clear();
    }
    c->agentId = agentId;
    c->queued = false;
    c->bridged = true;
    c->held = false;
    c->muted = false;
    if (c->caller != 0) {
        if (first || c->recordingId == 0) {
            c->recordingId = nextRecordingId_++;
            engine_->startRecording(c->recordingId, c->caller, c->agent,
                                    (options_.recordingsDir / (callId + ".wav")).string());
        } else {
            engine_->setRecordingLegs(c->recordingId, c->caller, c->agent);
        }
    }
    // The recording notice is heard in full before the caller meets the counselor.
    if (!c->inbound || c->greetingDone) {
        if (c->caller != 0)
            engine_->stopPlay(c->caller);
        applyRoutes(*c);
    }
}

void SipCallControl::hold(const std::string& callId, bool held) {
    Call* c = find(callId);
    if (!c)
        return;
    c->held = held;
    applyRoutes(*c);
    if (held)
        playMusic(*c);
    else if (c->caller != 0)
        engine_->stopPlay(c->caller);
}

void SipCallControl::mute(const std::string& callId, bool muted) {
    Call* c = find(callId);
    if (!c)
        return;
    c->muted = muted;
    applyRoutes(*c);
}

void SipCallControl::announce(const std::string& callId, const AnnouncementRequest& request) {
    Call* c = find(callId);
    if (!c || c->caller == 0)
        return;
    switch (request.kind) {
        case Announcement::QueuePosition:
            if (!c->queued || !c->greetingDone)
                return;
            engine_->stopPlay(c->caller);
            c->announcementPlay = engine_->play(
                c->caller,
                asStrings(prompts_.queuePosition(options_.lang, request.position, request.ewtSec)),
                false, true);
            break;
        case Announcement::AbuseWarning:
            c->announcementPlay = engine_->play(
                c->caller, asStrings(prompts_.abuseWarning(options_.lang)), false, true);
            break;
        case Announcement::ProtectionClosing:
            engine_->stopPlay(c->caller);
            c->closingPlay = engine_->play(
                c->caller, asStrings(prompts_.protectionClosing(options_.lang)), false, true);
            break;
    }
}

void SipCallControl::pauseRecording(const std::string& callId, bool paused) {
    Call* c = find(callId);
    if (c && c->recordingId)
        engine_->pauseRecording(c->recordingId, paused);
}

void SipCallControl::sendDtmf(const std::string& callId, const std::string& digits) {
    Call* c = find(callId);
    if (c && c->caller != 0)
        engine_->sendDtmf(c->caller, digits);
}

void SipCallControl::supervise(const std::string& callId, const std::string&,
                               const std::string& supervisorId,
                               std::optional<SupervisionMode> mode) {
    Call* c = find(callId);
    if (!c)
        return;
    if (!mode) {
        const sip::LegId leg = c->supervisor;
        c->supervisor = 0;
        c->supervisorUp = false;
        c->supervisorId.clear();
        c->mode.reset();
        dropLeg(leg);
        applyRoutes(*c);
        return;
    }
    c->mode = mode;
    if (c->supervisor == 0 || c->supervisorId != supervisorId) {
        dropLeg(c->supervisor);
        c->supervisorId = supervisorId;
        c->supervisorUp = false;
        c->supervisor = newLeg(callId, LegRole::Supervisor, supervisorId);
        // The lead's phone picks up by itself: they asked for this from the desktop.
        engine_->callExtension(c->supervisor, extensionOf(supervisorId), "supervision",
                               "supervision", true);
    }
    applyRoutes(*c);
}

void SipCallControl::consultConnected(const std::string& callId, const std::string&,
                                      const std::string& targetAgentId) {
    Call* c = find(callId);
    if (!c)
        return;
    if (targetAgentId.empty()) {
        // An outside number answered: the agent talks to it while the caller waits.
        c->consultingOutside = true;
    } else if (auto it = c->ringing.find(targetAgentId); it != c->ringing.end()) {
        c->consulted = it->second;
        c->consultAgentId = targetAgentId;
        legs_[c->consulted] = {callId, LegRole::Consulted, targetAgentId};
        c->ringing.erase(it);
    }
    applyRoutes(*c);
}

void SipCallControl::dialConsult(const std::string& callId, const std::string&,
                                 const std::string& e164) {
    Call* c = find(callId);
    if (!c)
        return;
    dropLeg(c->outside);
    c->outside = newLeg(callId, LegRole::Outside, "");
    c->outsideUp = false;
    engine_->callNumber(c->outside, e164, callerNumberForPhones(*c));
}

void SipCallControl::endConsult(const std::string& callId) {
    Call* c = find(callId);
    if (!c)
        return;
    dropLeg(c->outside);
    c->outside = 0;
    c->outsideUp = false;
    c->consultingOutside = false;
    applyRoutes(*c);
}

void SipCallControl::dialOut(const std::string& callId, const std::string& agentId,
                             const std::string& e164) {
    auto call = std::make_unique<Call>();
    Call& c = *call;
    c.id = callId;
    c.inbound = false;
    c.callerE164 = e164;
    c.dialNumber = e164;
    c.greetingDone = true;
    c.agentId = agentId;
    calls_[callId] = std::move(call);
    // The agent's phone first (it answers by itself), then the customer (legAnswered).
    c.agent = newLeg(callId, LegRole::Agent, agentId);
    engine_->callExtension(c.agent, extensionOf(agentId), dialString(options_.centerNumberE164),
                           "AgentDesk", true);
}

void SipCallControl::releaseAgent(const std::string& callId, const std::string& agentId) {
    Call* c = find(callId);
    if (!c)
        return;
    if (c->agentId == agentId && c->agent != 0) {
        dropLeg(c->agent);
        c->agent = 0;
        c->agentUp = false;
        c->bridged = false;
        applyRoutes(*c);
    }
    stopRinging(callId, agentId);
}

void SipCallControl::transferOut(const std::string& callId, const std::string& e164) {
    Call* c = find(callId);
    if (!c || c->caller == 0)
        return;
    c->transferredOut = true;
    c->consultingOutside = false;
    if (c->recordingId) {
        engine_->stopRecording(c->recordingId);
        c->recordingId = 0;
    }
    if (c->outside == 0) {
        c->outside = newLeg(callId, LegRole::Outside, "");
        c->outsideUp = false;
        engine_->callNumber(c->outside, e164, callerNumberForPhones(*c));
        playMusic(*c);
    } else {
        engine_->stopPlay(c->caller);
    }
    applyRoutes(*c);
}

void SipCallControl::endCall(const std::string& callId) {
    Call* c = find(callId);
    if (!c)
        return;
    if (c->transferredOut)
        return;  // the caller and the outside party talk on; finish() when either hangs up
    c->ending = true;
    if (c->closingPlay != 0 && c->caller != 0) {
        // The protection closing message is heard to its end; the agent has gone already.
        dropLeg(c->agent);
        c->agent = 0;
        dropLeg(c->supervisor);
        c->supervisor = 0;
        return;
    }
    finish(*c);
}

void SipCallControl::advance() {
    const TimePoint now = clock_.now();
    if (!lastPurge_ || now - *lastPurge_ >= std::chrono::hours(1)) {
        lastPurge_ = now;
        purgeOldRecordings();
    }
}

void SipCallControl::purgeOldRecordings() {
    if (options_.recordingRetentionDays <= 0)
        return;
    const auto horizon =
        fs::file_time_type::clock::now() - std::chrono::hours(24 * options_.recordingRetentionDays);
    std::error_code ec;
    int removed = 0;
    for (const auto& entry : fs::directory_iterator(options_.recordingsDir, ec)) {
        if (entry.path().extension() != ".wav" || !entry.is_regular_file(ec))
            continue;
        if (entry.last_write_time(ec) < horizon && !calls_.count(entry.path().stem().string())) {
            fs::remove(entry.path(), ec);
            ++removed;
        }
    }
    if (removed)
        logging::get("sip")->info("{} recordings older than {} days deleted", removed,
                                  options_.recordingRetentionDays);
}

}  // namespace agentdesk::server
