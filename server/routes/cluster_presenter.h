#pragma once
// The cluster part of GET /server/status (docs/api.md): the event bus and the ACD lease as this
// node sees them.
#include <cstdint>

#include <nlohmann/json.hpp>

#include "server/cluster/cluster_node.h"

namespace agentdesk::server {

nlohmann::json clusterStatusJson(const cluster::ClusterStatus& status, std::uint64_t lastEventId);

}  // namespace agentdesk::server
