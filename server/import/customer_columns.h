#pragma once
// The header row of a customer file: which column holds which customer field. Names are matched
// case-insensitively, ignoring spaces, '_', '-', '.' and brackets, in Korean or English
// (docs/operations.md "Importing customers" lists them). Pure functions.
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::server::csv_import {

enum class CustomerColumn {
    Name,
    NameEn,
    Phone,        // a number is labelled mobile when it is a mobile number, else other
    MobilePhone,  // the same (a landline in a mobile column is labelled other)
    HomePhone,
    WorkPhone,
    BirthDate,
    Gender,
    Email,
    Address,
    Grade,
    MarketingConsent,
    SmsConsent,
    EmailConsent,
    ThirdPartyConsent,
    RecordingConsent,
    ExternalId,
};

// The column a header names; nullopt for a header this import does not know.
std::optional<CustomerColumn> columnForHeader(const std::string& header);

// How the report names a column's field: "name", "birth date", "marketing consent", …
const char* columnLabel(CustomerColumn column);

bool isPhoneColumn(CustomerColumn column);

struct ColumnMap {
    struct Mapped {
        std::size_t index;  // position in the record
        CustomerColumn column;
        std::string header;  // as written in the file
    };
    std::vector<Mapped> columns;
    std::vector<std::string> unknown;  // headers ignored, each once, in file order
    std::size_t width = 0;             // number of header fields
};

// Maps a header record. nullopt with `error` when it cannot be used: no name column, or a
// field other than a phone number named twice.
std::optional<ColumnMap> mapHeader(const std::vector<std::string>& header, std::string& error);

}  // namespace agentdesk::server::csv_import
