#pragma once
// Bearer tokens: issued at login; they end at logout, after a fixed lifetime, after an idle
// time without requests and without an open event stream (0: no idle limit), or when the user's
// role changed or the account was disabled (revokeUser). A token that has run out is refused at
// once by find(), but stays until purgeEnded() hands it to the server, which closes its streams
// and logs the agent out: looking a token up cannot dodge that.
//
// With persistence, sessions outlive the process: each is stored (the token's hash, the user,
// role, expiry, last use) when it is created and forgotten when it ends. A token this process
// does not know is looked up there (restore()); it is taken back when it has not expired or
// gone idle and its user still exists, enabled, with the same role (`restored` is then told, so
// the server can put the agent back into the ACD). The last use is written at most once a
// minute per session (kTouchEvery); a session with an open event stream counts as used.
//
// The database is never asked on the I/O thread: writes go in order through `write` (the
// server's OrderedWrites: off the I/O thread on PostgreSQL, kept through an outage), lookups
// through `read`, and their answers come back on the I/O thread. A session works in memory at
// once, before its row is written. An ended session's token is refused until its row is
// deleted (a failed delete is tried again on every purgeEnded()), so no lookup can bring it
// back meanwhile.
//
// Threads: I/O thread only.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/auth/session_store.h"
#include "server/clock.h"
#include "server/domain.h"
#include "server/store/user_store.h"

namespace agentdesk::server {

struct AuthSession {
    std::string token;
    User user;
    TimePoint expiresAt;
    TimePoint lastSeen;  // the last request made with it
};

// How sessions are kept across restarts (all optional: without `write` and `read` they live in
// memory only). `done` runs on the I/O thread.
struct SessionPersistence {
    using Write = std::function<void(SessionStore&)>;
    using Read = std::function<void(SessionStore&, UserStore&)>;
    // Writes in the order they are asked; done(false) when one was not written.
    std::function<void(std::string what, Write write, std::function<void(bool written)> done)>
        write;
    // Runs a lookup; done(false) when it failed (logged).
    std::function<void(Read read, std::function<void(bool ok)> done)> read;
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

    // `stored(written)` is told once the row is written (or was not; at once without
    // persistence): a token used on another node before that is not found there.
    const AuthSession& create(const User& user, std::function<void(bool written)> stored = {});
    // The live session of the token as this process knows it (it counts as used now); nullopt
    // when unknown, ended, or when only the database can tell (lookUp() then).
    std::optional<AuthSession> find(const std::string& token);
    // True when find() said nullopt but the database may still let the token in: a token
    // another node issued (or this one before a restart), or one idle here that may be in use
    // on another node.
    bool askStore(const std::string& token) const;
    // What lookUp() found: the live session, or nullopt with `answered` false when the database
    // could not be asked (the token may be good: the caller tries again, nobody is logged out).
    using LookedUp = std::function<void(std::optional<AuthSession>, bool answered)>;
    // Asks the database about a token askStore() named, and tells `then` (on the I/O thread).
    void lookUp(const std::string& token, LookedUp then);
    void remove(const std::string& token);
    int sessionsOf(const std::string& userId) const;  // live ones
    // Forgets sessions that expired or went idle and returns them (their streams must close,
    // their agents be logged out).
    std::vector<AuthSession> purgeEnded();
    // Ends every session of the user and returns them (same duty as above).
    std::vector<AuthSession> revokeUser(const std::string& userId);
    // One session of each user with a session, for comparing against the stored user.
    std::vector<AuthSession> oneOfEachUser() const;
    // Where the stored rows stand now: pass it to endUnstored() with the hashes listed after.
    std::uint64_t storeMark() const { return storedCount_; }
    // Ends the sessions whose stored row is gone from `listed` (the hashes of every stored row,
    // listed after storeMark() said `mark`; agentdesk-server end-sessions, a new password) and
    // returns them (same duty as purgeEnded). Sessions the store had not taken by then are left
    // alone.
    std::vector<AuthSession> endUnstored(const std::vector<std::string>& listed,
                                         std::uint64_t mark);

    static constexpr std::chrono::seconds kTouchEvery{60};
    // A stored session that would be let in (restored) now: not expired, and not idle as stored
    // (its stored last use may be up to kTouchEvery and a tick older than the real one).
    static bool liveAsStored(const StoredSession& s, TimePoint now,
                             std::chrono::seconds idleTimeout);

private:
    struct Entry {
        AuthSession session;
        std::string hash;               // tokenHash(token), the store's key
        TimePoint storedSeen;           // the last use written to the store
        bool stored = false;            // the store has its row (saved, or restored from it)
        std::uint64_t storedAt = 0;     // storedCount_ when it got `stored`
        bool goneFromStore = false;     // the store said: ended everywhere (or its row is gone)
        bool checking = false;          // a lookup of its row is out
        TimePoint liveAsStoredUntil{};  // the store said it is in use elsewhere; let in until
        TimePoint nextStoreCheck{};     // endedEverywhere(): the store is not asked again before
    };

    bool ended(const AuthSession& s, TimePoint now) const;
    // ended(), but a session idle here may have been used on another node of the center (its
    // event stream is open there, or its requests went there): the stored last use decides,
    // asked in the background (checkStored()); until it answers the session is not ended.
    bool endedEverywhere(Entry& entry, TimePoint now);
    // then(ok): whether the store answered.
    void checkStored(const std::string& token, std::function<void(bool ok)> then);
    void restore(const std::string& token, LookedUp then);
    void used(Entry& entry, TimePoint now);
    void markStored(Entry& entry);
    // Deletes the stored session; the token is refused until the delete is written (tried
    // again on every purgeEnded() when it failed).
    void forgetStored(const std::string& hash);
    bool persistent() const { return persistence_.write && persistence_.read; }

    const Clock& clock_;
    std::chrono::seconds lifetime_;
    std::chrono::seconds idleTimeout_;
    std::function<bool(const std::string&)> streaming_;
    SessionPersistence persistence_;
    std::unordered_map<std::string, Entry> sessions_;
    // Hashes of ended sessions whose row is not deleted yet: true while the delete is out,
    // false when it failed (tried again on the next purgeEnded()).
    std::map<std::string, bool> pendingDeletes_;
    std::uint64_t storedCount_ = 0;
    TimePoint nextStorePurge_{};
};

}  // namespace agentdesk::server
