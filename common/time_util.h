#pragma once
// RFC 3339 UTC timestamps (docs/api.md 1.5, "Times are RFC 3339 UTC strings").
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace agentdesk {

using TimePoint = std::chrono::system_clock::time_point;

// "2026-11-23T15:54:57Z"; with millis "2026-11-23T15:54:57.123Z".
std::string toRfc3339(TimePoint t, bool millis = false);

// Accepts "YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)". nullopt on anything else.
std::optional<TimePoint> parseRfc3339(std::string_view text);

// Unix milliseconds.
long long toUnixMs(TimePoint t);

}  // namespace agentdesk
