#pragma once
// One record of a customer file turned into the body POST /customers or PATCH /customers/{id}
// would get (docs/api.md 7.3), from the cells that are not empty. The API's own validation
// (customer_validation.h) runs on that body afterwards; this step only reads what a spreadsheet
// writes: several numbers in a cell, dates as 1985.03.12, consents as Y/N, 남/여. Pure functions.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/import/csv_reader.h"
#include "server/import/customer_columns.h"

namespace agentdesk::server::csv_import {

struct CustomerRow {
    nlohmann::json body = nlohmann::json::object();  // the API's field names
    std::optional<std::string> externalId;
    std::vector<std::string> phones;  // E.164, in the order of the file, without repeats
};

// nullopt with `reason` in plain words (never quoting the personal data it is about) when a
// cell cannot be read.
std::optional<CustomerRow> readCustomerRow(const CsvRecord& record, const ColumnMap& columns,
                                           std::string& reason);

// "1985-03-12", "1985.3.12", "1985/03/12", "19850312" → "1985-03-12"; nullopt otherwise. The
// date itself (a real day, not in the future) is checked by the API's rules.
std::optional<std::string> normalizeBirthDate(const std::string& text);

// Y/N, yes/no, true/false, 1/0, O/X, 동의/미동의, 예/아니오 → true/false; nullopt otherwise.
std::optional<bool> parseConsent(const std::string& text);

}  // namespace agentdesk::server::csv_import
