#include "server/calls/sip/media_leg.h"

#include <algorithm>
#include <cctype>

#include <netinet/in.h>

#include "common/logging.h"

namespace agentdesk::server::sip {

namespace {

constexpr std::uint64_t kDtmfKeyBase = 0xD7D7000000000000ull;

std::int16_t decodeSample(Codec codec, std::uint8_t byte) {
    return codec == Codec::Pcma ? g711_alaw2pcm(byte) : g711_ulaw2pcm(byte);
}

std::int16_t scaled(std::int16_t s, float gain) {
    const float v = static_cast<float>(s) * gain;
    return static_cast<std::int16_t>(std::clamp(v, -32768.0f, 32767.0f));
}

std::uint32_t elapsedSamples(std::chrono::steady_clock::duration d) {
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(d).count();
    return us <= 0 ? 0u : static_cast<std::uint32_t>(us * 8 / 1000);
}

}  // namespace

std::uint8_t encodeSample(Codec codec, std::int16_t sample) {
    return codec == Codec::Pcma ? g711_pcm2alaw(sample) : g711_pcm2ulaw(sample);
}

std::uint8_t silenceByte(Codec codec) {
    return encodeSample(codec, 0);
}

const std::int16_t* AudioPacket::pcm() const {
    if (!decoded_) {
        for (std::size_t i = 0; i < size_; ++i) {
            pcm_[i] = decodeSample(codec_, payload_[i]);
        }
        decoded_ = true;
    }
    return pcm_.data();
}

MediaLeg::MediaLeg(LegId id, Handler& handler, EngineCounters& counters)
    : id_(id), handler_(handler), counters_(counters) {}

MediaLeg::~MediaLeg() {
    if (rtp_) {
        counters_.rtpSockets.fetch_sub(1);
    }
    mem_deref(rtp_);
    mem_deref(telev_);
    mem_deref(txBuf_);
}

int MediaLeg::open(const sa& localIp, std::uint16_t portMin, std::uint16_t portMax) {
    txBuf_ = mbuf_alloc(RTP_HEADER_SIZE + kMaxPacketSamples);
    if (!txBuf_) {
        return ENOMEM;
    }
    int err = telev_alloc(&telev_, 20);  // polled every 20 ms by the mixer tick
    if (err) {
        return err;
    }
    err = rtp_listen(&rtp_, IPPROTO_UDP, &localIp, portMin, portMax, true, &MediaLeg::onRtp,
                     nullptr, this);
    if (err) {
        rtp_ = nullptr;
        return err;
    }
    counters_.rtpSockets.fetch_add(1);
    // libre allocates the receive size for every datagram (8 KB by default); G.711 packets
    // are small. A larger kernel buffer absorbs bursts when the loop is busy.
    auto* sock = static_cast<udp_sock*>(rtp_sock(rtp_));
    udp_rxsz_set(sock, RTP_HEADER_SIZE + kMaxPacketSamples + 64);
    udp_sockbuf_set(sock, 256 * 1024);
    return 0;
}

std::uint16_t MediaLeg::port() const {
    return rtp_ ? sa_port(rtp_local(rtp_)) : 0;
}

void MediaLeg::setRemote(const MediaRemote& remote) {
    remote_ = remote;
    hasRemote_ = true;
    if (!rtcpStarted_ && rtp_ && sa_isset(&remote_.rtcp, SA_ALL)) {
        rtcp_start(rtp_, "agentdesk", &remote_.rtcp);
        rtcpStarted_ = true;
    }
}

void MediaLeg::setActive(bool active) {
    if (active && !active_) {
        // The RTP timeout counts from the moment media is supposed to flow.
        lastRx_ = std::chrono::steady_clock::now();
    }
    active_ = active;
}

bool MediaLeg::canSend() const {
    return active_ && hasRemote_ && remote_.sendAllowed && sa_isset(&remote_.rtp, SA_ALL);
}

void MediaLeg::onRtp(const sa*, const rtp_header* hdr, mbuf* mb, void* arg) {
    static_cast<MediaLeg*>(arg)->receive(*hdr, mb);
}

void MediaLeg::receive(const rtp_header& hdr, mbuf* mb) {
    if (!active_) {
        return;  // early media and stray packets before the answer are not ours to route
    }
    counters_.rtpIn.fetch_add(1, std::memory_order_relaxed);
    lastRx_ = std::chrono::steady_clock::now();

    if (!haveSeq_ || hdr.ssrc != rxSsrc_) {
        haveSeq_ = true;
        rxSsrc_ = hdr.ssrc;
        expectedSeq_ = hdr.seq;
    }
    const auto gap = static_cast<std::int16_t>(hdr.seq - expectedSeq_);
    if (gap >= 0) {
        if (gap > 0 && gap < 1000) {
            counters_.rtpLost.fetch_add(static_cast<std::uint64_t>(gap), std::memory_order_relaxed);
        }
        expectedSeq_ = static_cast<std::uint16_t>(hdr.seq + 1);
    }

    const std::uint8_t* p = mbuf_buf(mb);
    const std::size_t n = mbuf_get_left(mb);
    if (hdr.pt == 8 || hdr.pt == 0) {
        if (n == 0 || n > kMaxPacketSamples) {
            return;
        }
        const AudioPacket packet(p, n, hdr.pt == 8 ? Codec::Pcma : Codec::Pcmu, hdr.ts, hdr.ssrc);
        handler_.onAudio(*this, packet);
    } else if (hdr.pt >= 96 && (hdr.pt == remote_.televPt || hdr.pt == 101)) {
        receiveTelephoneEvent(hdr, p, n);
    }
    // Comfort noise (13) and anything unnegotiated are ignored.
}

void MediaLeg::receiveTelephoneEvent(const rtp_header& hdr, const std::uint8_t* p, std::size_t n) {
    if (n < 4) {
        return;
    }
    const bool end = (p[1] & 0x80) != 0;
    if (!end) {
        return;
    }
    // The end packet is sent three times; the event's timestamp tells repeats from a new press
    // of the same key (telev_recv's own dedup loses "11" when a sender only sends end packets).
    if (haveDtmfEnd_ && hdr.ts == lastDtmfEndTs_) {
        return;
    }
    haveDtmfEnd_ = true;
    lastDtmfEndTs_ = hdr.ts;
    const int digit = telev_code2digit(p[0]);
    if (digit > 0) {
        handler_.onDtmf(*this, static_cast<char>(digit));
    }
}

std::uint32_t MediaLeg::nextTs(std::uint64_t key, std::uint32_t srcTs, std::size_t samples,
                               bool* marker) {
    const auto now = std::chrono::steady_clock::now();
    std::uint32_t ts = 0;
    if (txStarted_ && key == txKey_) {
        ts = srcTs + txOffset_;
        *marker = false;
    } else {
        // A new source: continue from where our stream was, advanced by the wall-clock time
        // since the last packet, so the remote's jitter buffer sees one continuous stream.
        if (txStarted_) {
            ts = txLastTs_ + std::max(static_cast<std::uint32_t>(txLastSamples_),
                                      elapsedSamples(now - txLastTime_));
        } else {
            ts = rand_u32();
        }
        txOffset_ = ts - srcTs;
        txKey_ = key;
        txStarted_ = true;
        *marker = true;
    }
    txLastTs_ = ts;
    txLastTime_ = now;
    txLastSamples_ = samples;
    return ts;
}

void MediaLeg::transmit(const std::uint8_t* payload, std::size_t size, int pt, bool marker,
                        std::uint32_t ts) {
    txBuf_->pos = RTP_HEADER_SIZE;
    txBuf_->end = RTP_HEADER_SIZE;
    if (mbuf_write_mem(txBuf_, payload, size) != 0) {
        return;
    }
    txBuf_->pos = RTP_HEADER_SIZE;
    const int err =
        rtp_send(rtp_, &remote_.rtp, false, marker, static_cast<std::uint8_t>(pt), ts, txBuf_);
    if (err == 0) {
        counters_.rtpOut.fetch_add(1, std::memory_order_relaxed);
    }
    lastTx_ = std::chrono::steady_clock::now();
}

void MediaLeg::relay(const AudioPacket& packet, std::uint64_t streamKey, float gain) {
    if (!canSend() || dtmfBusy_ || hasInbandDtmf()) {
        return;
    }
    const std::size_t n = packet.samples();
    bool marker = false;
    const std::uint32_t ts = nextTs(streamKey, packet.ts(), n, &marker);
    if (packet.codec() == remote_.codec && gain == 1.0f) {
        transmit(packet.payload(), n, remote_.codecPt, marker, ts);
        return;
    }
    std::array<std::uint8_t, kMaxPacketSamples> out{};
    const std::int16_t* pcm = packet.pcm();
    for (std::size_t i = 0; i < n; ++i) {
        out[i] = encodeSample(remote_.codec, gain == 1.0f ? pcm[i] : scaled(pcm[i], gain));
    }
    transmit(out.data(), n, remote_.codecPt, marker, ts);
}

void MediaLeg::sendPcm(const std::int16_t* pcm, std::size_t samples, std::uint64_t streamKey,
                       std::uint32_t srcTs) {
    if (!canSend() || dtmfBusy_ || samples > kMaxPacketSamples) {
        return;
    }
    std::array<std::uint8_t, kMaxPacketSamples> out{};
    for (std::size_t i = 0; i < samples; ++i) {
        out[i] = encodeSample(remote_.codec, pcm[i]);
    }
    bool marker = false;
    const std::uint32_t ts = nextTs(streamKey, srcTs, samples, &marker);
    transmit(out.data(), samples, remote_.codecPt, marker, ts);
}

void MediaLeg::queueDtmf(const std::string& digits) {
    auto log = agentdesk::logging::get("media");
    const bool rfc4733 = hasRemote_ && remote_.televPt >= 0;
    for (const char c : digits) {
        const int code = telev_digit2code(static_cast<unsigned char>(c));
        if (code < 0) {
            log->warn("leg {}: DTMF '{}' ignored (not a DTMF digit)", id_, c);
            continue;
        }
        if (rfc4733) {
            // One event per digit: start, then the end marker telev_poll turns into end packets.
            if (telev_send(telev_, code, false) != 0 || telev_send(telev_, 0, true) != 0) {
                log->warn("leg {}: DTMF queue full", id_);
                return;
            }
            dtmfBusy_ = true;
            continue;
        }
        // In-band: 100 ms of the dual tone, then 60 ms of silence.
        mbuf* mb = mbuf_alloc(8000 * 2);
        if (!mb || autone_dtmf(mb, 8000, std::toupper(static_cast<unsigned char>(c))) != 0) {
            mem_deref(mb);
            continue;
        }
        if (inbandPos_ >= inband_.size()) {
            inband_.clear();
            inbandPos_ = 0;
        }
        mb->pos = 0;
        // librem makes each tone 5 % of full scale (about -29 dBFS); phones send DTMF some
        // 12 dB louder, which detectors behind gateways expect.
        for (int i = 0; i < 800; ++i) {
            const auto sample = static_cast<std::int16_t>(mbuf_read_u16(mb));
            inband_.push_back(scaled(sample, 4.0f));
        }
        inband_.insert(inband_.end(), 480, 0);
        mem_deref(mb);
    }
}

void MediaLeg::pollDtmf() {
    if (!dtmfBusy_) {
        return;
    }
    if (!canSend()) {
        return;  // keep the events until media can flow
    }
    txBuf_->pos = RTP_HEADER_SIZE;
    txBuf_->end = RTP_HEADER_SIZE;
    bool marker = false;
    const int err = telev_poll(telev_, &marker, txBuf_);
    if (err == ENOENT) {
        dtmfBusy_ = false;  // queue drained: audio resumes with a new talkspurt
        return;
    }
    if (err != 0) {
        return;
    }
    bool ignored = false;
    if (marker) {
        // A new event: its timestamp is "now" on our stream and stays fixed for all its packets.
        dtmfKey_ = kDtmfKeyBase + (++dtmfIndex_);
        dtmfTs_ = nextTs(dtmfKey_, 0, kFrameSamples, &ignored);
    } else {
        // Keeps our stream clock moving while the event lasts.
        const std::uint32_t now =
            nextTs(dtmfKey_, txLastTs_ - txOffset_ + kFrameSamples, kFrameSamples, &ignored);
        (void)now;
    }
    const std::size_t size = txBuf_->end - RTP_HEADER_SIZE;
    std::array<std::uint8_t, 16> payload{};
    std::copy_n(txBuf_->buf + RTP_HEADER_SIZE, std::min(size, payload.size()), payload.begin());
    transmit(payload.data(), std::min(size, payload.size()), remote_.televPt, marker, dtmfTs_);
}

bool MediaLeg::takeInbandFrame(std::int16_t* frame) {
    if (!hasInbandDtmf()) {
        return false;
    }
    for (std::size_t i = 0; i < kFrameSamples; ++i) {
        frame[i] = inbandPos_ < inband_.size() ? inband_[inbandPos_++] : 0;
    }
    if (inbandPos_ >= inband_.size()) {
        inband_.clear();
        inbandPos_ = 0;
    }
    return true;
}

}  // namespace agentdesk::server::sip
