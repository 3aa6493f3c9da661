#pragma once
// The database every ServerWorld starts from: the demo center, customers and knowledge base,
// seeded once per process into a private directory (in /dev/shm when it exists, since the
// store syncs every commit) that is removed at exit.
#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/time_util.h"
#include "server/demo/demo_data.h"
#include "server/demo/scenario.h"
#include "server/store/field_cipher.h"

namespace agentdesk::fuzz {

struct Template {
    std::filesystem::path db;  // the seeded database; copy it, never open it
    server::FieldCipher cipher = server::FieldCipher::ephemeral();  // as ServerApp's key
    nlohmann::json centerJson;
    server::CenterConfig center;
    std::vector<server::Scenario> scenarios;  // the bundled ones, checked against the data
};

// 2026-11-23 10:00 in Seoul, as the tests use.
TimePoint startTime();
const Template& seeded();
// The private directory (for the worlds' databases).
const std::filesystem::path& workDir();

}  // namespace agentdesk::fuzz
