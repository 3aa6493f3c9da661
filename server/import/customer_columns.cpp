#include "server/import/customer_columns.h"

#include <algorithm>
#include <map>
#include <set>

namespace agentdesk::server::csv_import {

namespace {

// Lower-case ASCII, without spaces, '_', '-', '.', brackets and a trailing ':'.
std::string columnsNormalized(const std::string& header) {
    std::string out;
    for (char c : header) {
        if (c == ' ' || c == '\t' || c == '_' || c == '-' || c == '.' || c == '(' || c == ')' ||
            c == '[' || c == ']' || c == ':' || c == '\n' || c == '\r')
            continue;
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

const std::map<std::string, CustomerColumn>& columnsAliases() {
    using C = CustomerColumn;
    static const std::map<std::string, CustomerColumn> aliases = {
        {"name", C::Name},
        {"customername", C::Name},
        {"fullname", C::Name},
        {"이름", C::Name},
        {"고객명", C::Name},
        {"고객이름", C::Name},
        {"성명", C::Name},
        {"nameen", C::NameEn},
        {"englishname", C::NameEn},
        {"영문이름", C::NameEn},
        {"영문명", C::NameEn},
        {"영문성명", C::NameEn},
        {"phone", C::Phone},
        {"phones", C::Phone},
        {"phonenumber", C::Phone},
        {"phonenumbers", C::Phone},
        {"tel", C::Phone},
        {"telephone", C::Phone},
        {"contact", C::Phone},
        {"전화", C::Phone},
        {"전화번호", C::Phone},
        {"연락처", C::Phone},
        {"mobile", C::MobilePhone},
        {"mobilephone", C::MobilePhone},
        {"cellphone", C::MobilePhone},
        {"휴대폰", C::MobilePhone},
        {"휴대폰번호", C::MobilePhone},
        {"핸드폰", C::MobilePhone},
        {"핸드폰번호", C::MobilePhone},
        {"휴대전화", C::MobilePhone},
        {"휴대전화번호", C::MobilePhone},
        {"homephone", C::HomePhone},
        {"집전화", C::HomePhone},
        {"집전화번호", C::HomePhone},
        {"자택전화", C::HomePhone},
        {"자택전화번호", C::HomePhone},
        {"workphone", C::WorkPhone},
        {"officephone", C::WorkPhone},
        {"회사전화", C::WorkPhone},
        {"회사전화번호", C::WorkPhone},
        {"직장전화", C::WorkPhone},
        {"직장전화번호", C::WorkPhone},
        {"birthdate", C::BirthDate},
        {"birthday", C::BirthDate},
        {"dateofbirth", C::BirthDate},
        {"dob", C::BirthDate},
        {"생년월일", C::BirthDate},
        {"생일", C::BirthDate},
        {"gender", C::Gender},
        {"sex", C::Gender},
        {"성별", C::Gender},
        {"email", C::Email},
        {"emailaddress", C::Email},
        {"mail", C::Email},
        {"이메일", C::Email},
        {"이메일주소", C::Email},
        {"전자우편", C::Email},
        {"address", C::Address},
        {"주소", C::Address},
        {"자택주소", C::Address},
        {"grade", C::Grade},
        {"tier", C::Grade},
        {"등급", C::Grade},
        {"고객등급", C::Grade},
        {"회원등급", C::Grade},
        {"marketing", C::MarketingConsent},
        {"marketingconsent", C::MarketingConsent},
        {"마케팅동의", C::MarketingConsent},
        {"마케팅수신동의", C::MarketingConsent},
        {"마케팅활용동의", C::MarketingConsent},
        {"sms", C::SmsConsent},
        {"smsconsent", C::SmsConsent},
        {"sms동의", C::SmsConsent},
        {"sms수신동의", C::SmsConsent},
        {"문자수신동의", C::SmsConsent},
        {"문자동의", C::SmsConsent},
        {"emailconsent", C::EmailConsent},
        {"이메일동의", C::EmailConsent},
        {"이메일수신동의", C::EmailConsent},
        {"메일수신동의", C::EmailConsent},
        {"thirdparty", C::ThirdPartyConsent},
        {"thirdpartyconsent", C::ThirdPartyConsent},
        {"제3자제공동의", C::ThirdPartyConsent},
        {"제3자동의", C::ThirdPartyConsent},
        {"recording", C::RecordingConsent},
        {"recordingconsent", C::RecordingConsent},
        {"녹취동의", C::RecordingConsent},
        {"녹음동의", C::RecordingConsent},
        {"externalid", C::ExternalId},
        {"customerno", C::ExternalId},
        {"customernumber", C::ExternalId},
        {"고객번호", C::ExternalId},
        {"회원번호", C::ExternalId},
        {"고객코드", C::ExternalId},
        {"고객id", C::ExternalId},
    };
    return aliases;
}

}  // namespace

std::optional<CustomerColumn> columnForHeader(const std::string& header) {
    const std::string key = columnsNormalized(header);
    const auto& aliases = columnsAliases();
    if (auto it = aliases.find(key); it != aliases.end())
        return it->second;
    // Numbered phone columns: "phone2", "연락처1", "휴대폰 2".
    std::string stem = key;
    while (!stem.empty() && stem.back() >= '0' && stem.back() <= '9')
        stem.pop_back();
    if (stem.size() < key.size()) {
        if (auto it = aliases.find(stem); it != aliases.end() && isPhoneColumn(it->second))
            return it->second;
    }
    return std::nullopt;
}

const char* columnLabel(CustomerColumn column) {
    switch (column) {
        case CustomerColumn::Name:
            return "name";
        case CustomerColumn::NameEn:
            return "English name";
        case CustomerColumn::Phone:
        case CustomerColumn::MobilePhone:
        case CustomerColumn::HomePhone:
        case CustomerColumn::WorkPhone:
            return "phone number";
        case CustomerColumn::BirthDate:
            return "birth date";
        case CustomerColumn::Gender:
            return "gender";
        case CustomerColumn::Email:
            return "e-mail";
        case CustomerColumn::Address:
            return "address";
        case CustomerColumn::Grade:
            return "grade";
        case CustomerColumn::MarketingConsent:
            return "marketing consent";
        case CustomerColumn::SmsConsent:
            return "SMS consent";
        case CustomerColumn::EmailConsent:
            return "e-mail consent";
        case CustomerColumn::ThirdPartyConsent:
            return "third-party consent";
        case CustomerColumn::RecordingConsent:
            return "recording consent";
        case CustomerColumn::ExternalId:
            return "external id";
    }
    return "?";
}

bool isPhoneColumn(CustomerColumn column) {
    return column == CustomerColumn::Phone || column == CustomerColumn::MobilePhone ||
           column == CustomerColumn::HomePhone || column == CustomerColumn::WorkPhone;
}

std::optional<ColumnMap> mapHeader(const std::vector<std::string>& header, std::string& error) {
    ColumnMap map;
    map.width = header.size();
    std::map<CustomerColumn, std::string> seen;
    std::set<std::string> unknownSeen;
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string name = header[i];
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t'))
            name.pop_back();
        while (!name.empty() && (name.front() == ' ' || name.front() == '\t'))
            name.erase(0, 1);
        const auto column = columnForHeader(name);
        if (!column) {
            if (!name.empty() && unknownSeen.insert(name).second)
                map.unknown.push_back(name);
            continue;
        }
        if (!isPhoneColumn(*column)) {
            if (auto it = seen.find(*column); it != seen.end()) {
                error = "the columns \"" + it->second + "\" and \"" + name + "\" both hold the " +
                        columnLabel(*column);
                return std::nullopt;
            }
            seen[*column] = name;
        }
        map.columns.push_back({i, *column, name});
    }
    if (!seen.count(CustomerColumn::Name)) {
        error = "the header row has no name column (name, 이름 or 고객명)";
        return std::nullopt;
    }
    return map;
}

}  // namespace agentdesk::server::csv_import
