#pragma once
// The SDP of one leg: our audio description (PCMA, PCMU, telephone-event on the leg's RTP
// port), decoding the remote's offers and answers, and what they mean for media (codec,
// payload types, addresses, hold direction).
//
// Threads: re thread only.
#include <string>

#include "server/calls/sip/media_leg.h"
#include "server/calls/sip/re_includes.h"

namespace agentdesk::server::sip {

class SdpOffer {
public:
    enum class Result { Ok, Malformed, NoCodec };

    SdpOffer() = default;
    ~SdpOffer();
    SdpOffer(const SdpOffer&) = delete;
    SdpOffer& operator=(const SdpOffer&) = delete;

    // laddr: the IP and RTP port advertised in c= and m=.
    int init(const sa& laddr);

    // Decodes the remote's SDP (a body from a SIP message, read from its current position).
    Result decode(mbuf* body, bool isOffer);
    // Our offer (isOffer) or our answer to the last decoded offer.
    int encode(mbuf** out, bool isOffer);

    // Valid after decode() returned Ok.
    const MediaRemote& remote() const { return remote_; }
    std::string describe() const;

private:
    sdp_session* session_ = nullptr;
    sdp_media* media_ = nullptr;
    MediaRemote remote_;
};

}  // namespace agentdesk::server::sip
