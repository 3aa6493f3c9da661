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

const AuthSession& SessionManager::create(const User& user,
                                          std::function<void(bool written)> stored) {
    const TimePoint now = clock_.now();
    Entry entry{AuthSession{randomToken(), user, now + lifetime_, now}, {}, now};
    entry.session.user.passwordHash.clear();
    auto [it, inserted] = sessions_.emplace(entry.session.token, std::move(entry));
    Entry& e = it->second;
    if (persistent()) {
        e.hash = tokenHash(e.session.token);
        persistence_.write(
            "session of " + user.id,
            [row = StoredSession{e.hash, user.id, user.role, e.session.expiresAt, now}](
                SessionStore& store) { store.saveSession(row); },
            [this, token = e.session.token, stored = std::move(stored)](bool written) {
                auto found = sessions_.find(token);
                if (written && found != sessions_.end())
                    markStored(found->second);
                if (stored)
                    stored(written);
            });
    } else if (stored) {
        stored(false);
    }
    return e.session;
}

void SessionManager::markStored(Entry& entry) {
    entry.stored = true;
    entry.storedAt = ++storedCount_;
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
    if (!persistent() || !entry.stored || now >= entry.session.expiresAt || entry.goneFromStore)
        return true;
    if (now >= entry.nextStoreCheck && !entry.checking)
        checkStored(entry.session.token, [](bool) {});
    return false;  // until the store answers: nobody is logged out because it is slow or away
}

void SessionManager::checkStored(const std::string& token, std::function<void(bool ok)> then) {
    auto it = sessions_.find(token);
    if (it == sessions_.end())
        return then(true);
    Entry& entry = it->second;
    entry.checking = true;
    entry.nextStoreCheck = clock_.now() + std::chrono::seconds(5);
    auto stored = std::make_shared<std::optional<StoredSession>>();
    persistence_.read(
        [stored, hash = entry.hash](SessionStore& store, UserStore&) {
            *stored = store.sessionByTokenHash(hash);
        },
        [this, stored, token, then = std::move(then)](bool ok) {
            auto found = sessions_.find(token);
            if (found != sessions_.end()) {
                Entry& e = found->second;
                e.checking = false;
                if (ok && !*stored) {
                    e.goneFromStore = true;
                } else if (ok) {
                    if ((*stored)->lastSeen > e.session.lastSeen) {
                        e.session.lastSeen = (*stored)->lastSeen;
                        e.storedSeen = (*stored)->lastSeen;
                    }
                    // The rule a restore goes by: the last use another node wrote may be up
                    // to kTouchEvery old.
                    e.goneFromStore = !liveAsStored(**stored, clock_.now(), idleTimeout_);
                    if (!e.goneFromStore)
                        e.liveAsStoredUntil = e.nextStoreCheck;
                }
            }
            then(ok);
        });
}

void SessionManager::used(Entry& entry, TimePoint now) {
    entry.session.lastSeen = now;
    if (persistent() && entry.stored && now - entry.storedSeen >= kTouchEvery) {
        entry.storedSeen = now;  // tried once per interval, written or not
        persistence_.write(
            "last use of a session of " + entry.session.user.id,
            [hash = entry.hash, now](SessionStore& store) { store.touchSession(hash, now); }, {});
    }
}

void SessionManager::forgetStored(const std::string& hash) {
    if (!persistent())
        return;
    pendingDeletes_[hash] = true;
    persistence_.write(
        "end of a session", [hash](SessionStore& store) { store.deleteSession(hash); },
        [this, hash](bool written) {
            if (written)
                pendingDeletes_.erase(hash);
            else
                pendingDeletes_[hash] = false;
        });
}

bool SessionManager::askStore(const std::string& token) const {
    if (!persistent())
        return false;
    auto it = sessions_.find(token);
    if (it != sessions_.end()) {
        const Entry& e = it->second;
        const TimePoint now = clock_.now();
        return ended(e.session, now) && now >= e.liveAsStoredUntil && e.stored &&
               !e.goneFromStore && now < e.session.expiresAt;
    }
    return wellFormed(token) && !pendingDeletes_.count(tokenHash(token));
}

void SessionManager::lookUp(const std::string& token, LookedUp then) {
    if (!sessions_.count(token))
        return restore(token, std::move(then));
    checkStored(token, [this, token, then = std::move(then)](bool ok) {
        auto session = find(token);
        then(session, ok || session);
    });
}

