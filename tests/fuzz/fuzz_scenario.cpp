// Harness scenario: training scenario files (docs/scenarios.md) as a trainer writes them,
// through loadScenarios() and parseScenario() (server/demo/scenario.h) with the demo center's
// queues and customers. A file is either refused with problems or gives a scenario a run can
// trust: every call has exactly one caller and a known queue, calls and transcript lines are
// in time order, times are within a day, and durationSec() is the latest call's end.
#include <algorithm>
#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>

#include "resources/embedded.h"
#include "server/demo/demo_data.h"
#include "server/demo/scenario.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace agentdesk::server;
using nlohmann::json;

struct Rules {
    CenterConfig center = parseCenterConfig(json::parse(agentdesk::resources::demoCenterJson()));
    std::set<std::string> customers;
    ScenarioRules rules;
    Rules() {
        const json all = json::parse(agentdesk::resources::demoCustomersJson());
        for (const auto& c : all["customers"])
            customers.insert(c["id"].get<std::string>());
        rules.queues = &center.queues;
        rules.customerExists = [this](const std::string& id) { return customers.count(id) > 0; };
    }
};

const Rules& demoRules() {
    static const Rules r;
    return r;
}

void checkScenario(const Scenario& s) {
    const auto& queues = *demoRules().rules.queues;
    FUZZ_CHECK(!s.id.empty(), "a scenario without an id");
    int latest = 0;
    for (const auto& call : s.calls) {
        const int callers =
            call.customerId.has_value() + call.phoneE164.has_value() + call.newCustomer.has_value();
        FUZZ_CHECK(callers == 1, s.id + ": a call with " + std::to_string(callers) + " callers");
        FUZZ_CHECK(std::any_of(queues.begin(), queues.end(),
                               [&](const QueueConfig& q) { return q.id == call.queue; }),
                   s.id + ": unknown queue " + call.queue);
        FUZZ_CHECK(call.atSec >= 0 && call.atSec <= 86400, s.id + ": atSec out of range");
        FUZZ_CHECK(call.atSec >= latest, s.id + ": calls out of order");
        latest = call.atSec;
        int lineAt = 0;
        for (const auto& line : call.transcript) {
            FUZZ_CHECK(line.atSec >= lineAt && line.atSec <= 86400, s.id + ": line out of order");
            lineAt = line.atSec;
        }
    }
    FUZZ_CHECK(s.durationSec() >= latest, s.id + ": duration before the last call");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const Rules& r = demoRules();
    try {
        for (const auto& s : loadScenarios({{"fuzz.json", text}}, r.rules))
            checkScenario(s);
    } catch (const std::runtime_error&) {
        // refused, with every problem listed: what a bad file should get
    }
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded())
        return 0;
    Scenario scenario;
    if (parseScenario(doc, r.rules, scenario).empty())
        checkScenario(scenario);
    return 0;
}
