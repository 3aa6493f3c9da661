#include "server/calls/sip/wav_player.h"

#include <cstring>

#include "common/logging.h"
#include "server/calls/sip/re_includes.h"

namespace agentdesk::server::sip {

WavPlayer::WavPlayer(std::uint64_t playId, std::vector<std::string> files, bool loop,
                     bool exclusive)
    : id_(playId), files_(std::move(files)), loop_(loop), exclusive_(exclusive) {
    if (files_.empty()) {
        finished_ = true;
    }
}

WavPlayer::~WavPlayer() {
    closeCurrent();
}

void WavPlayer::closeCurrent() {
    current_ = static_cast<::aufile*>(mem_deref(current_));
}

bool WavPlayer::openNext() {
    auto log = agentdesk::logging::get("media");
    // At most one full pass over the list per call: a list of unreadable files ends the
    // player instead of spinning (also when looping).
    for (std::size_t attempts = 0; attempts < files_.size(); ++attempts) {
        if (next_ >= files_.size()) {
            if (!loop_ || playedInPass_ == 0) {
                return false;
            }
            next_ = 0;
            playedInPass_ = 0;
        }
        const std::string& path = files_[next_++];
        aufile_prm prm{};
        ::aufile* af = nullptr;
        const int err = aufile_open(&af, &prm, path.c_str(), AUFILE_READ);
        if (err != 0) {
            log->warn("player {}: cannot open {}: {}", id_, path, std::strerror(err));
            continue;
        }
        if (prm.srate != 8000 || prm.channels != 1 || prm.fmt != AUFMT_S16LE) {
            log->warn("player {}: {} is {} Hz, {} channel(s), format {}; 8 kHz mono 16-bit needed",
                      id_, path, prm.srate, prm.channels, static_cast<int>(prm.fmt));
            mem_deref(af);
            continue;
        }
        current_ = af;
        return true;
    }
    return false;
}

void WavPlayer::read(std::int16_t* out, std::size_t count) {
    std::size_t filled = 0;
    while (filled < count && !finished_) {
        if (!current_ && !openNext()) {
            finished_ = true;
            break;
        }
        std::size_t bytes = (count - filled) * sizeof(std::int16_t);
        const int err =
            aufile_read(current_, reinterpret_cast<std::uint8_t*>(out + filled), &bytes);
        if (err != 0 || bytes == 0) {
            closeCurrent();  // end of this file: the next one continues in the same frame
            continue;
        }
        ++playedInPass_;
        filled += bytes / sizeof(std::int16_t);
    }
    std::memset(out + filled, 0, (count - filled) * sizeof(std::int16_t));
}

}  // namespace agentdesk::server::sip
