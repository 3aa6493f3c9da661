#include "server/demo/call_generator.h"

#include "common/logging.h"

namespace agentdesk::server {

DemoCallGenerator::DemoCallGenerator(const Clock& clock, DemoControls& demo, CrmStore& store,
                                     std::vector<QueueConfig> queues, unsigned seed,
                                     double callsPerMinute)
    : clock_(clock),
      demo_(demo),
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

// At high rates (hundreds of agents) a demo customer would otherwise often call again while
// their first call is still queued or connected. A caller stays busy for at most patience + talk
// time; when every sampled customer is busy the call comes from an unknown number instead.
std::string DemoCallGenerator::pickIdleCustomerPhone(TimePoint now) {
    std::uniform_int_distribution<std::size_t> pickPhone(0, phones_.size() - 1);
    for (int attempt = 0; attempt < 8; ++attempt) {
        const std::string& phone = phones_[pickPhone(rng_)];
        auto it = busyUntil_.find(phone);
        if (it == busyUntil_.end() || it->second <= now)
            return phone;
    }
    return {};
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
    const TimePoint now = clock_.now();
    if (!phones_.empty() && unit(rng_) < 0.85)
        spec.aniE164 = pickIdleCustomerPhone(now);
    const bool demoCustomer = !spec.aniE164.empty();
    if (!demoCustomer) {
        std::uniform_int_distribution<int> digits(0, 9999);
        char buf[24];
        std::snprintf(buf, sizeof buf, "+8210%04d%04d", 9000 + digits(rng_) % 1000, digits(rng_));
        spec.aniE164 = buf;
    }
    spec.verified = unit(rng_) < 0.6;
    spec.patienceSec = std::uniform_int_distribution<int>(45, 240)(rng_);
    spec.talkSec = std::uniform_int_distribution<int>(60, 300)(rng_);
    spec.ivrSec = std::uniform_int_distribution<int>(10, 60)(rng_);
    if (demoCustomer)
        busyUntil_[spec.aniE164] = now + std::chrono::seconds(*spec.patienceSec + *spec.talkSec);
    return demo_.injectCall(spec);
}

}  // namespace agentdesk::server
