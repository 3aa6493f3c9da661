#pragma once
// Column values both CRM store engines read the same way (not part of any interface).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/time_util.h"
#include "server/store/crm_records.h"

namespace agentdesk::server::store_rows {

// A text column that may be NULL, as JSON (the import's stored fields).
inline nlohmann::json nullable(const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

inline TimePoint fromMs(std::int64_t ms) {
    return TimePoint(std::chrono::milliseconds(ms));
}

// The consents column holds a JSON object of booleans; anything else reads as none given.
inline Consents consentsFromText(const std::string& text) {
    Consents out;
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    if (!parsed.is_object())
        return out;
    for (const auto& [name, given] : parsed.items()) {
        if (given.is_boolean())
            out[name] = given.get<bool>();
    }
    return out;
}

// A text searched for as a part of a value: LIKE's wildcards and the escape character taken
// literally (the queries say ESCAPE '\').
inline std::string escapeLike(const std::string& text) {
    std::string escaped;
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            escaped.push_back('\\');
        escaped.push_back(c);
    }
    return escaped;
}

// The customers columns a change sets, with their new values as text (nullopt: NULL; a flag as
// "1" or "0", which both engines take for their boolean or integer column). Consents and phones
// are not columns of their own: each engine merges and replaces them.
inline std::vector<std::pair<const char*, std::optional<std::string>>> changedColumns(
    const CustomerChange& change) {
    std::vector<std::pair<const char*, std::optional<std::string>>> out;
    auto text = [&](const char* column, const std::optional<std::string>& value) {
        if (value)
            out.emplace_back(column, *value);
    };
    auto clearable = [&](const char* column,
                         const std::optional<std::optional<std::string>>& value) {
        if (value)
            out.emplace_back(column, *value);
    };
    text("name", change.name);
    clearable("name_en", change.nameEn);
    clearable("email", change.email);
    clearable("birth_date", change.birthDate);
    clearable("gender", change.gender);
    text("grade", change.grade);
    clearable("address", change.address);
    text("preferred_lang", change.preferredLang);
    if (change.vip)
        out.emplace_back("vip", *change.vip ? "1" : "0");
    return out;
}

}  // namespace agentdesk::server::store_rows
