#include "server/auth/session_upkeep.h"

#include <map>
#include <memory>

#include <nlohmann/json.hpp>

#include "common/logging.h"
#include "server/store/crm_store.h"

namespace agentdesk::server {

SessionPersistence sessionPersistence(StorePool& pool, OrderedWrites& writes) {
    SessionPersistence p;
    p.write = [&writes](std::string what, SessionPersistence::Write write,
                        std::function<void(bool)> done) {
        writes.push(
            std::move(what), [write = std::move(write)](CrmStore& s) { write(s); },
            std::move(done));
    };
    // On SQLite at once on the serving connection (as every write), so a session just saved is
    // found; on PostgreSQL on a pool thread.
    p.read = [&pool](SessionPersistence::Read read, std::function<void(bool)> done) {
        pool.write(
            [read = std::move(read)](const StorePool::Stores& s) {
                read(s.crm, s.crm);
                return nlohmann::json();
            },
            [done = std::move(done)](StorePool::Result result) {
                if (result.error)
                    logging::get("auth")->error(
                        "reading the stored sessions and accounts failed: {}",
                        StorePool::describe(result.error));
                done(!result.error);
            });
    };
    return p;
}

void SessionUpkeep::tick() {
    const auto now = std::chrono::steady_clock::now();
    if (now < next_ || out_)
        return;
    next_ = now + kCheckEvery;
    out_ = true;
    struct Listed {
        std::vector<User> users;
        std::vector<std::string> sessionHashes;
    };
    auto listed = std::make_shared<Listed>();
    pool_.write(
        [listed](const StorePool::Stores& s) {
            listed->users = s.crm.users();
            listed->sessionHashes = s.crm.sessionHashes();
            return nlohmann::json();
        },
        [this, listed, mark = sessions_.storeMark()](StorePool::Result result) {
            out_ = false;
            if (result.error) {
                // Nobody is logged out because the database is away; asked again in 2 s.
                logging::get("auth")->error("checking users and sessions failed: {}",
                                            StorePool::describe(result.error));
                return;
            }
            endChangedUsers(listed->users);
            for (const auto& ended : sessions_.endUnstored(listed->sessionHashes, mark)) {
                logging::get("auth")->warn("{}: session ended in the database; it ends here too",
                                           ended.user.username);
                ended_(ended);
            }
        });
}

void SessionUpkeep::endChangedUsers(const std::vector<User>& users) {
    std::map<std::string, const User*> byId;
    for (const User& u : users)
        byId[u.id] = &u;
    for (const auto& s : sessions_.oneOfEachUser()) {
        auto found = byId.find(s.user.id);
        const User* stored = found == byId.end() ? nullptr : found->second;
        if (stored && !stored->disabled && stored->role == s.user.role)
            continue;
        logging::get("auth")->warn("{}: {}; their sessions end", s.user.username,
                                   !stored            ? "user removed"
                                   : stored->disabled ? "account disabled"
                                                      : "role changed");
        for (const auto& ended : sessions_.revokeUser(s.user.id))
            ended_(ended);
    }
}

}  // namespace agentdesk::server
