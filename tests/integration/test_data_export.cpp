// agentdesk-server export-interactions and export-notes, the real binary on a database written
// through the store: the period chosen, the CSV a spreadsheet opens safely (BOM, RFC 4180, CRLF,
// formulas defused), personal numbers masked unless --unmasked, which is audited and logged.
#include <catch2/catch.hpp>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>

#include <QTemporaryDir>

#include "common/sqlite_db.h"
#include "server/store/sqlite_crm_store.h"
#include "tests/support/server_binary.h"

using namespace agentdesk::test;
using agentdesk::server::FieldCipher;
using agentdesk::server::SqliteCrmStore;
using nlohmann::json;

namespace {

const std::string kExportServer = AGENTDESK_SERVER_BINARY;

// A local time on 2026-11-`day`.
agentdesk::TimePoint novemberDay(int day, int hour) {
    std::tm tm{};
    tm.tm_year = 2026 - 1900;
    tm.tm_mon = 10;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_isdst = -1;
    return std::chrono::system_clock::from_time_t(std::mktime(&tm));
}

std::string exportFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void addCall(SqliteCrmStore& store, const std::string& customer, const std::string& callId,
             agentdesk::TimePoint at, const std::string& noteText) {
    agentdesk::server::InteractionRecord call;
    call.customerId = customer;
    call.callId = callId;
    call.queue = "card";
    call.reason = "결제 문의";
    call.endReason = "completed";
    call.agentId = "U-counselor1";
    call.startedAt = at;
    call.durationSec = 185;
    store.recordInteraction(call);
    agentdesk::server::Note note;
    note.idempotencyKey = callId;
    note.callId = callId;
    note.customerId = customer;
    note.wrapupCode = "BILLING";
    note.text = noteText;
    note.authorId = "U-counselor1";
    note.createdAt = at + std::chrono::minutes(4);
    store.createNote(note, false);
}

}  // namespace

