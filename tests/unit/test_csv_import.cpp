// The pieces of agentdesk-server import-customers that need no database: encoding detection
// (UTF-8, BOM, CP949 through iconv), the RFC 4180 reader, the header map and the row reader;
// and the import itself against an in-memory store, real and dry run.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "server/import/csv_reader.h"
#include "server/import/customer_columns.h"
#include "server/import/customer_import.h"
#include "server/import/customer_row.h"
#include "server/import/text_encoding.h"
#include "server/store/sqlite_crm_store.h"
#include "tests/support/cp949.h"

using namespace agentdesk::server::csv_import;
using nlohmann::json;

namespace {

// Excel's CSV in Korea; a test cannot go on without it.
std::string toCp949(const std::string& utf8) {
    auto converted = agentdesk::test::toCp949(utf8);
    REQUIRE(converted);
    return *converted;
}

std::vector<CsvRecord> readAll(const std::string& text) {
    CsvReader reader(text);
    std::vector<CsvRecord> out;
    CsvRecord r;
    while (reader.next(r))
        out.push_back(r);
    return out;
}

}  // namespace

TEST_CASE("csv: encodings are told apart: UTF-8, UTF-8 with BOM, CP949", "[csv][encoding]") {
    const std::string utf8 = "이름,전화\n홍길동,010-1234-5678\n";
    std::string error;

    auto plain = decodeText(utf8, error);
    REQUIRE(plain);
    CHECK(plain->encoding == SourceEncoding::Utf8);
    CHECK(plain->utf8 == utf8);

    auto bom = decodeText("\xEF\xBB\xBF" + utf8, error);
    REQUIRE(bom);
    CHECK(bom->encoding == SourceEncoding::Utf8WithBom);
    CHECK(bom->utf8 == utf8);  // the BOM is not part of the first header

    const std::string cp949 = toCp949(utf8);
    CHECK(cp949 != utf8);
    CHECK_FALSE(isValidUtf8(cp949));
    auto converted = decodeText(cp949, error);
    REQUIRE(converted);
    CHECK(converted->encoding == SourceEncoding::Cp949);
    CHECK(converted->utf8 == utf8);

    // CP949 beyond EUC-KR (the UHC extension): 똠 and 햏 are not in KS X 1001.
    auto extended = decodeText(toCp949("똠햏,x\n"), error);
    REQUIRE(extended);
    CHECK(extended->utf8 == "똠햏,x\n");
}

TEST_CASE("csv: bytes that are neither UTF-8 nor CP949 are refused", "[csv][encoding]") {
    std::string error;
    CHECK_FALSE(decodeText(std::string("name\n\x80\xFF\n"), error));
    CHECK(error.find("neither UTF-8 nor CP949") != std::string::npos);
    CHECK_FALSE(decodeText(std::string("\xFF\xFEn\0a\0", 6), error));
    CHECK(error.find("UTF-16") != std::string::npos);
}

TEST_CASE("csv: strict UTF-8 validation", "[csv][encoding]") {
    CHECK(isValidUtf8(""));
    CHECK(isValidUtf8("abc 홍길동 😀"));
    CHECK_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));      // a surrogate
    CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(isValidUtf8("\xEA\xB0"));          // cut off
}

TEST_CASE("csv: RFC 4180 quoting, CRLF and line numbers", "[csv]") {
    const std::string text =
        "name,address,memo\r\n"
        "\"김, 민준\",\"서울시 강남구\r\n101동 \"\"A\"\" 1203호\",x\r\n"
        "이서연,,\r\n"
        "\r\n"
        "박지훈,\"\",\"\"\"\"\r\n";
    const auto records = readAll(text);
    REQUIRE(records.size() == 5);
    CHECK(records[0].line == 1);
    CHECK(records[0].fields == std::vector<std::string>{"name", "address", "memo"});
    CHECK(records[1].line == 2);
    CHECK(records[1].fields ==
          std::vector<std::string>{"김, 민준", "서울시 강남구\n101동 \"A\" 1203호", "x"});
    CHECK(records[2].line == 4);  // the record before it spans lines 2 and 3
    CHECK(records[2].fields == std::vector<std::string>{"이서연", "", ""});
    CHECK(records[3].line == 5);
    CHECK(records[3].blank());
    CHECK(records[4].line == 6);
    CHECK(records[4].fields == std::vector<std::string>{"박지훈", "", "\""});
}

TEST_CASE("csv: LF, no final line break, lenient quotes, an unclosed quote", "[csv]") {
    auto records = readAll("a,b\nc,d");
    REQUIRE(records.size() == 2);
    CHECK(records[1].fields == std::vector<std::string>{"c", "d"});

    records = readAll("a,5\" tall,\"x\"y\n");
    REQUIRE(records.size() == 1);
    CHECK(records[0].fields == std::vector<std::string>{"a", "5\" tall", "xy"});

    records = readAll("a\n\"open,\nnever closed\n");
    REQUIRE(records.size() == 2);
    CHECK(records[1].line == 2);
    CHECK(records[1].unterminatedQuote);

    CHECK(readAll("").empty());
    CHECK(readAll("\n").size() == 1);
}

