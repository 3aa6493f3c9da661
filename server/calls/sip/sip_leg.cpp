#include "server/calls/sip/sip_leg.h"

#include <cctype>
#include <cstring>

#include "common/logging.h"

namespace agentdesk::server::sip {

namespace {

constexpr const char* kContactUser = "agentdesk";
constexpr const char* kSdpType = "application/sdp";

bool hasSdpBody(const sip_msg* msg) {
    return mbuf_get_left(msg->mb) > 0 && msg_ctype_cmp(&msg->ctyp, "application", "sdp");
}

// "Signal=5" (or "signal= #") in an application/dtmf-relay INFO body.
int infoDigit(const sip_msg* msg) {
    const std::string body(reinterpret_cast<const char*>(mbuf_buf(msg->mb)),
                           mbuf_get_left(msg->mb));
    std::string lower(body);
    for (char& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    const auto at = lower.find("signal");
    if (at == std::string::npos) {
        return -1;
    }
    auto pos = lower.find('=', at);
    if (pos == std::string::npos) {
        return -1;
    }
    for (++pos; pos < body.size() && (body[pos] == ' ' || body[pos] == '\t'); ++pos) {
    }
    if (pos >= body.size() || telev_digit2code(static_cast<unsigned char>(body[pos])) < 0) {
        return -1;
    }
    return std::toupper(static_cast<unsigned char>(body[pos]));
}

}  // namespace

SipLeg::SipLeg(LegId id, bool inbound, Owner& owner, MediaLeg::Handler& media,
               EngineCounters& counters)
    : id_(id),
      inbound_(inbound),
      owner_(owner),
      media_(std::make_unique<MediaLeg>(id, media, counters)),
      counters_(counters) {
    counters_.legs.fetch_add(1);
}

SipLeg::~SipLeg() {
    // Dereferencing a live session makes libre finish it: BYE when established, CANCEL for our
    // ringing INVITE, a final response for an unanswered inbound one. It keeps what it needs
    // for that and no longer calls us.
    mem_deref(sess_);
    media_.reset();
    counters_.legs.fetch_sub(1);
}

int SipLeg::prepareMedia(const sa& ip, std::uint16_t portMin, std::uint16_t portMax) {
    int err = media_->open(ip, portMin, portMax);
    if (err) {
        return err;
    }
    sa laddr = ip;
    sa_set_port(&laddr, media_->port());
    return sdp_.init(laddr);
}

SdpOffer::Result SipLeg::takeOffer(const sip_msg* msg) {
    if (!hasSdpBody(msg)) {
        haveRemoteOffer_ = false;  // late offer: we offer in the 200 OK, the ACK answers
        return SdpOffer::Result::Ok;
    }
    const SdpOffer::Result r = sdp_.decode(msg->mb, true);
    haveRemoteOffer_ = r == SdpOffer::Result::Ok;
    return r;
}

int SipLeg::accept(sipsess_sock* sock, const sip_msg* msg, const std::string& headers) {
    return sipsess_accept(&sess_, sock, msg, 180, "Ringing", kContactUser, kSdpType, nullptr,
                          nullptr, nullptr, false, &SipLeg::onOffer, &SipLeg::onAnswer,
                          &SipLeg::onEstablished, &SipLeg::onInfo, nullptr, &SipLeg::onClose, this,
                          "%s", headers.c_str());
}

int SipLeg::answer(const std::string& headers) {
    if (!sess_ || state_ != State::Ringing) {
        return EINVAL;
    }
    mbuf* desc = nullptr;
    int err = sdp_.encode(&desc, !haveRemoteOffer_);
    if (!err) {
        err = sipsess_answer(sess_, 200, "OK", desc, "%s", headers.c_str());
    }
    mem_deref(desc);
    if (err) {
        return err;
    }
    state_ = State::Answered;
    if (haveRemoteOffer_) {
        media_->setRemote(sdp_.remote());
    }
    media_->setActive(true);
    return 0;
}

int SipLeg::reject(int status, const std::string& reason) {
    if (!sess_ || state_ != State::Ringing) {
        return EINVAL;
    }
    return sipsess_reject(sess_, static_cast<std::uint16_t>(status), reason.c_str(), nullptr);
}

int SipLeg::connect(sipsess_sock* sock, const std::string& toUri, const std::string& fromName,
                    const std::string& fromUri, const std::string& headers) {
    mbuf* desc = nullptr;
    int err = sdp_.encode(&desc, true);
    if (err) {
        return err;
    }
    err = sipsess_connect(
        &sess_, sock, toUri.c_str(), fromName.empty() ? nullptr : fromName.c_str(), fromUri.c_str(),
        kContactUser, nullptr, 0, kSdpType, desc, nullptr, nullptr, false, &SipLeg::onOffer,
        &SipLeg::onAnswer, &SipLeg::onProgress, &SipLeg::onEstablished, &SipLeg::onInfo, nullptr,
        &SipLeg::onClose, this, "%s", headers.c_str());
    mem_deref(desc);
    return err;
}

bool SipLeg::applyRemote(const sip_msg* msg, bool isOffer) {
    auto log = agentdesk::logging::get("sip");
    const SdpOffer::Result r = sdp_.decode(msg->mb, isOffer);
    if (r != SdpOffer::Result::Ok) {
        log->warn("leg {}: unusable SDP {} ({})", id_, isOffer ? "offer" : "answer",
                  r == SdpOffer::Result::NoCodec ? "no PCMA/PCMU" : "malformed");
        return false;
    }
    log->debug("leg {}: remote media {}", id_, sdp_.describe());
    media_->setRemote(sdp_.remote());
    return true;
}

int SipLeg::onOffer(mbuf** descp, const sip_msg* msg, void* arg) {
    auto* self = static_cast<SipLeg*>(arg);
    if (self->state_ == State::Ended) {
        return ECONNABORTED;
    }
    // A re-INVITE (hold, resume, new address) or a 200 OK to an offerless INVITE.
    if (hasSdpBody(msg)) {
        if (!self->applyRemote(msg, true)) {
            return EPROTO;  // libre answers 488 and the call goes on as before
        }
        return self->sdp_.encode(descp, false);
    }
    return self->sdp_.encode(descp, true);  // the answer comes with the ACK
}

int SipLeg::onAnswer(const sip_msg* msg, void* arg) {
    auto* self = static_cast<SipLeg*>(arg);
    if (self->state_ == State::Ended) {
        return ECONNABORTED;
    }
    if (!hasSdpBody(msg)) {
        return EPROTO;
    }
    return self->applyRemote(msg, false) ? 0 : EPROTO;
}

void SipLeg::onProgress(const sip_msg* msg, void* arg) {
    auto* self = static_cast<SipLeg*>(arg);
    agentdesk::logging::get("sip")->debug("leg {}: {} {}", self->id_, msg->scode,
                                          plString(msg->reason));
}

void SipLeg::onEstablished(const sip_msg*, void* arg) {
    auto* self = static_cast<SipLeg*>(arg);
    if (self->state_ != State::Ringing || self->inbound_) {
        return;  // inbound: the ACK to our 200 OK; nothing new for the ACD
    }
    self->state_ = State::Answered;
    self->media_->setActive(true);
    self->owner_.legAnswered(*self);
}

void SipLeg::onInfo(::sip* stack, const sip_msg* msg, void* arg) {
    auto* self = static_cast<SipLeg*>(arg);
    sip_reply(stack, msg, 200, "OK");
    if (self->state_ == State::Ended || !msg_ctype_cmp(&msg->ctyp, "application", "dtmf-relay")) {
        return;
    }
    const int digit = infoDigit(msg);
    if (digit > 0) {
        self->owner_.legInfoDtmf(*self, static_cast<char>(digit));
    }
}

void SipLeg::onClose(int err, const sip_msg* msg, void* arg) {
    auto* self = static_cast<SipLeg*>(arg);
    if (self->state_ == State::Ended) {
        return;
    }
    const bool answered = self->state_ == State::Answered;
    EndReason reason = EndReason::Error;
    int status = msg ? msg->scode : 0;
    std::string detail;
    if (err == ECONNRESET) {
        // The remote's BYE, or its CANCEL of an INVITE we had not answered.
        reason = answered ? EndReason::Bye : EndReason::Cancel;
        status = 0;
        detail = answered ? "remote BYE" : "remote CANCEL";
    } else if (err == ETIMEDOUT) {
        reason = EndReason::Timeout;
        detail = answered ? "no ACK" : "no response";
    } else if (err != 0) {
        reason = EndReason::Error;
        detail = std::strerror(err);
    } else if (msg && msg->scode >= 300) {
        reason = EndReason::Rejected;
        detail = plString(msg->reason);
    } else {
        detail = "session closed";
    }
    self->owner_.legClosed(*self, reason, status, detail);
}

}  // namespace agentdesk::server::sip
