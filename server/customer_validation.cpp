#include "server/customer_validation.h"

#include <cstdio>
#include <ctime>
#include <set>

#include "common/phone.h"

namespace agentdesk::server {

using nlohmann::json;

namespace {

std::size_t utf8Length(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

bool validDate(const std::string& s) {
    int y, m, d, consumed = 0;
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%n", &y, &m, &d, &consumed) != 3 ||
        consumed != 10) {
        return false;
    }
    if (y < 1900 || m < 1 || m > 12 || d < 1)
        return false;
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d > days[m - 1])
        return false;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return false;
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char today[64];
    std::snprintf(today, sizeof today, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday);
    return s <= std::string(today);
}

bool validEmail(const std::string& s) {
    const auto at = s.find('@');
    if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos)
        return false;
    const auto dot = s.find('.', at + 2);
    if (dot == std::string::npos || dot + 1 >= s.size())
        return false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '<' || c == '>')
            return false;
    }
    return s.size() <= 120;
}

}  // namespace

Outcome validateCustomer(const json& body, bool creating, json& normalized) {
    static const std::set<std::string> known = {"name",   "nameEn",   "email",   "birthDate",
                                                "gender", "grade",    "address", "preferredLang",
                                                "vip",    "consents", "phones"};
    std::vector<FieldError> typeErrors;
    std::vector<FieldError> rules;
    normalized = json::object();
    for (auto& [key, value] : body.items()) {
        if (!known.count(key))
            rules.push_back({key, "is not a customer field"});
    }
    auto stringField = [&](const char* key, std::size_t maxLen, bool required) {
        auto it = body.find(key);
        if (it == body.end()) {
            if (required)
                rules.push_back({key, "is required"});
            return;
        }
        if (it->is_null() && !required) {
            // Only optional facts can be cleared; name, grade and language always have a value.
            const std::string k = key;
            if (k == "name" || k == "grade" || k == "preferredLang") {
                rules.push_back({key, "cannot be cleared"});
            } else {
                normalized[key] = nullptr;
            }
            return;
        }
        if (!it->is_string()) {
            typeErrors.push_back({key, "must be a string"});
            return;
        }
        std::string v = it->get<std::string>();
        while (!v.empty() && (v.back() == ' ' || v.back() == '\n'))
            v.pop_back();
        while (!v.empty() && v.front() == ' ')
            v.erase(0, 1);
        if ((required || std::string(key) == "name") && v.empty()) {
            rules.push_back({key, "must not be empty"});
            return;
        }
        if (utf8Length(v) > maxLen) {
            rules.push_back({key, "is longer than " + std::to_string(maxLen) + " characters"});
            return;
        }
        normalized[key] = v;
    };
    stringField("name", 60, creating);
    stringField("nameEn", 80, false);
    stringField("email", 120, false);
    stringField("birthDate", 10, false);
    stringField("gender", 1, false);
    stringField("grade", 10, false);
    stringField("address", 200, false);
    stringField("preferredLang", 2, false);
    if (normalized.contains("email") && normalized["email"].is_string() &&
        !normalized["email"].get<std::string>().empty() &&
        !validEmail(normalized["email"].get<std::string>())) {
        rules.push_back({"email", "is not an e-mail address"});
    }
    if (normalized.contains("birthDate") && normalized["birthDate"].is_string() &&
        !validDate(normalized["birthDate"].get<std::string>())) {
        rules.push_back({"birthDate", "must be a past date as YYYY-MM-DD"});
    }
    if (normalized.contains("gender") && normalized["gender"].is_string() &&
        normalized["gender"] != "M" && normalized["gender"] != "F") {
        rules.push_back({"gender", "must be M or F"});
    }
    if (normalized.contains("grade") && normalized["grade"].is_string()) {
        static const std::set<std::string> grades = {"VIP", "GOLD", "SILVER", "NORMAL"};
        if (!grades.count(normalized["grade"].get<std::string>())) {
            rules.push_back({"grade", "must be VIP, GOLD, SILVER or NORMAL"});
        }
    }
    if (normalized.contains("preferredLang") && normalized["preferredLang"].is_string() &&
        normalized["preferredLang"] != "ko" && normalized["preferredLang"] != "en") {
        rules.push_back({"preferredLang", "must be ko or en"});
    }
    if (auto it = body.find("vip"); it != body.end()) {
        if (!it->is_boolean()) {
            typeErrors.push_back({"vip", "must be true or false"});
        } else {
            normalized["vip"] = *it;
        }
    }
    if (auto it = body.find("consents"); it != body.end()) {
        static const std::set<std::string> consentKeys = {"marketing", "sms", "email", "thirdParty",
                                                          "recording"};
        if (!it->is_object()) {
            typeErrors.push_back({"consents", "must be an object"});
        } else {
            for (auto& [k, v] : it->items()) {
                if (!consentKeys.count(k)) {
                    rules.push_back({"consents." + k, "is not a consent"});
                } else if (!v.is_boolean()) {
                    typeErrors.push_back({"consents." + k, "must be true or false"});
                }
            }
            normalized["consents"] = *it;
        }
    }
    if (auto it = body.find("phones"); it != body.end()) {
        if (!it->is_array()) {
            typeErrors.push_back({"phones", "must be an array"});
        } else if (it->empty() || it->size() > 5) {
            rules.push_back({"phones", "must hold 1 to 5 numbers"});
        } else {
            json phones = json::array();
            int primaries = 0;
            std::set<std::string> seen;
            for (std::size_t i = 0; i < it->size(); ++i) {
                const json& p = (*it)[i];
                const std::string field = "phones[" + std::to_string(i) + "]";
                if (!p.is_object() || !p.contains("number") || !p["number"].is_string()) {
                    typeErrors.push_back({field + ".number", "must be a string"});
                    continue;
                }
                auto e164 = phone::toE164(p["number"].get<std::string>());
                if (!e164) {
                    rules.push_back({field + ".number", "is not a Korean phone number"});
                    continue;
                }
                if (!seen.insert(*e164).second) {
                    rules.push_back({field + ".number", "is listed twice"});
                    continue;
                }
                std::string label = "mobile";
                if (p.contains("label")) {
                    if (!p["label"].is_string()) {
                        typeErrors.push_back({field + ".label", "must be a string"});
                        continue;
                    }
                    label = p["label"].get<std::string>();
                    if (label != "mobile" && label != "home" && label != "work" &&
                        label != "other") {
                        rules.push_back({field + ".label", "must be mobile, home, work or other"});
                        continue;
                    }
                }
                bool primary = false;
                if (p.contains("primary")) {
                    if (!p["primary"].is_boolean()) {
                        typeErrors.push_back({field + ".primary", "must be true or false"});
                        continue;
                    }
                    primary = p["primary"].get<bool>();
                }
                primaries += primary;
                phones.push_back({{"e164", *e164}, {"label", label}, {"primary", primary}});
            }
            if (primaries > 1)
                rules.push_back({"phones", "only one number can be primary"});
            if (primaries == 0 && !phones.empty())
                phones[0]["primary"] = true;
            normalized["phones"] = phones;
        }
    } else if (creating) {
        rules.push_back({"phones", "is required"});
    }
    if (!typeErrors.empty()) {
        Outcome o = Outcome::fail(ErrorCode::BadRequest, "wrong field types");
        o.fields = typeErrors;
        return o;
    }
    if (!rules.empty()) {
        Outcome o = Outcome::fail(ErrorCode::ValidationFailed, "the customer is not valid");
        o.fields = rules;
        return o;
    }
    return Outcome::success();
}

