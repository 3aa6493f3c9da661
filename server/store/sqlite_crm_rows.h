#pragma once
// Row and JSON helpers shared by the SqliteCrmStore source files (not part of any interface).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/time_util.h"
#include "server/domain.h"

namespace agentdesk::server::sqlite_rows {

using nlohmann::json;

inline std::string msToRfc(std::int64_t ms) {
    return toRfc3339(TimePoint(std::chrono::milliseconds(ms)));
}

inline std::int64_t rfcToMs(const json& value) {
    if (!value.is_string())
        return 0;
    auto t = parseRfc3339(value.get<std::string>());
    return t ? toUnixMs(*t) : 0;
}

inline std::string str(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline bool flag(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it != obj.end() && it->is_boolean() && it->get<bool>();
}

inline json nullable(const std::optional<std::string>& value) {
    return value ? json(*value) : json(nullptr);
}

}  // namespace agentdesk::server::sqlite_rows
