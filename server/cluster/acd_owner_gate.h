#pragma once
// One ACD per center, on the node that holds the lease (acd_lease.h): this node runs its ACD
// only while it is that node, and otherwise hands every API request but its own (health,
// status, the event stream) to the owner over NATS (acd_forwarder.h), so each request meets
// the one ACD, the one login throttle and the one set of live calls; a client's commands go one
// at a time, in the order they came (command_order.h). No owner right now: 503 with
// Retry-After: 1 (the desktop's outbox and event stream try again by themselves).
//
// While it runs the ACD, every change to the ACD's durable state (agents, queued and live calls)
// goes to the store (acd_state_store.h) under this node's epoch, right after the work that made
// it, and the events that tell of it go out once it is written (owner_only_events.h). Taking over:
// the stored sessions, accounts and ACD state are read on the store pool (the I/O thread goes on;
// requests for the ACD wait, in order, until the answer is back, at most kHoldFor, then get 503
// with Retry-After: 1; the answer counts only while the lease is still this node's with the
// same epoch); then the ACD starts clean, logs in the agent of every stored session, rebuilds
// the stored state (Acd::restore: queued calls in their order, live calls on their agents, each
// agent in their state) and serves forwarded requests; every node then tells its streams to
// resync (cluster.owner), so each desktop takes the new owner's snapshot. Stepping down (the lease
// lost or expired): it stops serving and empties its ACD without a word on the bus, since the
// new owner speaks for the ACD now.
//
// Threads: I/O thread only (tick() on the server's tick, handle() for every request).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/acd/acd_events.h"
#include "server/auth/session_store.h"
#include "server/clock.h"
#include "server/cluster/acd_forwarder.h"
#include "server/cluster/acd_state_store.h"
#include "server/cluster/owner_only_events.h"
#include "server/domain.h"
#include "server/http/http_types.h"
#include "server/routes/command_order.h"
#include "server/store/user_store.h"

namespace agentdesk::server {
class Acd;
}

namespace agentdesk::server::cluster {

class ClusterNode;

class AcdOwnerGate {
public:
    using Dispatch = std::function<void(http::Request&, const http::ExchangePtr&)>;
    struct Parts {
        ClusterNode& cluster;
        Acd& acd;
        OwnerOnlyEvents& events;
        AcdStateStore& states;             // the ACD's durable state, kept for the next owner
        const Clock& clock;                // what stored sessions' expiry is measured against
        std::chrono::seconds sessionIdle;  // the server's idle limit (0: none)
        Dispatch dispatch;                 // the router: what this node does with a request itself
        // Once this node runs the ACD (after the agents are back): tells the center.
        std::function<void()> tookOver;
        // Runs a function on the I/O thread after the work in hand.
        std::function<void(std::function<void()>)> post;
        // Whether this node runs the ACD now: false at the start, then at every change (the SIP
        // side answers only on the owner).
        std::function<void(bool owner)> ownerChanged;
        // A client's commands to the ACD, forwarded one at a time in the order they came
        // (routes/command_order.h), keyed by the client's token.
        std::shared_ptr<CommandOrder> forwardedInOrder;
        // Reads the stored sessions and accounts off the I/O thread (the store pool); `done(ok)`
        // on it.
        std::function<void(std::function<void(SessionStore&, UserStore&)> read,
                           std::function<void(bool)> done)>
            readStore;
    };
    explicit AcdOwnerGate(Parts parts);

    // Whether this node runs the ACD right now (the lease is valid).
    bool owner() const;
    // Takes over or steps down when the lease says so; on every tick and lease change.
    void tick();
    // Hands what changed in the ACD to the store now (also posted after every change; a clean
    // stop calls it last).
    void syncDurable();
    // Every HTTP request: dispatched here, or forwarded to the owner.
    void handle(http::Request& request, const http::ExchangePtr& ex);
    // GET /events on a node that does not run the ACD: the snapshot comes from the owner, taken
    // with the client's own token; `done` gets nullopt when no owner answered. Returns false
    // (and never calls `done`) when this node runs the ACD and builds it itself.
    bool snapshotFromOwner(const http::Request& events, const std::string& token,
                           std::function<void(std::optional<nlohmann::json>)> done);
    // RouteContext::whenSettled: on the owner, once the events of the changes so far are out.
    void whenSettled(std::function<void(bool)> then);

private:
    void takeOver();     // reads what the ACD was on the pool, then opens it (tookOverWith)
    struct Inheritance;  // what a takeover reads
    void tookOverWith(const Inheritance& got, std::uint64_t epoch);
    // Requests that came while the takeover's read was out: handled once it is back, in the
    // order they came, or answered 503 when it failed or took longer than kHoldFor.
    struct Held {
        http::Request request;
        http::ExchangePtr ex;
    };
    void release(bool tookOver);
    static constexpr std::chrono::seconds kHoldFor{3};
    static constexpr std::size_t kHoldAtMost = 5000;
    void stepDown();
    void emptyAcd();
    void serve();  // answers the other nodes' requests
    std::set<std::string> agentsWithLiveSessions(const std::vector<StoredSession>& sessions);
    // Agents whose every session has ended (on any node) leave the ACD: missing from the
    // stored sessions twice in a row (a session just made on another node may not be written
    // yet the first time). Asked on the store pool.
    void logOutAgentsWithoutSession();
    static constexpr std::chrono::seconds kReconcileEvery{15};
    void serveForwarded(http::Request request, AcdForwarder::Reply reply);
    void forward(const http::Request& request, const http::ExchangePtr& ex);

    Parts parts_;
    bool acting_ = false;
    bool takingOver_ = false;  // owner by the lease; the stored state is being read
    std::chrono::steady_clock::time_point takingOverSince_{};
    std::vector<Held> held_;
    std::uint64_t actingEpoch_ = 0;  // the lease's epoch when this node took the ACD
    std::chrono::steady_clock::time_point nextReconcile_{};
    bool reconciling_ = false;                    // the stored sessions are being read
    std::set<std::string> withoutSessionBefore_;  // agents the last reconcile found without one
    bool syncPosted_ = false;
    std::uint64_t issued_ = 0;  // durable batches handed to the store
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

// Requests a node answers itself, whoever runs the ACD.
bool answeredByAnyNode(const http::Request& request);

}  // namespace agentdesk::server::cluster
