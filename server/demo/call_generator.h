#pragma once
// The demo call generator: Poisson arrivals at a configurable rate (calls per minute), each a
// caller from the demo data (or an unknown number) with a queue, an IVR intent, patience and
// talk time drawn at random. A demo customer does not call again while an earlier generated
// call of theirs may still be going on.
//
// Threads: I/O thread only; tick() is called by the server's timer.
#include <random>
#include <unordered_map>

#include "server/acd/telephony.h"
#include "server/clock.h"
#include "server/store/crm_store.h"

namespace agentdesk::server {

class DemoCallGenerator {
public:
    DemoCallGenerator(const Clock& clock, DemoControls& demo, CrmStore& store,
                      std::vector<QueueConfig> queues, unsigned seed, double callsPerMinute);

    void setRate(double callsPerMinute);
    double rate() const { return rate_; }
    void tick();
    std::string injectRandomCall();

private:
    TimePoint nextArrival(TimePoint from);
    // A demo customer's number who is not on a generated call; empty when none is found.
    std::string pickIdleCustomerPhone(TimePoint now);

    const Clock& clock_;
    DemoControls& demo_;
    CrmStore& store_;
    std::vector<QueueConfig> queues_;
    std::mt19937 rng_;
    double rate_;
    std::optional<TimePoint> next_;
    std::vector<std::string> phones_;
    std::unordered_map<std::string, TimePoint> busyUntil_;  // callers of generated calls
};

}  // namespace agentdesk::server
