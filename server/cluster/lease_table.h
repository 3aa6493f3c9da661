#pragma once
// The ACD lease in PostgreSQL: one row per routing group says which node runs its ACD, until
// when, and under which epoch. A node renews its own lease (the epoch stays) or takes one that
// expired (the epoch goes up by one); expiry is the database's clock, so nodes' clocks do not
// matter. Every write of the ACD's durable state runs through fenced(): the transaction holds the
// lease row with the writer's epoch, so a node that lost the lease (frozen, cut off) cannot
// write over the new owner's state, and a takeover waits for a write in flight to finish.
//
// Threads: one connection, used by one thread at a time.
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "server/store/pg/pg_db.h"

namespace agentdesk::server::cluster {

struct LeaseState {
    bool held = false;        // this node runs the ACD
    std::uint64_t epoch = 0;  // the lease's epoch (this node's when held); 0: never taken
    std::string owner;        // the node that holds it; empty when it has expired
    bool operator==(const LeaseState&) const = default;
};

// A fenced write found the lease under another epoch: this node is no longer the owner.
class LeaseLost : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A new instance id for this process: 128 random bits in hex.
std::string newLeaseInstance();

class LeaseTable {
public:
    // `instance` tells this process apart from any other with the same node name (a node
    // restarted, a copy of a machine): only the instance that took the lease renews it.
    LeaseTable(pg::PgDb& db, std::string group, std::string node, std::string instance,
               std::chrono::milliseconds ttl);

    // Renews this instance's lease when it still holds it under heldEpoch, or takes the lease
    // when it has expired (or never existed). Returns the lease as it stands afterwards: held
    // only when this call renewed or took it.
    LeaseState acquireOrRenew(std::uint64_t heldEpoch);
    // Lets the lease expire now, so another node takes over at once (a clean shutdown).
    void release(std::uint64_t epoch);
    LeaseState current();

    // Runs fn in a transaction that holds the lease row with `epoch`; throws LeaseLost (and
    // writes nothing) when the lease has another epoch.
    template <typename Fn>
    void fenced(std::uint64_t epoch, Fn&& fn) {
        db_.transaction([&] {
            holdEpoch(epoch);
            fn();
        });
    }

    const std::string& group() const { return group_; }
    const std::string& node() const { return node_; }

private:
    void holdEpoch(std::uint64_t epoch);

    pg::PgDb& db_;
    std::string group_, node_, instance_;
    std::chrono::milliseconds ttl_;
};

}  // namespace agentdesk::server::cluster
