#include "server/demo/data_set.h"

#include "common/phone.h"

namespace agentdesk::server {

using nlohmann::json;

namespace {

std::string str(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<std::string> optional(const json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string())
        return std::nullopt;
    return it->get<std::string>();
}

bool flag(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it != obj.end() && it->is_boolean() && it->get<bool>();
}

int number(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it != obj.end() && it->is_number_integer() ? it->get<int>() : 0;
}

const json& array(const json& obj, const char* key) {
    static const json empty = json::array();
    auto it = obj.find(key);
    return it != obj.end() && it->is_array() ? *it : empty;
}

}  // namespace

CustomerSeed customerSeedFromJson(const json& c, TimePoint loadedAt) {
    CustomerSeed seed;
    Customer& customer = seed.customer;
    customer.id = str(c, "id");
    customer.customerNo = str(c, "customerNo");
    customer.name = str(c, "name");
    customer.nameEn = str(c, "nameEn");
    customer.email = optional(c, "email");
    customer.birthDate = optional(c, "birthDate");
    customer.residentNumber = optional(c, "rrn");
    customer.gender = optional(c, "gender");
    if (const std::string grade = str(c, "grade"); !grade.empty())
        customer.grade = grade;
    customer.vip = flag(c, "vip");
    customer.abusiveHistory = flag(c, "abusiveHistory");
    customer.abusiveCount = customer.abusiveHistory ? 1 : 0;
    customer.address = optional(c, "address");
    if (const std::string lang = str(c, "preferredLang"); !lang.empty())
        customer.preferredLang = lang;
    if (auto it = c.find("consents"); it != c.end() && it->is_object()) {
        for (const auto& [name, given] : it->items()) {
            if (given.is_boolean())
                customer.consents[name] = given.get<bool>();
        }
    }
    customer.lastContactReason = optional(c, "lastContactReason");
    customer.createdAt = loadedAt;
    customer.updatedAt = loadedAt;
    for (const auto& p : array(c, "phones")) {
        std::string e164 = str(p, "e164");
        if (e164.empty())
            e164 = phone::toE164(str(p, "number")).value_or("");
        if (!e164.empty())
            customer.phones.push_back({0, e164, str(p, "label"), flag(p, "primary")});
    }
    for (const auto& p : array(c, "products")) {
        seed.products.push_back({str(p, "id"), str(p, "kind"), str(p, "name"), str(p, "number"),
                                 str(p, "status"), optional(p, "startedAt"),
                                 number(p, "monthlyFee")});
    }
    for (const auto& k : array(c, "cases")) {
        seed.cases.push_back({str(k, "id"), str(k, "title"), str(k, "status"), str(k, "priority"),
                              str(k, "queue"), str(k, "openedAt"), str(k, "updatedAt")});
    }
    for (const auto& i : array(c, "interactions")) {
        CustomerSeed::PastContact contact;
        contact.id = str(i, "id");
        contact.channel = str(i, "channel");
        contact.direction = str(i, "direction");
        contact.queue = str(i, "queue");
        contact.startedAt = parseRfc3339(str(i, "startedAt")).value_or(TimePoint());
        contact.durationSec = number(i, "durationSec");
        contact.reason = str(i, "reason");
        contact.wrapupCode = str(i, "wrapupCode");
        contact.agentName = str(i, "agentName");
        contact.note = str(i, "note");
        seed.history.push_back(std::move(contact));
    }
    return seed;
}

DataSet dataSetFromJson(const json& center, const json& customers) {
    DataSet set;
    for (const auto& w : array(center, "wrapupCodes")) {
        set.wrapupCodes.push_back({str(w, "code"), str(w, "category"), str(w, "labelKo"),
                                   str(w, "labelEn"), str(w, "templateKo"), str(w, "templateEn")});
    }
    if (auto it = customers.find("customers"); it != customers.end()) {
        const TimePoint now = std::chrono::system_clock::now();
        std::vector<CustomerSeed> seeds;
        for (const auto& c : array(customers, "customers"))
            seeds.push_back(customerSeedFromJson(c, now));
        set.customers = std::move(seeds);
    }
    return set;
}

}  // namespace agentdesk::server
