#include "server/cluster/acd_owner_gate.h"

#include <map>

#include <set>

#include "common/logging.h"
#include "server/acd/acd.h"
#include "server/auth/session_manager.h"
#include "server/cluster/cluster_node.h"

namespace agentdesk::server::cluster {

namespace {

http::Response errorResponse(int status, const char* code, const char* message) {
    http::Response r;
    r.status = status;
    r.body = nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump();
    return r;
}

http::Response unavailable() {
    http::Response r;
    r.status = 503;
    r.body = nlohmann::json{{"error",
                             {{"code", "unavailable"},
                              {"message",
                               "no server runs the call center right now (a node is taking "
                               "over); try again in a moment"}}}}
                 .dump();
    r.headers.emplace_back("Retry-After", "1");
    return r;
}

// A stream nobody reads: forwarded requests never open one (GET /events is answered where it
// arrives), but a handler that asked would get this instead of a null pointer.
class NoEventStream final : public http::EventStream {
public:
    void send(std::shared_ptr<const std::string>) override {}
    void close() override {}
    bool isOpen() const override { return false; }
    void setOnClosed(std::function<void()> callback) override {
        if (callback)
            callback();
    }
};

// The exchange of a forwarded request, on the owner: the answer goes back over NATS.
class ForwardedExchange final : public http::Exchange {
public:
    // stillOwner: asked when the answer is ready (on the I/O thread, while the server runs).
    ForwardedExchange(AcdForwarder::Reply reply, std::function<bool()> stillOwner)
        : reply_(std::move(reply)), stillOwner_(std::move(stillOwner)) {}
    ~ForwardedExchange() override {
        if (!answered_) {
            http::Response r;
            r.status = 500;
            r.body = R"({"error":{"code":"internal","message":"no answer"}})";
            reply_({std::move(r), authenticated_});
        }
    }
    void respond(http::Response response) override {
        if (answered_)
            return;
        answered_ = true;
        // Begun here before this node lost the ACD (a freeze, a cut): what it did is not the
        // new owner's, so no answer goes back; the forwarding node answers 504, "check first".
        if (!stillOwner_())
            return;
        reply_({std::move(response), authenticated_});
    }
    std::shared_ptr<http::EventStream> startEventStream() override {
        http::Response r;
        r.status = 400;
        r.body =
            R"({"error":{"code":"bad_request","message":"open the event stream on any node"}})";
        respond(std::move(r));
        return std::make_shared<NoEventStream>();
    }
    void markAuthenticated() override { authenticated_ = true; }

private:
    AcdForwarder::Reply reply_;
    std::function<bool()> stillOwner_;
    bool answered_ = false;
    bool authenticated_ = false;
};

}  // namespace

bool answeredByAnyNode(const http::Request& request) {
    static const std::string kApi = "/api/v1/";
    if (request.path.compare(0, kApi.size(), kApi) != 0)
        return true;  // not the API: this node's own 404
    return request.path == "/api/v1/health" || request.path == "/api/v1/server/status" ||
           request.path == "/api/v1/events";
}

AcdOwnerGate::AcdOwnerGate(Parts parts) : parts_(std::move(parts)) {
    parts_.events.setOpen(false);
    if (parts_.ownerChanged)
        parts_.ownerChanged(false);
    // Checked on every event, not only on the tick: a node thawed after a freeze may run a few
    // handlers before its tick notices that the lease has gone.
    parts_.events.whileOwner([this] { return parts_.cluster.ownsAcd(); });
    // An event waits for the batch that holds the changes made before it (the next one while a
    // sync is due); the store says when a batch is written, on its own thread.
    parts_.events.holdUntilDurable([this] { return issued_ + (syncPosted_ ? 1 : 0); });
    parts_.states.onDurable(
        [this, post = parts_.post, alive = std::weak_ptr<bool>(alive_)](std::uint64_t batch) {
            if (post)
                post([this, alive, batch] {
                    if (alive.lock())
                        parts_.events.durableThrough(batch);
                });
        });
    // After the work that made them (a request, a tick, a report from the line), in one go.
    parts_.acd.onDurableChange([this, alive = std::weak_ptr<bool>(alive_)] {
        if (syncPosted_ || !parts_.post)
            return;
        syncPosted_ = true;
        parts_.post([this, alive] {
            if (alive.lock())
                syncDurable();
        });
    });
}

void AcdOwnerGate::syncDurable() {
    syncPosted_ = false;
    auto changes = parts_.acd.takeDurableChanges();
    // Written under the epoch this node took the ACD with: once another node holds it, the
    // fence refuses them. Not running the ACD: what its emptying changed is nobody's. A batch
    // with nothing in it still counts: the events waiting for it go out once it is "written".
    if (acting_)
        parts_.states.save(actingEpoch_, changes, ++issued_);
}

bool AcdOwnerGate::owner() const {
    return parts_.cluster.ownsAcd();
}

void AcdOwnerGate::tick() {
    const bool owns = owner();
    if (owns && !acting_ && !takingOver_)
        takeOver();
    else if (!owns && acting_)
        stepDown();
    if (takingOver_ && std::chrono::steady_clock::now() - takingOverSince_ > kHoldFor)
        release(false);  // the read still runs; who came meanwhile tries again
    if (!acting_)
        return;
    parts_.events.settleOverdue(std::chrono::milliseconds(500));
    if (!parts_.cluster.forwarder()->serving())
        serve();  // the subscription failed at the takeover: the other nodes need it
    const auto now = std::chrono::steady_clock::now();
    if (now >= nextReconcile_) {
        nextReconcile_ = now + kReconcileEvery;
        logOutAgentsWithoutSession();
    }
}

std::set<std::string> AcdOwnerGate::agentsWithLiveSessions(
    const std::vector<StoredSession>& sessions) {
    std::set<std::string> out;
    const TimePoint now = parts_.clock.now();
    for (const auto& s : sessions) {
        if (isAgentRole(s.role) && SessionManager::liveAsStored(s, now, parts_.sessionIdle))
            out.insert(s.userId);
    }
    return out;
}

void AcdOwnerGate::logOutAgentsWithoutSession() {
    if (reconciling_)
        return;
    reconciling_ = true;
    auto stored = std::make_shared<std::vector<StoredSession>>();
    parts_.readStore(
        [stored](SessionStore& sessions, UserStore&) { *stored = sessions.storedSessions(); },
        [this, stored, epoch = actingEpoch_, alive = std::weak_ptr<bool>(alive_)](bool ok) {
            if (alive.expired())
                return;
            reconciling_ = false;
            if (!ok || !acting_ || actingEpoch_ != epoch)
                return;  // the database is away, or this turn is over: nobody is logged out
            const std::set<std::string> live = agentsWithLiveSessions(*stored);
            // A session that ended on another node (idle there, its stream closed) or expired:
            // its agent leaves the ACD here, where calls are routed (one on a call leaves when
            // it is over).
            std::set<std::string> without;
            for (const auto& agent : parts_.acd.agents()) {
                if (agent.state == AgentState::LoggedOut || live.count(agent.user.id))
                    continue;
                if (withoutSessionBefore_.count(agent.user.id))
                    parts_.acd.agentLoggedOut(agent.user.id);
                else
                    without.insert(agent.user.id);
            }
            withoutSessionBefore_ = std::move(without);
        });
}

void AcdOwnerGate::serve() {
    try {
        parts_.cluster.forwarder()->serve([this](http::Request request, AcdForwarder::Reply reply) {
            serveForwarded(std::move(request), std::move(reply));
        });
    } catch (const std::exception& e) {
        logging::get("cluster")->error("cannot serve the other nodes' requests: {}", e.what());
    }
}

void AcdOwnerGate::emptyAcd() {
    parts_.events.setOpen(false);
    parts_.events.dropHeld();
    parts_.acd.reset();
    for (const auto& agent : parts_.acd.agents()) {
        if (agent.state != AgentState::LoggedOut)
            parts_.acd.agentLoggedOut(agent.user.id);
    }
    (void)parts_.acd.takeDurableChanges();  // not the center's: it goes on elsewhere
}

struct AcdOwnerGate::Inheritance {
    std::vector<StoredSession> sessions;
    std::map<std::string, User> users;
    DurableAcd stored;
};

void AcdOwnerGate::takeOver() {
    takingOver_ = true;
    takingOverSince_ = std::chrono::steady_clock::now();
    auto got = std::make_shared<Inheritance>();
    const std::uint64_t epoch = parts_.cluster.leaseEpoch();
    AcdStateStore& states = parts_.states;
    parts_.readStore(
        // On a pool thread. Read before this node writes anything of its own (its logins would
        // overwrite the states), and after what it wrote in an earlier turn has gone out.
        [got, &states](SessionStore& sessions, UserStore& accounts) {
            states.flush(std::chrono::seconds(1));
            got->sessions = sessions.storedSessions();
            for (User& u : accounts.users())
                got->users.emplace(u.id, std::move(u));
            got->stored = states.load();
        },
        [this, got, epoch, alive = std::weak_ptr<bool>(alive_)](bool ok) {
            if (alive.expired())
                return;
            takingOver_ = false;
            if (!ok) {
                logging::get("cluster")->warn(
                    "taking over the ACD: the stored sessions and states cannot be read; trying "
                    "again");
                return release(false);  // acting_ stays false: the next tick tries again
            }
            // The lease moved on (or came back under another epoch) while the store was read:
            // what was read may be older than what the holder wrote since. The next tick decides.
            if (!parts_.cluster.ownsAcd() || parts_.cluster.leaseEpoch() != epoch)
                return release(false);
            tookOverWith(*got, epoch);
            release(true);
        });
}

void AcdOwnerGate::release(bool tookOver) {
    std::vector<Held> held = std::move(held_);
    held_.clear();
    for (Held& h : held) {
        if (tookOver)
            handle(h.request, h.ex);
        else
            h.ex->respond(unavailable());
    }
}

void AcdOwnerGate::tookOverWith(const Inheritance& got, std::uint64_t epoch) {
    // Whatever this node's ACD held from an earlier turn, or from sessions restored while it
    // did not run it, is stale: it starts clean. The agents come back without a word on the bus
    // (a "login" then "ready" for each would flicker on every screen): the resync that follows
    // the takeover gives every desktop the new owner's state at once.
    emptyAcd();
    acting_ = true;
    actingEpoch_ = epoch;
    nextReconcile_ = std::chrono::steady_clock::now() + kReconcileEvery;
    withoutSessionBefore_.clear();
    int agents = 0;
    // Sessions as live as SessionManager would let them in: not expired, not idle as stored.
    for (const std::string& userId : agentsWithLiveSessions(got.sessions)) {
        const auto user = got.users.find(userId);
        if (user == got.users.end() || user->second.disabled || !isAgentRole(user->second.role))
            continue;
        parts_.acd.agentLoggedIn(user->second);
        ++agents;
    }
    const RestoreReport restored = parts_.acd.restore(got.stored);
    syncDurable();  // the rebuilt state, under this node's epoch (and lost calls deleted)
    parts_.events.setOpen(true);
    serve();
    if (parts_.ownerChanged)
        parts_.ownerChanged(true);
    logging::get("cluster")->info(
        "this node runs the ACD now: {} agents logged in from their stored sessions ({} back "
        "as they were); {} queued calls and {} live calls carried over, {} lost",
        agents, restored.agents, restored.queued, restored.live, restored.lost);
    if (parts_.tookOver)
        parts_.tookOver();
}

void AcdOwnerGate::stepDown() {
    acting_ = false;
    if (parts_.ownerChanged)
        parts_.ownerChanged(false);
    parts_.cluster.forwarder()->stopServing();
    emptyAcd();
    logging::get("cluster")->warn("this node no longer runs the ACD; its requests go to the owner");
}

void AcdOwnerGate::handle(http::Request& request, const http::ExchangePtr& ex) {
    tick();  // a lease that just ran out: this request already goes to the next owner
    // The ACD opens once its state is read: the requests for it (the event stream too, whose
    // snapshot is then this node's own) wait for that, briefly.
    if (takingOver_ && (!answeredByAnyNode(request) || request.path == "/api/v1/events")) {
        if (held_.size() >= kHoldAtMost ||
            std::chrono::steady_clock::now() - takingOverSince_ > kHoldFor)
            return ex->respond(unavailable());
        return held_.push_back({request, ex});
    }
    if (acting_ || answeredByAnyNode(request))
        return parts_.dispatch(request, ex);
    const std::string token = request.header("authorization");
    if (parts_.forwardedInOrder && !token.empty() && isAcdCommand(request.method, request.path)) {
        auto kept = std::make_shared<http::Request>(request);
        return parts_.forwardedInOrder->run(
            token, ex,
            [this, kept, alive = std::weak_ptr<bool>(alive_)](const http::ExchangePtr& in) {
                if (alive.expired())
                    return in->respond(unavailable());
                if (acting_)  // this node took the ACD over while the command waited
                    return parts_.dispatch(*kept, in);
                forward(*kept, in);
            });
    }
    forward(request, ex);
}

void AcdOwnerGate::forward(const http::Request& request, const http::ExchangePtr& ex) {
    using Outcome = AcdForwarder::Outcome;
    parts_.cluster.forwarder()->forward(
        request, [ex](Outcome outcome, std::optional<ForwardedAnswer> answer) {
            switch (outcome) {
                case Outcome::Answered:
                    if (answer->authenticated)
                        ex->markAuthenticated();
                    return ex->respond(std::move(answer->response));
                case Outcome::NoOwner:
                    return ex->respond(unavailable());
                case Outcome::TimedOut:
                    return ex->respond(errorResponse(
                        504, "gateway_timeout",
                        "the server running the call center did not answer in time; it may "
                        "have done it: check before trying again"));
                case Outcome::TooLarge:
                    return ex->respond(errorResponse(
                        413, "payload_too_large",
                        "the request is too large to pass between the center's servers"));
            }
        });
}

void AcdOwnerGate::serveForwarded(http::Request request, AcdForwarder::Reply reply) {
    tick();
    if (!acting_)
        return;  // the lease moved on: the new owner answers (or the request times out)
    auto ex = std::make_shared<ForwardedExchange>(std::move(reply), [this, epoch = actingEpoch_] {
        return acting_ && actingEpoch_ == epoch && parts_.cluster.ownsAcd();
    });
    parts_.dispatch(request, ex);
}

void AcdOwnerGate::whenSettled(std::function<void(bool)> then) {
    if (!acting_)
        return then(true);  // nothing of this node's waits
    parts_.events.whenSettled(std::move(then));
}

bool AcdOwnerGate::snapshotFromOwner(const http::Request& events, const std::string& token,
                                     std::function<void(std::optional<nlohmann::json>)> done) {
    tick();
    if (acting_)
        return false;
    if (takingOver_) {
        done(std::nullopt);  // no owner yet: this node opens the ACD once its state is read
        return true;
    }
    http::Request request;
    request.method = "GET";
    request.path = "/api/v1/snapshot";
    request.headers["authorization"] = "Bearer " + token;
    request.remoteAddress = events.remoteAddress;
    parts_.cluster.forwarder()->forward(
        request,
        [done = std::move(done)](AcdForwarder::Outcome, std::optional<ForwardedAnswer> answer) {
            if (!answer || answer->response.status != 200)
                return done(std::nullopt);
            auto snap = nlohmann::json::parse(answer->response.body, nullptr, false);
            if (!snap.is_object())
                return done(std::nullopt);
            done(std::move(snap));
        });
    return true;
}

}  // namespace agentdesk::server::cluster
