#include "server/calls/sip/call_recorder.h"

#include <array>
#include <cstring>

#include "common/logging.h"
#include "server/calls/sip/re_includes.h"

namespace agentdesk::server::sip {

CallRecorder::CallRecorder(std::uint64_t id, LegId left, LegId right)
    : id_(id), left_(left), right_(right) {}

CallRecorder::~CallRecorder() {
    mem_deref(file_);  // aufile rewrites the WAV header with the final size here
}

int CallRecorder::open(const std::string& path) {
    aufile_prm prm{};
    prm.srate = 8000;
    prm.channels = 2;
    prm.fmt = AUFMT_S16LE;
    return aufile_open(&file_, &prm, path.c_str(), AUFILE_WRITE);
}

void CallRecorder::setLegs(LegId left, LegId right) {
    if (left != left_) {
        leftFifo_.clear();
    }
    if (right != right_) {
        rightFifo_.clear();
    }
    left_ = left;
    right_ = right;
}

void CallRecorder::setPaused(bool paused) {
    paused_ = paused;
    if (paused) {
        leftFifo_.clear();
        rightFifo_.clear();
    }
}

void CallRecorder::feed(LegId from, const std::int16_t* pcm, std::size_t samples) {
    if (paused_) {
        return;
    }
    if (from == left_) {
        leftFifo_.push(pcm, samples);
    }
    if (from == right_) {
        rightFifo_.push(pcm, samples);
    }
}

void CallRecorder::tick(std::size_t samples) {
    if (!file_ || writeFailed_ || samples > 1024) {
        return;
    }
    std::array<std::int16_t, 1024> l{};
    std::array<std::int16_t, 1024> r{};
    if (!paused_) {
        leftFifo_.pull(l.data(), samples);
        rightFifo_.pull(r.data(), samples);
    }
    std::array<std::int16_t, 2048> stereo{};
    for (std::size_t i = 0; i < samples; ++i) {
        stereo[2 * i] = l[i];
        stereo[2 * i + 1] = r[i];
    }
    const int err = aufile_write(file_, reinterpret_cast<const std::uint8_t*>(stereo.data()),
                                 samples * 2 * sizeof(std::int16_t));
    if (err != 0) {
        writeFailed_ = true;  // disk full or similar: log once, keep the call going
        agentdesk::logging::get("media")->error("recording {}: write failed: {}", id_,
                                                std::strerror(err));
    }
}

}  // namespace agentdesk::server::sip
