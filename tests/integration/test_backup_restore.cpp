// agentdesk-server backup and restore, the real binary against a running server that is being
// written to: every backup is a consistent snapshot, a restore is refused while the server runs
// and changes nothing then, and a restore afterwards gives back exactly the backed-up records,
// which the server serves again.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <QTemporaryDir>

#include "common/sqlite_db.h"
#include "server/store/database_backup.h"
#include "tests/support/server_binary.h"
#include "tests/support/test_server.h"

using namespace agentdesk::test;
using namespace std::chrono_literals;
using agentdesk::DbAccess;
using agentdesk::SqliteDb;
using nlohmann::json;

namespace {

const std::string kBackupServer = AGENTDESK_SERVER_BINARY;

std::string backupText(SqliteDb& db, const std::string& sql) {
    auto st = db.prepare(sql);
    std::string out = st.step() ? st.text(0) : std::string();
    st.reset();
    return out;
}

std::int64_t backupCount(SqliteDb& db, const std::string& sql) {
    auto st = db.prepare(sql);
    st.step();
    const auto n = st.integer(0);
    st.reset();
    return n;
}

// A customer's stored row and phones as one line of text, to compare two databases.
std::string customerRecord(SqliteDb& db, const std::string& id) {
    auto st = db.prepare(
        "SELECT id || '|' || coalesce(customer_no,'') || '|' || name || '|' || "
        "coalesce(email,'') || '|' || grade || '|' || coalesce(rrn,'') || '|' || consents || '|' "
        "|| updated_ms || '|' || (SELECT group_concat(e164 || ':' || is_primary, ',') FROM "
        "(SELECT e164, is_primary FROM customer_phones WHERE customer_id = customers.id ORDER BY "
        "id)) FROM customers WHERE id = ?");
    st.bind(1, id);
    std::string out = st.step() ? st.text(0) : std::string("(missing)");
    st.reset();
    return out;
}

std::vector<std::string> sampleCustomerIds(SqliteDb& db) {
    // Every seventh demo customer and every customer the writer created.
    auto st = db.prepare(
        "SELECT id FROM customers WHERE rowid % 7 = 0 OR name LIKE '부하시험%' ORDER BY id");
    std::vector<std::string> ids;
    while (st.step())
        ids.push_back(st.text(0));
    return ids;
}

}  // namespace

