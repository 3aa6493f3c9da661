#include "server/routes/cluster_presenter.h"

namespace agentdesk::server {

nlohmann::json clusterStatusJson(const cluster::ClusterStatus& s, std::uint64_t lastEventId) {
    const auto& lease = s.lease;
    return {{"bus", "nats"},
            {"lastEventId", lastEventId},
            {"connected", s.bus.connected},
            {"published", s.bus.published},
            {"received", s.bus.received},
            {"publishFailures", s.bus.publishFailures},
            {"reconnects", s.bus.reconnects},
            {"node", s.node},
            {"acd",
             {{"group", s.group},
              {"owner", lease.owner.empty() ? nlohmann::json() : nlohmann::json(lease.owner)},
              {"epoch", lease.epoch},
              {"here", s.leaseValid}}}};
}

}  // namespace agentdesk::server
