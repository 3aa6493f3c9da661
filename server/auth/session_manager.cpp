#include "server/auth/session_manager.h"

#include <set>

#include "server/auth/password_hash.h"

namespace agentdesk::server {

const AuthSession& SessionManager::create(const User& user) {
    const TimePoint now = clock_.now();
    AuthSession session{randomToken(), user, now + lifetime_, now};
    session.user.passwordHash.clear();
    auto [it, inserted] = sessions_.emplace(session.token, std::move(session));
    return it->second;
}

bool SessionManager::ended(const AuthSession& s, TimePoint now) const {
    if (now >= s.expiresAt)
        return true;
    if (idleTimeout_.count() > 0 && now - s.lastSeen >= idleTimeout_)
        return !(streaming_ && streaming_(s.token));
    return false;
}

std::optional<AuthSession> SessionManager::find(const std::string& token) {
    auto it = sessions_.find(token);
    if (it == sessions_.end())
        return std::nullopt;
    const TimePoint now = clock_.now();
    if (ended(it->second, now))
        return std::nullopt;  // purgeEnded() closes it properly
    it->second.lastSeen = now;
    return it->second;
}

void SessionManager::remove(const std::string& token) {
    sessions_.erase(token);
}

std::vector<AuthSession> SessionManager::purgeEnded() {
    std::vector<AuthSession> out;
    const TimePoint now = clock_.now();
    for (auto it = sessions_.begin(); it != sessions_.end();) {
        if (ended(it->second, now)) {
            out.push_back(it->second);
            it = sessions_.erase(it);
        } else {
            ++it;
        }
    }
    return out;
}

std::vector<AuthSession> SessionManager::revokeUser(const std::string& userId) {
    std::vector<AuthSession> out;
    for (auto it = sessions_.begin(); it != sessions_.end();) {
        if (it->second.user.id == userId) {
            out.push_back(it->second);
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
    for (const auto& [token, s] : sessions_) {
        if (seen.insert(s.user.id).second)
            out.push_back(s);
    }
    return out;
}

int SessionManager::sessionsOf(const std::string& userId) const {
    int n = 0;
    const TimePoint now = clock_.now();
    for (const auto& [token, s] : sessions_) {
        if (s.user.id == userId && !ended(s, now))
            ++n;
    }
    return n;
}

}  // namespace agentdesk::server