TEST_CASE("Interactions and notes of a period export as CSV for Excel, masked unless asked",
          "[integration][export]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const std::string root = dir.path().toStdString();
    const std::string db = root + "/server.db";
    std::string customer;
    {
        SqliteCrmStore store(db, FieldCipher::forDatabase("", db));
        agentdesk::server::User counselor;
        counselor.id = "U-counselor1";
        counselor.username = "counselor1";
        counselor.name = "김하늘";
        counselor.passwordHash = "x";
        store.upsertUser(counselor);
        agentdesk::server::CustomerChange fields;
        fields.name = "=HYPERLINK(\"http://evil\")";
        fields.phones = {{0, "+821012345678", "mobile", true}};
        customer = store.createCustomer(fields, novemberDay(1, 9));
        addCall(store, customer, "CALL-OUT-BEFORE", novemberDay(9, 23), "기간 밖");
        addCall(store, customer, "CALL-1", novemberDay(10, 0),
                "고객 \"분실\" 신고, 카드 9410-1234-5678-9012 정지\n회신 010-9876-5432");
        addCall(store, customer, "CALL-2", novemberDay(11, 23),
                "+1 다음 달 재확인, 주민 850312-1234567");
        addCall(store, customer, "CALL-OUT-AFTER", novemberDay(12, 0), "기간 밖");
    }
    const std::string dbArg = " --db " + db;

    const ShellRun notes =
        runShell(kExportServer + " export-notes --from 2026-11-10 --to 2026-11-11 " + root +
                     "/notes.csv" + dbArg,
                 root + "/out.log");
    INFO(notes.output);
    REQUIRE(notes.status == 0);
    CHECK(notes.output.find("exported 2 note(s)") != std::string::npos);
    const std::string csv = exportFile(root + "/notes.csv");
    INFO(csv);
    REQUIRE(csv.rfind("\xEF\xBB\xBF"
                      "createdAt,updatedAt,noteId,",
                      0) == 0);  // BOM, header
    CHECK(csv.find("기간 밖") == std::string::npos);
    // RFC 4180: the note with quotes and a line break is one quoted field, quotes doubled.
    CHECK(csv.find("\"고객 \"\"분실\"\" 신고, 카드 ") != std::string::npos);
    // Masked: no card, resident or phone number in the clear.
    CHECK(csv.find("9410-1234-5678-9012") == std::string::npos);
    CHECK(csv.find("1234567") == std::string::npos);
    CHECK(csv.find("010-9876-5432") == std::string::npos);
    CHECK(csv.find("010-****-5432") != std::string::npos);
    // Formulas defused: the name and the note starting with '+' begin with an apostrophe.
    CHECK(csv.find(",\"'=HYPERLINK(\"\"http://evil\"\")\",") != std::string::npos);
    CHECK(csv.find(",\"'+1 다음 달 재확인, 주민 [rrn]\"") != std::string::npos);
    CHECK(csv.find(",김하늘,") != std::string::npos);  // the author's name
    // Every record ends in CRLF: header + 2 records, the line break inside the note is LF only.
    std::size_t crlf = 0;
    for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2))
        ++crlf;
    CHECK(crlf == 3);
    CHECK(csv.size() >= 2);
    CHECK(csv.substr(csv.size() - 2) == "\r\n");

    const ShellRun calls =
        runShell(kExportServer + " export-interactions --from 2026-11-10 --to 2026-11-11 " + root +
                     "/calls.csv" + dbArg,
                 root + "/out.log");
    INFO(calls.output);
    REQUIRE(calls.status == 0);
    const std::string callsCsv = exportFile(root + "/calls.csv");
    INFO(callsCsv);
    CHECK(callsCsv.find("CALL-1,") != std::string::npos);
    CHECK(callsCsv.find("CALL-2,") != std::string::npos);
    CHECK(callsCsv.find("CALL-OUT-") == std::string::npos);
    CHECK(callsCsv.find("2026-11-10 00:00:00,") != std::string::npos);  // local time
    CHECK(callsCsv.find(",010-****-5678,") != std::string::npos);
    CHECK(callsCsv.find("010-1234-5678") == std::string::npos);
    CHECK(callsCsv.find(",185,") != std::string::npos);

    // Unmasked: asked for by name, recorded in the audit trail and the log.
    const ShellRun unmasked =
        runShell(kExportServer + " export-notes --from 2026-11-10 --to 2026-11-11 " + root +
                     "/notes-unmasked.csv --unmasked" + dbArg,
                 root + "/out.log");
    INFO(unmasked.output);
    REQUIRE(unmasked.status == 0);
    CHECK(unmasked.output.find("UNMASKED") != std::string::npos);
    CHECK(unmasked.output.find("export-notes --unmasked 2026-11-10..2026-11-11 (2 rows)") !=
          std::string::npos);
    const std::string clear = exportFile(root + "/notes-unmasked.csv");
    CHECK(clear.find("9410-1234-5678-9012") != std::string::npos);
    CHECK(clear.find("010-9876-5432") != std::string::npos);
    {
        agentdesk::SqliteDb check(db, agentdesk::DbAccess::ReadOnly);
        auto st = check.prepare(
            "SELECT count(*) FROM audit_log WHERE user_id LIKE 'os:%' AND action LIKE "
            "'export-notes --unmasked 2026-11-10..2026-11-11 (2 rows) to %notes-unmasked.csv'");
        st.step();
        CHECK(st.integer(0) == 1);
        st.reset();
    }

    // Bad input: a clear error, exit 2, no file written.
    for (const std::string& bad :
         {std::string("export-notes --from 2026-11-31 --to 2026-12-01 ") + root + "/bad.csv",
          std::string("export-notes --from 2026-11-12 --to 2026-11-10 ") + root + "/bad.csv",
          std::string("export-notes --from 2026-11-10 ") + root + "/bad.csv",
          std::string("export-interactions --from 2026-11-10 --to 2026-11-11"),
          std::string("export-interactions --from 2026-11-10 --to 2026-11-11 --bogus ") + root +
              "/bad.csv"}) {
        const ShellRun run = runShell(kExportServer + " " + bad + dbArg, root + "/out.log");
        INFO(bad << "\n" << run.output);
        CHECK(run.status == 2);
        CHECK_FALSE(std::filesystem::exists(root + "/bad.csv"));
    }
    // No database there: exit 1, nothing created.
    const ShellRun missing =
        runShell(kExportServer + " export-notes --from 2026-11-10 --to 2026-11-11 " + root +
                     "/bad.csv --db " + root + "/none/server.db",
                 root + "/out.log");
    CHECK(missing.status == 1);
    CHECK_FALSE(std::filesystem::exists(root + "/bad.csv"));
    CHECK_FALSE(std::filesystem::exists(root + "/none"));
}
