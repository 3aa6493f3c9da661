#pragma once
// The server's side of stored sessions (auth/session_manager.h): where their rows are written
// and looked up, and the check every 2 s for accounts an administrator changed and sessions
// ended in the database (agentdesk-server set-user, end-sessions, a new password), possibly
// from another process or node.
//
// Both go through the store pool (store/store_pool.h): on PostgreSQL never on the I/O thread.
// Writes go in order with the ACD's (OrderedWrites), so a session's row is never deleted
// before it was saved.
//
// Threads: I/O thread.
#include <chrono>
#include <functional>

#include "server/auth/session_manager.h"
#include "server/store/ordered_writes.h"
#include "server/store/store_pool.h"

namespace agentdesk::server {

SessionPersistence sessionPersistence(StorePool& pool, OrderedWrites& writes);

class SessionUpkeep {
public:
    static constexpr std::chrono::seconds kCheckEvery{2};

    // `ended`: a session this check ended (its streams close, its agent leaves the ACD).
    SessionUpkeep(SessionManager& sessions, StorePool& pool,
                  std::function<void(const AuthSession&)> ended)
        : sessions_(sessions), pool_(pool), ended_(std::move(ended)) {}

    // On every tick: asks the store when kCheckEvery has passed and no check is out, and ends
    // what the answer says has ended.
    void tick();

private:
    void endChangedUsers(const std::vector<User>& users);

    SessionManager& sessions_;
    StorePool& pool_;
    std::function<void(const AuthSession&)> ended_;
    std::chrono::steady_clock::time_point next_{};
    bool out_ = false;
};

}  // namespace agentdesk::server
