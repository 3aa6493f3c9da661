#include "server/calls/sip/engine_core.h"

#include <cctype>
#include <cstring>

#include "common/logging.h"

namespace agentdesk::server::sip {

namespace {

constexpr std::uint64_t kHousekeepingMs = 1000;
constexpr std::uint64_t kShutdownGraceMs = 2000;

std::string unquote(std::string s) {
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') {
        s = s.substr(1, s.size() - 2);
    }
    return s;
}

std::string ipText(const sa& addr) {
    char buf[64] = {};
    sa_ntop(&addr, buf, sizeof(buf));
    return sa_af(&addr) == AF_INET6 ? "[" + std::string(buf) + "]" : std::string(buf);
}

std::string headerValue(const sip_msg* msg, const char* name) {
    const sip_hdr* h = sip_msg_xhdr(msg, name);
    return h ? plString(h->val) : std::string();
}

// The IVR's data on a trunk's INVITE. Values that are not what the header says are ignored (and
// logged): an intent is an id of lower-case letters, digits and '_' (at most 40).
void readAttachedData(const sip_msg* msg, InboundCall& call) {
    auto log = agentdesk::logging::get("sip");
    const std::string intent = headerValue(msg, "X-AgentDesk-Intent");
    const bool intentOk =
        !intent.empty() && intent.size() <= 40 &&
        intent.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
    if (intentOk)
        call.intent = intent;
    else if (!intent.empty())
        log->warn("INVITE: X-AgentDesk-Intent ignored: not an intent id");
    std::string verified = headerValue(msg, "X-AgentDesk-Verified");
    for (char& c : verified)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (verified == "yes" || verified == "true" || verified == "1")
        call.verified = true;
    else if (verified == "no" || verified == "false" || verified == "0")
        call.verified = false;
    else if (!verified.empty())
        log->warn("INVITE: X-AgentDesk-Verified ignored: not yes or no");
}

}  // namespace

EngineCore::EngineCore(SipConfig config, Emit emit, EngineCounters& counters,
                       std::function<LegId()> newLegId)
    : config_(std::move(config)),
      emit_(std::move(emit)),
      counters_(counters),
      newLegId_(std::move(newLegId)),
      mixer_(*this) {
    tmr_init(&housekeeping_);
    tmr_init(&reap_);
    tmr_init(&grace_);
}

EngineCore::~EngineCore() {
    tmr_cancel(&housekeeping_);
    tmr_cancel(&reap_);
    tmr_cancel(&grace_);
    mixer_.stop();
    legs_.clear();
    graveyard_.clear();
    registrar_.reset();
    lsnr_ = static_cast<sip_lsnr*>(mem_deref(lsnr_));
    sessSock_ = static_cast<sipsess_sock*>(mem_deref(sessSock_));
    if (sip_) {
        if (!shuttingDown_) {
            sip_close(sip_, true);  // aborts what the released sessions still had pending
            mem_deref(sip_);
        } else {
            // shutdown() already dropped our reference. When the last one went, libre called
            // onSipExit and kept one for us; if transactions were still pending after the
            // grace period, abort them, which gets us there now.
            if (!sipExited_) {
                sip_close(sip_, true);
            }
            if (sipExited_) {
                mem_deref(sip_);
            } else {
                // Sessions whose 200 OK still waits for its ACK keep the stack alive until a
                // timer that no longer runs. Close the sockets at least, so the port is free
                // again; the remaining memory is left behind.
                agentdesk::logging::get("sip")->warn(
                    "{} SIP session reference(s) still open at shutdown", mem_nrefs(sip_));
                sip_transp_flush(sip_);
            }
        }
        sip_ = nullptr;
    }
}

