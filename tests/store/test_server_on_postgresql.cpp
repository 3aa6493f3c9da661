// The whole server on PostgreSQL (--db postgresql://…): the demo center seeded, customers,
// notes and knowledge answered over real HTTP, sessions kept across a restart, a database
// outage answered with 503 until the database is back (calls ended meanwhile written after it),
// and the administration commands (import-customers, the exports) on it.
#include <catch2/catch.hpp>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include <nlohmann/json.hpp>

#include "server/store/pg/pg_db.h"
#include "server/store/store_engine.h"
#include "tests/support/pg_cluster.h"
#include "tests/support/server_binary.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

using namespace agentdesk::test;
using nlohmann::json;

TEST_CASE("server on PostgreSQL: demo data over HTTP, sessions across a restart", "[store][pg]") {
    TempDir dir("agentdesk-pg-server");
    TestServerOptions options = onNewPgDatabase(dir);
    REQUIRE(agentdesk::server::isPostgresUri(options.dbPath));

    std::string token;
    {
        TestServer server(options);
        HttpClient agent = server.loggedIn("counselor1");
        token = agent.token();
        const auto found = agent.get("/api/v1/customers?q=" + urlEncode("민준"));
        REQUIRE(found.status == 200);
        REQUIRE_FALSE(found.json().empty());
        CHECK(found.json()[0]["id"] == "C00001");
        CHECK(found.json()[0]["phones"][0]["masked"] == true);
        const auto view = agent.get("/api/v1/customers/C00001/360");
        REQUIRE(view.status == 200);
        CHECK(view.json()["customer"]["residentNumber"] == "850312-1******");
        const auto note = agent.post("/api/v1/notes", {{"idempotencyKey", "pg-1"},
                                                       {"customerId", "C00001"},
                                                       {"wrapupCode", "CARD_LOST"},
                                                       {"text", "PostgreSQL 메모"}});
        REQUIRE(note.status == 201);
        CHECK(agent
                  .post("/api/v1/notes", {{"idempotencyKey", "pg-1"},
                                          {"customerId", "C00001"},
                                          {"wrapupCode", "CARD_LOST"},
                                          {"text", "PostgreSQL 메모"}})
                  .status == 200);  // the same key: the same note
        const auto kb = agent.get("/api/v1/kb/search?limit=3&q=" + urlEncode("카드분실"));
        REQUIRE(kb.status == 200);
        REQUIRE_FALSE(kb.json().empty());
        CHECK(kb.json()[0]["title"].get<std::string>().find("카드 분실") != std::string::npos);
    }
    // Another server on the same database: the token is still good, the note still there, and
    // the demo data is not loaded twice.
    TestServer again(options);
    HttpClient agent = again.client();
    agent.setToken(token);
    CHECK(agent.get("/api/v1/agents/me").status == 200);
    const auto history = agent.get("/api/v1/customers/C00001/interactions?limit=1");
    REQUIRE(history.status == 200);
    CHECK(history.json()["items"][0]["notes"][0]["text"] == "PostgreSQL 메모");
    CHECK(again.app().store().customerCount() == 250);
}

TEST_CASE("server on PostgreSQL: a token from a login works at once on another server",
          "[store][pg]") {
    // The session's row is written off the I/O thread; the login answers once it is there, so
    // the desktop's very next request may go to any node.
    TempDir dir("agentdesk-pg-login-elsewhere");
    TestServerOptions options = onNewPgDatabase(dir);
    TestServer here(options);
    TestServer there(options);
    // The sessions table takes no writes for a second (reads go on): the login waits for its
    // row, then the other server finds the token.
    agentdesk::server::pg::PgDb locker(options.dbPath);
    locker.execScript("BEGIN");
    locker.exec("LOCK TABLE sessions IN SHARE MODE");
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::seconds(1));
        locker.execScript("COMMIT");
    });
    HttpClient desktop = here.client();
    const auto started = std::chrono::steady_clock::now();
    const json login = desktop.login("counselor2");
    const auto took = std::chrono::steady_clock::now() - started;
    HttpClient elsewhere = there.client();
    elsewhere.setToken(desktop.token());
    const int status = elsewhere.get("/api/v1/agents/me").status;
    release.join();
    REQUIRE(login.contains("token"));
    CHECK(status == 200);
    CHECK(took >= std::chrono::milliseconds(900));  // it waited for the row
    CHECK(took < std::chrono::seconds(3));          // not for kLoginSaveWait
}

