#include "server/import/customer_import_target.h"

#include "server/customer_validation.h"

#include <algorithm>

namespace agentdesk::server::csv_import {

using nlohmann::json;

namespace {
constexpr const char* kImportAuditUser = "cli:import-customers";
}

void applyCustomerFields(json& stored, const json& fields) {
    for (const auto& [key, value] : fields.items()) {
        if (key == "consents") {
            if (!stored["consents"].is_object())
                stored["consents"] = json::object();
            for (const auto& [k, v] : value.items())
                stored["consents"][k] = v;
        } else if (key == "phones") {
            json phones = json::array();  // primary first, as the store lists them
            for (const bool primaries : {true, false}) {
                for (const auto& p : value) {
                    if (p.value("primary", false) != primaries)
                        continue;
                    phones.push_back({{"e164", p.value("e164", "")},
                                      {"label", p.value("label", "")},
                                      {"primary", primaries}});
                }
            }
            stored["phones"] = std::move(phones);
        } else {
            stored[key] = value;
        }
    }
}

// ---------------------------------------------------------------- store

std::optional<std::string> StoreImportTarget::byExternalId(const std::string& externalId) {
    return store_.customerByExternalId(externalId);
}

std::vector<std::string> StoreImportTarget::byPhone(const std::string& e164) {
    return store_.customersWithPhone(e164);
}

std::optional<json> StoreImportTarget::fields(const std::string& id) {
    return store_.customerFields(id);
}

std::string StoreImportTarget::create(const json& fields,
                                      const std::optional<std::string>& externalId, TimePoint now) {
    std::string id;
    store_.atomically([&] {
        id = store_.createCustomer(customerChange(fields), now);
        if (externalId)
            store_.setExternalId(id, *externalId);
        store_.audit(kImportAuditUser, id, "create", now);
    });
    return id;
}

void StoreImportTarget::update(const std::string& id, const json& fields,
                               const std::optional<std::string>& externalId, TimePoint now) {
    store_.atomically([&] {
        store_.updateCustomer(id, customerChange(fields), now);
        if (externalId)
            store_.setExternalId(id, *externalId);
        store_.audit(kImportAuditUser, id, "update", now);
    });
}

void StoreImportTarget::batch(const std::function<void()>& fn) {
    store_.atomically(fn);
}

// ---------------------------------------------------------------- dry run

std::optional<std::string> DryRunImportTarget::byExternalId(const std::string& externalId) {
    if (auto it = externalIds_.find(externalId); it != externalIds_.end())
        return it->second;
    return base_.byExternalId(externalId);
}

std::vector<std::string> DryRunImportTarget::byPhone(const std::string& e164) {
    std::vector<std::string> ids;
    for (auto& id : base_.byPhone(e164)) {
        if (!touched_.count(id))  // a changed customer's phones are those in memory
            ids.push_back(std::move(id));
    }
    if (auto it = phoneHolders_.find(e164); it != phoneHolders_.end()) {
        for (const auto& id : it->second) {
            const auto& phones = touched_.at(id)["phones"];
            const bool holds = std::any_of(phones.begin(), phones.end(), [&](const json& p) {
                return p.value("e164", "") == e164;
            });
            if (holds && std::find(ids.begin(), ids.end(), id) == ids.end())
                ids.push_back(id);
        }
    }
    return ids;
}

std::optional<json> DryRunImportTarget::fields(const std::string& id) {
    if (auto it = touched_.find(id); it != touched_.end())
        return it->second;
    return base_.fields(id);
}

std::string DryRunImportTarget::create(const json& fields,
                                       const std::optional<std::string>& externalId, TimePoint) {
    const std::string id = "dry-run-" + std::to_string(++created_);
    json stored{{"name", ""},
                {"nameEn", nullptr},
                {"email", nullptr},
                {"birthDate", nullptr},
                {"gender", nullptr},
                {"grade", "NORMAL"},
                {"address", nullptr},
                {"preferredLang", "ko"},
                {"vip", false},
                {"consents", json::object()},
                {"phones", json::array()},
                {"externalId", nullptr}};
    applyCustomerFields(stored, fields);
    if (externalId)
        stored["externalId"] = *externalId;
    remember(id, std::move(stored));
    return id;
}

void DryRunImportTarget::update(const std::string& id, const json& fields,
                                const std::optional<std::string>& externalId, TimePoint) {
    json stored = this->fields(id).value_or(json::object());
    applyCustomerFields(stored, fields);
    if (externalId)
        stored["externalId"] = *externalId;
    remember(id, std::move(stored));
}

void DryRunImportTarget::remember(const std::string& id, json stored) {
    if (stored["externalId"].is_string())
        externalIds_[stored["externalId"].get<std::string>()] = id;
    for (const auto& p : stored["phones"]) {
        auto& holders = phoneHolders_[p.value("e164", "")];
        if (std::find(holders.begin(), holders.end(), id) == holders.end())
            holders.push_back(id);
    }
    touched_[id] = std::move(stored);
}

}  // namespace agentdesk::server::csv_import
