#pragma once
// Time source for everything that depends on "now" in the server (call timing, KPIs, token
// expiry). Tests use ManualClock so call timing is deterministic.
#include <atomic>
#include <chrono>

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

inline double secondsBetween(TimePoint from, TimePoint to) {
    return std::chrono::duration<double>(to - from).count();
}

}  // namespace agentdesk::server
