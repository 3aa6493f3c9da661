#include "server/auth/session_manager.h"

#include <cctype>
#include <set>

#include "common/logging.h"
#include "server/auth/password_hash.h"

namespace agentdesk::server {

namespace {

// What randomToken() makes: 64 hex digits. Anything else is not looked up in the database.
bool wellFormed(const std::string& token) {
    if (token.size() != 64)
        return false;
    for (unsigned char c : token) {
        if (!std::isxdigit(c))
            return false;
    }
    return true;
}

}  // namespace

bool SessionManager::tryStore(const char* what, const std::function<void(SessionStore&)>& action) {
    if (!persistence_.store)
        return false;
    try {
        action(*persistence_.store);
        return true;
    } catch (const std::exception& e) {
        // The session goes on in memory; a restart may then log its user out (or, for a
        // failed delete, the row is deleted on a later tick).
        logging::get("auth")->error("session store: {} failed: {}", what, e.what());
        return false;
    }
}

const AuthSession& SessionManager::create(const User& user) {
    const TimePoint now = clock_.now();
    Entry entry{AuthSession{randomToken(), user, now + lifetime_, now}, {}, now};
    entry.session.user.passwordHash.clear();
    if (persistence_.store)
        entry.hash = tokenHash(entry.session.token);
    auto [it, inserted] = sessions_.emplace(entry.session.token, std::move(entry));
    Entry& e = it->second;
    e.stored = tryStore("save", [&](SessionStore& store) {
        store.saveSession({e.hash, user.id, user.role, e.session.expiresAt, now});
    });
    return e.session;
}

bool SessionManager::ended(const AuthSession& s, TimePoint now) const {
    if (now >= s.expiresAt)
        return true;
    if (idleTimeout_.count() > 0 && now - s.lastSeen >= idleTimeout_)
        return !(streaming_ && streaming_(s.token));
    return false;
}

bool SessionManager::liveAsStored(const StoredSession& s, TimePoint now,
                                  std::chrono::seconds idleTimeout) {
    const bool idle =
        idleTimeout.count() > 0 && now - s.lastSeen >= idleTimeout + kTouchEvery + kTouchEvery;
    return now < s.expiresAt && !idle;
}

bool SessionManager::endedEverywhere(Entry& entry, TimePoint now) {
    if (!ended(entry.session, now))
        return false;
    if (!persistence_.store || !entry.stored || now >= entry.session.expiresAt)
        return true;
    if (now < entry.nextStoreCheck)
        return false;  // asked a moment ago; a store that is away is not asked on every tick
    entry.nextStoreCheck = now + std::chrono::seconds(5);
    std::optional<StoredSession> stored;
    if (!tryStore("lookup",
                  [&](SessionStore& store) { stored = store.sessionByTokenHash(entry.hash); }))
        return false;  // cannot tell now: nobody is logged out because the database is away
    if (!stored)
        return true;
    if (stored->lastSeen > entry.session.lastSeen) {
        entry.session.lastSeen = stored->lastSeen;
        entry.storedSeen = stored->lastSeen;
    }
    // The rule a restore goes by: the last use another node wrote may be up to kTouchEvery old.
    return !liveAsStored(*stored, now, idleTimeout_);
}

void SessionManager::used(Entry& entry, TimePoint now) {
    entry.session.lastSeen = now;
    if (persistence_.store && now - entry.storedSeen >= kTouchEvery) {
        entry.storedSeen = now;  // tried once per interval, written or not
        tryStore("touch", [&](SessionStore& store) { store.touchSession(entry.hash, now); });
    }
}

void SessionManager::forgetStored(const std::string& hash) {
    if (persistence_.store &&
        !tryStore("delete", [&](SessionStore& store) { store.deleteSession(hash); }))
        pendingDeletes_.insert(hash);  // tried again on every purgeEnded()
}

std::optional<AuthSession> SessionManager::restore(const std::string& token, TimePoint now) {
    if (!persistence_.store || !persistence_.userById || !wellFormed(token))
        return std::nullopt;
    const std::string hash = tokenHash(token);
    if (pendingDeletes_.count(hash))
        return std::nullopt;  // ended here; its row is not deleted yet
    std::optional<StoredSession> stored;
    tryStore("lookup", [&](SessionStore& store) { stored = store.sessionByTokenHash(hash); });
    if (!stored)
        return std::nullopt;
    const auto user = persistence_.userById(stored->userId);
    // Idle as stored. The stored last use may be up to kTouchEvery (and a tick) older than the
    // real one; a desktop that kept its stream open had it written meanwhile.
    const bool valid = user && !user->disabled && user->role == stored->role &&
                       liveAsStored(*stored, now, idleTimeout_);
    if (!valid) {
        forgetStored(hash);
        return std::nullopt;
    }
    AuthSession session{token, *user, stored->expiresAt, now};
    session.user.passwordHash.clear();
    auto [it, inserted] = sessions_.emplace(token, Entry{session, hash, stored->lastSeen, true});
    logging::get("auth")->info("{}'s session restored from the database", session.user.username);
    if (persistence_.restored)
        persistence_.restored(it->second.session);
    used(it->second, now);
    return it->second.session;
}

std::optional<AuthSession> SessionManager::find(const std::string& token) {
    const TimePoint now = clock_.now();
    auto it = sessions_.find(token);
    if (it == sessions_.end())
        return restore(token, now);
    if (endedEverywhere(it->second, now))
        return std::nullopt;  // purgeEnded() closes it properly
    used(it->second, now);
    return it->second.session;
}

void SessionManager::remove(const std::string& token) {
    auto it = sessions_.find(token);
    std::string hash;
    if (it != sessions_.end()) {
        hash = it->second.hash;
        sessions_.erase(it);
    } else if (persistence_.store && wellFormed(token)) {
        hash = tokenHash(token);
    }
    if (!hash.empty())
        forgetStored(hash);
}

std::vector<AuthSession> SessionManager::purgeEnded() {
    std::vector<AuthSession> out;
    std::vector<std::string> endedHashes;  // their rows, deleted once memory is done with
    const TimePoint now = clock_.now();
    for (auto it = sessions_.begin(); it != sessions_.end();) {
        Entry& entry = it->second;
        if (endedEverywhere(entry, now)) {
            out.push_back(entry.session);
            endedHashes.push_back(entry.hash);
            it = sessions_.erase(it);
            continue;
        }
        // A desktop with its stream open is using its session (after a restart too).
        if (streaming_ && streaming_(entry.session.token))
            used(entry, now);
        ++it;
    }
    if (persistence_.store) {
        auto retry = std::move(pendingDeletes_);
        pendingDeletes_.clear();
        for (const std::string& hash : retry)
            forgetStored(hash);
        for (const std::string& hash : endedHashes)
            forgetStored(hash);
        // Sessions nobody came back for (this process never saw them, or they ended while the
        // server was down): forgotten once they have expired.
        if (now >= nextStorePurge_) {
            nextStorePurge_ = now + kTouchEvery;
            tryStore("purge", [&](SessionStore& store) { store.deleteExpiredSessions(now); });
        }
    }
    return out;
}

std::vector<AuthSession> SessionManager::revokeUser(const std::string& userId) {
    std::vector<AuthSession> out;
    for (auto it = sessions_.begin(); it != sessions_.end();) {
        if (it->second.session.user.id == userId) {
            out.push_back(it->second.session);
            it = sessions_.erase(it);
        } else {
            ++it;
        }
    }
    if (persistence_.store && !tryStore("delete the user's", [&](SessionStore& store) {
            store.deleteSessionsOfUser(userId);
        })) {
        for (const AuthSession& s : out)
            pendingDeletes_.insert(tokenHash(s.token));
    }
    return out;
}

std::vector<AuthSession> SessionManager::endUnstored() {
    std::vector<AuthSession> out;
    std::vector<std::string> hashes;
    if (!tryStore("list", [&](SessionStore& store) { hashes = store.sessionHashes(); }))
        return out;
    const std::set<std::string> present(hashes.begin(), hashes.end());
    for (auto it = sessions_.begin(); it != sessions_.end();) {
        if (it->second.stored && !present.count(it->second.hash)) {
            out.push_back(it->second.session);
            it = sessions_.erase(it);
        } else {
            ++it;
        }
    }
    return out;
}

std::vector<AuthSession> SessionManager::oneOfEachUser() const {
    std::vector<AuthSession> out;
    std::set<std::string> seen;
    for (const auto& [token, entry] : sessions_) {
        if (seen.insert(entry.session.user.id).second)
            out.push_back(entry.session);
    }
    return out;
}

int SessionManager::sessionsOf(const std::string& userId) const {
    int n = 0;
    const TimePoint now = clock_.now();
    for (const auto& [token, entry] : sessions_) {
        if (entry.session.user.id == userId && !ended(entry.session, now))
            ++n;
    }
    return n;
}

}  // namespace agentdesk::server
