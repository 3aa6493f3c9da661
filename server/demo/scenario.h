#pragma once
// Training scenarios (docs/scenarios.md): a scripted set of calls — who calls, into which queue,
// with which intent, when, and what the caller says after answer — in Korean and English.
// Parsing validates everything a run needs, so a bad file is refused when the server starts
// rather than in front of a class.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/acd/acd_types.h"

namespace agentdesk::server {

struct ScenarioText {
    std::string ko;
    std::string en;
    const std::string& in(const std::string& lang) const { return lang == "en" ? en : ko; }
};

struct ScenarioLine {
    std::string speaker;  // "customer" | "agent"
    ScenarioText text;
    int atSec = 0;  // seconds after answer
};

struct ScenarioCall {
    int atSec = 0;  // seconds after the scenario starts
    // Exactly one of the three callers.
    std::optional<std::string> customerId;      // a demo customer (their primary number)
    std::optional<std::string> phoneE164;       // an unknown caller
    std::optional<nlohmann::json> newCustomer;  // validated POST /customers fields
    std::string queue;
    std::string intent;
    bool verified = false;
    int waitedSec = 0;
    std::optional<int> patienceSec;
    std::optional<int> talkSec;
    std::vector<ScenarioLine> transcript;  // sorted by atSec
};

struct Scenario {
    std::string id;
    ScenarioText title;
    ScenarioText description;
    std::vector<ScenarioCall> calls;  // sorted by atSec (stable)
    std::string source;               // file name, for messages

    // Scripted length: the latest arrival plus that call's scripted talk (talkSec, or its last
    // transcript line), over all calls. Time spent waiting for a free agent is not included.
    int durationSec() const;
};

struct ScenarioRules {
    const std::vector<QueueConfig>* queues = nullptr;
    std::function<bool(const std::string&)> customerExists;  // null: not checked
};

// Parses one scenario document. Returns the problems found (empty when valid); each names the
// member at fault, e.g. `calls[2].queue: unknown queue "vip"`.
std::vector<std::string> parseScenario(const nlohmann::json& doc, const ScenarioRules& rules,
                                       Scenario& out);

struct ScenarioFile {
    std::string name;
    std::string text;
};

// Parses every file. Throws std::runtime_error listing every problem of every file (bad JSON,
// invalid members, an id used twice) when any file is not valid.
std::vector<Scenario> loadScenarios(const std::vector<ScenarioFile>& files,
                                    const ScenarioRules& rules);

// The *.json files of a directory, by name. Throws std::runtime_error when it cannot be read.
std::vector<ScenarioFile> readScenarioDirectory(const std::string& dir);

// The demo center's built-in scenarios, then those of `extraDir` (none when empty); throws as
// loadScenarios does.
std::vector<Scenario> loadDemoScenarios(const std::string& extraDir, const ScenarioRules& rules);

}  // namespace agentdesk::server
