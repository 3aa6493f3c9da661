#include "server/calls/sip/sip_call_control.h"

#include <algorithm>
#include <system_error>

#include "common/logging.h"
#include "common/phone.h"

namespace agentdesk::server {

namespace fs = std::filesystem;

struct SipCallControl::Call {
    std::string id;
    sip::LegId caller = 0;
    bool inbound = true;
    std::string callerE164;
    std::map<std::string, sip::LegId> ringing;  // agentId → leg still ringing
    std::set<std::string> answering;            // desktop Answer: rung again with auto-answer
    std::string agentId;
    sip::LegId agent = 0;
    bool agentUp = false;  // the agent's leg answered (outbound: the phone picked up)
    std::string supervisorId;
    sip::LegId supervisor = 0;
    bool supervisorUp = false;
    std::optional<SupervisionMode> mode;
    sip::LegId outside = 0;  // a consulted number, or where the caller was transferred
    bool outsideUp = false;
    // Attended transfer: the agent talks to the consulted agent (or number) first.
    std::string consultAgentId;
    sip::LegId consulted = 0;
    bool consultingOutside = false;
    std::string dialNumber;  // outbound: the customer's number, dialled once the phone answers
    std::uint64_t recordingId = 0;
    bool queued = false;
    bool held = false;
    bool muted = false;
    bool bridged = false;       // caller and agent talk (ACD connected)
    bool greetingDone = false;  // the recording notice has been heard
    std::uint64_t greetingPlay = 0;
    std::uint64_t announcementPlay = 0;
    std::uint64_t closingPlay = 0;
    bool ending = false;          // the ACD is done; waiting for the closing message
    bool transferredOut = false;  // the caller talks to an outside number; no ACD call any more
};

namespace {
std::vector<std::string> asStrings(const std::vector<fs::path>& files) {
    std::vector<std::string> out;
    out.reserve(files.size());
    for (const auto& f : files)
        out.push_back(f.string());
    return out;
}
}  // namespace

SipCallControl::SipCallControl(SipTelephonyOptions options, const Clock& clock,
                               CallControlListener& acd, Telephony& telephony,
                               std::function<void(std::function<void()>)> post)
    : options_(std::move(options)),
      clock_(clock),
      acd_(acd),
      telephony_(telephony),
      prompts_(options_.promptDir),
      post_(post),
      engine_(std::make_unique<sip::SipEngine>(options_.sip, *this, std::move(post))) {}

SipCallControl::~SipCallControl() {
    stop();
}

bool SipCallControl::start(std::string* error) {
    std::string why;
    if (!prompts_.valid(&why)) {
        *error = "prompts in " + options_.promptDir.string() + " are not usable: " + why;
        return false;
    }
    std::error_code ec;
    fs::create_directories(options_.recordingsDir, ec);
    if (ec) {
        *error = "cannot create the recordings directory " + options_.recordingsDir.string() +
                 ": " + ec.message();
        return false;
    }
    return engine_->start(error);
}

void SipCallControl::stop() {
    if (engine_)
        engine_->stop();
}

std::uint16_t SipCallControl::sipPort() const {
    return engine_->sipPort();
}

sip::SipEngine::Stats SipCallControl::stats() const {
    return engine_->stats();
}

void SipCallControl::setAgents(const std::vector<User>& users) {
    std::vector<sip::PhoneAccount> accounts;
    agentOfExtension_.clear();
    extensionOfAgent_.clear();
    for (const auto& u : users) {
        if (u.extension.empty())
            continue;
        agentOfExtension_[u.extension] = u.id;
        extensionOfAgent_[u.id] = u.extension;
        if (!u.sipHa1.empty())
            accounts.push_back({u.extension, {}, u.sipHa1});
    }
    engine_->setAccounts(std::move(accounts));
}

std::optional<fs::path> SipCallControl::recordingPath(const std::string& callId) const {
    // Call ids are ours ("call-<hex>-<n>"); anything else never names a file.
    if (callId.empty() || callId.size() > 64 ||
        !std::all_of(callId.begin(), callId.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
        }))
        return std::nullopt;
    fs::path p = options_.recordingsDir / (callId + ".wav");
    std::error_code ec;
    if (!fs::is_regular_file(p, ec))
        return std::nullopt;
    return p;
}

// ------------------------------------------------------------------ bookkeeping

SipCallControl::Call* SipCallControl::find(const std::string& callId) {
    auto it = calls_.find(callId);
    return it == calls_.end() ? nullptr : it->second.get();
}

SipCallControl::Call* SipCallControl::callOf(sip::LegId leg, LegRef* ref) {
    auto it = legs_.find(leg);
    if (it == legs_.end())
        return nullptr;
    if (ref)
        *ref = it->second;
    return find(it->second.callId);
}