bool EngineCore::start(std::string* error) {
    auto fail = [error](std::string why) {
        if (error) {
            *error = std::move(why);
        }
        return false;
    };
    if (sa_set_str(&listenAddr_, config_.listenHost.c_str(), config_.listenPort) != 0) {
        return fail("listenHost '" + config_.listenHost + "' is not an IP address");
    }
    if (!sa_isset(&listenAddr_, SA_ADDR)) {
        // libre 1.1 refuses to bind SIP to the wildcard address, and the IP goes into Contact
        // headers and SDP, so it has to be the real one.
        return fail("listenHost must be a concrete IP address, not " + config_.listenHost);
    }
    hostForUris_ = ipText(listenAddr_);
    for (const std::string& t : config_.trunkAddrs) {
        sa addr{};
        if (sa_decode(&addr, t.c_str(), t.size()) != 0 && sa_set_str(&addr, t.c_str(), 0) != 0) {
            return fail("trunk address '" + t + "' is neither an IP nor ip:port");
        }
        trunks_.push_back(addr);
    }
    if (!config_.outboundUri.empty()) {
        pl p{};
        pl_set_str(&p, config_.outboundUri.c_str());
        uri u{};
        if (uri_decode(&u, &p) != 0) {
            return fail("outboundUri '" + config_.outboundUri + "' is not a SIP URI");
        }
    }
    if (config_.rtpPortMin >= config_.rtpPortMax) {
        return fail("rtpPortMin must be below rtpPortMax");
    }

    int err = sip_alloc(&sip_, nullptr, 64, 64, 64, config_.userAgent.c_str(),
                        &EngineCore::onSipExit, this);
    if (err) {
        return fail(std::string("sip_alloc: ") + std::strerror(err));
    }
    err = sip_transp_add(sip_, SIP_TRANSP_UDP, &listenAddr_);
    if (err) {
        return fail("cannot bind SIP UDP " + config_.listenHost + ":" +
                    std::to_string(config_.listenPort) + ": " + std::strerror(err));
    }
    sa bound{};
    sip_transp_laddr(sip_, &bound, SIP_TRANSP_UDP, nullptr);
    port_ = sa_port(&bound);
    sa tcpAddr = listenAddr_;
    sa_set_port(&tcpAddr, port_);
    const bool tcp = sip_transp_add(sip_, SIP_TRANSP_TCP, &tcpAddr) == 0;
    if (!tcp) {
        agentdesk::logging::get("sip")->warn("SIP over TCP not available on port {}", port_);
    }
    err = sipsess_listen(&sessSock_, sip_, 64, &EngineCore::onInvite, this);
    if (!err) {
        err = sip_listen(&lsnr_, sip_, true, &EngineCore::onRequest, this);
    }
    if (err) {
        return fail(std::string("SIP listeners: ") + std::strerror(err));
    }
    registrar_ =
        std::make_unique<Registrar>(sip_, config_.realm, counters_, [this](const Registration& r) {
            emit_([r](SipEngineListener& l) { l.registrationChanged(r); });
        });
    mixer_.start();
    tmr_start(&housekeeping_, kHousekeepingMs, &EngineCore::onHousekeeping, this);
    agentdesk::logging::get("sip")->info("SIP engine listening on {}:{} (UDP{})", hostForUris_,
                                         port_, tcp ? " and TCP" : "");
    return true;
}

std::string EngineCore::allowHeaders() const {
    return "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS, INFO\r\n";
}

bool EngineCore::onRequest(const sip_msg* msg, void* arg) {
    auto* self = static_cast<EngineCore*>(arg);
    if (pl_strcmp(&msg->met, "REGISTER") == 0) {
        if (self->shuttingDown_ || self->standby_) {
            sip_treply(nullptr, self->sip_, msg, 503, "Service Unavailable");
        } else {
            self->registrar_->handle(msg);
        }
        return true;
    }
    if (pl_strcmp(&msg->met, "OPTIONS") == 0) {
        if (self->standby_) {
            sip_treply(nullptr, self->sip_, msg, 503, "Service Unavailable");
            return true;
        }
        sip_treplyf(nullptr, nullptr, self->sip_, msg, false, 200, "OK",
                    "%sAccept: application/sdp\r\nContent-Length: 0\r\n\r\n",
                    self->allowHeaders().c_str());
        return true;
    }
    return false;  // INVITE, ACK, BYE, INFO: the session layer; others: libre answers 501
}

