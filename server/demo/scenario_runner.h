#pragma once
// Runs one training scenario at a time on the server's clock: each scripted call is injected
// into the ACD at its offset, with its transcript in the language the trainer chose. A run is
// over when it is stopped, or when every call has arrived and ended.
//
// Threads: I/O thread only; tick() is called by the server's timer (and by ManualClock tests
// through ServerApp::advance()).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/acd/telephony.h"
#include "server/clock.h"
#include "server/demo/scenario.h"
#include "server/store/store_pool.h"

namespace agentdesk::server {

class ScenarioRunner {
public:
    // `pool`: where a scenario call's customer is looked up (or created) before it arrives.
    ScenarioRunner(const Clock& clock, Telephony& telephony, DemoControls& demo, StorePool& pool,
                   std::vector<Scenario> scenarios);

    // GET /demo/scenarios items, in file order.
    nlohmann::json listJson() const;
    // 404 for an unknown id; 409 while another (or the same) scenario runs.
    Outcome start(const std::string& id, const std::string& lang);
    // Cancels the calls that have not arrived yet; returns the id of the scenario stopped.
    std::optional<std::string> stop();
    // null, or the running scenario's progress (GET /demo/status "scenario").
    nlohmann::json statusJson() const;
    void tick();

private:
    struct Run {
        const Scenario* scenario = nullptr;
        std::string lang;
        TimePoint startedAt;
        std::size_t next = 0;  // calls[next] is the next to arrive
        std::vector<std::string> callIds;
        std::uint64_t serial = 0;  // which run (a stopped run's lookups are dropped)
        int waiting = 0;           // calls due whose customer the store is still asked for
    };
    bool live(const Run& run) const;
    void inject(const ScenarioCall& call);
    void arrive(InboundCallSpec spec);

    const Clock& clock_;
    Telephony& telephony_;
    DemoControls& demo_;
    StorePool& pool_;
    std::vector<Scenario> scenarios_;
    std::optional<Run> run_;
    std::uint64_t runs_ = 0;
};

}  // namespace agentdesk::server
