#pragma once
// Bearer tokens: issued at login, expire after a fixed lifetime on the server's clock.
//
// Threads: I/O thread only.
#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/clock.h"
#include "server/domain.h"

namespace agentdesk::server {

struct AuthSession {
    std::string token;
    User user;
    TimePoint expiresAt;
};

class SessionManager {
public:
    SessionManager(const Clock& clock, std::chrono::seconds lifetime)
        : clock_(clock), lifetime_(lifetime) {}

    const AuthSession& create(const User& user);
    // nullopt when unknown or expired (expired tokens are forgotten).
    std::optional<AuthSession> find(const std::string& token);
    void remove(const std::string& token);
    int sessionsOf(const std::string& userId) const;
    // Forgets expired sessions and returns them (their event streams must close).
    std::vector<AuthSession> purgeExpired();

private:
    const Clock& clock_;
    std::chrono::seconds lifetime_;
    std::unordered_map<std::string, AuthSession> sessions_;
};

}  // namespace agentdesk::server