void EngineCore::onInvite(const sip_msg* msg, void* arg) {
    static_cast<EngineCore*>(arg)->handleInvite(msg);
}

bool EngineCore::trunkAllowed(const sa& source) const {
    for (const sa& t : trunks_) {
        if (sa_port(&t) == 0 ? sa_cmp(&t, &source, SA_ADDR) : sa_cmp(&t, &source, SA_ALL)) {
            return true;
        }
    }
    return false;
}

void EngineCore::handleInvite(const sip_msg* msg) {
    auto log = agentdesk::logging::get("sip");
    if (shuttingDown_ || standby_) {
        sip_treply(nullptr, sip_, msg, 503, "Service Unavailable");
        return;
    }
    const std::string fromUser = plString(msg->from.uri.user);
    const std::string phone = registrar_->phoneFor(msg->src, fromUser);
    if (phone.empty() && !trunkAllowed(msg->src)) {
        log->warn("INVITE from {} refused: not a trunk and not a registered phone",
                  saString(msg->src));
        sip_treply(nullptr, sip_, msg, 403, "Forbidden");
        return;
    }
    if (mbuf_get_left(msg->mb) > 0 && !msg_ctype_cmp(&msg->ctyp, "application", "sdp")) {
        sip_treplyf(nullptr, nullptr, sip_, msg, false, 415, "Unsupported Media Type",
                    "Accept: application/sdp\r\nContent-Length: 0\r\n\r\n");
        return;
    }
    const LegId id = newLegId_();
    auto leg = std::make_unique<SipLeg>(id, true, *this, *this, counters_);
    int err = leg->prepareMedia(listenAddr_, config_.rtpPortMin, config_.rtpPortMax);
    if (err) {
        log->error("INVITE from {}: no RTP port: {}", saString(msg->src), std::strerror(err));
        sip_treply(nullptr, sip_, msg, 503, "No Media Port Available");
        return;
    }
    switch (leg->takeOffer(msg)) {
        case SdpOffer::Result::Malformed:
            log->warn("INVITE from {}: malformed SDP", saString(msg->src));
            sip_treply(nullptr, sip_, msg, 400, "Malformed SDP");
            return;
        case SdpOffer::Result::NoCodec:
            log->warn("INVITE from {}: no PCMA/PCMU offered", saString(msg->src));
            sip_treplyf(nullptr, nullptr, sip_, msg, false, 488, "Not Acceptable Here",
                        "Warning: 304 %s \"PCMA or PCMU audio required\"\r\n"
                        "Content-Length: 0\r\n\r\n",
                        hostForUris_.c_str());
            return;
        case SdpOffer::Result::Ok:
            break;
    }
    err = leg->accept(sessSock_, msg, allowHeaders());
    if (err) {
        log->error("INVITE from {}: accept failed: {}", saString(msg->src), std::strerror(err));
        sip_treply(nullptr, sip_, msg, 500, "Server Internal Error");
        return;
    }
    mixer_.addLeg(&leg->media());
    legs_[id] = std::move(leg);

    InboundCall call;
    call.leg = id;
    call.requestUser = plString(msg->uri.user);
    call.fromUser = fromUser;
    call.fromDisplay = unquote(plString(msg->from.dname));
    call.remoteAddr = saString(msg->src);
    call.fromRegisteredPhone = !phone.empty();
    call.phoneExtension = phone;
    if (phone.empty())
        readAttachedData(msg, call);
    log->info("leg {}: INVITE {} from {} <{}> via {}{}", id, call.requestUser, call.fromDisplay,
              call.fromUser, call.remoteAddr, phone.empty() ? "" : " (phone " + phone + ")");
    emit_([call](SipEngineListener& l) { l.inboundCall(call); });
}