CustomerChange customerChange(const json& normalized) {
    CustomerChange change;
    auto text = [&](const char* key) -> std::optional<std::string> {
        auto it = normalized.find(key);
        if (it == normalized.end() || !it->is_string())
            return std::nullopt;
        return it->get<std::string>();
    };
    auto clearable = [&](const char* key) -> std::optional<std::optional<std::string>> {
        auto it = normalized.find(key);
        if (it == normalized.end())
            return std::nullopt;
        return text(key);
    };
    change.name = text("name");
    change.nameEn = clearable("nameEn");
    change.email = clearable("email");
    change.birthDate = clearable("birthDate");
    change.gender = clearable("gender");
    change.grade = text("grade");
    change.address = clearable("address");
    change.preferredLang = text("preferredLang");
    if (auto it = normalized.find("vip"); it != normalized.end() && it->is_boolean())
        change.vip = it->get<bool>();
    if (auto it = normalized.find("consents"); it != normalized.end() && it->is_object()) {
        Consents consents;
        for (const auto& [name, given] : it->items()) {
            if (given.is_boolean())
                consents[name] = given.get<bool>();
        }
        change.consents = std::move(consents);
    }
    if (auto it = normalized.find("phones"); it != normalized.end() && it->is_array()) {
        std::vector<CustomerPhone> phones;
        for (const auto& p : *it) {
            phones.push_back({0, p.value("e164", std::string()), p.value("label", std::string()),
                              p.value("primary", false)});
        }
        change.phones = std::move(phones);
    }
    return change;
}

}  // namespace agentdesk::server
