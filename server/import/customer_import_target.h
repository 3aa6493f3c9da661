#pragma once
// Where an import of customers goes: the CRM store, or — for --dry-run — a layer over it that
// keeps every change in memory, so that a dry run matches, validates and counts row by row
// exactly as the real run would (a later row finds the customer an earlier row created).
//
// Threads: not thread-safe; one thread (the command's).
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/time_util.h"
#include "server/store/crm_store.h"

namespace agentdesk::server::csv_import {

class CustomerImportTarget {
public:
    virtual ~CustomerImportTarget() = default;
    virtual std::optional<std::string> byExternalId(const std::string& externalId) = 0;
    virtual std::vector<std::string> byPhone(const std::string& e164) = 0;
    // The stored fields, as DataTransferStore::customerFields() gives them.
    virtual std::optional<nlohmann::json> fields(const std::string& id) = 0;
    // `fields` passed validateCustomer() (creating / not creating). Returns the new id.
    virtual std::string create(const nlohmann::json& fields,
                               const std::optional<std::string>& externalId, TimePoint now) = 0;
    virtual void update(const std::string& id, const nlohmann::json& fields,
                        const std::optional<std::string>& externalId, TimePoint now) = 0;
    // Runs fn as one transaction (a batch of rows).
    virtual void batch(const std::function<void()>& fn) = 0;
};

// Writes through the same store methods as POST and PATCH /customers, with an audit row each
// (user "cli:import-customers", action create or update).
class StoreImportTarget final : public CustomerImportTarget {
public:
    explicit StoreImportTarget(CrmStore& store) : store_(store) {}
    std::optional<std::string> byExternalId(const std::string& externalId) override;
    std::vector<std::string> byPhone(const std::string& e164) override;
    std::optional<nlohmann::json> fields(const std::string& id) override;
    std::string create(const nlohmann::json& fields, const std::optional<std::string>& externalId,
                       TimePoint now) override;
    void update(const std::string& id, const nlohmann::json& fields,
                const std::optional<std::string>& externalId, TimePoint now) override;
    void batch(const std::function<void()>& fn) override;

private:
    CrmStore& store_;
};

// Reads from `base`, keeps changes in memory and writes nothing.
class DryRunImportTarget final : public CustomerImportTarget {
public:
    explicit DryRunImportTarget(CustomerImportTarget& base) : base_(base) {}
    std::optional<std::string> byExternalId(const std::string& externalId) override;
    std::vector<std::string> byPhone(const std::string& e164) override;
    std::optional<nlohmann::json> fields(const std::string& id) override;
    std::string create(const nlohmann::json& fields, const std::optional<std::string>& externalId,
                       TimePoint now) override;
    void update(const std::string& id, const nlohmann::json& fields,
                const std::optional<std::string>& externalId, TimePoint now) override;
    void batch(const std::function<void()>& fn) override { fn(); }

private:
    void remember(const std::string& id, nlohmann::json stored);

    CustomerImportTarget& base_;
    std::unordered_map<std::string, nlohmann::json> touched_;  // id → fields after the change
    std::unordered_map<std::string, std::string> externalIds_;
    std::unordered_map<std::string, std::vector<std::string>> phoneHolders_;  // e164 → ids
    int created_ = 0;
};

// Applies validated fields to stored ones the way CustomerStore::updateCustomer() does:
// fields replace, consents merge, phones replace.
void applyCustomerFields(nlohmann::json& stored, const nlohmann::json& fields);

}  // namespace agentdesk::server::csv_import
