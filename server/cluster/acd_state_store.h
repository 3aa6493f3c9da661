#pragma once
// The ACD's durable state in PostgreSQL, written only through the lease's fence
// (LeaseTable::fenced): a node that lost the lease cannot write over the new owner's state.
// What it keeps so far: each agent's chosen state (ready, or not ready with its reason), so the
// node that takes over puts every agent back where they were instead of "not ready". Queued
// and live calls are not kept yet (docs/scaling.md).
//
// Threads: save() from the I/O thread; the writes run on a thread of its own, latest state per
// agent first (a burst of changes for one agent is one write). load() on the caller's thread,
// on a connection of its own (a takeover, rare).
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "server/acd/agent_state.h"
#include "server/clock.h"

namespace agentdesk::server::cluster {

struct StoredAgentState {
    std::string agentId;
    AgentState state = AgentState::NotReady;
    std::string reason;
    TimePoint since;
};

class AcdStateStore {
public:
    AcdStateStore(std::string database, std::string group);
    ~AcdStateStore();
    AcdStateStore(const AcdStateStore&) = delete;
    AcdStateStore& operator=(const AcdStateStore&) = delete;

    // Queues an agent's state for writing under `epoch` (the lease's, as this node holds it).
    void save(std::uint64_t epoch, StoredAgentState state);
    // Every stored agent state of the group. Throws pg::PgError when the database is away.
    std::vector<StoredAgentState> load();
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
        StoredAgentState state;
    };
    void run();

    const std::string database_, group_;
    mutable std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::map<std::string, Pending> pending_;
    bool writing_ = false, stopping_ = false;
    Stats stats_;
    std::thread thread_;
};

}  // namespace agentdesk::server::cluster
