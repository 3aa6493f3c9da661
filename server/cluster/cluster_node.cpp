#include "server/cluster/cluster_node.h"

#include <stdexcept>

#include "server/store/store_engine.h"

namespace agentdesk::server::cluster {

ClusterNode::ClusterNode(ClusterOptions options, Post postToIo)
    : options_(std::move(options)), post_(std::move(postToIo)) {
    if (!isPostgresUri(options_.database))
        throw std::invalid_argument(
            "--events needs a PostgreSQL database (--db postgresql://…): the nodes of a center "
            "share its customers, sessions and the ACD lease");
    states_ = std::make_unique<AcdStateStore>(options_.database, options_.group);
}

ClusterNode::~ClusterNode() {
    stop();
}

NatsEventBus::Backlog ClusterNode::startBus(EventBus::Sink sink, std::function<void()> lost) {
    NatsBusOptions bus;
    bus.url = options_.eventsUrl;
    bus.stream = options_.eventsStream;
    bus.clientName = "agentdesk-server " + options_.node;
    bus.warmEvents = options_.replayCapacity;
    bus_ = std::make_unique<NatsEventBus>(bus, post_);
    ForwarderOptions forwarding;
    forwarding.url = options_.eventsUrl;
    // One subject per center's stream and routing group: two centers on one NATS stay apart.
    forwarding.subject = "agentdesk.acd." + options_.eventsStream + "." + options_.group + ".http";
    forwarding.clientName = bus.clientName;
    forwarder_ = std::make_unique<AcdForwarder>(forwarding, post_);
    return bus_->start(std::move(sink), std::move(lost));
}

void ClusterNode::startLease(std::string node, AcdLease::Changed changed) {
    options_.node = std::move(node);
    LeaseOptions lease;
    lease.database = options_.database;
    lease.group = options_.group;
    lease.node = options_.node;
    lease_ = std::make_unique<AcdLease>(lease, post_, std::move(changed));
    lease_->start();
    // The first request finds the ACD here or forwards it, rather than meeting a node that
    // does not know yet (the database answers in milliseconds; a slow one is not waited for).
    lease_->waitFirstAttempt(std::chrono::seconds(2));
}

void ClusterNode::stop() {
    if (forwarder_)
        forwarder_->stopServing();  // the other nodes' requests meet "no owner" at once
    if (states_)
        states_->stop();  // the last states are written while this node still holds the lease
    if (lease_)
        lease_->stop();  // first: the next owner takes over while this node closes the rest
    if (forwarder_)
        forwarder_->stop();
    if (bus_)
        bus_->stop();
}

ClusterStatus ClusterNode::status() const {
    ClusterStatus s;
    s.node = options_.node;
    s.group = options_.group;
    if (lease_) {
        s.lease = lease_->state();
        s.leaseValid = lease_->valid();
    }
    if (bus_)
        s.bus = bus_->stats();
    if (forwarder_)
        s.forwarding = forwarder_->stats();
    return s;
}

}  // namespace agentdesk::server::cluster
