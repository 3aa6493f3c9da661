// agentdesk-server import-customers, the real binary on a temporary database: creates, updates
// by external id and by phone, a report naming the line and reason of every bad row, --dry-run
// writing nothing, the exit statuses; then the server on that database finds an imported
// customer exactly as one created through POST /customers.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <string>

#include <QTemporaryDir>

#include "common/sqlite_db.h"
#include "tests/support/cp949.h"
#include "tests/support/server_binary.h"
#include "tests/support/test_server.h"

using namespace agentdesk::test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

const std::string kImportServer = AGENTDESK_SERVER_BINARY;

ShellRun importRun(const std::string& args, const std::string& root) {
    return runShell(kImportServer + " " + args, root + "/import.out");
}

void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string importCp949(const std::string& utf8) {
    auto converted = toCp949(utf8);
    REQUIRE(converted);
    return *converted;
}

// "created 3, updated 0, unchanged 0, skipped 4" from the report.
std::string importCounts(const std::string& output) {
    std::smatch m;
    if (std::regex_search(output, m,
                          std::regex("created [0-9]+, updated [0-9]+, unchanged [0-9]+, "
                                     "skipped [0-9]+")))
        return m[0];
    return {};
}

std::int64_t importScalar(const std::string& db, const std::string& sql) {
    agentdesk::SqliteDb conn(db, agentdesk::DbAccess::ReadOnly);
    auto st = conn.prepare(sql);
    st.step();
    const auto value = st.integer(0);
    st.reset();
    return value;
}

}  // namespace