TEST_CASE(
    "Backups taken under load are consistent, a restore is refused while the server runs "
    "and gives the backed-up records back after",
    "[integration][backup]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const std::string root = dir.path().toStdString();
    const std::string db = root + "/data/server.db";
    std::filesystem::create_directories(root + "/data");

    auto server = std::make_unique<SpawnedProcess>(
        std::vector<std::string>{kBackupServer, "--demo", "--demo-rate", "0", "--db", db,
                                 "--listen", "127.0.0.1:0", "--log", "warn"},
        root + "/server.log");
    std::string url = servedUrl(*server);
    INFO(server->output());
    REQUIRE_FALSE(url.empty());

    // The load: a counselor creating customers (a customer and its phone in one transaction)
    // and changing them, as fast as the server answers, for the whole time the backups run.
    std::atomic<bool> stop{false};
    std::atomic<int> created{0};
    std::thread writer([&] {
        HttpClient counselor(url);
        counselor.login("counselor1");
        for (int n = 0; !stop; ++n) {
            char phone[32];
            std::snprintf(phone, sizeof phone, "010-7%03d-%04d", n / 10000, n % 10000);
            const auto posted = counselor.post(
                "/api/v1/customers",
                {{"name", "부하시험" + std::to_string(n)}, {"phones", {{{"number", phone}}}}});
            if (posted.status != 201)
                continue;
            ++created;
            const std::string id = posted.json()["customer"].value("id", "");
            counselor.patch("/api/v1/customers/" + id,
                            {{"email", "load" + std::to_string(n) + "@example.kr"}});
        }
    });
    struct JoinWriter {
        std::atomic<bool>& stop;
        std::thread& writer;
        ~JoinWriter() {
            stop = true;
            if (writer.joinable())
                writer.join();
        }
    } joinWriter{stop, writer};

    REQUIRE(eventually([&] { return created >= 20; }, 30s));
    std::vector<agentdesk::server::RecordCounts> counts;
    for (int i = 1; i <= 3; ++i) {
        const std::string file = root + "/backup-" + std::to_string(i) + ".db";
        const int createdBefore = created;
        const ShellRun run =
            runShell(kBackupServer + " backup " + file + " --db " + db, root + "/backup.out");
        INFO(run.output);
        REQUIRE(run.status == 0);
        CHECK(run.output.find("backed up") != std::string::npos);
        CHECK(std::filesystem::exists(file));
        CHECK_FALSE(std::filesystem::exists(file + ".partial"));
        CHECK(std::filesystem::status(file).permissions() ==
              (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
        SqliteDb copy(file, DbAccess::ReadOnly);
        CHECK(backupText(copy, "PRAGMA integrity_check") == "ok");
        CHECK(backupText(copy, "PRAGMA journal_mode") == "delete");  // one self-contained file
        CHECK(backupCount(copy, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
        // A customer and its phone were written together: a snapshot never has one alone.
        CHECK(backupCount(copy,
                          "SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM "
                          "customer_phones p WHERE p.customer_id = c.id)") == 0);
        CHECK(backupCount(copy, "SELECT count(*) FROM customers WHERE name LIKE '부하시험%'") >=
              createdBefore);
        counts.push_back(agentdesk::server::countRecords(copy));
        // The writer goes on between backups.
        REQUIRE(eventually([&] { return created >= createdBefore + 10; }, 30s));
    }
    // Later backups hold more: they were taken while customers kept coming.
    CHECK(counts[0].tables[1].second < counts[1].tables[1].second);
    CHECK(counts[1].tables[1].second < counts[2].tables[1].second);

    // Refused while the server uses the database: nothing changes, nothing is left behind.
    const ShellRun refused = runShell(
        kBackupServer + " restore " + root + "/backup-1.db --db " + db, root + "/restore.out");
    INFO(refused.output);
    CHECK(refused.status == 1);
    CHECK(refused.output.find("a server is using the database") != std::string::npos);
    CHECK(refused.output.find("nothing was changed") != std::string::npos);
    for (const auto& entry : std::filesystem::directory_iterator(root + "/data"))
        CHECK(entry.path().filename().string().find("before-restore") == std::string::npos);
    const int createdAtRefusal = created;
    REQUIRE(eventually([&] { return created >= createdAtRefusal + 5; }, 30s));  // still serving

    stop = true;
    writer.join();
    server.reset();  // killed: the kernel drops its lock, as when a service stops

    // A backup that is no database, or missing, is refused the same way.
    std::ofstream(root + "/not-a-backup.db") << "hello";
    CHECK(runShell(kBackupServer + " restore " + root + "/not-a-backup.db --db " + db,
                   root + "/restore.out")
              .status == 1);
    CHECK(runShell(kBackupServer + " restore " + root + "/missing.db --db " + db,
                   root + "/restore.out")
              .status == 1);
    CHECK(runShell(kBackupServer + " restore --db " + db, root + "/restore.out").status == 2);

    const ShellRun restored = runShell(
        kBackupServer + " restore " + root + "/backup-2.db --db " + db, root + "/restore.out");
    INFO(restored.output);
    REQUIRE(restored.status == 0);
    CHECK(restored.output.find("the database it replaced is kept in " + db + ".before-restore-") !=
          std::string::npos);
    {
        SqliteDb now(db, DbAccess::ReadOnly);
        SqliteDb backup2(root + "/backup-2.db", DbAccess::ReadOnly);
        CHECK(agentdesk::server::countRecords(now) == counts[1]);
        CHECK(backupText(now, "PRAGMA integrity_check") == "ok");
        const auto ids = sampleCustomerIds(backup2);
        REQUIRE(ids.size() > 40);
        for (const std::string& id : ids) {
            INFO(id);
            CHECK(customerRecord(now, id) == customerRecord(backup2, id));
        }
        // The newest notes and interactions, field by field.
        for (const char* sql :
             {"SELECT group_concat(id || text || version || updated_ms, '/') FROM (SELECT * FROM "
              "notes ORDER BY created_ms DESC, id LIMIT 50)",
              "SELECT group_concat(id || customer_id || started_ms || coalesce(wrapup_code,''), "
              "'/') FROM (SELECT * FROM interactions ORDER BY started_ms DESC, id LIMIT 50)"}) {
            CHECK(backupText(now, sql) == backupText(backup2, sql));
        }
    }

    // The server serves the restored records: a customer of backup 2 is there, one created
    // after it is not.
    server = std::make_unique<SpawnedProcess>(
        std::vector<std::string>{kBackupServer, "--db", db, "--listen", "127.0.0.1:0", "--log",
                                 "warn"},
        root + "/server2.log");
    url = servedUrl(*server);
    INFO(server->output());
    REQUIRE_FALSE(url.empty());
    HttpClient lead(url);
    lead.login("lead1");
    SqliteDb backup2(root + "/backup-2.db", DbAccess::ReadOnly);
    SqliteDb backup3(root + "/backup-3.db", DbAccess::ReadOnly);
    const std::string kept = backupText(
        backup2, "SELECT id FROM customers WHERE name LIKE '부하시험%' ORDER BY created_ms DESC");
    const std::string later = backupText(
        backup3, "SELECT id FROM customers WHERE name LIKE '부하시험%' ORDER BY created_ms DESC");
    REQUIRE_FALSE(kept.empty());
    REQUIRE(later != kept);
    CHECK(lead.get("/api/v1/customers/" + kept + "/360").status == 200);
    CHECK(lead.get("/api/v1/customers/" + later + "/360").status == 404);
}
