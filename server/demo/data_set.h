#pragma once
// Data sets as the demo files write them (resources/demo/center.json, customers.json) → the
// store's typed records. A missing or mistyped member reads as empty, as the files are ours.
#include <nlohmann/json.hpp>

#include "server/store/crm_records.h"

namespace agentdesk::server {

// The center's "wrapupCodes" and, when `customers` has a "customers" array, those customers.
DataSet dataSetFromJson(const nlohmann::json& center, const nlohmann::json& customers);
// One customer of customers.json; created and updated at `loadedAt`.
CustomerSeed customerSeedFromJson(const nlohmann::json& customer, TimePoint loadedAt);

}  // namespace agentdesk::server
