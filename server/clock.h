#pragma once
// Time source for everything that depends on "now" in the server (call timing, KPIs, token
// expiry). Tests use ManualClock so call timing is deterministic; load runs use ScaledClock.
// Network timing (heartbeats, idle and HTTP timeouts) never reads it: those are asio timers.
#include <atomic>
#include <chrono>
#include <stdexcept>

#include "common/time_util.h"

namespace agentdesk::server {

class Clock {
public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
public:
    TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// Starts at a fixed instant and moves only when told to. Thread-safe reads.
class ManualClock final : public Clock {
public:
    explicit ManualClock(TimePoint start) : ms_(toUnixMs(start)) {}
    TimePoint now() const override { return TimePoint(std::chrono::milliseconds(ms_.load())); }
    void advance(std::chrono::milliseconds by) { ms_ += by.count(); }
    void set(TimePoint t) { ms_ = toUnixMs(t); }

private:
    std::atomic<long long> ms_;
};

// Accelerated demo time: starts at the wall-clock instant of construction and then runs `scale`
// times faster than real time. Measured on steady_clock, so it does not jump when the system
// clock is set. Thread-safe (immutable after construction).
class ScaledClock final : public Clock {
public:
    explicit ScaledClock(double scale)
        : scale_(scale),
          start_(std::chrono::system_clock::now()),
          steadyStart_(std::chrono::steady_clock::now()) {
        if (!(scale > 0) || scale > 1e6)
            throw std::invalid_argument("time scale must be a positive number");
    }
    TimePoint now() const override {
        const std::chrono::duration<double, std::nano> real =
            std::chrono::steady_clock::now() - steadyStart_;
        return start_ + std::chrono::duration_cast<TimePoint::duration>(real * scale_);
    }
    double scale() const { return scale_; }

private:
    const double scale_;
    const TimePoint start_;
    const std::chrono::steady_clock::time_point steadyStart_;
};

inline double secondsBetween(TimePoint from, TimePoint to) {
    return std::chrono::duration<double>(to - from).count();
}

}  // namespace agentdesk::server
