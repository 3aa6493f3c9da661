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
              {"here", s.leaseValid},
              // Requests this node sent to the owner, and how they fared; and those it served
              // for the other nodes while it was the owner.
              {"forwarded", s.forwarding.forwarded},
              {"forwardAnswered", s.forwarding.answered},
              {"forwardNoOwner", s.forwarding.noOwner},
              {"forwardTimedOut", s.forwarding.timedOut},
              {"servedForOthers", s.forwarding.served}}}};
}

}  // namespace agentdesk::server