TEST_CASE("csv: headers in Korean and English map to customer fields", "[csv][columns]") {
    CHECK(columnForHeader("이름") == CustomerColumn::Name);
    CHECK(columnForHeader(" Customer Name ") == CustomerColumn::Name);
    CHECK(columnForHeader("휴대폰") == CustomerColumn::MobilePhone);
    CHECK(columnForHeader("연락처2") == CustomerColumn::Phone);
    CHECK(columnForHeader("PHONES") == CustomerColumn::Phone);
    CHECK(columnForHeader("birth_date") == CustomerColumn::BirthDate);
    CHECK(columnForHeader("생년월일") == CustomerColumn::BirthDate);
    CHECK(columnForHeader("E-mail") == CustomerColumn::Email);
    CHECK(columnForHeader("이메일 수신동의") == CustomerColumn::EmailConsent);
    CHECK(columnForHeader("마케팅동의") == CustomerColumn::MarketingConsent);
    CHECK(columnForHeader("SMS 동의") == CustomerColumn::SmsConsent);
    CHECK(columnForHeader("externalId") == CustomerColumn::ExternalId);
    CHECK(columnForHeader("고객번호") == CustomerColumn::ExternalId);
    CHECK_FALSE(columnForHeader("비고"));
    CHECK_FALSE(columnForHeader("name2"));  // numbering is for phone columns only

    std::string error;
    auto map = mapHeader({"고객명", "휴대폰", "집전화", "비고", "비고", "memo"}, error);
    REQUIRE(map);
    CHECK(map->columns.size() == 3);
    CHECK(map->unknown == std::vector<std::string>{"비고", "memo"});
    CHECK_FALSE(mapHeader({"phone", "email"}, error));
    CHECK(error.find("no name column") != std::string::npos);
    CHECK_FALSE(mapHeader({"name", "이름"}, error));
}

TEST_CASE("csv: a row becomes the body POST /customers would get", "[csv][row]") {
    std::string error;
    const auto map = mapHeader(
        {"이름", "휴대폰", "전화", "생년월일", "성별", "등급", "마케팅동의", "고객번호", "주소"},
        error);
    REQUIRE(map);
    CsvRecord record{7,
                     {" 김민준 ", "010-1234-5678", "02-555-1234; 010 1234 5678/031-123-4567",
                      "1985.3.12", "남", "gold", "Y", "A-001", ""},
                     false};
    std::string reason;
    auto row = readCustomerRow(record, *map, reason);
    INFO(reason);
    REQUIRE(row);
    CHECK(row->body["name"] == "김민준");
    CHECK(row->phones == std::vector<std::string>{"+821012345678", "+8225551234", "+82311234567"});
    CHECK(row->body["phones"][0]["label"] == "mobile");
    CHECK(row->body["phones"][1]["label"] == "other");
    CHECK(row->body["birthDate"] == "1985-03-12");
    CHECK(row->body["gender"] == "M");
    CHECK(row->body["grade"] == "GOLD");
    CHECK(row->body["consents"]["marketing"] == true);
    CHECK(row->externalId == "A-001");
    CHECK_FALSE(row->body.contains("address"));  // an empty cell leaves the stored value

    record.fields = {"김민준", "010-12", "", "1985-13", "", "", "maybe", "", ""};
    CHECK_FALSE(readCustomerRow(record, *map, reason));
    CHECK(reason.find("\"휴대폰\" is not a Korean phone number") != std::string::npos);
    CHECK(reason.find("birth date is not a date") != std::string::npos);
    CHECK(reason.find("marketing consent must be Y or N") != std::string::npos);
    CHECK(reason.find("010") == std::string::npos);  // the value itself is not repeated
}

TEST_CASE("csv: birth dates and consents as spreadsheets write them", "[csv][row]") {
    CHECK(normalizeBirthDate("1985-03-12") == "1985-03-12");
    CHECK(normalizeBirthDate("1985.03.12") == "1985-03-12");
    CHECK(normalizeBirthDate("1985. 3. 12.") == "1985-03-12");
    CHECK(normalizeBirthDate("1985/3/2") == "1985-03-02");
    CHECK(normalizeBirthDate("19850312") == "1985-03-12");
    CHECK_FALSE(normalizeBirthDate("85-03-12"));
    CHECK_FALSE(normalizeBirthDate("1985-03/12"));
    CHECK_FALSE(normalizeBirthDate("1985-03"));
    CHECK_FALSE(normalizeBirthDate("March 12, 1985"));
    CHECK(parseConsent("y") == true);
    CHECK(parseConsent("동의") == true);
    CHECK(parseConsent("N") == false);
    CHECK(parseConsent("미동의") == false);
    CHECK_FALSE(parseConsent("?"));
}

