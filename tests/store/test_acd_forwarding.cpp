// One ACD per center, on the node that holds the lease: the other node forwards the API to it
// over NATS (server/cluster/acd_owner_gate.h). Two in-process nodes on one PostgreSQL database
// and one nats-server: a counselor who only ever talks to the node that does not run the ACD
// logs in, goes ready, is offered a call and answers it there, and both nodes agree; the
// stream on that node starts with the owner's snapshot. When the owner stops, the other node
// takes over with the agents of the stored sessions, each in the state they had chosen, the
// call one of them was on and the callers waiting in the queue, and every stream resyncs.
#include <catch2/catch.hpp>

#include <chrono>
#include <future>
#include <memory>
#include <thread>

#include <nlohmann/json.hpp>

#include "server/store/pg/pg_db.h"

#include "tests/support/center_nodes.h"
#include "tests/support/eventually.h"

using namespace agentdesk::test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

json acdOf(TestServer& node, const HttpClient& lead) {
    HttpClient client = node.client();
    client.setToken(lead.token());
    const auto r = client.get("/api/v1/server/status");
    return r.status == 200 ? r.json()["events"]["acd"] : json();
}

HttpClient as(TestServer& node, const std::string& token) {
    HttpClient client = node.client();
    client.setToken(token);
    return client;
}

// Node A runs the ACD (a team lead logged in there); node B, started after it, knows that.
struct TwoNodes {
    CenterNodes center;
    std::unique_ptr<TestServer> a = std::make_unique<TestServer>(center.node("node-a"));
    HttpClient leadOnA = a->loggedIn("lead1");
    std::unique_ptr<TestServer> b;
    TwoNodes() {
        REQUIRE(eventually([&] { return acdOf(*a, leadOnA)["here"] == true; }));
        b = std::make_unique<TestServer>(center.node("node-b"));
        REQUIRE(eventually([&] { return acdOf(*b, leadOnA)["owner"] == "node-a"; }));
    }
};

}  // namespace

TEST_CASE("The node without the ACD forwards the API to the node that runs it",
          "[store][cluster]") {
    TwoNodes nodes;
    TestServer& a = *nodes.a;
    TestServer& b = *nodes.b;
    const HttpClient& leadOnA = nodes.leadOnA;
    REQUIRE(acdOf(b, leadOnA)["here"] == false);

    // Everything through node B.
    const HttpClient counselor = b.loggedIn("counselor1");
    const HttpClient lead = as(b, leadOnA.token());
    EventCollector stream(b.url(), counselor.token());
    REQUIRE(stream.waitForType("snapshot") == 0);
    const ReceivedEvent snap = stream.events().at(0);
    CHECK(snap.data["agent"]["state"] == "not_ready");  // the owner's ACD has the login
    CHECK(snap.data["agent"]["reason"] == "login");

    const auto ready = counselor.put("/api/v1/agents/me/state", {{"state", "ready"}});
    REQUIRE(ready.status == 202);
    CHECK(stream.waitFor([](const ReceivedEvent& e) {
        return e.type == "agent.state" && e.data["state"] == "ready";
    }) > 0);
    CHECK(as(a, counselor.token()).get("/api/v1/agents/me").json()["state"] == "ready");

    const auto injected =
        lead.post("/api/v1/demo/calls", {{"queue", "card"}, {"customerId", "C00001"}});
    REQUIRE(injected.status == 202);
    const std::string callId = injected.json()["callId"];
    REQUIRE(stream.waitForType("call.offered") > 0);
    const auto answered = counselor.post("/api/v1/calls/" + callId + "/answer", json::object());
    CHECK(answered.status == 202);
    const auto onA = as(a, counselor.token()).get("/api/v1/calls/current");
    const auto onB = counselor.get("/api/v1/calls/current");
    REQUIRE(onA.status == 200);
    CHECK(onA.json()["id"] == callId);
    CHECK(onA.json()["state"] == "connected");
    CHECK(onB.json() == onA.json());
    // The owner knows the call, so the counselor on it sees the caller's number in full, through
    // either node (a node's own idle ACD would mask it).
    const auto view = counselor.get("/api/v1/customers/C00001/360");
    REQUIRE(view.status == 200);
    const json phone = view.json()["customer"]["phones"][0];
    CHECK_FALSE(phone.value("masked", false));
    CHECK(phone["number"].get<std::string>().find('*') == std::string::npos);

    // An unknown call is the owner's 404, passed on unchanged.
    CHECK(counselor.post("/api/v1/calls/call-none/answer", json::object()).status == 404);
    const json status = acdOf(b, lead);
    CHECK(status["forwarded"].get<int>() >= 8);
    CHECK(status["forwardNoOwner"] == 0);
    CHECK(acdOf(a, lead)["servedForOthers"].get<int>() >= 8);
}

