#pragma once
// This server as one node of a center: the event bus it shares with the other nodes (NATS
// JetStream) and its claim on the ACD lease (PostgreSQL). A single server (no --events) has
// neither: the hub numbers events itself and the ACD is simply its own.
//
// Threads: construct, start*() and stop() on the owning thread, stop() once the I/O thread has
// ended (a publish on it must not meet a closing bus); status() on the I/O thread.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "server/cluster/acd_forwarder.h"
#include "server/cluster/acd_lease.h"
#include "server/cluster/acd_state_store.h"
#include "server/events/nats_event_bus.h"

namespace agentdesk::server::cluster {

struct ClusterOptions {
    std::string eventsUrl;  // nats://…
    std::string eventsStream;
    std::string database;          // postgresql://…, shared by every node
    std::string node;              // for the bus's connection name; the lease takes its own
    std::string group = "center";  // one ACD per center
    std::size_t replayCapacity = 4096;
};

struct ClusterStatus {
    std::string node, group;
    LeaseState lease;
    bool leaseValid = false;  // this node may act as the ACD's owner right now
    NatsEventBus::Stats bus;
    AcdForwarder::Stats forwarding;
};

class ClusterNode {
public:
    using Post = std::function<void(std::function<void()>)>;
    // Throws std::invalid_argument when the database is not PostgreSQL: the nodes of a center
    // share its CRM, sessions and ACD lease.
    ClusterNode(ClusterOptions options, Post postToIo);
    ~ClusterNode();

    // Connects to NATS and takes back the newest events (throws std::runtime_error on failure);
    // see NatsEventBus::start. Connects the ACD's request forwarding too.
    NatsEventBus::Backlog startBus(EventBus::Sink sink, std::function<void()> lost);
    // Starts claiming the ACD lease as `node` (unique in the center) and returns once the first
    // claim is made (2 s at most); `changed` runs on the I/O thread.
    void startLease(std::string node, AcdLease::Changed changed);
    void stop();

    EventBus* bus() { return bus_.get(); }
    // Requests for the ACD between the nodes (after startBus()).
    AcdForwarder* forwarder() { return forwarder_.get(); }
    // This node holds the ACD lease and it has not run out (any thread).
    bool ownsAcd() const { return lease_ && lease_->valid(); }
    std::uint64_t leaseEpoch() const { return lease_ ? lease_->state().epoch : 0; }
    // The ACD's durable state.
    AcdStateStore* states() { return states_.get(); }
    ClusterStatus status() const;

private:
    ClusterOptions options_;
    Post post_;
    std::unique_ptr<NatsEventBus> bus_;
    std::unique_ptr<AcdLease> lease_;
    std::unique_ptr<AcdForwarder> forwarder_;
    std::unique_ptr<AcdStateStore> states_;
};

}  // namespace agentdesk::server::cluster
