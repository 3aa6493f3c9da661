#include "server/calls/sip/sdp_offer.h"

#include <strings.h>

namespace agentdesk::server::sip {

namespace {

constexpr const char* kTelevPt = "101";

// A static payload type needs no a=rtpmap line (RFC 3551): 0 is PCMU, 8 is PCMA.
bool named(const sdp_format* fmt, const char* name) {
    if (fmt->name)
        return strcasecmp(fmt->name, name) == 0;
    return (fmt->pt == 0 && strcasecmp(name, "PCMU") == 0) ||
           (fmt->pt == 8 && strcasecmp(name, "PCMA") == 0);
}

}  // namespace

SdpOffer::~SdpOffer() {
    mem_deref(session_);  // owns media_ and its formats
}

int SdpOffer::init(const sa& laddr) {
    int err = sdp_session_alloc(&session_, &laddr);
    if (err) {
        return err;
    }
    err = sdp_media_add(&media_, session_, sdp_media_audio, sa_port(&laddr), sdp_proto_rtpavp);
    if (err) {
        return err;
    }
    // The RTCP port is the one above RTP; saying it explicitly helps phones that guess wrong.
    sdp_media_set_lport_rtcp(media_, static_cast<std::uint16_t>(sa_port(&laddr) + 1));
    err = sdp_format_add(nullptr, media_, false, "8", "PCMA", 8000, 1, nullptr, nullptr, nullptr,
                         false, nullptr);
    err |= sdp_format_add(nullptr, media_, false, "0", "PCMU", 8000, 1, nullptr, nullptr, nullptr,
                          false, nullptr);
    err |= sdp_format_add(nullptr, media_, false, kTelevPt, telev_rtpfmt, 8000, 1, nullptr, nullptr,
                          nullptr, false, "0-15");
    if (err) {
        return err;
    }
    sdp_media_set_lattr(media_, true, sdp_attr_ptime, "20");
    return 0;
}

SdpOffer::Result SdpOffer::decode(mbuf* body, bool isOffer) {
    if (!body || mbuf_get_left(body) == 0) {
        return Result::Malformed;
    }
    const int err = sdp_decode(session_, body, isOffer);
    if (err) {
        return err == ENOTSUP ? Result::NoCodec : Result::Malformed;
    }
    const sa* raddr = sdp_media_raddr(media_);
    if (!raddr || sa_port(raddr) == 0) {
        return Result::NoCodec;  // audio declined or missing
    }
    // The remote's list is in its order of preference; the first G.711 it shares with us wins.
    const sdp_format* codec = nullptr;
    const sdp_format* televFmt = nullptr;
    const list* formats = sdp_media_format_lst(media_, false);
    for (le* e = formats ? formats->head : nullptr; e; e = e->next) {
        const auto* fmt = static_cast<const sdp_format*>(e->data);
        if (!fmt->sup) {
            continue;
        }
        if (!codec && (named(fmt, "PCMA") || named(fmt, "PCMU"))) {
            codec = fmt;
        }
        if (!televFmt && named(fmt, telev_rtpfmt)) {
            televFmt = fmt;
        }
    }
    if (!codec) {
        return Result::NoCodec;
    }
    MediaRemote r;
    r.rtp = *raddr;
    sdp_media_raddr_rtcp(media_, &r.rtcp);
    r.codec = named(codec, "PCMA") ? Codec::Pcma : Codec::Pcmu;
    r.codecPt = codec->pt;
    r.televPt = televFmt ? televFmt->pt : -1;
    const sdp_dir dir = sdp_media_dir(media_);
    const bool addr = sa_isset(raddr, SA_ADDR);  // c=0.0.0.0 is the old way to hold
    r.sendAllowed = addr && (dir & SDP_SENDONLY) != 0;
    r.recvExpected = addr && (dir & SDP_RECVONLY) != 0;
    remote_ = r;
    return Result::Ok;
}

int SdpOffer::encode(mbuf** out, bool isOffer) {
    return sdp_encode(out, session_, isOffer);
}

std::string SdpOffer::describe() const {
    std::string s = saString(remote_.rtp);
    s += remote_.codec == Codec::Pcma ? " PCMA/" : " PCMU/";
    s += std::to_string(remote_.codecPt);
    if (remote_.televPt >= 0) {
        s += " dtmf/" + std::to_string(remote_.televPt);
    }
    if (!remote_.sendAllowed || !remote_.recvExpected) {
        s += remote_.sendAllowed ? " (remote not sending)"
                                 : (remote_.recvExpected ? " (remote on hold)" : " (inactive)");
    }
    return s;
}

}  // namespace agentdesk::server::sip
