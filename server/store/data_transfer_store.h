#pragma once
// What the administration commands that move records in and out of the CRM need beyond the
// API's own store methods: agentdesk-server import-customers (matching a center's rows on the
// external id and phone numbers, and the stored fields to compare a row with) and
// export-interactions / export-notes (a period's records, streamed row by row). Both engines
// implement it.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/store/record_export_rows.h"

namespace agentdesk::server {

class DataTransferStore {
public:
    virtual ~DataTransferStore() = default;

    // --- customer import ---
    // The customer with this external id (the id in the center's own system), if any.
    virtual std::optional<std::string> customerByExternalId(const std::string& externalId) = 0;
    // The customers with this number among their phones.
    virtual std::vector<std::string> customersWithPhone(const std::string& e164) = 0;
    // A customer's stored fields in the shape validateCustomer() normalizes to (name, nameEn,
    // email, birthDate, gender, grade, address, preferredLang, vip, consents, phones as
    // {e164,label,primary}, primary first) plus externalId; nullopt for an unknown id.
    virtual std::optional<nlohmann::json> customerFields(const std::string& id) = 0;
    virtual void setExternalId(const std::string& id, const std::string& externalId) = 0;

    // --- exports ---
    // The interactions started, the notes created, in [fromMs, toMs), oldest first; a year of
    // a center's calls never sits in memory.
    virtual void forEachInteraction(std::int64_t fromMs, std::int64_t toMs,
                                    const std::function<void(const InteractionExportRow&)>& fn) = 0;
    virtual void forEachNote(std::int64_t fromMs, std::int64_t toMs,
                             const std::function<void(const NoteExportRow&)>& fn) = 0;
};

}  // namespace agentdesk::server
