#pragma once
// Bearer tokens: issued at login; they end at logout, after a fixed lifetime, after an idle
// time without requests and without an open event stream (0: no idle limit), or when the user's
// role changed or the account was disabled (revokeUser). A token that has run out is refused at
// once by find(), but stays until purgeEnded() hands it to the server, which closes its streams
// and logs the agent out: looking a token up cannot dodge that.
//
// Threads: I/O thread only.
#include <chrono>
#include <functional>
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
    TimePoint lastSeen;  // the last request made with it
};

class SessionManager {
public:
    // streaming(token): the token has an open event stream (a desktop that is up but quiet is
    // not idle).
    SessionManager(const Clock& clock, std::chrono::seconds lifetime,
                   std::chrono::seconds idleTimeout = std::chrono::seconds(0),
                   std::function<bool(const std::string& token)> streaming = {})
        : clock_(clock),
          lifetime_(lifetime),
          idleTimeout_(idleTimeout),
          streaming_(std::move(streaming)) {}

    const AuthSession& create(const User& user);
    // The live session of the token (and it counts as used now); nullopt when unknown, expired
    // or idle.
    std::optional<AuthSession> find(const std::string& token);
    void remove(const std::string& token);
    int sessionsOf(const std::string& userId) const;  // live ones
    // Forgets sessions that expired or went idle and returns them (their streams must close,
    // their agents be logged out).
    std::vector<AuthSession> purgeEnded();
    // Ends every session of the user and returns them (same duty as above).
    std::vector<AuthSession> revokeUser(const std::string& userId);
    // One session of each user with a session, for comparing against the stored user.
    std::vector<AuthSession> oneOfEachUser() const;

private:
    bool ended(const AuthSession& s, TimePoint now) const;

    const Clock& clock_;
    std::chrono::seconds lifetime_;
    std::chrono::seconds idleTimeout_;
    std::function<bool(const std::string&)> streaming_;
    std::unordered_map<std::string, AuthSession> sessions_;
};

}  // namespace agentdesk::server