TEST_CASE("server on PostgreSQL: while the database is down requests get 503, then it recovers",
          "[store][pg]") {
    PgCluster cluster;  // its own: this test stops it
    TempDir dir("agentdesk-pg-outage");
    TestServerOptions options;
    options.dbPath = cluster.createDatabaseUri();
    options.keyFile = (dir.path / "server.key").string();
    TestServer server(options);
    HttpClient agent = server.loggedIn("counselor2");
    REQUIRE(agent.get("/api/v1/customers/C00002/360").status == 200);
    // Another server of the center, which has not seen the token yet (a node, or this one
    // restarted).
    TestServer other(options);
    HttpClient elsewhere = other.client();
    elsewhere.setToken(agent.token());

    cluster.stop();
    // It cannot ask the database about the token: 503, try again, not 401 (logged out).
    const auto unchecked = elsewhere.get("/api/v1/agents/me");
    CHECK(unchecked.status == 503);
    CHECK(unchecked.headers.count("retry-after") == 1);
    const auto down = agent.get("/api/v1/customers/C00002/360");
    CHECK(down.status == 503);
    CHECK(down.json()["error"]["code"] == "unavailable");
    const auto refused = agent.post("/api/v1/notes", {{"idempotencyKey", "outage-1"},
                                                      {"customerId", "C00002"},
                                                      {"wrapupCode", "CARD_LOST"},
                                                      {"text", "장애 중 메모"}});
    CHECK(refused.status == 503);  // nothing stored: the desktop's outbox sends it again

    cluster.start();
    // The first requests after the outage connect again: on the I/O thread's connection and on
    // the reader's (a search), which nothing used while the database was down.
    CHECK(agent.get("/api/v1/customers?q=" + urlEncode("김민준")).status == 200);
    CHECK(agent.get("/api/v1/kb/search?q=" + urlEncode("카드분실")).status == 200);
    CHECK(agent.get("/api/v1/customers/C00002/360").status == 200);
    const auto stored = agent.post("/api/v1/notes", {{"idempotencyKey", "outage-1"},
                                                     {"customerId", "C00002"},
                                                     {"wrapupCode", "CARD_LOST"},
                                                     {"text", "장애 중 메모"}});
    CHECK(stored.status == 201);
    CHECK(elsewhere.get("/api/v1/agents/me").status == 200);
}

