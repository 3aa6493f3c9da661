#include "server/auth/session_manager.h"

#include <set>

#include "common/logging.h"
#include "server/auth/password_hash.h"

namespace agentdesk::server {

const AuthSession& SessionManager::create(const User& user) {
    const TimePoint now = clock_.now();
    Entry entry{AuthSession{randomToken(), user, now + lifetime_, now}, {}, now};
    entry.session.user.passwordHash.clear();
    if (persistence_.store) {
        entry.hash = tokenHash(entry.session.token);
        persistence_.store->saveSession(
            {entry.hash, user.id, user.role, entry.session.expiresAt, now});
    }
    auto [it, inserted] = sessions_.emplace(entry.session.token, std::move(entry));
    return it->second.session;
}

bool SessionManager::ended(const AuthSession& s, TimePoint now) const {
    if (now >= s.expiresAt)
        return true;
    if (idleTimeout_.count() > 0 && now - s.lastSeen >= idleTimeout_)
        return !(streaming_ && streaming_(s.token));
    return false;
}

void SessionManager::used(Entry& entry, TimePoint now) {
    entry.session.lastSeen = now;
    if (persistence_.store && now - entry.storedSeen >= kTouchEvery) {
        persistence_.store->touchSession(entry.hash, now);
        entry.storedSeen = now;
    }
}

void SessionManager::forget(const Entry& entry) {
    if (persistence_.store)
        persistence_.store->deleteSession(entry.hash);
}

std::optional<AuthSession> SessionManager::restore(const std::string& token, TimePoint now) {
    if (!persistence_.store || !persistence_.userById)
        return std::nullopt;
    const std::string hash = tokenHash(token);
    const auto stored = persistence_.store->sessionByTokenHash(hash);
    if (!stored)
        return std::nullopt;
    const auto user = persistence_.userById(stored->userId);
    AuthSession session{token, user ? *user : User{}, stored->expiresAt, stored->lastSeen};
    // Idle as stored: a desktop that kept its stream open had its last use written meanwhile.
    const bool valid = user && !user->disabled && user->role == stored->role &&
                       now < stored->expiresAt &&
                       !(idleTimeout_.count() > 0 && now - stored->lastSeen >= idleTimeout_);
    if (!valid) {
        persistence_.store->deleteSession(hash);
        return std::nullopt;
    }
    session.user.passwordHash.clear();
    session.lastSeen = now;
    Entry entry{session, hash, stored->lastSeen};
    auto [it, inserted] = sessions_.emplace(token, std::move(entry));
    used(it->second, now);
    logging::get("auth")->info("{}'s session restored from the database", session.user.username);
    if (persistence_.restored)
        persistence_.restored(it->second.session);
    return it->second.session;
}

std::optional<AuthSession> SessionManager::find(const std::string& token) {
    const TimePoint now = clock_.now();
    auto it = sessions_.find(token);
    if (it == sessions_.end())
        return restore(token, now);
    if (ended(it->second.session, now))
        return std::nullopt;  // purgeEnded() closes it properly
    used(it->second, now);
    return it->second.session;
}

void SessionManager::remove(const std::string& token) {
    auto it = sessions_.find(token);
    if (it != sessions_.end()) {
        forget(it->second);
        sessions_.erase(it);
    } else if (persistence_.store) {
        persistence_.store->deleteSession(tokenHash(token));
    }
}

std::vector<AuthSession> SessionManager::purgeEnded() {
    std::vector<AuthSession> out;
    const TimePoint now = clock_.now();
    for (auto it = sessions_.begin(); it != sessions_.end();) {
        Entry& entry = it->second;
        if (ended(entry.session, now)) {
            out.push_back(entry.session);
            forget(entry);
            it = sessions_.erase(it);
            continue;
        }
        // A desktop with its stream open is using its session (after a restart too).
        if (streaming_ && streaming_(entry.session.token))
            used(entry, now);
        ++it;
    }
    // Sessions nobody came back for (this process never saw them, or they ended while the
    // server was down): forgotten once they have expired.
    if (persistence_.store && now >= nextStorePurge_) {
        persistence_.store->deleteExpiredSessions(now);
        nextStorePurge_ = now + kTouchEvery;
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
    if (persistence_.store)
        persistence_.store->deleteSessionsOfUser(userId);
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
