#include "server/cluster/acd_state_store.h"

#include "common/logging.h"
#include "common/time_util.h"
#include "server/cluster/lease_table.h"
#include "server/store/pg/pg_db.h"

namespace agentdesk::server::cluster {

namespace {

// A writer frozen inside a transaction must not hold the lease row (and so a takeover) for
// long, and a statement must not wait on a lock for ever: both end it with an error.
void limitWaits(pg::PgDb& db) {
    db.execScript("SET statement_timeout = 1000; SET idle_in_transaction_session_timeout = 2000");
}

}  // namespace

AcdStateStore::AcdStateStore(std::string database, std::string group)
    : database_(std::move(database)), group_(std::move(group)) {
    thread_ = std::thread([this] { run(); });
}

AcdStateStore::~AcdStateStore() {
    stop();
}

void AcdStateStore::save(std::uint64_t epoch, StoredAgentState state) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_)
            return;
        const std::string id = state.agentId;
        pending_[id] = Pending{epoch, std::move(state)};
    }
    wake_.notify_one();
}

std::vector<StoredAgentState> AcdStateStore::load() {
    pg::PgDb db(database_);
    limitWaits(db);
    auto r = db.exec(
        "SELECT agent_id, state, reason, since_ms FROM acd_agent_states WHERE routing_group = $1",
        {group_});
    std::vector<StoredAgentState> out;
    for (int i = 0; i < r.rows(); ++i) {
        const auto state = parseAgentState(r.text(i, 1));
        if (state)
            out.push_back({r.text(i, 0), *state, r.text(i, 2),
                           TimePoint(std::chrono::milliseconds(r.integer(i, 3)))});
    }
    return out;
}

bool AcdStateStore::flush(std::chrono::milliseconds limit) {
    std::unique_lock lock(mutex_);
    return idle_.wait_for(lock, limit, [this] { return pending_.empty() && !writing_; });
}

void AcdStateStore::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ && !thread_.joinable())
            return;
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

AcdStateStore::Stats AcdStateStore::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

void AcdStateStore::run() {
    auto log = logging::get("cluster");
    std::unique_ptr<pg::PgDb> db;
    bool warned = false;
    for (;;) {
        std::map<std::string, Pending> batch;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
            if (pending_.empty())
                break;  // stopping, and nothing left
            batch.swap(pending_);
            writing_ = true;
        }
        // One transaction per epoch (normally all of them): fenced by the lease row.
        std::map<std::uint64_t, std::vector<const Pending*>> byEpoch;
        for (const auto& [id, p] : batch)
            byEpoch[p.epoch].push_back(&p);
        std::uint64_t written = 0, fencedOff = 0, failed = 0;
        bool retry = false;
        for (const auto& [epoch, items] : byEpoch) {
            try {
                if (!db) {
                    db = std::make_unique<pg::PgDb>(database_);
                    limitWaits(*db);
                }
                LeaseTable table(*db, group_, "", "", std::chrono::seconds(3));
                table.fenced(epoch, [&] {
                    for (const Pending* p : items) {
                        db->exec(
                            "INSERT INTO acd_agent_states(routing_group, agent_id, state, reason, "
                            "since_ms, epoch) VALUES($1, $2, $3, $4, $5, $6) "
                            "ON CONFLICT (routing_group, agent_id) DO UPDATE SET "
                            "state = excluded.state, reason = excluded.reason, "
                            "since_ms = excluded.since_ms, epoch = excluded.epoch",
                            {group_, p->state.agentId, agentStateName(p->state.state),
                             p->state.reason, static_cast<long long>(toUnixMs(p->state.since)),
                             static_cast<long long>(epoch)});
                    }
                });
                written += items.size();
                warned = false;
            } catch (const LeaseLost& e) {
                fencedOff += items.size();  // another node runs the ACD: its state stands
                log->warn("agent states of epoch {} not written: {}", epoch, e.what());
            } catch (const std::exception& e) {
                const auto* pgError = dynamic_cast<const pg::PgError*>(&e);
                if (!pgError || pgError->connectionLost())
                    db.reset();
                if (!warned)
                    log->warn("agent states not written ({}); trying again", e.what());
                warned = true;
                failed += items.size();
                retry = true;
            }
        }
        std::unique_lock lock(mutex_);
        stats_.written += written;
        stats_.fencedOff += fencedOff;
        stats_.failed += failed;
        if (retry && !stopping_) {
            // Put back what failed unless a newer state came meanwhile, and wait a little.
            for (auto& [id, p] : batch)
                pending_.try_emplace(id, std::move(p));
            writing_ = false;
            wake_.wait_for(lock, std::chrono::milliseconds(500), [this] { return stopping_; });
            continue;
        }
        writing_ = false;
        if (pending_.empty())
            idle_.notify_all();
    }
    std::lock_guard lock(mutex_);
    writing_ = false;
    idle_.notify_all();
}

}  // namespace agentdesk::server::cluster
