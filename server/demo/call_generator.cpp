#include "server/demo/call_generator.h"

#include "common/logging.h"

namespace agentdesk::server {

DemoCallGenerator::DemoCallGenerator(const Clock& clock, Telephony& telephony, CrmStore& store,
                                     std::vector<QueueConfig> queues, unsigned seed,
                                     double callsPerMinute)
    : clock_(clock),
      telephony_(telephony),
      store_(store),
      queues_(std::move(queues)),
      rng_(seed),
      rate_(callsPerMinute) {}

void DemoCallGenerator::setRate(double callsPerMinute) {
    rate_ = std::max(0.0, callsPerMinute);
    next_.reset();
    logging::get("demo")->info("demo call rate set to {} calls/min", rate_);
}

TimePoint DemoCallGenerator::nextArrival(TimePoint from) {
    std::exponential_distribution<double> gap(rate_ / 60.0);  // per second
    return from + std::chrono::milliseconds(static_cast<long long>(gap(rng_) * 1000.0));
}

void DemoCallGenerator::tick() {
    if (rate_ <= 0 || queues_.empty())
        return;
    const TimePoint now = clock_.now();
    if (!next_)
        next_ = nextArrival(now);
    int guard = 0;
    while (*next_ <= now && guard++ < 100) {
        injectRandomCall();
        next_ = nextArrival(*next_);
    }
    if (guard >= 100)
        next_ = nextArrival(now);  // clock jumped far ahead: do not flood
}

std::string DemoCallGenerator::injectRandomCall() {
    if (phones_.empty())
        phones_ = store_.samplePhones(300);
    std::vector<double> weights;
    for (const auto& q : queues_)
        weights.push_back(q.weight);
    std::discrete_distribution<std::size_t> pickQueue(weights.begin(), weights.end());
    const QueueConfig& q = queues_[pickQueue(rng_)];
    InboundCallSpec spec;
    spec.queue = q.id;
    if (!q.intents.empty()) {
        std::uniform_int_distribution<std::size_t> pickIntent(0, q.intents.size() - 1);
        spec.intent = q.intents[pickIntent(rng_)].id;
    }
    std::uniform_real_distribution<double> unit(0, 1);
    if (!phones_.empty() && unit(rng_) < 0.85) {
        std::uniform_int_distribution<std::size_t> pickPhone(0, phones_.size() - 1);
        spec.aniE164 = phones_[pickPhone(rng_)];
    } else {
        std::uniform_int_distribution<int> digits(0, 9999);
        char buf[24];
        std::snprintf(buf, sizeof buf, "+8210%04d%04d", 9000 + digits(rng_) % 1000, digits(rng_));
        spec.aniE164 = buf;
    }
    spec.verified = unit(rng_) < 0.6;
    spec.patienceSec = std::uniform_int_distribution<int>(45, 240)(rng_);
    spec.talkSec = std::uniform_int_distribution<int>(60, 300)(rng_);
    spec.ivrSec = std::uniform_int_distribution<int>(10, 60)(rng_);
    return telephony_.injectCall(spec);
}

}  // namespace agentdesk::server