TEST_CASE("server on PostgreSQL: a call that ends while the database is down is kept, in order",
          "[store][pg]") {
    PgCluster cluster;  // its own: this test stops it
    TempDir dir("agentdesk-pg-ordered");
    TestServerOptions options;
    options.dbPath = cluster.createDatabaseUri();
    options.keyFile = (dir.path / "server.key").string();
    TestServer server(options);
    HttpClient agent = server.loggedIn("counselor1");
    EventCollector events(server.url(), agent.token());
    REQUIRE(agent.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string callId = server.injectCall({{"customerId", "C00004"}, {"queue", "card"}});
    REQUIRE(events.waitFor([&](const ReceivedEvent& e) {
        return e.type == "call.offered" && e.data["call"]["id"] == callId;
    }) >= 0);
    REQUIRE(agent.post("/api/v1/calls/" + callId + "/answer").status == 202);

    // The database goes away: the hang-up and the wrap-up still work (the ACD does not wait for
    // the database, nor stop half-way), and the call's interaction waits to be written.
    cluster.stop();
    REQUIRE(agent.post("/api/v1/calls/" + callId + "/hangup").status == 202);
    REQUIRE(waitAgentState(events, "A1001", "after_call_work") >= 0);
    CHECK(agent.get("/api/v1/customers/C00004/interactions?limit=1").status == 503);

    cluster.start();
    // Written once the database is back (tried again every second), and in order: the
    // interaction first, so the wrap-up code given later lands on it.
    json latest;
    for (int i = 0; i < 100; ++i) {
        const auto page = agent.get("/api/v1/customers/C00004/interactions?limit=1");
        if (page.status == 200 && !page.json()["items"].empty() &&
            page.json()["items"][0]["callId"] == callId) {
            latest = page.json()["items"][0];
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    REQUIRE_FALSE(latest.is_null());
    CHECK(latest["agentId"] == "A1001");
    REQUIRE(agent.post("/api/v1/calls/" + callId + "/wrapup", {{"code", "CARD_LOST"}}).status ==
            202);
    json wrapped;
    for (int i = 0; i < 50 && wrapped.is_null(); ++i) {
        const auto page = agent.get("/api/v1/customers/C00004/interactions?limit=1").json();
        if (page["items"][0]["wrapupCode"] == "CARD_LOST")
            wrapped = page["items"][0];
        else
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(wrapped["callId"] == callId);
}

TEST_CASE("administration on PostgreSQL: import-customers, then the exports, through the binary",
          "[store][pg]") {
    TempDir dir("agentdesk-pg-admin");
    const std::string uri = sharedPgCluster().createDatabaseUri();
    const std::string key = (dir.path / "server.key").string();
    const std::string root = dir.path.string();
    const std::string dbArgs = " --db '" + uri + "' --key-file " + key;
    const std::string server = AGENTDESK_SERVER_BINARY;
    {
        auto stores = agentdesk::server::openStores(uri, key, agentdesk::server::StoreUse::Serve);
    }  // the schema and the key, as a server's first start leaves them

    std::ofstream(root + "/customers.csv", std::ios::binary)
        << "\xEF\xBB\xBF"
           "고객번호,이름,휴대폰,이메일\r\n"
           "K-100,김민준,010-2222-3333,minjun@example.kr\r\n"
           "K-101,이서연,010-4444-5555,\r\n"
           "K-102,박지훈,010-12-34,\r\n";
    const ShellRun dry =
        runShell(server + " import-customers " + root + "/customers.csv --dry-run" + dbArgs,
                 root + "/dry.out");
    INFO(dry.output);
    REQUIRE(dry.status == 3);  // a row was skipped
    CHECK(dry.output.find("created 2, updated 0, unchanged 0, skipped 1") != std::string::npos);
    const ShellRun imported = runShell(
        server + " import-customers " + root + "/customers.csv" + dbArgs, root + "/import.out");
    INFO(imported.output);
    REQUIRE(imported.status == 3);
    CHECK(imported.output.find("created 2, updated 0, unchanged 0, skipped 1") !=
          std::string::npos);
    // Again: the external ids match, nothing changes.
    const ShellRun again = runShell(
        server + " import-customers " + root + "/customers.csv" + dbArgs, root + "/again.out");
    CHECK(again.output.find("created 0, updated 0, unchanged 2, skipped 1") != std::string::npos);

    // A call and a note for the imported customer, then both exports of that day.
    std::string customerId;
    {
        auto stores = agentdesk::server::openStores(uri, key, agentdesk::server::StoreUse::Serve);
        const auto found = stores.crm->customerByExternalId("K-100");
        REQUIRE(found);
        customerId = *found;
        agentdesk::server::InteractionRecord call;
        call.customerId = customerId;
        call.callId = "CALL-PG-1";
        call.queue = "card";
        call.reason = "결제 문의";
        call.endReason = "completed";
        call.agentId = "U-counselor1";
        call.startedAt = std::chrono::system_clock::now();
        call.durationSec = 61;
        stores.crm->recordInteraction(call);
        agentdesk::server::Note note;
        note.idempotencyKey = "pg-export-1";
        note.callId = "CALL-PG-1";
        note.customerId = customerId;
        note.wrapupCode = "GENERAL_INQUIRY";
        note.text = "주민 850312-1234567 확인, 010-2222-3333 회신";
        note.authorId = "U-counselor1";
        note.createdAt = std::chrono::system_clock::now();
        stores.crm->createNote(note, false);
    }
    std::time_t now = std::time(nullptr);
    char today[16], tomorrow[16];
    std::strftime(today, sizeof today, "%Y-%m-%d", std::localtime(&now));
    now += 86400;
    std::strftime(tomorrow, sizeof tomorrow, "%Y-%m-%d", std::localtime(&now));
    const std::string period = std::string(" --from ") + today + " --to " + tomorrow + " ";
    const ShellRun notes = runShell(
        server + " export-notes" + period + root + "/notes.csv" + dbArgs, root + "/notes.out");
    INFO(notes.output);
    REQUIRE(notes.status == 0);
    CHECK(notes.output.find("exported 1 note(s)") != std::string::npos);
    std::ifstream notesIn(root + "/notes.csv", std::ios::binary);
    const std::string csv((std::istreambuf_iterator<char>(notesIn)),
                          std::istreambuf_iterator<char>());
    CHECK(csv.find("김민준") != std::string::npos);
    CHECK(csv.find("K-100") != std::string::npos);
    CHECK(csv.find("1234567") == std::string::npos);  // masked
    CHECK(csv.find("010-****-3333") != std::string::npos);
    const ShellRun calls =
        runShell(server + " export-interactions" + period + root + "/calls.csv" + dbArgs,
                 root + "/calls.out");
    INFO(calls.output);
    REQUIRE(calls.status == 0);
    CHECK(calls.output.find("exported 1 interaction(s)") != std::string::npos);

    // Backups of a PostgreSQL database are its own tools' job: said, nothing written.
    const ShellRun backup =
        runShell(server + " backup " + root + "/backup.db" + dbArgs, root + "/backup.out");
    CHECK(backup.status != 0);
    CHECK(backup.output.find("pg_dump") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(root + "/backup.db"));
}
