// Store work off the I/O thread on PostgreSQL (store/store_pool.h): a small pool, each job on a
// connection of its own; the server's other requests answered while one waits on the
// database; and a call's note and interaction linked when two connections write them at once.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <latch>
#include <mutex>
#include <set>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <nlohmann/json.hpp>

#include "resources/embedded.h"
#include "server/acd/acd.h"
#include "server/demo/data_set.h"
#include "server/store/ordered_writes.h"
#include "server/store/pg/pg_crm_store.h"
#include "server/store/pg/pg_db.h"
#include "server/store/store_engine.h"
#include "server/store/store_pool.h"
#include "tests/support/pg_cluster.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

using namespace agentdesk::test;
namespace srv = agentdesk::server;
using nlohmann::json;

TEST_CASE("store pool on PostgreSQL: jobs run at once, each on a connection of its own",
          "[store][pg]") {
    TempDir dir("agentdesk-pg-pool");
    const std::string uri = sharedPgCluster().createDatabaseUri();
    const std::string key = (dir.path / "server.key").string();
    auto serving = srv::openStores(uri, key, srv::StoreUse::Serve);
    boost::asio::io_context io;
    auto keepRunning = boost::asio::make_work_guard(io);
    auto pool = srv::openStorePool(uri, key, *serving.crm, *serving.kb, io);
    REQUIRE(pool->threads() == srv::StorePool::kPostgresConnections);
    REQUIRE(pool->writesOffThread());

    // As many jobs as connections, each waiting until all have started: only a pool that runs
    // them at once, on different connections, lets every one of them through.
    const std::size_t n = srv::StorePool::kPostgresConnections;
    std::atomic<std::size_t> started{0};
    std::mutex mutex;
    std::set<const void*> connections;
    std::size_t finished = 0, allMet = 0;
    for (std::size_t i = 0; i < n; ++i) {
        pool->read(
            [&](const srv::StorePool::Stores& s) {
                {
                    std::lock_guard lock(mutex);
                    connections.insert(&s.crm);
                }
                ++started;
                const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
                while (started < n && std::chrono::steady_clock::now() < deadline)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                return json{{"met", started == n}, {"customers", s.crm.customerCount()}};
            },
            [&](srv::StorePool::Result r) {
                REQUIRE_FALSE(r.error);
                ++finished;
                allMet += r.value["met"].get<bool>() ? 1 : 0;
            });
    }
    while (finished < n)
        io.run_one();
    CHECK(allMet == n);
    CHECK(connections.size() == n);
    CHECK(connections.count(serving.crm.get()) == 0);

    // A write on one pooled connection is committed for the others and the serving one.
    srv::CustomerChange change;
    change.name = "박서준";
    std::string id;
    pool->write(
        [change](const srv::StorePool::Stores& s) {
            return json(s.crm.createCustomer(change, std::chrono::system_clock::now()));
        },
        [&](srv::StorePool::Result r) {
            REQUIRE_FALSE(r.error);
            id = r.value.get<std::string>();
        });
    while (id.empty())
        io.run_one();
    CHECK(serving.crm->customerExists(id));
    // A statement's error comes back as the exception, on the I/O side; the connection goes on.
    bool failed = false;
    pool->write(
        [](const srv::StorePool::Stores& s) -> json {
            s.crm.atomically([&] { throw std::runtime_error("rolled back"); });
            return nullptr;
        },
        [&](srv::StorePool::Result r) { failed = r.error != nullptr; });
    while (!failed)
        io.run_one();
    pool->join();
}

TEST_CASE("server on PostgreSQL: a request waiting on the database holds up no other",
          "[store][pg]") {
    TempDir dir("agentdesk-pg-waiting");
    TestServerOptions options = onNewPgDatabase(dir);
    TestServer server(options);
    HttpClient lead = server.loggedIn("lead1");
    HttpClient agent = server.loggedIn("counselor1");

    // Another client of the database holds customer C00003's row: an update of it waits.
    srv::pg::PgDb other(options.dbPath);
    other.execScript("BEGIN");
    other.exec("SELECT id FROM customers WHERE id = 'C00003' FOR UPDATE");
    auto waiting = std::async(std::launch::async, [&] {
        return lead.patch("/api/v1/customers/C00003", {{"email", "waiting@example.com"}});
    });
    REQUIRE(waiting.wait_for(std::chrono::milliseconds(500)) == std::future_status::timeout);

    // Meanwhile the server answers everyone else: what it keeps in memory, and the database.
    const auto start = std::chrono::steady_clock::now();
    CHECK(agent.get("/api/v1/agents/me").status == 200);
    CHECK(agent.get("/api/v1/customers/C00001/360").status == 200);
    CHECK(agent.get("/api/v1/wrapup-codes").status == 200);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    CHECK(waiting.wait_for(std::chrono::milliseconds(0)) == std::future_status::timeout);

    other.execScript("COMMIT");
    const auto updated = waiting.get();
    REQUIRE(updated.status == 200);
    CHECK(updated.json()["customer"]["email"] == "waiting@example.com");
}

