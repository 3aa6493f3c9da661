#pragma once
// Login failures per username and per client address, with exponential lockouts: after
// `kUserThreshold` failures in a row for a username (or `kAddressThreshold` from one address),
// logins for it are refused for 30 s, then twice as long after every further failure, at most
// 15 minutes. A success clears the username's count. Team leads can list lockouts and clear
// them (a counselor who mistyped and must take calls now).
//
// Threads: I/O thread only.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/time_util.h"

namespace agentdesk::server {

class LoginThrottle {
public:
    static constexpr int kUserThreshold = 5;
    static constexpr int kAddressThreshold = 20;
    static constexpr std::chrono::seconds kFirstLockout{30};
    static constexpr std::chrono::seconds kMaxLockout{15 * 60};

    enum class Kind { User, Address };
    struct Entry {
        Kind kind;
        std::string key;  // username or address
        int failures = 0;
        TimePoint lockedUntil{};  // in the past: not locked
    };

    // When the username or the address is locked: how long until it is not.
    std::optional<std::chrono::seconds> locked(const std::string& username,
                                               const std::string& address, TimePoint now) const;
    void failed(const std::string& username, const std::string& address, TimePoint now);
    void succeeded(const std::string& username);

    // Entries with a lockout still running, users first.
    std::vector<Entry> lockouts(TimePoint now) const;
    // Clears one username's or address's failures; false when it had none.
    bool clear(Kind kind, const std::string& key);

private:
    struct Count {
        int failures = 0;
        TimePoint last{};  // the latest failure
        TimePoint lockedUntil{};
    };
    static void bump(Count& c, int threshold, TimePoint now);
    void forgetOld(TimePoint now);

    std::map<std::string, Count> users_;
    std::map<std::string, Count> addresses_;
};

}  // namespace agentdesk::server
