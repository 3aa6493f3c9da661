#pragma once
// Bearer tokens: issued at login; they end at logout, after a fixed lifetime, after an idle
// time without requests and without an open event stream (0: no idle limit), or when the user's
// role changed or the account was disabled (revokeUser). A token that has run out is refused at
// once by find(), but stays until purgeEnded() hands it to the server, which closes its streams
// and logs the agent out: looking a token up cannot dodge that.
//
// With a SessionStore, sessions outlive the process: each is stored (the token's hash, the
// user, role, expiry, last use) when it is created and forgotten when it ends. A token this
// process does not know is looked up there; it is taken back when it has not expired or gone
// idle and its user still exists, enabled, with the same role (`restored` is then told, so the
// server can put the agent back into the ACD). The last use is written at most once a minute
// per session (kTouchEvery); a session with an open event stream counts as used. The store
// is best effort: a failed write is logged and the session goes on in memory; a failed delete
// is retried, and the token is refused meanwhile.
//
// Threads: I/O thread only.
#include <chrono>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/auth/session_store.h"
#include "server/clock.h"
#include "server/domain.h"

namespace agentdesk::server {

struct AuthSession {
    std::string token;
    User user;
    TimePoint expiresAt;
    TimePoint lastSeen;  // the last request made with it
};

// How sessions are kept across restarts (all optional: without a store they live in memory).
struct SessionPersistence {
    SessionStore* store = nullptr;
    std::function<std::optional<User>(const std::string& userId)> userById;
    std::function<void(const AuthSession&)> restored;
};

class SessionManager {
public:
    // streaming(token): the token has an open event stream (a desktop that is up but quiet is
    // not idle).
    SessionManager(const Clock& clock, std::chrono::seconds lifetime,
                   std::chrono::seconds idleTimeout = std::chrono::seconds(0),
                   std::function<bool(const std::string& token)> streaming = {},
                   SessionPersistence persistence = {})
        : clock_(clock),
          lifetime_(lifetime),
          idleTimeout_(idleTimeout),
          streaming_(std::move(streaming)),
          persistence_(std::move(persistence)) {}

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
    // Ends the sessions whose stored row is gone (agentdesk-server end-sessions, a new
    // password) and returns them (same duty as purgeEnded). Sessions the store never took are
    // left alone.
    std::vector<AuthSession> endUnstored();

    static constexpr std::chrono::seconds kTouchEvery{60};
    // A stored session that would be let in (restored) now: not expired, and not idle as stored
    // (its stored last use may be up to kTouchEvery and a tick older than the real one).
    static bool liveAsStored(const StoredSession& s, TimePoint now,
                             std::chrono::seconds idleTimeout);

private:
    struct Entry {
        AuthSession session;
        std::string hash;            // tokenHash(token), the store's key
        TimePoint storedSeen;        // the last use written to the store
        bool stored = false;         // the store has its row (saved, or restored from it)
        TimePoint nextStoreCheck{};  // endedEverywhere(): the store is not asked again before
    };

    bool ended(const AuthSession& s, TimePoint now) const;
    // ended(), but a session idle here may have been used on another node of the center (its
    // event stream is open there, or its requests went there): the stored last use decides.
    bool endedEverywhere(Entry& entry, TimePoint now);
    std::optional<AuthSession> restore(const std::string& token, TimePoint now);
    void used(Entry& entry, TimePoint now);
    // Deletes the stored session; when the store fails, again on every purgeEnded() (and the
    // token is refused meanwhile).
    void forgetStored(const std::string& hash);
    // Runs a store call; a failure (disk full, locked) is logged, never thrown: the session's
    // life in memory goes on as without a store.
    bool tryStore(const char* what, const std::function<void(SessionStore&)>& action);

    const Clock& clock_;
    std::chrono::seconds lifetime_;
    std::chrono::seconds idleTimeout_;
    std::function<bool(const std::string&)> streaming_;
    SessionPersistence persistence_;
    std::unordered_map<std::string, Entry> sessions_;
    std::set<std::string> pendingDeletes_;  // hashes of ended sessions whose delete failed
    TimePoint nextStorePurge_{};
};

}  // namespace agentdesk::server
