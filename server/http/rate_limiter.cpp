#include "server/http/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace agentdesk::server::http {

bool RateLimiter::take(const std::string& key, TimePoint now, std::chrono::seconds* retryAfter) {
    const double perMs = 1.0 / static_cast<double>(refill_.count());
    if (++takes_ % 4096 == 0) {
        for (auto it = buckets_.begin(); it != buckets_.end();) {
            const double ms =
                std::chrono::duration<double, std::milli>(now - it->second.at).count();
            it = it->second.tokens + ms * perMs >= burst_ ? buckets_.erase(it) : std::next(it);
        }
    }
    auto [it, fresh] = buckets_.try_emplace(key, Bucket{static_cast<double>(burst_), now});
    Bucket& b = it->second;
    if (!fresh && now > b.at) {
        const double ms = std::chrono::duration<double, std::milli>(now - b.at).count();
        b.tokens = std::min<double>(burst_, b.tokens + ms * perMs);
        b.at = now;
    }
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return true;
    }
    if (retryAfter) {
        const double waitMs = (1.0 - b.tokens) / perMs;
        *retryAfter = std::chrono::seconds(static_cast<long long>(std::ceil(waitMs / 1000.0)));
    }
    return false;
}

}  // namespace agentdesk::server::http