TEST_CASE(
    "csv import: creates, updates by external id and by phone, reports bad rows. A dry "
    "run reports the same and writes nothing",
    "[csv][import]") {
    using agentdesk::server::FieldCipher;
    using agentdesk::server::SqliteCrmStore;
    SqliteCrmStore store(":memory:", FieldCipher::ephemeral());
    const auto now = std::chrono::system_clock::now();
    const std::string file =
        "고객번호,이름,휴대폰,생년월일,비고\n"
        "A1,김민준,010-1111-2222,1985-03-12,x\n"  // 2 created
        "A2,이서연,010-3333-4444,19900101,\n"     // 3 created
        ",박지훈,010-5555-6666,2099-01-01,\n"     // 4 skipped: future date
        "A1,김민준,010-1111-2222,1985.03.12,\n"   // 5 unchanged (same as line 2)
        ",이서연,010-3333-4444;02-555-1234,,\n"   // 6 updated by phone (A2)
        "A1,김민준(수정),,,\n"                    // 7 updated by external id
        ",,010-7777-8888,,\n"                     // 8 skipped: no name for a new one
        ",최유진,,,\n";                           // 9 skipped: no phone
    auto runOn = [&](CustomerImportTarget& target) {
        return importCustomers(target, toCp949(file), now);
    };
    StoreImportTarget real(store);
    DryRunImportTarget dry(real);
    const auto dryReport = runOn(dry);
    CHECK(store.customerCount() == 0);
    const auto report = runOn(real);
    for (const auto* r : {&dryReport, &report}) {
        INFO((r == &report ? "real" : "dry run"));
        CHECK(r->refused.empty());
        CHECK(r->encoding == SourceEncoding::Cp949);
        CHECK(r->rows == 8);
        CHECK(r->created == 2);
        CHECK(r->updated == 2);
        CHECK(r->unchanged == 1);
        REQUIRE(r->skipped.size() == 3);
        CHECK(r->skipped[0].line == 4);
        CHECK(r->skipped[0].reason.find("birth date") != std::string::npos);
        CHECK(r->skipped[1].line == 8);
        CHECK(r->skipped[1].reason.find("name is empty") != std::string::npos);
        CHECK(r->skipped[2].line == 9);
        CHECK(r->skipped[2].reason.find("no phone number") != std::string::npos);
        CHECK(r->unknownColumns == std::vector<std::string>{"비고"});
    }
    CHECK(store.customerCount() == 2);
    const auto a1 = store.customerByExternalId("A1");
    REQUIRE(a1);
    auto fields = store.customerFields(*a1);
    REQUIRE(fields);
    CHECK((*fields)["name"] == "김민준(수정)");
    CHECK((*fields)["birthDate"] == "1985-03-12");
    const auto a2 = store.customerByExternalId("A2");
    REQUIRE(a2);
    fields = store.customerFields(*a2);
    REQUIRE((*fields)["phones"].size() == 2);
    CHECK((*fields)["phones"][0]["e164"] == "+821033334444");
    CHECK((*fields)["phones"][0]["primary"] == true);
    CHECK((*fields)["phones"][1]["label"] == "other");
    CHECK((*fields)["birthDate"] == "1990-01-01");  // an empty cell kept it

    // The same file again: nothing changes but the rows that were skipped.
    const auto again = runOn(real);
    CHECK(again.created == 0);
    // Lines 2 and 3 undo what lines 7 and 6 set, which lines 6 and 7 then set again.
    CHECK(again.updated == 4);
    CHECK(again.unchanged == 1);
    CHECK(again.skipped.size() == 3);
}

TEST_CASE("csv import: a file without a name column is refused as a whole", "[csv][import]") {
    using agentdesk::server::FieldCipher;
    using agentdesk::server::SqliteCrmStore;
    SqliteCrmStore store(":memory:", FieldCipher::ephemeral());
    StoreImportTarget target(store);
    const auto report = importCustomers(target, "phone,email\n010-1111-2222,a@b.kr\n",
                                        std::chrono::system_clock::now());
    CHECK(report.refused.find("no name column") != std::string::npos);
    CHECK(report.rows == 0);
    CHECK(store.customerCount() == 0);
    CHECK_FALSE(importCustomers(target, "", std::chrono::system_clock::now()).refused.empty());
}

TEST_CASE("csv import: a number shared by two customers needs the external id", "[csv][import]") {
    using agentdesk::server::FieldCipher;
    using agentdesk::server::SqliteCrmStore;
    SqliteCrmStore store(":memory:", FieldCipher::ephemeral());
    StoreImportTarget target(store);
    const auto now = std::chrono::system_clock::now();
    const auto first = importCustomers(target,
                                       "externalId,name,phone\n"
                                       "F1,김아빠,02-555-1234\n"
                                       "F2,김엄마,02-555-1234\n"  // another external id: new
                                       ",김아빠,02-555-1234\n",   // which one? skipped
                                       now);
    CHECK(first.created == 2);
    REQUIRE(first.skipped.size() == 1);
    CHECK(first.skipped[0].line == 4);
    CHECK(first.skipped[0].reason.find("2 different customers") != std::string::npos);
}