sip::LegId SipCallControl::newLeg(const std::string& callId, LegRole role,
                                  const std::string& agentId) {
    const sip::LegId leg = engine_->newLegId();
    legs_[leg] = {callId, role, agentId};
    return leg;
}

void SipCallControl::dropLeg(sip::LegId leg) {
    if (leg == 0)
        return;
    // Forgotten first: the engine's legEnded for it is then ours, not news.
    legs_.erase(leg);
    engine_->hangup(leg);
}

std::string SipCallControl::extensionOf(const std::string& agentId) const {
    auto it = extensionOfAgent_.find(agentId);
    return it == extensionOfAgent_.end() ? std::string() : it->second;
}

namespace {
// A number as phones and gateways show it in a From header: local format, digits only.
std::string dialString(const std::string& e164) {
    std::string digits;
    for (char c : phone::formatLocal(e164)) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits.push_back(c);
    }
    return digits.empty() ? "anonymous" : digits;
}
}  // namespace

std::string SipCallControl::callerNumberForPhones(const Call& call) const {
    return dialString(call.callerE164);
}

// What each party hears, from the call's state.
void SipCallControl::applyRoutes(Call& c) {
    const bool agentLive = c.agent != 0 && c.agentUp;
    const bool supLive = c.supervisor != 0 && c.supervisorUp && c.mode;
    if (c.caller != 0) {
        std::vector<sip::Hear> callerHears;
        if (c.bridged && !c.held && agentLive && !c.muted)
            callerHears.push_back({c.agent, 1.0f});
        if (c.bridged && !c.held && supLive && *c.mode == SupervisionMode::Barge)
            callerHears.push_back({c.supervisor, 1.0f});
        if (c.transferredOut && c.outside != 0 && c.outsideUp)
            callerHears.push_back({c.outside, 1.0f});
        engine_->setHears(c.caller, std::move(callerHears));
    }
    if (c.agent != 0) {
        std::vector<sip::Hear> agentHears;
        if (c.bridged && !c.held && c.caller != 0)
            agentHears.push_back({c.caller, 1.0f});
        if (c.consulted != 0)
            agentHears.push_back({c.consulted, 1.0f});
        if (c.consultingOutside && c.outside != 0 && c.outsideUp)
            agentHears.push_back({c.outside, 1.0f});
        if (supLive && *c.mode != SupervisionMode::Listen)
            agentHears.push_back({c.supervisor, 1.0f});
        engine_->setHears(c.agent, std::move(agentHears));
    }
    if (c.supervisor != 0) {
        std::vector<sip::Hear> supHears;
        if (c.caller != 0)
            supHears.push_back({c.caller, 1.0f});
        if (agentLive)
            supHears.push_back({c.agent, 1.0f});
        engine_->setHears(c.supervisor, std::move(supHears));
    }
    if (c.consulted != 0 && c.agent != 0)
        engine_->setHears(c.consulted, {{c.agent, 1.0f}});
    if (c.outside != 0) {
        std::vector<sip::Hear> outsideHears;
        if (c.transferredOut && c.caller != 0)
            outsideHears.push_back({c.caller, 1.0f});
        else if (c.consultingOutside && c.agent != 0)
            outsideHears.push_back({c.agent, 1.0f});
        engine_->setHears(c.outside, std::move(outsideHears));
    }
}

void SipCallControl::playMusic(Call& c) {
    if (c.caller == 0)
        return;
    engine_->stopPlay(c.caller);
    engine_->play(c.caller, {prompts_.holdMusic().string()}, true, false);
}

void SipCallControl::afterGreeting(Call& c) {
    c.greetingDone = true;
    if (c.bridged) {
        engine_->stopPlay(c.caller);
        applyRoutes(c);
    } else {
        playMusic(c);
    }
}

void SipCallControl::finish(Call& c) {
    if (c.recordingId)
        engine_->stopRecording(c.recordingId);
    dropLeg(c.caller);
    dropLeg(c.agent);
    dropLeg(c.supervisor);
    dropLeg(c.outside);
    dropLeg(c.consulted);
    for (const auto& [agentId, leg] : c.ringing)
        dropLeg(leg);
    calls_.erase(c.id);
}

// ------------------------------------------------------------------ engine reports

void SipCallControl::registrationChanged(const sip::Registration& r) {
    auto it = agentOfExtension_.find(r.extension);
    if (it == agentOfExtension_.end())
        return;
    logging::get("sip")->info("phone of extension {} {}", r.extension,
                              r.registered ? "registered" : "unregistered");
    acd_.phoneChanged(it->second, PhoneStatus{r.registered, r.contact, r.userAgent});
}

