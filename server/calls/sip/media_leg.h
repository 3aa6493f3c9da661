#pragma once
// The media side of one call leg: its RTP/RTCP port pair, the negotiated G.711 codec, our own
// sequence/timestamp/SSRC continuity towards the remote, and RFC 4733 DTMF both ways.
//
// Threads: re thread only.
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "server/calls/sip/engine_counters.h"
#include "server/calls/sip/re_includes.h"
#include "server/calls/sip/sip_engine.h"

namespace agentdesk::server::sip {

constexpr std::size_t kFrameSamples = 160;  // 20 ms at 8 kHz
constexpr std::size_t kMaxPacketSamples = 1024;

// One received audio packet; decoded to PCM at most once, when someone needs PCM.
class AudioPacket {
public:
    AudioPacket(const std::uint8_t* payload, std::size_t size, Codec codec, std::uint32_t ts,
                std::uint32_t ssrc)
        : payload_(payload), size_(size), codec_(codec), ts_(ts), ssrc_(ssrc) {}

    const std::uint8_t* payload() const { return payload_; }
    std::size_t samples() const { return size_; }  // one byte per sample in G.711
    Codec codec() const { return codec_; }
    std::uint32_t ts() const { return ts_; }
    std::uint32_t ssrc() const { return ssrc_; }
    const std::int16_t* pcm() const;

private:
    const std::uint8_t* payload_;
    std::size_t size_;
    Codec codec_;
    std::uint32_t ts_;
    std::uint32_t ssrc_;
    mutable std::array<std::int16_t, kMaxPacketSamples> pcm_{};
    mutable bool decoded_ = false;
};

// What the SDP exchange decided about the remote side.
struct MediaRemote {
    sa rtp{};
    sa rtcp{};
    Codec codec = Codec::Pcma;
    int codecPt = 8;
    int televPt = -1;          // remote's telephone-event payload type, -1: none
    bool sendAllowed = true;   // remote accepts media (not inactive/sendonly, address set)
    bool recvExpected = true;  // remote sends media (not inactive/recvonly)
};

class MediaLeg {
public:
    class Handler {
    public:
        virtual ~Handler() = default;
        virtual void onAudio(MediaLeg& leg, const AudioPacket& packet) = 0;
        virtual void onDtmf(MediaLeg& leg, char digit) = 0;
    };

    MediaLeg(LegId id, Handler& handler, EngineCounters& counters);
    ~MediaLeg();
    MediaLeg(const MediaLeg&) = delete;
    MediaLeg& operator=(const MediaLeg&) = delete;

    // Binds an even RTP port and the RTCP port above it inside [portMin, portMax].
    int open(const sa& localIp, std::uint16_t portMin, std::uint16_t portMax);
    std::uint16_t port() const;
    LegId id() const { return id_; }

    void setRemote(const MediaRemote& remote);
    // Media flows only once the leg is answered; before that RTP is ignored and none is sent.
    void setActive(bool active);
    bool active() const { return active_; }
    bool canSend() const;
    // Whether the RTP timeout applies now (answered and the remote is supposed to send).
    bool expectsRtp() const { return active_ && hasRemote_ && remote_.recvExpected; }
    std::chrono::steady_clock::time_point lastRx() const { return lastRx_; }
    std::chrono::steady_clock::time_point lastTx() const { return lastTx_; }
    Codec codec() const { return remote_.codec; }

    // Forwards a packet another leg sent, transcoding only when codecs or gain differ.
    // streamKey identifies an unbroken source; a new key starts a new talkspurt on our side.
    void relay(const AudioPacket& packet, std::uint64_t streamKey, float gain);
    // Sends one frame of PCM (mixer output, player, silence).
    void sendPcm(const std::int16_t* pcm, std::size_t samples, std::uint64_t streamKey,
                 std::uint32_t srcTs);

    // RFC 4733 when negotiated, in-band tones otherwise (see takeInbandFrame).
    void queueDtmf(const std::string& digits);
    // Every 20 ms: sends the next RFC 4733 packet when an event is in progress.
    void pollDtmf();
    bool dtmfBusy() const { return dtmfBusy_; }
    bool hasInbandDtmf() const { return inbandPos_ < inband_.size(); }
    // Fills one frame of in-band DTMF; false when none is pending.
    bool takeInbandFrame(std::int16_t* frame);

private:
    static void onRtp(const sa* src, const rtp_header* hdr, mbuf* mb, void* arg);
    void receive(const rtp_header& hdr, mbuf* mb);
    void receiveTelephoneEvent(const rtp_header& hdr, const std::uint8_t* p, std::size_t n);
    std::uint32_t nextTs(std::uint64_t key, std::uint32_t srcTs, std::size_t samples, bool* marker);
    void transmit(const std::uint8_t* payload, std::size_t size, int pt, bool marker,
                  std::uint32_t ts);

    LegId id_;
    Handler& handler_;
    EngineCounters& counters_;
    struct rtp_sock* rtp_ = nullptr;
    telev* telev_ = nullptr;
    mbuf* txBuf_ = nullptr;
    MediaRemote remote_;
    bool hasRemote_ = false;
    bool active_ = false;
    bool rtcpStarted_ = false;

    std::chrono::steady_clock::time_point lastRx_{};
    std::chrono::steady_clock::time_point lastTx_{};

    // receive side
    bool haveSeq_ = false;
    std::uint32_t rxSsrc_ = 0;
    std::uint16_t expectedSeq_ = 0;
    bool haveDtmfEnd_ = false;
    std::uint32_t lastDtmfEndTs_ = 0;

    // transmit side: our timestamps continue across source switches
    bool txStarted_ = false;
    std::uint64_t txKey_ = 0;
    std::uint32_t txOffset_ = 0;
    std::uint32_t txLastTs_ = 0;
    std::size_t txLastSamples_ = 0;
    std::chrono::steady_clock::time_point txLastTime_{};

    // DTMF transmit
    bool dtmfBusy_ = false;
    std::uint32_t dtmfTs_ = 0;
    std::uint64_t dtmfKey_ = 0;
    std::uint32_t dtmfIndex_ = 0;
    std::vector<std::int16_t> inband_;
    std::size_t inbandPos_ = 0;
};

std::uint8_t encodeSample(Codec codec, std::int16_t sample);
std::uint8_t silenceByte(Codec codec);

}  // namespace agentdesk::server::sip
