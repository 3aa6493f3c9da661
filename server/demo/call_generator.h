#pragma once
// The demo call generator: Poisson arrivals at a configurable rate (calls per minute), each a
// caller from the demo data (or an unknown number) with a queue, an IVR intent, patience and
// talk time drawn at random.
//
// Threads: I/O thread only; tick() is called by the server's timer.
#include <random>

#include "server/acd/acd_simulator.h"
#include "server/store/crm_store.h"

namespace agentdesk::server {

class DemoCallGenerator {
public:
    DemoCallGenerator(const Clock& clock, Telephony& telephony, CrmStore& store,
                      std::vector<QueueConfig> queues, unsigned seed, double callsPerMinute);

    void setRate(double callsPerMinute);
    double rate() const { return rate_; }
    void tick();
    std::string injectRandomCall();

private:
    TimePoint nextArrival(TimePoint from);

    const Clock& clock_;
    Telephony& telephony_;
    CrmStore& store_;
    std::vector<QueueConfig> queues_;
    std::mt19937 rng_;
    double rate_;
    std::optional<TimePoint> next_;
    std::vector<std::string> phones_;
};

}  // namespace agentdesk::server