void SessionManager::restore(const std::string& token, LookedUp then) {
    if (!persistent() || !wellFormed(token))
        return then(std::nullopt, true);
    struct Found {
        std::optional<StoredSession> session;
        std::optional<User> user;
    };
    auto found = std::make_shared<Found>();
    const std::string hash = tokenHash(token);
    persistence_.read(
        [found, hash](SessionStore& store, UserStore& users) {
            found->session = store.sessionByTokenHash(hash);
            if (found->session)
                found->user = users.userById(found->session->userId);
        },
        [this, found, token, hash, then = std::move(then)](bool ok) {
            if (sessions_.count(token))  // another request brought it back meanwhile
                return then(find(token), true);
            if (!ok)
                return then(std::nullopt, false);
            if (!found->session || pendingDeletes_.count(hash))
                return then(std::nullopt, true);
            const TimePoint now = clock_.now();
            const auto& stored = *found->session;
            const auto& user = found->user;
            // Idle as stored. The stored last use may be up to kTouchEvery (and a tick) older
            // than the real one; a desktop that kept its stream open had it written meanwhile.
            const bool valid = user && !user->disabled && user->role == stored.role &&
                               liveAsStored(stored, now, idleTimeout_);
            if (!valid) {
                forgetStored(hash);
                return then(std::nullopt, true);
            }
            AuthSession session{token, *user, stored.expiresAt, now};
            session.user.passwordHash.clear();
            auto [it, inserted] =
                sessions_.emplace(token, Entry{session, hash, stored.lastSeen, false});
            markStored(it->second);
            logging::get("auth")->info("{}'s session restored from the database",
                                       session.user.username);
            if (persistence_.restored)
                persistence_.restored(it->second.session);
            used(it->second, now);
            then(it->second.session, true);
        });
}

std::optional<AuthSession> SessionManager::find(const std::string& token) {
    const TimePoint now = clock_.now();
    auto it = sessions_.find(token);
    if (it == sessions_.end())
        return std::nullopt;
    if (endedEverywhere(it->second, now))
        return std::nullopt;  // purgeEnded() closes it properly
    if (ended(it->second.session, now) && now >= it->second.liveAsStoredUntil)
        return std::nullopt;  // idle here: lookUp() asks the store whether it is in use elsewhere
    used(it->second, now);
    return it->second.session;
}

void SessionManager::remove(const std::string& token) {
    auto it = sessions_.find(token);
    std::string hash;
    if (it != sessions_.end()) {
        hash = it->second.hash;
        sessions_.erase(it);
    } else if (persistent() && wellFormed(token)) {
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
    if (persistent()) {
        std::vector<std::string> retry;
        for (const auto& [hash, inFlight] : pendingDeletes_) {
            if (!inFlight)
                retry.push_back(hash);
        }
        for (const std::string& hash : retry)
            forgetStored(hash);
        for (const std::string& hash : endedHashes)
            forgetStored(hash);
        // Sessions nobody came back for (this process never saw them, or they ended while the
        // server was down): forgotten once they have expired.
        if (now >= nextStorePurge_) {
            nextStorePurge_ = now + kTouchEvery;
            persistence_.write("expired sessions",
                               [now](SessionStore& store) { store.deleteExpiredSessions(now); },
                               {});
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
    if (!persistent())
        return out;
    std::vector<std::string> hashes;
    for (const AuthSession& s : out) {
        hashes.push_back(tokenHash(s.token));
        pendingDeletes_[hashes.back()] = true;
    }
    persistence_.write(
        "end of the sessions of " + userId,
        [userId](SessionStore& store) { store.deleteSessionsOfUser(userId); },
        [this, hashes](bool written) {
            for (const std::string& hash : hashes) {
                auto it = pendingDeletes_.find(hash);
                if (it == pendingDeletes_.end())
                    continue;
                if (written)
                    pendingDeletes_.erase(it);
                else
                    it->second = false;  // deleted one by one on the next purgeEnded()
            }
        });
    return out;
}

std::vector<AuthSession> SessionManager::endUnstored(const std::vector<std::string>& listed,
                                                     std::uint64_t mark) {
    std::vector<AuthSession> out;
    const std::set<std::string> present(listed.begin(), listed.end());
    for (auto it = sessions_.begin(); it != sessions_.end();) {
        const Entry& e = it->second;
        if (e.stored && e.storedAt <= mark && !present.count(e.hash)) {
            out.push_back(e.session);
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
