#include "server/cluster/acd_state_store.h"

#include <algorithm>

#include "common/logging.h"
#include "common/time_util.h"
#include "server/cluster/acd_durable_json.h"
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

void AcdStateStore::write(pg::PgDb& db, const Pending& p) {
    const auto epoch = static_cast<long long>(p.epoch);
    if (p.agent) {
        db.exec(
            "INSERT INTO acd_agent_states(routing_group, agent_id, state, reason, since_ms, epoch, "
            "detail) VALUES($1, $2, $3, $4, $5, $6, $7::jsonb) "
            "ON CONFLICT (routing_group, agent_id) DO UPDATE SET state = excluded.state, "
            "reason = excluded.reason, since_ms = excluded.since_ms, epoch = excluded.epoch, "
            "detail = excluded.detail",
            {group_, p.id, p.state, p.reason, p.sinceMs, epoch, p.detail});
    } else if (p.detail.empty()) {
        db.exec("DELETE FROM acd_calls WHERE routing_group = $1 AND call_id = $2", {group_, p.id});
    } else {
        db.exec(
            "INSERT INTO acd_calls(routing_group, call_id, detail, epoch) "
            "VALUES($1, $2, $3::jsonb, $4) ON CONFLICT (routing_group, call_id) DO UPDATE SET "
            "detail = excluded.detail, epoch = excluded.epoch",
            {group_, p.id, p.detail, epoch});
    }
}

AcdStateStore::AcdStateStore(std::string database, std::string group)
    : database_(std::move(database)), group_(std::move(group)) {
    thread_ = std::thread([this] { run(); });
}

AcdStateStore::~AcdStateStore() {
    stop();
}

void AcdStateStore::onDurable(std::function<void(std::uint64_t)> durable) {
    std::lock_guard lock(mutex_);
    durable_ = std::move(durable);
}

void AcdStateStore::save(std::uint64_t epoch, const DurableChanges& changes, std::uint64_t batch) {
    if (changes.empty() && batch == 0)
        return;
    {
        std::lock_guard lock(mutex_);
        if (stopping_)
            return;
        lastBatch_ = std::max(lastBatch_, batch);
        for (const auto& a : changes.agents) {
            pending_["a:" + a.agentId] = Pending{epoch,
                                                 true,
                                                 a.agentId,
                                                 durableAgentJson(a),
                                                 std::string(agentStateName(a.state)),
                                                 a.reason,
                                                 toUnixMs(a.since)};
        }
        for (const auto& c : changes.calls)
            pending_["c:" + c.id] = Pending{epoch, false, c.id, durableCallJson(c), {}, {}, 0};
        for (const auto& id : changes.endedCalls)
            pending_["c:" + id] = Pending{epoch, false, id, {}, {}, {}, 0};
    }
    wake_.notify_one();
}

DurableAcd AcdStateStore::load() {
    pg::PgDb db(database_);
    limitWaits(db);
    DurableAcd out;
    int unreadable = 0;
    auto agents = db.exec(
        "SELECT agent_id, state, reason, since_ms, detail FROM acd_agent_states "
        "WHERE routing_group = $1 ORDER BY agent_id",
        {group_});
    for (int i = 0; i < agents.rows(); ++i) {
        if (!agents.isNull(i, 4)) {
            if (auto a = parseDurableAgent(agents.text(i, 4)))
                out.agents.push_back(std::move(*a));
            else
                ++unreadable;
            continue;
        }
        // Written by a node of schema version 3: the chosen state only.
        const auto state = parseAgentState(agents.text(i, 1));
        if (!state) {
            ++unreadable;
            continue;
        }
        DurableAgent a;
        a.agentId = agents.text(i, 0);
        a.state = *state;
        a.reason = agents.text(i, 2);
        a.since = TimePoint(std::chrono::milliseconds(agents.integer(i, 3)));
        a.idleSince = a.since;
        out.agents.push_back(std::move(a));
    }
    auto calls = db.exec(
        "SELECT detail FROM acd_calls WHERE routing_group = $1 "
        "ORDER BY (detail->>'priority')::boolean DESC, (detail->>'enteredAt')::bigint, call_id",
        {group_});
    for (int i = 0; i < calls.rows(); ++i) {
        if (auto c = parseDurableCall(calls.text(i, 0)))
            out.calls.push_back(std::move(*c));
        else
            ++unreadable;
    }
    if (unreadable > 0)
        logging::get("cluster")->error("{} stored ACD records cannot be read; skipped", unreadable);
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
        std::uint64_t through = 0;  // the batches this round writes
        {
            std::unique_lock lock(mutex_);
            wake_.wait(
                lock, [this] { return stopping_ || !pending_.empty() || lastBatch_ > announced_; });
            if (pending_.empty() && lastBatch_ <= announced_)
                break;  // stopping, and nothing left
            batch.swap(pending_);
            writing_ = true;
            through = lastBatch_;
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
                    for (const Pending* p : items)
                        write(*db, *p);
                });
                written += items.size();
                warned = false;
            } catch (const LeaseLost& e) {
                fencedOff += items.size();  // another node runs the ACD: its state stands
                log->warn("ACD records of epoch {} not written: {}", epoch, e.what());
            } catch (const std::exception& e) {
                const auto* pgError = dynamic_cast<const pg::PgError*>(&e);
                if (!pgError || pgError->connectionLost())
                    db.reset();
                if (!warned)
                    log->warn("ACD records not written ({}); trying again", e.what());
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
        std::function<void(std::uint64_t)> durable;
        if (through > announced_) {
            announced_ = through;
            durable = durable_;
        }
        if (pending_.empty())
            idle_.notify_all();
        lock.unlock();
        if (durable)
            durable(through);
    }
    std::lock_guard lock(mutex_);
    writing_ = false;
    idle_.notify_all();
}

}  // namespace agentdesk::server::cluster
