#include "server/auth/login_throttle.h"

#include <algorithm>

namespace agentdesk::server {

namespace {

// Failures older than this with no lockout running are forgotten.
constexpr std::chrono::hours kMemory{24};

std::optional<std::chrono::seconds> remaining(TimePoint until, TimePoint now) {
    if (until <= now)
        return std::nullopt;
    return std::chrono::ceil<std::chrono::seconds>(until - now);
}

}  // namespace

std::optional<std::chrono::seconds> LoginThrottle::locked(const std::string& username,
                                                          const std::string& address,
                                                          TimePoint now) const {
    std::optional<std::chrono::seconds> longest;
    if (auto it = users_.find(username); it != users_.end())
        longest = remaining(it->second.lockedUntil, now);
    if (auto it = addresses_.find(address); it != addresses_.end()) {
        if (auto r = remaining(it->second.lockedUntil, now); r && (!longest || *r > *longest))
            longest = r;
    }
    return longest;
}

void LoginThrottle::bump(Count& c, int threshold, TimePoint now) {
    ++c.failures;
    c.last = now;
    if (c.failures < threshold)
        return;
    // 30 s at the threshold, doubling with each failure after it, at most 15 minutes.
    const int doublings = std::min(c.failures - threshold, 10);
    const auto lockout =
        std::min<std::chrono::seconds>(kFirstLockout * (1 << doublings), kMaxLockout);
    c.lockedUntil = now + lockout;
}

void LoginThrottle::failed(const std::string& username, const std::string& address, TimePoint now) {
    forgetOld(now);
    bump(users_[username], kUserThreshold, now);
    bump(addresses_[address], kAddressThreshold, now);
}

void LoginThrottle::succeeded(const std::string& username) {
    users_.erase(username);
}

void LoginThrottle::forgetOld(TimePoint now) {
    for (auto* table : {&users_, &addresses_}) {
        for (auto it = table->begin(); it != table->end();) {
            const bool old = std::max(it->second.last, it->second.lockedUntil) + kMemory < now;
            it = old ? table->erase(it) : std::next(it);
        }
    }
}

std::vector<LoginThrottle::Entry> LoginThrottle::lockouts(TimePoint now) const {
    std::vector<Entry> out;
    for (const auto& [key, c] : users_) {
        if (c.lockedUntil > now)
            out.push_back({Kind::User, key, c.failures, c.lockedUntil});
    }
    for (const auto& [key, c] : addresses_) {
        if (c.lockedUntil > now)
            out.push_back({Kind::Address, key, c.failures, c.lockedUntil});
    }
    return out;
}

bool LoginThrottle::clear(Kind kind, const std::string& key) {
    return (kind == Kind::User ? users_ : addresses_).erase(key) > 0;
}

}  // namespace agentdesk::server
