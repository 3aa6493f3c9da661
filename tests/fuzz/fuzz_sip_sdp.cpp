// Harness sip_sdp: the SDP a caller or a phone sends (the body of an INVITE, 200 OK or ACK),
// through SdpOffer (server/calls/sip/sdp_offer.h): decoded as an offer (inbound INVITE) and as
// the answer to our own offer (outbound leg), then our answer encoded and the result described.
// A decoded remote always names one G.711 codec with a payload type 0-127 and an RTP address.
#include <cstdint>
#include <cstring>

#include "server/calls/sip/re_includes.h"
#include "server/calls/sip/sdp_offer.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using agentdesk::server::sip::SdpOffer;

struct Mbuf {
    mbuf* mb = nullptr;
    Mbuf(const std::uint8_t* data, std::size_t size) : mb(mbuf_alloc(size + 1)) {
        mbuf_write_mem(mb, data, size);
        mb->pos = 0;
    }
    ~Mbuf() { mem_deref(mb); }
};

void checkRemote(const SdpOffer& sdp) {
    const auto& r = sdp.remote();
    FUZZ_CHECK(r.codecPt >= 0 && r.codecPt <= 127,
               "codec payload type " + std::to_string(r.codecPt));
    FUZZ_CHECK(r.televPt >= -1 && r.televPt <= 127,
               "dtmf payload type " + std::to_string(r.televPt));
    FUZZ_CHECK(sa_port(&r.rtp) != 0, "no RTP port");
    (void)sdp.describe();
}

void decode(const std::uint8_t* data, std::size_t size, bool asOffer) {
    sa local;
    sa_set_str(&local, "127.0.0.1", 20000);
    SdpOffer sdp;
    FUZZ_CHECK(sdp.init(local) == 0, "SdpOffer::init failed");
    if (!asOffer) {
        mbuf* ours = nullptr;
        FUZZ_CHECK(sdp.encode(&ours, true) == 0, "our offer did not encode");
        mem_deref(ours);
    }
    Mbuf body(data, size);
    if (sdp.decode(body.mb, asOffer) != SdpOffer::Result::Ok)
        return;
    checkRemote(sdp);
    if (asOffer) {
        mbuf* answer = nullptr;
        FUZZ_CHECK(sdp.encode(&answer, false) == 0, "our answer did not encode");
        mem_deref(answer);
    }
}

// Regression (found by the sip_message seeds): PCMA/PCMU offered by static payload type alone,
// without a=rtpmap lines (RFC 3551), was refused with 488.
bool staticPayloadTypesAccepted() {
    static const char offer[] =
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        "m=audio 30000 RTP/AVP 0 8\r\n";
    sa local;
    sa_set_str(&local, "127.0.0.1", 20000);
    SdpOffer sdp;
    sdp.init(local);
    Mbuf body(reinterpret_cast<const std::uint8_t*>(offer), sizeof offer - 1);
    FUZZ_CHECK(sdp.decode(body.mb, true) == SdpOffer::Result::Ok, "static payload types refused");
    FUZZ_CHECK(sdp.remote().codec == agentdesk::server::sip::Codec::Pcmu, "not PCMU for 0");
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bool checked = staticPayloadTypesAccepted();
    (void)checked;
    decode(data, size, true);
    decode(data, size, false);
    return 0;
}
