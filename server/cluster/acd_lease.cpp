#include "server/cluster/acd_lease.h"

#include "common/logging.h"

namespace agentdesk::server::cluster {

AcdLease::AcdLease(LeaseOptions options, Post postToIo, Changed changed)
    : options_(std::move(options)), post_(std::move(postToIo)), changed_(std::move(changed)) {}

AcdLease::~AcdLease() {
    stop();
}

void AcdLease::start() {
    if (!thread_.joinable())
        thread_ = std::thread([this] { run(); });
}

void AcdLease::waitFirstAttempt(std::chrono::milliseconds limit) {
    std::unique_lock lock(mutex_);
    attemptedCv_.wait_for(lock, limit, [this] { return attempted_; });
}

void AcdLease::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

bool AcdLease::valid() const {
    std::lock_guard lock(mutex_);
    return state_.held && std::chrono::steady_clock::now() < validUntil_;
}

LeaseState AcdLease::state() const {
    std::lock_guard lock(mutex_);
    return state_;
}

void AcdLease::run() {
    auto log = logging::get("cluster");
    std::unique_ptr<pg::PgDb> db;
    for (;;) {
        attempt(db);
        std::unique_lock lock(mutex_);
        attempted_ = true;
        attemptedCv_.notify_all();
        const auto pause = state_.held ? options_.renewEvery : options_.tryEvery;
        if (wake_.wait_for(lock, pause, [this] { return stopping_; }))
            break;
    }
    const LeaseState last = state();
    if (last.held && db) {
        try {
            LeaseTable(*db, options_.group, options_.node, instance_, options_.ttl)
                .release(last.epoch);
            log->info("released the ACD lease of {} (epoch {})", options_.group, last.epoch);
        } catch (const pg::PgError& e) {
            log->warn("could not release the ACD lease: {}", e.what());
        }
    }
    std::lock_guard lock(mutex_);
    state_ = {};
}

void AcdLease::attempt(std::unique_ptr<pg::PgDb>& db) {
    auto log = logging::get("cluster");
    const auto started = std::chrono::steady_clock::now();
    LeaseState held;
    {
        std::lock_guard lock(mutex_);
        held = state_;
    }
    LeaseState now;
    try {
        if (!db)
            db = std::make_unique<pg::PgDb>(options_.database);
        // A lease row held by a frozen node's transaction must not stall this thread past a
        // renewal: the attempt fails and is made again. Set every time: a connection the
        // wrapper opened again would not have it.
        db->execScript("SET statement_timeout = 1000");
        LeaseTable table(*db, options_.group, options_.node, instance_, options_.ttl);
        now = table.acquireOrRenew(held.held ? held.epoch : 0);
    } catch (const std::exception& e) {
        const auto* pgError = dynamic_cast<const pg::PgError*>(&e);
        if (!pgError || pgError->connectionLost())
            db.reset();  // a new connection on the next attempt
        // Without the database this node cannot know who owns the ACD: it keeps what it
        // believed until valid() runs out, and stops acting then. Said once per outage.
        std::lock_guard lock(mutex_);
        if (!failing_)
            log->warn("ACD lease of {}: {}", options_.group, e.what());
        failing_ = true;
        if (state_.held && started >= validUntil_) {
            state_ = {false, state_.epoch, std::string()};
        }
        now = state_;
        publish(now);
        return;
    }
    {
        std::lock_guard lock(mutex_);
        if (failing_)
            log->info("ACD lease of {}: the database answers again", options_.group);
        failing_ = false;
        state_ = now;
        if (now.held)
            validUntil_ = started + options_.ttl - options_.margin;
        publish(now);
    }
    if (now.held && !(held.held && held.epoch == now.epoch))
        log->info("this node ({}) now runs the ACD of {} (epoch {})", options_.node, options_.group,
                  now.epoch);
    else if (held.held && !now.held)
        log->warn("this node ({}) lost the ACD lease of {} to {} (epoch {})", options_.node,
                  options_.group, now.owner.empty() ? "nobody" : now.owner, now.epoch);
}

// Called with mutex_ held.
void AcdLease::publish(const LeaseState& state) {
    if (state == posted_)
        return;
    posted_ = state;
    post_([self = std::weak_ptr<AcdLease*>(self_), state] {
        if (const auto lease = self.lock())
            (*lease)->changed_(state);
    });
}

}  // namespace agentdesk::server::cluster
