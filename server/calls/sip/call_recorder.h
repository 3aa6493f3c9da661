#pragma once
// A stereo call recording (8 kHz 16-bit WAV): what the left leg sends on the left channel, what
// the right leg sends on the right. The mixer feeds it decoded RTP as it arrives and writes one
// 20 ms frame per tick, so the file follows the wall clock: paused spans, silence and missing
// packets are written as silence.
//
// Threads: re thread only (libre's aufile).
#include <cstdint>
#include <string>

#include "server/calls/sip/pcm_fifo.h"
#include "server/calls/sip/sip_engine.h"

struct aufile;

namespace agentdesk::server::sip {

class CallRecorder {
public:
    CallRecorder(std::uint64_t id, LegId left, LegId right);
    ~CallRecorder();  // closes the file and finalizes its header
    CallRecorder(const CallRecorder&) = delete;
    CallRecorder& operator=(const CallRecorder&) = delete;

    int open(const std::string& path);  // errno-style error
    std::uint64_t id() const { return id_; }
    LegId left() const { return left_; }
    LegId right() const { return right_; }

    void setLegs(LegId left, LegId right);
    void setPaused(bool paused);

    // Audio a leg sent; goes to every channel that leg is on.
    void feed(LegId from, const std::int16_t* pcm, std::size_t samples);
    // Writes one frame of `samples` stereo samples.
    void tick(std::size_t samples);

private:
    std::uint64_t id_;
    LegId left_;
    LegId right_;
    bool paused_ = false;
    PcmFifo leftFifo_;
    PcmFifo rightFifo_;
    ::aufile* file_ = nullptr;
    bool writeFailed_ = false;
};

}  // namespace agentdesk::server::sip
