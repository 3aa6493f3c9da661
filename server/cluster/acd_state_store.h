#pragma once
// The ACD's durable state in PostgreSQL, written only through the lease's fence
// (LeaseTable::fenced): a node that lost the lease cannot write over the new owner's state.
// It keeps every agent's state (with their after-call work and today's figures) and every call
// the ACD holds (queued in order, ringing, connected, held), so the node that takes over
// rebuilds the ACD as it was (Acd::restore). A call that is over is deleted.
//
// Threads: save() from the I/O thread; the writes run on a thread of its own, latest record
// per agent and call first (a burst of changes to one is one write), in one transaction.
// load() on the caller's thread, on a connection of its own (a takeover, rare).
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "server/acd/acd_durable.h"

namespace agentdesk::server::pg {
class PgDb;
}

namespace agentdesk::server::cluster {

class AcdStateStore {
public:
    AcdStateStore(std::string database, std::string group);
    ~AcdStateStore();
    AcdStateStore(const AcdStateStore&) = delete;
    AcdStateStore& operator=(const AcdStateStore&) = delete;

    // Queues the changes for writing under `epoch` (the lease's, as this node holds it), as
    // batch number `batch` (rising; 0: none): onDurable hears when it and every batch before it
    // are written (or refused by the fence), an empty batch too.
    void save(std::uint64_t epoch, const DurableChanges& changes, std::uint64_t batch = 0);
    // Called on the store's thread with the highest batch written so far.
    void onDurable(std::function<void(std::uint64_t batch)> durable);
    // Every stored agent and call of the group (calls in the queue's order: priority first,
    // then the earliest). Throws pg::PgError when the database is away; a record that cannot
    // be read is skipped (and logged).
    DurableAcd load();
    // Waits (at most `limit`) until everything queued so far is written or refused; tests.
    bool flush(std::chrono::milliseconds limit);
    // Writes what is queued (briefly), then ends the thread.
    void stop();

    struct Stats {
        std::uint64_t written = 0, fencedOff = 0, failed = 0;
    };
    Stats stats() const;

private:
    struct Pending {
        std::uint64_t epoch = 0;
        bool agent = false;
        std::string id;
        std::string detail;         // the record's JSON; empty: the call is over (deleted)
        std::string state, reason;  // an agent's, also in columns of their own
        long long sinceMs = 0;
    };
    void run();
    void write(pg::PgDb& db, const Pending& p);

    const std::string database_, group_;
    mutable std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::map<std::string, Pending> pending_;  // by "a:<agent>" and "c:<call>"
    bool writing_ = false, stopping_ = false;
    std::uint64_t lastBatch_ = 0, announced_ = 0;
    std::function<void(std::uint64_t)> durable_;
    Stats stats_;
    std::thread thread_;
};

}  // namespace agentdesk::server::cluster
