#include "server/import/customer_row.h"

#include <cstdio>
#include <set>

#include "common/phone.h"

namespace agentdesk::server::csv_import {

using nlohmann::json;

namespace {

std::string rowTrimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::string rowUpperAscii(std::string text) {
    for (char& c : text) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return text;
}

bool rowIsMobile(const std::string& e164) {
    return e164.size() > 5 && e164.rfind("+821", 0) == 0 &&
           (e164[4] == '0' || e164[4] == '1' || (e164[4] >= '6' && e164[4] <= '9'));
}

const char* rowPhoneLabel(CustomerColumn column, const std::string& e164) {
    switch (column) {
        case CustomerColumn::HomePhone:
            return "home";
        case CustomerColumn::WorkPhone:
            return "work";
        default:
            return rowIsMobile(e164) ? "mobile" : "other";
    }
}

const char* rowConsentKey(CustomerColumn column) {
    switch (column) {
        case CustomerColumn::MarketingConsent:
            return "marketing";
        case CustomerColumn::SmsConsent:
            return "sms";
        case CustomerColumn::EmailConsent:
            return "email";
        case CustomerColumn::ThirdPartyConsent:
            return "thirdParty";
        case CustomerColumn::RecordingConsent:
            return "recording";
        default:
            return nullptr;
    }
}

std::optional<std::string> rowGender(const std::string& text) {
    const std::string v = rowUpperAscii(text);
    if (v == "M" || v == "MALE" || v == "남" || v == "남자" || v == "남성")
        return "M";
    if (v == "F" || v == "FEMALE" || v == "여" || v == "여자" || v == "여성")
        return "F";
    return std::nullopt;
}

std::string rowGrade(const std::string& text) {
    const std::string v = rowUpperAscii(text);
    if (v == "일반")
        return "NORMAL";
    if (v == "골드")
        return "GOLD";
    if (v == "실버")
        return "SILVER";
    return v;  // the API's rule names the accepted values when it is none of them
}

}  // namespace

std::optional<std::string> normalizeBirthDate(const std::string& text) {
    const std::string v = rowTrimmed(text);
    int parts[3] = {0, 0, 0};
    int digits[3] = {0, 0, 0};
    if (v.size() == 8 && v.find_first_not_of("0123456789") == std::string::npos) {
        parts[0] = std::stoi(v.substr(0, 4));
        parts[1] = std::stoi(v.substr(4, 2));
        parts[2] = std::stoi(v.substr(6, 2));
    } else {
        std::size_t part = 0;
        char separator = 0;
        std::size_t end = v.size();
        if (end > 0 && v[end - 1] == '.')
            --end;  // "1985. 3. 12." as Korean spreadsheets write it
        for (std::size_t i = 0; i < end; ++i) {
            const char c = v[i];
            if (c >= '0' && c <= '9') {
                if (++digits[part] > (part == 0 ? 4 : 2))
                    return std::nullopt;
                parts[part] = parts[part] * 10 + (c - '0');
            } else if (c == ' ' && separator == '.' && i > 0 && v[i - 1] == '.') {
                continue;
            } else if ((c == '-' || c == '.' || c == '/') && (separator == 0 || c == separator) &&
                       part < 2 && digits[part] > 0) {
                separator = c;
                ++part;
            } else {
                return std::nullopt;
            }
        }
        if (part != 2 || digits[0] != 4 || digits[2] == 0)
            return std::nullopt;
    }
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", parts[0], parts[1], parts[2]);
    return std::string(out);
}

std::optional<bool> parseConsent(const std::string& text) {
    const std::string v = rowUpperAscii(rowTrimmed(text));
    static const std::set<std::string> yes = {"Y",    "YES", "TRUE", "1",       "O",
                                              "동의", "예",  "수신", "수신동의"};
    static const std::set<std::string> no = {"N",      "NO",   "FALSE",  "0",      "X",
                                             "미동의", "거부", "아니오", "아니요", "수신거부"};
    if (yes.count(v))
        return true;
    if (no.count(v))
        return false;
    return std::nullopt;
}

std::optional<CustomerRow> readCustomerRow(const CsvRecord& record, const ColumnMap& columns,
                                           std::string& reason) {
    CustomerRow row;
    std::vector<std::string> problems;
    json phones = json::array();
    std::set<std::string> seenPhones;
    for (std::size_t i = columns.width; i < record.fields.size(); ++i) {
        if (!rowTrimmed(record.fields[i]).empty()) {
            problems.push_back("it has " + std::to_string(record.fields.size()) +
                               " fields, the header " + std::to_string(columns.width));
            break;
        }
    }
    for (const auto& mapped : columns.columns) {
        if (mapped.index >= record.fields.size())
            continue;
        const std::string value = rowTrimmed(record.fields[mapped.index]);
        if (value.empty() || value == "-")
            continue;  // an empty cell (or "-") keeps what is stored
        const CustomerColumn column = mapped.column;
        if (isPhoneColumn(column)) {
            std::size_t start = 0;
            while (start <= value.size()) {
                const auto end = value.find_first_of(";,/\n", start);
                const std::string piece = rowTrimmed(value.substr(start, end - start));
                if (!piece.empty()) {
                    if (auto e164 = phone::toE164(piece)) {
                        if (seenPhones.insert(*e164).second) {
                            row.phones.push_back(*e164);
                            phones.push_back(
                                {{"number", *e164}, {"label", rowPhoneLabel(column, *e164)}});
                        }
                    } else {
                        problems.push_back("a phone number in column \"" + mapped.header +
                                           "\" is not a Korean phone number");
                    }
                }
                if (end == std::string::npos)
                    break;
                start = end + 1;
            }
            continue;
        }
        if (const char* consent = rowConsentKey(column)) {
            if (auto given = parseConsent(value)) {
                row.body["consents"][consent] = *given;
            } else {
                problems.push_back(std::string(columnLabel(column)) + " must be Y or N");
            }
            continue;
        }
        switch (column) {
            case CustomerColumn::Name:
                row.body["name"] = value;
                break;
            case CustomerColumn::NameEn:
                row.body["nameEn"] = value;
                break;
            case CustomerColumn::Email:
                row.body["email"] = value;
                break;
            case CustomerColumn::Address:
                row.body["address"] = value;
                break;
            case CustomerColumn::Grade:
                row.body["grade"] = rowGrade(value);
                break;
            case CustomerColumn::Gender:
                if (auto g = rowGender(value)) {
                    row.body["gender"] = *g;
                } else {
                    problems.push_back("gender must be M or F (남 or 여)");
                }
                break;
            case CustomerColumn::BirthDate:
                if (auto date = normalizeBirthDate(value)) {
                    row.body["birthDate"] = *date;
                } else {
                    problems.push_back(
                        "birth date is not a date written YYYY-MM-DD, YYYY.MM.DD, YYYY/MM/DD or "
                        "YYYYMMDD");
                }
                break;
            case CustomerColumn::ExternalId: {
                bool control = false;
                for (unsigned char c : value)
                    control = control || c < 0x20 || c == 0x7F;
                if (control || value.size() > 64) {
                    problems.push_back("external id must be at most 64 characters on one line");
                } else {
                    row.externalId = value;
                }
                break;
            }
            default:
                break;
        }
    }
    if (!phones.empty())
        row.body["phones"] = std::move(phones);
    if (!problems.empty()) {
        reason.clear();
        for (const auto& p : problems)
            reason += (reason.empty() ? "" : "; ") + p;
        return std::nullopt;
    }
    return row;
}

}  // namespace agentdesk::server::csv_import