SipLeg* EngineCore::findLeg(LegId leg) {
    const auto it = legs_.find(leg);
    return it == legs_.end() ? nullptr : it->second.get();
}

void EngineCore::setAccounts(const std::vector<PhoneAccount>& accounts) {
    if (registrar_) {
        registrar_->setAccounts(accounts);
    }
}

void EngineCore::answerInbound(LegId id, const std::string& extraHeaders) {
    SipLeg* leg = findLeg(id);
    if (!leg || !leg->inbound() || leg->state() != SipLeg::State::Ringing) {
        agentdesk::logging::get("sip")->warn("answerInbound({}): no ringing inbound leg", id);
        return;
    }
    const int err = leg->answer(allowHeaders() + extraHeaders);
    if (err) {
        endLeg(id, EndReason::Error, 0, std::string("answer failed: ") + std::strerror(err));
        return;
    }
    agentdesk::logging::get("sip")->info("leg {}: answered", id);
    emit_([id](SipEngineListener& l) { l.legAnswered(id); });
}

void EngineCore::rejectInbound(LegId id, int status, const std::string& reason) {
    SipLeg* leg = findLeg(id);
    if (!leg || !leg->inbound() || leg->state() != SipLeg::State::Ringing) {
        agentdesk::logging::get("sip")->warn("rejectInbound({}): no ringing inbound leg", id);
        return;
    }
    if (status < 300 || status > 699) {
        status = 480;
    }
    leg->reject(status, reason.empty() ? "Rejected" : reason);
    endLeg(id, EndReason::Rejected, status, reason);
}

void EngineCore::callExtension(LegId id, const std::string& extension, const std::string& fromUser,
                               const std::string& fromDisplay, bool autoAnswer) {
    if (shuttingDown_) {
        postEnded(id, EndReason::Shutdown, 0, "engine stopping");
        return;
    }
    const Registrar::Binding* b = registrar_->find(extension);
    if (!b) {
        postEnded(id, EndReason::Rejected, 480, "extension " + extension + " not registered");
        return;
    }
    std::string headers = allowHeaders();
    if (autoAnswer) {
        headers += "Call-Info: <sip:" + hostForUris_ + ">;answer-after=0\r\n";
        headers += "Alert-Info: <http://127.0.0.1>;info=alert-autoanswer\r\n";
    }
    startOutbound(id, b->contact, fromUser, fromDisplay, headers);
}

void EngineCore::callNumber(LegId id, const std::string& number, const std::string& fromUser) {
    if (config_.outboundUri.empty()) {
        postEnded(id, EndReason::Error, 0, "no outboundUri configured");
        return;
    }
    pl p{};
    pl_set_str(&p, config_.outboundUri.c_str());
    uri u{};
    uri_decode(&u, &p);  // validated in start()
    std::string host = plString(u.host);
    if (u.af == AF_INET6) {
        host = "[" + host + "]";
    }
    std::string to = "sip:" + number + "@" + host;
    if (u.port) {
        to += ":" + std::to_string(u.port);
    }
    to += plString(u.params);
    startOutbound(id, to, fromUser, std::string(), allowHeaders());
}

void EngineCore::startOutbound(LegId id, const std::string& toUri, const std::string& fromUser,
                               const std::string& fromDisplay, const std::string& extraHeaders) {
    auto log = agentdesk::logging::get("sip");
    if (shuttingDown_) {
        postEnded(id, EndReason::Shutdown, 0, "engine stopping");
        return;
    }
    if (legs_.count(id)) {
        log->error("leg id {} is already in use; call to {} not placed", id, toUri);
        return;
    }
    auto leg = std::make_unique<SipLeg>(id, false, *this, *this, counters_);
    int err = leg->prepareMedia(listenAddr_, config_.rtpPortMin, config_.rtpPortMax);
    if (err) {
        postEnded(id, EndReason::Error, 0, std::string("no RTP port: ") + std::strerror(err));
        return;
    }
    const std::string from = "sip:" + (fromUser.empty() ? std::string("agentdesk") : fromUser) +
                             "@" + hostForUris_ + ":" + std::to_string(port_);
    err = leg->connect(sessSock_, toUri, fromDisplay, from, extraHeaders);
    if (err) {
        postEnded(id, EndReason::Error, 0, "INVITE to " + toUri + " failed: " + std::strerror(err));
        return;
    }
    log->info("leg {}: INVITE {} from {}", id, toUri, from);
    mixer_.addLeg(&leg->media());
    legs_[id] = std::move(leg);
}

