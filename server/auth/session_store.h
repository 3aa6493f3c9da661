#pragma once
// Where sessions outlive the server process: a restart (or, later, another node) finds a token
// again, so 200 counselors are not logged out at once. Only the token's hash is kept, with the
// user, the role it was issued for, its expiry and when it was last used.
#include <optional>
#include <string>
#include <vector>

#include "server/clock.h"
#include "server/domain.h"

namespace agentdesk::server {

struct StoredSession {
    std::string tokenHash;  // tokenHash(token), never the token
    std::string userId;
    Role role = Role::Counselor;
    TimePoint expiresAt;
    TimePoint lastSeen;
};

class SessionStore {
public:
    virtual ~SessionStore() = default;
    virtual void saveSession(const StoredSession& session) = 0;
    virtual std::optional<StoredSession> sessionByTokenHash(const std::string& tokenHash) = 0;
    virtual void touchSession(const std::string& tokenHash, TimePoint lastSeen) = 0;
    virtual void deleteSession(const std::string& tokenHash) = 0;
    virtual void deleteSessionsOfUser(const std::string& userId) = 0;
    // Forgets sessions that expired before `now`; returns how many.
    virtual int deleteExpiredSessions(TimePoint now) = 0;
    // Forgets every session (agentdesk-server end-sessions); returns how many.
    virtual int deleteAllSessions() = 0;
    // The hashes of every stored session (a running server ends the ones gone from here).
    virtual std::vector<std::string> sessionHashes() = 0;
    // Every stored session: a node that takes over the ACD logs their agents back in.
    virtual std::vector<StoredSession> storedSessions() = 0;
};

}  // namespace agentdesk::server
