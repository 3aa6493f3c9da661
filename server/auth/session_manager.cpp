#include "server/auth/session_manager.h"

#include "server/auth/password_hash.h"

namespace agentdesk::server {

const AuthSession& SessionManager::create(const User& user) {
    AuthSession session{randomToken(), user, clock_.now() + lifetime_};
    session.user.passwordHash.clear();
    auto [it, inserted] = sessions_.emplace(session.token, std::move(session));
    return it->second;
}

std::optional<AuthSession> SessionManager::find(const std::string& token) {
    auto it = sessions_.find(token);
    if (it == sessions_.end())
        return std::nullopt;
    if (clock_.now() >= it->second.expiresAt) {
        sessions_.erase(it);
        return std::nullopt;
    }
    return it->second;
}

void SessionManager::remove(const std::string& token) {
    sessions_.erase(token);
}

std::vector<AuthSession> SessionManager::purgeExpired() {
    std::vector<AuthSession> expired;
    const TimePoint now = clock_.now();
    for (auto it = sessions_.begin(); it != sessions_.end();) {
        if (now >= it->second.expiresAt) {
            expired.push_back(it->second);
            it = sessions_.erase(it);
        } else {
            ++it;
        }
    }
    return expired;
}

int SessionManager::sessionsOf(const std::string& userId) const {
    int n = 0;
    for (const auto& [token, s] : sessions_) {
        if (s.user.id == userId && clock_.now() < s.expiresAt)
            ++n;
    }
    return n;
}

}  // namespace agentdesk::server
