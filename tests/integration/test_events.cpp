// The event stream: snapshot first, strictly increasing ids, replay after Last-Event-ID,
// resync when too old, heartbeats, disconnect detection, filtering by role and skill.
#include <catch2/catch.hpp>

#include <thread>

#include "server/events/event_hub.h"
#include "tests/support/test_server.h"

using namespace agentdesk::test;
using nlohmann::json;

TEST_CASE("Ids increase strictly and the stream starts with a snapshot", "[integration][sse]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    EventCollector events(server.url(), a1.token());
    REQUIRE(events.waitForType("snapshot") == 0);
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    for (int i = 0; i < 5; ++i) {
        server.injectCall({{"phone", "010-6000-000" + std::to_string(i)}, {"queue", "general"}});
    }
    REQUIRE(events.waitForType("call.offered") > 0);
    server.advanceSec(3);
    REQUIRE(events.waitForType("queue.stats", 1) > 0);
    auto all = events.events();
    unsigned long long previous = std::stoull(all[0].id);
    for (std::size_t i = 1; i < all.size(); ++i) {
        const unsigned long long id = std::stoull(all[i].id);
        INFO(all[i].type);
        CHECK(id > previous);
        previous = id;
    }
}

TEST_CASE("Resume with Last-Event-ID replays exactly what was missed", "[integration][sse]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    std::string lastSeen;
    {
        EventCollector first(server.url(), a1.token());
        REQUIRE(first.waitForType("snapshot") == 0);
        REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
        REQUIRE(waitAgentState(first, "A1001", "ready") > 0);
        lastSeen = first.lastEventId();
    }
    // While disconnected: a call is offered and answered.
    const std::string callId = server.injectCall({{"customerId", "C00001"}, {"queue", "general"}});
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/answer").status == 202);

    EventCollector resumed(server.url(), a1.token(), lastSeen);
    const int offered = resumed.waitForType("call.offered");
    REQUIRE(offered >= 0);
    CHECK(resumed.events()[offered].data["call"]["id"] == callId);
    REQUIRE(resumed.waitFor([](const ReceivedEvent& e) {
        return e.type == "call.state" && e.data["call"]["state"] == "connected";
    }) > offered);
    for (const auto& e : resumed.events()) {
        CHECK(e.type != "snapshot");
        CHECK(std::stoull(e.id) > std::stoull(lastSeen));
    }
}

TEST_CASE("A Last-Event-ID older than the replay buffer gets resync", "[integration][sse]") {
    TestServerOptions options;
    options.replayCapacity = 8;
    TestServer server(options);
    HttpClient a1 = server.loggedIn("counselor1");
    std::string lastSeen;
    {
        EventCollector first(server.url(), a1.token());
        REQUIRE(first.waitForType("snapshot") == 0);
        lastSeen = first.lastEventId();
    }
    for (int i = 0; i < 6; ++i) {
        REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
        REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "not_ready"}, {"reason", "break"}})
                    .status == 202);
    }
    EventCollector resumed(server.url(), a1.token(), lastSeen);
    REQUIRE(resumed.waitForType("resync") == 0);
    // And the stream goes on live after the resync.
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    REQUIRE(waitAgentState(resumed, "A1001", "ready") > 0);
    // An id from the future (a restarted server) also gets resync.
    EventCollector future(server.url(), a1.token(), "99999999999999999");
    REQUIRE(future.waitForType("resync") == 0);
    // Garbage is a bad request.
    auto bad = a1.request("GET", "/api/v1/events", "", {"Last-Event-ID: abc"});
    CHECK(bad.status == 400);
}