void EngineCore::hangup(LegId id) {
    SipLeg* leg = findLeg(id);
    if (!leg) {
        return;
    }
    if (leg->state() == SipLeg::State::Answered) {
        endLeg(id, EndReason::Bye, 0, "local hangup");  // the session's release sends BYE
        return;
    }
    if (leg->inbound()) {
        leg->reject(480, "Temporarily Unavailable");
    }
    endLeg(id, EndReason::Cancel, 0, "local hangup");  // outbound: CANCEL
}

void EngineCore::setHears(LegId leg, std::vector<Hear> hears) {
    if (!mixer_.setHears(leg, std::move(hears))) {
        agentdesk::logging::get("media")->debug("setHears({}): no such leg", leg);
    }
}

void EngineCore::play(LegId leg, std::uint64_t playId, std::vector<std::string> files, bool loop,
                      bool exclusive) {
    if (!mixer_.play(leg, playId, std::move(files), loop, exclusive)) {
        agentdesk::logging::get("media")->debug("play({}): no such leg", leg);
    }
}

void EngineCore::stopPlay(LegId leg) {
    mixer_.stopPlay(leg);
}

void EngineCore::sendDtmf(LegId id, const std::string& digits) {
    if (SipLeg* leg = findLeg(id)) {
        leg->media().queueDtmf(digits);
    }
}

void EngineCore::startRecording(std::uint64_t recId, LegId left, LegId right,
                                const std::string& path) {
    if (shuttingDown_) {
        return;
    }
    const int err = mixer_.startRecording(recId, left, right, path);
    if (err) {
        agentdesk::logging::get("media")->error("recording {}: cannot open {}: {}", recId, path,
                                                std::strerror(err));
    }
}

void EngineCore::setRecordingLegs(std::uint64_t recId, LegId left, LegId right) {
    mixer_.setRecordingLegs(recId, left, right);
}

void EngineCore::pauseRecording(std::uint64_t recId, bool paused) {
    mixer_.pauseRecording(recId, paused);
}

void EngineCore::stopRecording(std::uint64_t recId) {
    mixer_.stopRecording(recId);
}

void EngineCore::legAnswered(SipLeg& leg) {
    const LegId id = leg.id();
    agentdesk::logging::get("sip")->info("leg {}: answered by the remote", id);
    emit_([id](SipEngineListener& l) { l.legAnswered(id); });
}

void EngineCore::legClosed(SipLeg& leg, EndReason reason, int status, const std::string& detail) {
    endLeg(leg.id(), reason, status, detail);
}

void EngineCore::legInfoDtmf(SipLeg& leg, char digit) {
    onDtmf(leg.media(), digit);
}

void EngineCore::onAudio(MediaLeg& leg, const AudioPacket& packet) {
    mixer_.onAudio(leg, packet);
}

void EngineCore::onDtmf(MediaLeg& leg, char digit) {
    const LegId id = leg.id();
    agentdesk::logging::get("media")->debug("leg {}: DTMF {}", id, digit);
    emit_([id, digit](SipEngineListener& l) { l.dtmfReceived(id, digit); });
}

void EngineCore::playbackFinished(LegId leg, std::uint64_t playId) {
    emit_([leg, playId](SipEngineListener& l) { l.playbackFinished(leg, playId); });
}