TEST_CASE(
    "server on PostgreSQL: logins, tokens to look up and call commands wait off the I/O "
    "thread",
    "[store][pg]") {
    using namespace std::chrono_literals;
    TempDir dir("agentdesk-pg-sessions-waiting");
    TestServerOptions options = onNewPgDatabase(dir);
    TestServer server(options);
    const HttpClient counselor = server.loggedIn("counselor1");
    HttpClient sameCounselor = server.client();  // a second connection of the same desktop
    sameCounselor.setToken(counselor.token());
    const HttpClient other = server.loggedIn("counselor2");
    HttpClient stranger = server.client();  // a token only the database could know
    stranger.setToken(std::string(64, 'a'));

    // Another client of the database holds the users, sessions and wrap-up codes tables.
    srv::pg::PgDb locker(options.dbPath);
    locker.execScript("BEGIN");
    locker.exec("LOCK TABLE users, sessions, wrapup_codes IN ACCESS EXCLUSIVE MODE");
    auto login = std::async(std::launch::async, [&] {
        return server.client().post("/api/v1/sessions",
                                    {{"username", "lead1"}, {"password", "demo"}});
    });
    auto lookUp = std::async(std::launch::async, [&] { return stranger.get("/api/v1/agents/me"); });
    auto wrapup = std::async(std::launch::async, [&] {
        return counselor.post("/api/v1/calls/NO-SUCH-CALL/wrapup", {{"code", "GENERAL_INQUIRY"}});
    });
    REQUIRE(wrapup.wait_for(500ms) == std::future_status::timeout);
    // The same counselor's next command waits behind the wrap-up.
    auto next = std::async(std::launch::async, [&] {
        return sameCounselor.put("/api/v1/agents/me/state", {{"state", "ready"}});
    });
    REQUIRE(login.wait_for(200ms) == std::future_status::timeout);
    REQUIRE(lookUp.wait_for(0ms) == std::future_status::timeout);
    REQUIRE(next.wait_for(300ms) == std::future_status::timeout);

    // Meanwhile the server answers what it keeps in memory at once, another counselor's
    // commands included.
    const auto start = std::chrono::steady_clock::now();
    CHECK(server.client().get("/api/v1/health").status == 200);
    CHECK(other.get("/api/v1/agents/me").status == 200);
    CHECK(other.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    CHECK(std::chrono::steady_clock::now() - start < 2s);
    CHECK(next.wait_for(0ms) == std::future_status::timeout);

    locker.execScript("COMMIT");
    CHECK(login.get().status == 201);
    CHECK(lookUp.get().status == 401);
    // Both answered once the wrap-up's check could run (which of the two answers a client
    // thread sees first is up to the threads).
    CHECK(wrapup.get().status == 404);  // the code is known; the call is not
    CHECK(next.get().status == 202);
}

TEST_CASE("server on PostgreSQL: a new caller is identified off the I/O thread, or offered without",
          "[store][pg]") {
    using namespace std::chrono_literals;
    TempDir dir("agentdesk-pg-identify");
    TestServerOptions options = onNewPgDatabase(dir);
    TestServer server(options);
    const HttpClient agent = server.loggedIn("counselor1");
    EventCollector events(server.url(), agent.token());
    REQUIRE(events.waitForType("snapshot") == 0);
    REQUIRE(agent.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const int ready = waitAgentState(events, "A1001", "ready");
    REQUIRE(ready > 0);
    const json caller = {
        {"phone", "010-1234-5678"}, {"queue", "general"}, {"intent", "billing_inquiry"}};

    // The database holds the phone numbers: the call goes into its queue, the server answers
    // on, and the offer waits for who the caller is.
    srv::pg::PgDb locker(options.dbPath);
    locker.execScript("BEGIN");
    locker.exec("LOCK TABLE customer_phones IN ACCESS EXCLUSIVE MODE");
    const std::string first = server.injectCall(caller);
    const auto start = std::chrono::steady_clock::now();
    CHECK(agent.get("/api/v1/agents/me").status == 200);
    CHECK(std::chrono::steady_clock::now() - start < 1s);
    CHECK(events.waitForType("call.offered", ready, 500ms) < 0);
    // Not told within kIdentifyWithin: offered unidentified rather than not at all.
    server.advance(srv::Acd::kIdentifyWithin + 200ms);
    const int offered = events.waitForType("call.offered", ready);
    REQUIRE(offered > ready);
    json call = events.events()[offered].data["call"];
    CHECK(call["id"] == first);
    CHECK(call["customerMatches"].empty());
    // No caller with this intent was identified yet: nothing to suggest (not asked on the I/O
    // thread).
    CHECK(events.events()[offered].data["suggestedArticles"].empty());
    locker.execScript("COMMIT");
    const HttpClient trainer = server.loggedIn("lead1");
    REQUIRE(trainer.post("/api/v1/demo/calls/" + first + "/hangup").status == 202);
    const int readyAgain = waitAgentState(events, "A1001", "ready", offered);
    REQUIRE(readyAgain > offered);

    // The database answers: the next caller of that number is offered identified.
    const std::string second = server.injectCall(caller);
    const int next = events.waitForType("call.offered", readyAgain);
    REQUIRE(next > 0);
    call = events.events()[next].data["call"];
    CHECK(call["id"] == second);
    REQUIRE(call["customerMatches"].size() == 1);
    CHECK(call["customerMatches"][0]["id"] == "C00001");
    CHECK(events.events()[next].data["suggestedArticles"].size() > 0);
}

TEST_CASE("PostgreSQL: a note and its call's interaction written at the same moment are linked",
          "[store][pg]") {
    // Two pool connections: a desktop's note (its outbox sending again after an outage) and the
    // ACD's ordered write of the call's interaction, at the same moment, a hundred times.
    const std::string where = sharedPgCluster().createDatabase();
    const auto cipher = srv::FieldCipher::ephemeral();
    srv::pg::PgCrmStore notes(where, cipher);
    srv::pg::PgCrmStore calls(where, cipher);
    notes.loadDataSet(
        srv::dataSetFromJson(json::parse(agentdesk::resources::demoCenterJson()), json::object()));
    srv::CustomerChange customer;
    customer.name = "정하윤";
    const std::string id = notes.createCustomer(customer, std::chrono::system_clock::now());
    const int n = 100;
    const auto t0 = std::chrono::system_clock::now();
    for (int i = 0; i < n; ++i) {
        const std::string callId = "RACE-" + std::to_string(i);
        std::latch start(2);
        std::thread note([&] {
            srv::Note draft;
            draft.idempotencyKey = callId;
            draft.callId = callId;
            draft.customerId = id;
            draft.wrapupCode = "GENERAL_INQUIRY";
            draft.text = "동시 저장 " + std::to_string(i);
            draft.authorId = "U-counselor1";
            draft.createdAt = t0 + std::chrono::seconds(i);
            start.arrive_and_wait();
            notes.createNote(draft, true);
        });
        srv::InteractionRecord leg;
        leg.customerId = id;
        leg.callId = callId;
        leg.queue = "general";
        leg.endReason = "completed";
        leg.agentId = "U-counselor1";
        leg.agentName = "김하늘";
        leg.startedAt = t0 + std::chrono::seconds(i);
        start.arrive_and_wait();
        calls.recordInteraction(leg);
        note.join();
    }
    const auto page = calls.interactions(id, std::nullopt, n + 10);
    int linked = 0, legs = 0;
    for (const auto& item : page.items) {
        if (!item.callId)
            continue;
        ++legs;
        linked += item.notes.size() == 1 ? 1 : 0;
    }
    CHECK(legs == n);
    CHECK(linked == n);
}

TEST_CASE("ordered writes on PostgreSQL: in order off the I/O thread, drained before stopping",
          "[store][pg]") {
    TempDir dir("agentdesk-pg-drain");
    const std::string uri = sharedPgCluster().createDatabaseUri();
    const std::string key = (dir.path / "server.key").string();
    auto serving = srv::openStores(uri, key, srv::StoreUse::Serve);
    boost::asio::io_context io;
    auto keepRunning = boost::asio::make_work_guard(io);
    std::thread ioThread([&] { io.run(); });
    auto pool = srv::openStorePool(uri, key, *serving.crm, *serving.kb, io);
    auto writes = std::make_unique<srv::OrderedWrites>(*pool, io);
    const auto onIo = [&](std::function<void()> fn) {
        std::promise<void> ran;
        boost::asio::post(io, [&] {
            fn();
            ran.set_value();
        });
        ran.get_future().wait();
    };
    // Twenty writes as a shutdown finds them: each goes to the pool only after the one before
    // came back, so joining the pool at once would end it after the first.
    std::vector<std::thread::id> threads;
    onIo([&] {
        for (int i = 0; i < 20; ++i)
            writes->push("audit " + std::to_string(i), [i, &threads](srv::CrmStore& s) {
                threads.push_back(std::this_thread::get_id());
                s.audit("U-drain", "C-drain", "drain-" + std::to_string(i),
                        std::chrono::system_clock::now());
            });
    });
    CHECK(writes->drain(onIo, std::chrono::seconds(10)));
    pool->join();
    onIo([&] { writes.reset(); });
    keepRunning.reset();
    io.stop();
    ioThread.join();
    CHECK(serving.crm->auditCount("C-drain") == 20);
    REQUIRE(threads.size() == 20);
    CHECK(std::count(threads.begin(), threads.end(), ioThread.get_id()) == 0);
}
