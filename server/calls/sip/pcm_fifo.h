#pragma once
// A small jitter buffer of 8 kHz PCM between RTP arrival (bursty) and the 20 ms mixing and
// recording tick (regular): it waits until a little audio is buffered before it starts giving
// it out, re-waits after running dry, and drops the oldest audio when a sender's clock runs
// ahead of ours so the delay stays bounded.
#include <array>
#include <cstddef>
#include <cstdint>

namespace agentdesk::server::sip {

class PcmFifo {
public:
    static constexpr std::size_t kCapacity = 2048;  // 256 ms
    static constexpr std::size_t kPrime = 240;      // 30 ms before reading starts
    static constexpr std::size_t kHigh = 1200;      // above 150 ms: drop down to kTrimTo
    static constexpr std::size_t kTrimTo = 400;

    void push(const std::int16_t* samples, std::size_t count) {
        for (std::size_t i = 0; i < count; ++i) {
            if (fill_ == kCapacity) {
                drop(1);
            }
            buf_[(head_ + fill_) % kCapacity] = samples[i];
            ++fill_;
        }
        if (fill_ > kHigh) {
            drop(fill_ - kTrimTo);
        }
    }

    // Always writes `count` samples; silence where there is no audio (yet).
    void pull(std::int16_t* out, std::size_t count) {
        if (!primed_ && fill_ >= kPrime) {
            primed_ = true;
        }
        std::size_t taken = 0;
        if (primed_) {
            taken = fill_ < count ? fill_ : count;
            for (std::size_t i = 0; i < taken; ++i) {
                out[i] = buf_[(head_ + i) % kCapacity];
            }
            drop(taken);
            if (taken < count) {
                primed_ = false;  // ran dry: wait for a cushion again
            }
        }
        for (std::size_t i = taken; i < count; ++i) {
            out[i] = 0;
        }
    }

    void clear() {
        head_ = 0;
        fill_ = 0;
        primed_ = false;
    }

    std::size_t size() const { return fill_; }

private:
    void drop(std::size_t n) {
        head_ = (head_ + n) % kCapacity;
        fill_ -= n;
    }

    std::array<std::int16_t, kCapacity> buf_{};
    std::size_t head_ = 0;
    std::size_t fill_ = 0;
    bool primed_ = false;
};

}  // namespace agentdesk::server::sip