TEST_CASE("When the owner stops, the other node takes over with the agents and calls as they were",
          "[store][cluster]") {
    TwoNodes nodes;
    auto& a = nodes.a;
    TestServer& b = *nodes.b;
    const HttpClient& leadOnA = nodes.leadOnA;
    const HttpClient ready = b.loggedIn("counselor1");  // takes the card queue
    const HttpClient onBreak = b.loggedIn("counselor3");
    const HttpClient justIn = b.loggedIn("counselor2");
    REQUIRE(ready.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    REQUIRE(onBreak.put("/api/v1/agents/me/state", {{"state", "not_ready"}, {"reason", "break"}})
                .status == 202);
    EventCollector stream(b.url(), ready.token());
    REQUIRE(stream.waitForType("snapshot") == 0);
    // One caller talking to the ready counselor, two waiting behind them, in this order.
    HttpClient lead = b.client();
    lead.setToken(leadOnA.token());
    auto callFrom = [&](const char* customerId) {
        const auto r =
            lead.post("/api/v1/demo/calls", {{"queue", "card"}, {"customerId", customerId}});
        REQUIRE(r.status == 202);
        return r.json()["callId"].get<std::string>();
    };
    const std::string talking = callFrom("C00002");
    REQUIRE(stream.waitFor([&](const ReceivedEvent& e) {
        return e.type == "call.offered" && e.data["call"]["id"] == talking;
    }) > 0);
    REQUIRE(ready.post("/api/v1/calls/" + talking + "/answer", json::object()).status == 202);
    const std::string firstWaiting = callFrom("C00003");
    const std::string secondWaiting = callFrom("C00004");

    a.reset();  // a clean stop writes the last states and hands the lease over at once
    REQUIRE(eventually([&] { return acdOf(b, leadOnA)["here"] == true; }));
    // Every stream was told to resync; the snapshot it takes is the new owner's.
    const int resync = stream.waitFor([](const ReceivedEvent& e) {
        return e.type == "resync" && e.data["reason"] == "acd_moved";
    });
    CHECK(resync > 0);
    // The same tokens (nobody logs in again), each agent in the state they had chosen.
    const auto snapshot = ready.get("/api/v1/snapshot");
    REQUIRE(snapshot.status == 200);
    const json onBreakNow = onBreak.get("/api/v1/agents/me").json();
    CHECK(onBreakNow["state"] == "not_ready");
    CHECK(onBreakNow["reason"] == "break");
    const json justInNow = justIn.get("/api/v1/agents/me").json();
    CHECK(justInNow["state"] == "not_ready");
    CHECK(justInNow["reason"] == "login");
    // The caller is still talking to them, and the two still wait.
    const auto current = ready.get("/api/v1/calls/current");
    REQUIRE(current.status == 200);
    CHECK(current.json()["id"] == talking);
    CHECK(current.json()["state"] == "connected");
    CHECK(snapshot.json()["agent"]["state"] == "on_call");
    int waiting = -1;
    for (const auto& q : lead.get("/api/v1/queues").json()) {
        if (q["id"] == "card")
            waiting = q["waiting"].get<int>();
    }
    CHECK(waiting == 2);
    // The counselor ends the call and wraps it up on the new owner, then gets the caller who
    // waited longest.
    REQUIRE(ready.post("/api/v1/calls/" + talking + "/hangup", json::object()).status == 202);
    REQUIRE(
        ready.post("/api/v1/calls/" + talking + "/wrapup", {{"code", "GENERAL_INQUIRY"}}).status ==
        202);
    CHECK(stream.waitFor(
              [&](const ReceivedEvent& e) {
                  return e.type == "call.offered" && e.data["call"]["id"] == firstWaiting;
              },
              resync) > resync);
    CHECK(lead.post("/api/v1/demo/calls/" + secondWaiting + "/hangup", json::object()).status ==
          202);
}

TEST_CASE("A node taking over reads the stored state off its I/O thread, and the ACD requests wait",
          "[store][cluster]") {
    // How long another client of the database holds the accounts table during the takeover:
    // shorter than the wait (the requests that came meanwhile are answered once the ACD opens),
    // or longer (they get 503, try again, and the ACD opens when the read comes back).
    const auto locked = std::chrono::milliseconds(GENERATE(1000, 4500));
    INFO("accounts locked for " << locked.count() << " ms");
    TwoNodes nodes;
    auto& a = nodes.a;
    TestServer& b = *nodes.b;
    const HttpClient& leadOnA = nodes.leadOnA;
    const HttpClient counselor = b.loggedIn("counselor1");
    REQUIRE(counselor.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);

    agentdesk::server::pg::PgDb locker(nodes.center.options.dbPath);
    locker.execScript("BEGIN");
    locker.exec("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
    const auto lockedAt = std::chrono::steady_clock::now();
    a.reset();  // a clean stop hands the lease over at once
    REQUIRE(eventually([&] { return acdOf(b, leadOnA)["here"] == true; }));
    // Node B holds the lease and reads what the ACD was: its I/O thread still answers, and a
    // request for the ACD waits for it.
    auto held = std::async(std::launch::async, [&] { return counselor.get("/api/v1/agents/me"); });
    CHECK(held.wait_for(500ms) == std::future_status::timeout);
    const auto start = std::chrono::steady_clock::now();
    CHECK(b.client().get("/api/v1/health").status == 200);
    CHECK(acdOf(b, leadOnA)["here"] == true);
    CHECK(std::chrono::steady_clock::now() - start < 300ms);
    if (locked > 3s) {
        const auto answer = held.get();  // after the wait, while the read still runs
        CHECK(answer.status == 503);
        CHECK(answer.headers.count("retry-after") == 1);
        CHECK(std::chrono::steady_clock::now() < lockedAt + locked);
    }
    std::this_thread::sleep_until(lockedAt + locked);
    locker.execScript("COMMIT");
    if (locked < 3s) {
        const auto answer = held.get();
        REQUIRE(answer.status == 200);
        CHECK(answer.json()["state"] == "ready");
    }
    // The same token, the state the counselor chose, on the node that took over.
    json me;
    REQUIRE(eventually([&] {
        const auto r = counselor.get("/api/v1/agents/me");
        me = r.json();
        return r.status == 200;
    }));
    CHECK(me["state"] == "ready");
}

TEST_CASE("The node without the ACD forwards a counselor's commands one at a time, in order",
          "[store][cluster]") {
    TwoNodes nodes;
    TestServer& b = *nodes.b;  // the counselor's node: everything is forwarded from it
    const HttpClient counselor = b.loggedIn("counselor1");
    const HttpClient lead = as(b, nodes.leadOnA.token());
    REQUIRE(counselor.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    EventCollector stream(b.url(), counselor.token());
    REQUIRE(stream.waitForType("snapshot") == 0);
    const auto injected =
        lead.post("/api/v1/demo/calls", {{"queue", "card"}, {"customerId", "C00001"}});
    REQUIRE(injected.status == 202);
    const std::string callId = injected.json()["callId"];
    REQUIRE(stream.waitForType("call.offered") > 0);
    REQUIRE(counselor.post("/api/v1/calls/" + callId + "/answer", json::object()).status == 202);
    REQUIRE(counselor.post("/api/v1/calls/" + callId + "/hangup", json::object()).status == 202);

    // The wrap-up's code check waits on the owner (another client holds the codes); the
    // "not ready" the desktop sends right after it must not reach the owner first.
    agentdesk::server::pg::PgDb locker(nodes.center.options.dbPath);
    locker.execScript("BEGIN");
    locker.exec("LOCK TABLE wrapup_codes IN ACCESS EXCLUSIVE MODE");
    const int forwardedBefore = acdOf(b, lead)["forwarded"];
    auto wrapup = std::async(std::launch::async, [&] {
        return counselor.post("/api/v1/calls/" + callId + "/wrapup", {{"code", "GENERAL_INQUIRY"}});
    });
    REQUIRE(eventually([&] { return acdOf(b, lead)["forwarded"] == forwardedBefore + 1; }));
    auto notReady = std::async(std::launch::async, [&] {
        return counselor.put("/api/v1/agents/me/state",
                             {{"state", "not_ready"}, {"reason", "break"}});
    });
    CHECK(notReady.wait_for(500ms) == std::future_status::timeout);
    CHECK(acdOf(b, lead)["forwarded"] == forwardedBefore + 1);  // held on node B
    // Another counselor's commands are not held behind them.
    const HttpClient other = b.loggedIn("counselor2");
    CHECK(other.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    locker.execScript("COMMIT");
    CHECK(wrapup.get().status == 202);
    CHECK(notReady.get().status == 202);
    const json me = counselor.get("/api/v1/agents/me").json();
    CHECK(me["state"] == "not_ready");
    CHECK(me["reason"] == "break");
}