TEST_CASE("import-customers: a center's CSV file into the database the server serves",
          "[integration][import]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const std::string root = dir.path().toStdString();
    const std::string db = root + "/server.db";
    const std::string dbArg = " --db " + db;

    // The first file: UTF-8 with BOM and CRLF, as Excel's "CSV UTF-8" saves it.
    const std::string first = root + "/first.csv";
    writeFile(first,
              "\xEF\xBB\xBF"
              "고객번호,이름,휴대폰,전화,생년월일,이메일,주소,등급,마케팅동의,메모\r\n"
              "K-100,김민준,010-2222-3333,,1985.03.12,minjun@example.kr,\"서울시 강남구, 101동\","
              "VIP,Y,단골\r\n"
              "K-101,이서연,010-4444-5555,02-555-1234,19900101,,,,N,\r\n"
              "K-102,박지훈,010-12-34,,,,,,,\r\n"
              "K-103,최유진,010-6666-7777,,1990-02-30,,,,,\r\n"
              "K-104,,010-8888-9999,,,,,,,\r\n"
              "K-105,정하윤,010-1212-3434,,,,\"부산시\r\n해운대구\",,,\r\n"
              "K-106,강도윤,010-5656-7878,,,,,,Z,\r\n");

    SECTION("bad command lines and unreadable files") {
        CHECK(importRun("import-customers", root).status == 2);
        CHECK(importRun("import-customers " + first + " --bogus" + dbArg, root).status == 2);
        CHECK(importRun("import-customers " + first + " --db", root).status == 2);
        CHECK(importRun("import-customers " + root + "/missing.csv" + dbArg, root).status == 1);
        const std::string noName = root + "/no-name.csv";
        writeFile(noName, "phone,email\n010-2222-3333,a@example.kr\n");
        const ShellRun refused = importRun("import-customers " + noName + dbArg, root);
        INFO(refused.output);
        CHECK(refused.status == 1);
        CHECK(refused.output.find("no name column") != std::string::npos);
        CHECK(importScalar(db, "SELECT count(*) FROM customers") == 0);
    }

    SECTION("import, dry run, re-import, then the server finds what was imported") {
        // A dry run first: the same report, nothing written.
        const ShellRun dry = importRun("import-customers " + first + " --dry-run" + dbArg, root);
        const ShellRun real = importRun("import-customers " + first + dbArg, root);
        INFO(dry.output);
        INFO(real.output);
        CHECK(dry.status == 3);
        CHECK(real.status == 3);
        CHECK(importCounts(real.output) == "created 3, updated 0, unchanged 0, skipped 4");
        CHECK(importCounts(dry.output) == importCounts(real.output));
        CHECK(dry.output.find("dry run: nothing was written") != std::string::npos);
        CHECK(real.output.find("as UTF-8 with BOM") != std::string::npos);
        CHECK(real.output.find("ignored column(s): 메모") != std::string::npos);
        const char* expected[] = {
            "line 4: skipped: a phone number in column \"휴대폰\" is not a Korean phone number",
            "line 5: skipped: birth date is not a real date",
            "line 6: skipped: the name is empty (a new customer needs one)",
            "line 9: skipped: marketing consent must be Y or N",
        };
        for (const char* line : expected) {
            CHECK(real.output.find(line) != std::string::npos);
            CHECK(dry.output.find(line) != std::string::npos);
        }
        CHECK(importScalar(db, "SELECT count(*) FROM customers") == 3);
        CHECK(importScalar(db,
                           "SELECT count(*) FROM customers WHERE external_id = 'K-105' AND "
                           "address = '부산시\n해운대구'") == 1);

        // The second file: CP949 with LF, as Excel's plain "CSV" saves it in Korea. An update
        // by external id, one by phone (no external id), one unchanged row, one new customer.
        const std::string second = root + "/second.csv";
        writeFile(second, importCp949("External ID,Name,Phones,Birth Date,E-mail,SMS 동의\n"
                                      "K-100,김민준,010-2222-3333,,minjun.kim@example.kr,Y\n"
                                      ",이서연,010-4444-5555 / 02-555-1234,,,Y\n"
                                      "K-105,정하윤,010-1212-3434,,,\n"
                                      "K-107,윤서준,010-9090-8080;031-123-4567,2001/7/4,,N\n"));
        const ShellRun dry2 = importRun("import-customers " + second + " --dry-run" + dbArg, root);
        INFO(dry2.output);
        CHECK(dry2.status == 0);
        CHECK(importCounts(dry2.output) == "created 1, updated 2, unchanged 1, skipped 0");
        CHECK(importScalar(db, "SELECT count(*) FROM customers") == 3);
        CHECK(importScalar(db,
                           "SELECT count(*) FROM customers WHERE email = "
                           "'minjun@example.kr'") == 1);

        const ShellRun real2 = importRun("import-customers " + second + dbArg, root);
        INFO(real2.output);
        CHECK(real2.status == 0);
        CHECK(real2.output.find("as CP949") != std::string::npos);
        CHECK(importCounts(real2.output) == importCounts(dry2.output));
        CHECK(importScalar(db, "SELECT count(*) FROM customers") == 4);
        CHECK(importScalar(db,
                           "SELECT count(*) FROM customers WHERE external_id = 'K-100' AND "
                           "email = 'minjun.kim@example.kr'") == 1);
        CHECK(importScalar(db,
                           "SELECT count(*) FROM customers WHERE external_id = 'K-101' AND "
                           "consents LIKE '%\"sms\":true%'") == 1);

        // The server on that database: the imported customer is found by phone and is what
        // POST /customers stores for the same data.
        const ShellRun added =
            runShell("printf 'lead-pass-1\\n' | " + kImportServer +
                         " add-user lead --name '김팀장' --role teamlead" + dbArg,
                     root + "/add-user.out");
        REQUIRE(added.status == 0);
        SpawnedProcess server(
            {kImportServer, "--db", db, "--listen", "127.0.0.1:0", "--log", "warn"},
            root + "/server.log");
        REQUIRE(server.started());
        const std::string url = servedUrl(server);
        INFO(server.output());
        REQUIRE_FALSE(url.empty());
        HttpClient client(url);
        const auto login =
            client.post("/api/v1/sessions", {{"username", "lead"}, {"password", "lead-pass-1"}});
        REQUIRE(login.status == 201);
        client.setToken(login.json().value("token", ""));

        const auto found = client.get("/api/v1/customers?phone=" + urlEncode("01022223333"));
        INFO(found.body);
        REQUIRE(found.status == 200);
        REQUIRE(found.json().size() == 1);
        const json item = found.json()[0];
        CHECK(item["name"] == "김민준");
        CHECK(item["externalId"] == "K-100");
        CHECK(item["grade"] == "VIP");
        const auto imported =
            client.get("/api/v1/customers/" + item["id"].get<std::string>() + "/360");
        REQUIRE(imported.status == 200);

        const auto posted =
            client.post("/api/v1/customers", {{"name", "김민준"},
                                              {"phones", {{{"number", "010-2222-3334"}}}},
                                              {"birthDate", "1985-03-12"},
                                              {"email", "minjun.kim@example.kr"},
                                              {"address", "서울시 강남구, 101동"},
                                              {"grade", "VIP"},
                                              {"consents", {{"marketing", true}, {"sms", true}}}});
        INFO(posted.body);
        REQUIRE(posted.status == 201);
        json a = imported.json();
        json b = posted.json();
        for (json* v : {&a, &b}) {
            auto& c = (*v)["customer"];
            for (const char* key :
                 {"id", "customerNo", "externalId", "phones", "createdAt", "updatedAt"})
                c.erase(key);
        }
        CHECK(a.dump() == b.dump());
        CHECK(imported.json()["customer"]["phones"][0]["label"] == "mobile");
        CHECK(imported.json()["customer"]["phones"][0]["number"] == "010-****-3333");
    }
}