TEST_CASE("Counselors see only their own events and their queues, leads see all",
          "[integration][sse]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");  // general, card
    HttpClient a2 = server.loggedIn("counselor2");  // general, cancel
    HttpClient lead = server.loggedIn("lead1");
    EventCollector e1(server.url(), a1.token());
    EventCollector leadEvents(server.url(), lead.token());
    REQUIRE(e1.waitForType("snapshot") == 0);
    REQUIRE(a2.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    REQUIRE(waitAgentState(leadEvents, "A1002", "ready") >= 0);
    server.injectCall({{"phone", "010-6000-1111"}, {"queue", "cancel"}});
    server.advanceSec(2);  // queue.stats: at most every 2 s per queue
    REQUIRE(leadEvents.waitFor([](const ReceivedEvent& e) {
        return e.type == "queue.stats" && e.data["id"] == "cancel";
    }) >= 0);
    // A change of counselor1's own, published after everything above: once e1 has it, e1 has
    // had every earlier event it was going to get.
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    REQUIRE(waitAgentState(e1, "A1001", "ready") >= 0);
    for (const auto& e : e1.events()) {
        if (e.type == "agent.state")
            CHECK(e.data["agentId"] == "A1001");
        if (e.type == "queue.stats")
            CHECK(e.data["id"] != "cancel");
        CHECK(e.type != "call.offered");
    }
    // Leads follow agents through agent.state; call details (full caller numbers) are the
    // handling agent's alone.
    for (const auto& e : leadEvents.events()) {
        CHECK(e.type != "call.offered");
        CHECK(e.type != "call.state");
    }
    auto snap = e1.events()[0].data;
    for (const auto& q : snap["queues"])
        CHECK(q["id"] != "cancel");
}

TEST_CASE("Heartbeats keep the stream alive and closed clients are detected",
          "[integration][sse]") {
    agentdesk::server::ManualClock clock(testStartTime());
    agentdesk::server::ServerConfig config;
    config.port = 0;
    config.dbPath = ":memory:";
    config.demo = true;
    config.demoRate = 0;
    config.clock = &clock;
    config.heartbeat = std::chrono::seconds(1);
    agentdesk::server::ServerApp app(config);
    app.start();
    HttpClient a1(app.baseUrl());
    a1.login("counselor1");
    std::size_t open = 0;
    {
        EventCollector events(app.baseUrl(), a1.token());
        REQUIRE(events.waitForType("snapshot") == 0);
        // Heartbeats are real time (1 s here), whatever the demo clock does.
        CHECK(eventually([&] { return events.comments() >= 2; }, std::chrono::seconds(10)));
        app.runOnIo([&] { open = app.hub().streamCount(); });
        CHECK(open == 1);
    }
    CHECK(eventually(
        [&] {
            app.runOnIo([&] { open = app.hub().streamCount(); });
            return open == 0;
        },
        std::chrono::seconds(5)));
    app.stop();
}

TEST_CASE("Logging out closes the session's streams", "[integration][sse]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    EventCollector events(server.url(), a1.token());
    REQUIRE(events.waitForType("snapshot") == 0);
    REQUIRE(a1.del("/api/v1/sessions/current").status == 204);
    CHECK(eventually([&] { return events.finished(); }, std::chrono::seconds(5)));
    CHECK(a1.get("/api/v1/agents/me").status == 401);
}

TEST_CASE("An expired session's stream is closed and its agent logged out", "[integration][sse]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    EventCollector events(server.url(), a1.token());
    REQUIRE(events.waitForType("snapshot") == 0);
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    server.advance(std::chrono::hours(12));
    CHECK(eventually([&] { return events.finished(); }, std::chrono::seconds(5)));
    HttpClient lead = server.loggedIn("lead1");
    for (const auto& agent : lead.get("/api/v1/agents").json()) {
        if (agent["id"] == "A1001")
            CHECK(agent["state"] == "logged_out");
    }
}

TEST_CASE("An agent whose session expires during a call is logged out once the call is over",
          "[integration][sse]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string callId = server.injectCall({{"customerId", "C00001"}, {"queue", "general"}});
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/answer").status == 202);
    server.advance(std::chrono::hours(12) + std::chrono::seconds(1));
    HttpClient lead = server.loggedIn("lead1");
    auto stateOf = [&] {
        for (const auto& agent : lead.get("/api/v1/agents").json()) {
            if (agent["id"] == "A1001")
                return agent["state"].get<std::string>();
        }
        return std::string();
    };
    CHECK(stateOf() == "on_call");  // the call goes on
    HttpClient trainer = server.loggedIn("trainer1");
    REQUIRE(trainer.post("/api/v1/demo/calls/" + callId + "/hangup").status == 202);
    server.advanceSec(1);
    CHECK(stateOf() == "logged_out");
}