void SipCallControl::inboundCall(const sip::InboundCall& in) {
    std::string queue;
    if (telephony_.hasQueue(in.requestUser)) {
        queue = in.requestUser;
    } else if (auto e164 = phone::toE164(in.requestUser)) {
        if (auto it = options_.numbers.find(*e164); it != options_.numbers.end())
            queue = it->second;
    }
    if (queue.empty() || !telephony_.hasQueue(queue)) {
        logging::get("sip")->info("INVITE for '{}' refused: no such queue or number",
                                  in.requestUser);
        engine_->rejectInbound(in.leg, 404, "Not Found");
        return;
    }
    InboundCallSpec spec;
    spec.queue = queue;
    spec.aniE164 = phone::toE164(in.fromUser).value_or(in.fromUser);
    engine_->answerInbound(in.leg);
    arriving_ = Arriving{in.leg, spec.aniE164};
    const auto callId = acd_.callerArrived(spec);
    arriving_.reset();
    if (!callId) {
        engine_->hangup(in.leg);
        return;
    }
}

void SipCallControl::legAnswered(sip::LegId leg) {
    LegRef r;
    Call* c = callOf(leg, &r);
    if (!c)
        return;
    switch (r.role) {
        case LegRole::Caller:
            if (!c->inbound) {
                // Outbound: the customer picked up.
                acd_.remoteAnswered(c->id);
            }
            break;
        case LegRole::Ringing:
            c->answering.erase(r.agentId);
            acd_.agentAnswered(c->id, r.agentId);
            break;
        case LegRole::Agent:
            c->agentUp = true;
            if (!c->inbound && !c->dialNumber.empty() && c->caller == 0) {
                // Click-to-dial: the agent's phone is up, now the customer.
                c->caller = newLeg(c->id, LegRole::Caller, "");
                engine_->callNumber(c->caller, c->dialNumber,
                                    dialString(options_.centerNumberE164));
            }
            applyRoutes(*c);
            break;
        case LegRole::Supervisor:
            c->supervisorUp = true;
            applyRoutes(*c);
            break;
        case LegRole::Consulted:
            break;
        case LegRole::Outside:
            c->outsideUp = true;
            if (c->transferredOut)
                applyRoutes(*c);
            else
                acd_.remoteAnswered(c->id);
            break;
    }
}

void SipCallControl::legEnded(const sip::LegEnded& e) {
    auto ref = legs_.find(e.leg);
    if (ref == legs_.end())
        return;  // a leg we hung up ourselves
    const LegRef r = ref->second;
    legs_.erase(ref);
    Call* c = find(r.callId);
    if (!c)
        return;
    logging::get("sip")->debug("call {}: leg {} ended ({}, {})", c->id, e.leg,
                               static_cast<int>(e.reason), e.sipStatus);
    switch (r.role) {
        case LegRole::Caller:
            c->caller = 0;
            if (c->transferredOut || c->ending) {
                finish(*c);
            } else if (e.reason == sip::EndReason::RtpTimeout) {
                acd_.mediaFailed(c->id, "no audio from the caller");
            } else {
                acd_.callerHungUp(c->id);
            }
            break;
        case LegRole::Ringing:
            c->ringing.erase(r.agentId);
            c->answering.erase(r.agentId);
            acd_.agentUnreachable(c->id, r.agentId);
            break;
        case LegRole::Agent:
            c->agent = 0;
            c->agentUp = false;
            if (e.reason == sip::EndReason::RtpTimeout)
                acd_.mediaFailed(c->id, "no audio from the agent's phone");
            else
                acd_.agentHungUp(c->id, r.agentId);
            break;
        case LegRole::Supervisor:
            c->supervisor = 0;
            c->supervisorUp = false;
            // The lead hung up their phone: the supervision is over.
            if (!c->supervisorId.empty())
                telephony_.stopSupervising(c->supervisorId, c->id, "");
            break;
        case LegRole::Consulted:
            c->consulted = 0;
            c->consultAgentId.clear();
            acd_.agentHungUp(c->id, r.agentId);
            break;
        case LegRole::Outside:
            c->outside = 0;
            c->outsideUp = false;
            c->consultingOutside = false;
            if (c->transferredOut) {
                finish(*c);
            } else if (!c->inbound && c->dialNumber.empty()) {
                acd_.callerHungUp(c->id);
            }
            break;
    }
}

void SipCallControl::dtmfReceived(sip::LegId leg, char digit) {
    auto ref = legs_.find(leg);
    if (ref == legs_.end() || ref->second.role != LegRole::Caller)
        return;
    acd_.dtmfReceived(ref->second.callId, std::string(1, digit));
}

void SipCallControl::playbackFinished(sip::LegId leg, std::uint64_t playId) {
    Call* c = callOf(leg, nullptr);
    if (!c)
        return;
    if (playId == c->greetingPlay) {
        afterGreeting(*c);
    } else if (playId == c->closingPlay && c->ending) {
        finish(*c);
    } else if (playId == c->announcementPlay && c->queued) {
        playMusic(*c);
    }
}

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