void EngineCore::postEnded(LegId leg, EndReason reason, int status, const std::string& detail) {
    LegEnded ended;
    ended.leg = leg;
    ended.reason = reason;
    ended.sipStatus = status;
    ended.detail = detail;
    agentdesk::logging::get("sip")->info("leg {}: ended ({}{}{})", leg, detail, status ? ", " : "",
                                         status ? std::to_string(status) : "");
    emit_([ended](SipEngineListener& l) { l.legEnded(ended); });
}

void EngineCore::endLeg(LegId id, EndReason reason, int status, const std::string& detail) {
    const auto it = legs_.find(id);
    if (it == legs_.end()) {
        return;
    }
    std::unique_ptr<SipLeg> leg = std::move(it->second);
    legs_.erase(it);
    leg->end();
    leg->media().setActive(false);
    mixer_.removeLeg(id);
    postEnded(id, reason, status, detail);
    graveyard_.push_back(std::move(leg));
    tmr_start(&reap_, 0, &EngineCore::onReap, this);
}

void EngineCore::onReap(void* arg) {
    static_cast<EngineCore*>(arg)->graveyard_.clear();
}

void EngineCore::onHousekeeping(void* arg) {
    auto* self = static_cast<EngineCore*>(arg);
    if (self->config_.rtpTimeoutSec > 0) {
        const auto limit = std::chrono::seconds(self->config_.rtpTimeoutSec);
        const auto now = std::chrono::steady_clock::now();
        std::vector<LegId> silent;
        for (auto& [id, leg] : self->legs_) {
            MediaLeg& m = leg->media();
            if (leg->state() == SipLeg::State::Answered && m.expectsRtp() &&
                now - m.lastRx() > limit) {
                silent.push_back(id);
            }
        }
        for (const LegId id : silent) {
            self->endLeg(id, EndReason::RtpTimeout, 0,
                         "no RTP for " + std::to_string(self->config_.rtpTimeoutSec) + " s");
        }
    }
    tmr_start(&self->housekeeping_, kHousekeepingMs, &EngineCore::onHousekeeping, self);
}

void EngineCore::shutdown(std::function<void()> done) {
    shuttingDown_ = true;
    shutdownDone_ = std::move(done);
    tmr_cancel(&housekeeping_);
    std::vector<LegId> ids;
    for (const auto& [id, leg] : legs_) {
        ids.push_back(id);
    }
    for (const LegId id : ids) {
        SipLeg* leg = findLeg(id);
        if (leg->inbound() && leg->state() == SipLeg::State::Ringing) {
            leg->reject(503, "Service Unavailable");
        }
        endLeg(id, EndReason::Shutdown, 0, "engine stopping");
    }
    // Not inside a libre callback here, so the sessions can go now: BYE/CANCEL leave at once.
    tmr_cancel(&reap_);
    graveyard_.clear();
    mixer_.stop();
    registrar_.reset();
    lsnr_ = static_cast<sip_lsnr*>(mem_deref(lsnr_));
    sessSock_ = static_cast<sipsess_sock*>(mem_deref(sessSock_));
    tmr_start(&grace_, kShutdownGraceMs, &EngineCore::onShutdownGrace, this);
    // Drops our reference; libre calls onSipExit once the last transaction is over (possibly
    // right away, from inside this call).
    sip_close(sip_, false);
}

void EngineCore::onSipExit(void* arg) {
    auto* self = static_cast<EngineCore*>(arg);
    self->sipExited_ = true;
    self->finishShutdown();
}

void EngineCore::onShutdownGrace(void* arg) {
    agentdesk::logging::get("sip")->warn("SIP transactions still pending after {} ms; closing",
                                         kShutdownGraceMs);
    static_cast<EngineCore*>(arg)->finishShutdown();
}

void EngineCore::finishShutdown() {
    tmr_cancel(&grace_);
    if (shutdownDone_) {
        auto done = std::move(shutdownDone_);
        shutdownDone_ = nullptr;
        done();
    }
}

}  // namespace agentdesk::server::sip
