#include "server/calls/sip/sip_call_control.h"
#include "server/calls/sip/sip_call_state.h"

#include <algorithm>
#include <system_error>

#include "common/logging.h"
#include "common/phone.h"

namespace agentdesk::server {

namespace fs = std::filesystem;
using sip_detail::dialString;

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

void SipCallControl::setStandby(bool standby) {
    if (standby_ && *standby_ == standby)
        return;
    standby_ = standby;
    engine_->setStandby(standby);
    logging::get("sip")->info(standby ? "SIP on standby: another node runs the ACD"
                                      : "SIP answers: this node runs the ACD");
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

std::size_t SipCallControl::legsSettingUp() const {
    std::size_t n = 0;
    for (const auto& [id, c] : calls_) {
        n += c->answering.size();
        n += !c->inbound && !c->bridged && !c->ending;  // click-to-dial not answered yet
        n += c->supervisor != 0 && !c->supervisorUp;
        n += c->outside != 0 && !c->outsideUp;
    }
    return n;
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
    spec.intent = in.intent;
    spec.verified = in.verified.value_or(false);
    arriving_ = Arriving{in.leg, spec.aniE164};
    const auto callId = acd_.callerArrived(spec);
    arriving_.reset();
    if (!callId) {
        engine_->rejectInbound(in.leg, 503, "Service Unavailable");
        return;
    }
    // The 200 OK tells the trunk our call id, for its records (and the IVR's reports).
    engine_->answerInbound(in.leg, "X-AgentDesk-Call-Id: " + *callId + "\r\n");
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

}  // namespace agentdesk::server
