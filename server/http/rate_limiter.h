#pragma once
// A token bucket per key (a user id, an address): `burst` requests at once, then one every
// `refill`. Time comes from the caller (the server's clock), so tests can move it.
//
// Threads: not thread-safe; the routes use it on the I/O thread only.
#include <chrono>
#include <cstddef>
#include <string>
#include <unordered_map>

#include "common/time_util.h"

namespace agentdesk::server::http {

class RateLimiter {
public:
    RateLimiter(int burst, std::chrono::milliseconds refill) : burst_(burst), refill_(refill) {}

    // Takes one token for `key`; when there is none, false and how long until there is.
    bool take(const std::string& key, TimePoint now, std::chrono::seconds* retryAfter);

private:
    struct Bucket {
        double tokens = 0;
        TimePoint at{};
    };
    int burst_;
    std::chrono::milliseconds refill_;
    std::unordered_map<std::string, Bucket> buckets_;
    std::size_t takes_ = 0;  // every so often full buckets are forgotten
};

}  // namespace agentdesk::server::http
