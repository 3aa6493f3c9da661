// Server runtime features for load and reconnect tests: accelerated demo time (ScaledClock),
// synthetic demo counselors, and dropping/restoring the network side without losing state.
#include <catch2/catch.hpp>

#include <memory>
#include <set>
#include <thread>

#include "server/acd/telephony.h"
#include "server/events/event_hub.h"
#include "tests/support/test_server.h"

using namespace agentdesk::test;
using agentdesk::server::ScaledClock;
using agentdesk::server::ServerApp;
using agentdesk::server::ServerConfig;
using nlohmann::json;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bool waitFinished(const EventCollector& events) {
    return eventually([&] { return events.finished(); }, std::chrono::seconds(5));
}

}  // namespace

TEST_CASE("ScaledClock runs scale times faster than wall time", "[server][runtime]") {
    const auto wallBefore = std::chrono::system_clock::now();
    ScaledClock clock(20);
    CHECK(clock.scale() == 20);
    const auto realStart = std::chrono::steady_clock::now();
    const auto t0 = clock.now();
    // Demo time starts at the wall-clock instant of construction.
    CHECK(t0 >= wallBefore);
    CHECK(t0 - wallBefore < std::chrono::seconds(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the time the clock measures
    const auto t1 = clock.now();
    const double real = secondsSince(realStart);
    const double demo = agentdesk::server::secondsBetween(t0, t1);
    INFO("real " << real << " s, demo " << demo << " s");
    CHECK(demo >= 3.9);                // 20 × at least 200 ms
    CHECK(demo <= 20 * real + 0.001);  // never ahead of 20 × the real time that passed
    CHECK(demo >= 20 * (real - 0.05));

    CHECK_THROWS_AS(ScaledClock(0), std::invalid_argument);
    CHECK_THROWS_AS(ScaledClock(-2), std::invalid_argument);
}

TEST_CASE("A server with a time scale generates demo calls at the scaled rate",
          "[server][runtime]") {
    ServerConfig config;
    config.port = 0;
    config.dbPath = ":memory:";
    config.demo = true;
    config.demoKnowledge = false;
    config.demoRate = 120;  // per demo minute: 2 a demo second, 40 a real second
    config.timeScale = 20;
    config.seed = 7;
    config.heartbeat = std::chrono::seconds(1);
    ServerApp app(config);
    REQUIRE(dynamic_cast<const ScaledClock*>(&app.clock()) != nullptr);
    app.start();
    const auto demoStart = app.clock().now();  // the generator starts on the first tick
    const auto realStart = std::chrono::steady_clock::now();
    HttpClient trainer(app.baseUrl());
    trainer.login("trainer1");
    REQUIRE_FALSE(trainer.token().empty());
    {
        // Heartbeats stay in real time: about one a second, not twenty.
        EventCollector events(app.baseUrl(), trainer.token());
        REQUIRE(events.waitForType("snapshot") == 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // the rate is the subject
        CHECK(events.comments() >= 1);
        CHECK(events.comments() <= 3);
    }
    const double demoSec = agentdesk::server::secondsBetween(demoStart, app.clock().now());
    int offered = 0;
    for (const auto& q : trainer.get("/api/v1/queues?window=1h").json())
        offered += q["offered"].get<int>();
    const double expected = demoSec * 2;
    INFO("real " << secondsSince(realStart) << " s, demo " << demoSec << " s, offered " << offered
                 << ", expected about " << expected);
    CHECK(demoSec >= 30);  // 20 × at least 1.5 s
    // Poisson: generous bounds, but far above the unscaled rate (about 3 calls in 1.5 s).
    CHECK(offered >= expected * 0.5);
    CHECK(offered <= expected * 1.6 + 5);
    app.stop();

    ServerConfig bad;
    bad.timeScale = 0;
    CHECK_THROWS_AS(ServerApp(bad), std::invalid_argument);
}

TEST_CASE("Demo load agents are counselors with every queue and numbered extensions",
          "[server][runtime]") {
    const auto center = agentdesk::server::parseCenterConfig(
        json::parse(R"({"queues":[{"id":"general"},{"id":"card"},{"id":"cancel","skill":"cx"}],
                        "users":[{"id":"A1","username":"u1","extension":"2001"},
                                 {"id":"A2","username":"u2","extension":"2201"},
                                 {"id":"A3","username":"u3","extension":"ops"}]})"));
    const auto agents = agentdesk::server::demoLoadAgents(center, 1000);
    REQUIRE(agents.size() == 1000);
    CHECK(agents[0].username == "agent001");
    CHECK(agents[0].id == "U-agent001");
    CHECK(agents[0].name == "상담사 001");
    CHECK(agents[0].nameEn == "Agent 001");
    CHECK(agents[0].extension == "2202");
    CHECK(agents[0].role == agentdesk::server::Role::Counselor);
    CHECK(agents[0].skills == std::vector<std::string>{"general", "card", "cx"});
    CHECK(agents[0].passwordHash.empty());
    CHECK(agents[998].username == "agent999");
    CHECK(agents[999].username == "agent1000");
    CHECK(agents[999].extension == "3201");
    CHECK(agentdesk::server::demoLoadAgents(center, 0).empty());
}

TEST_CASE("Demo load agents log in with demo and take calls like the demo counselors",
          "[server][runtime]") {
    TestServerOptions options;
    options.demoAgents = 5;
    TestServer server(options);

    HttpClient nobody = server.client();
    CHECK(
        nobody.post("/api/v1/sessions", {{"username", "agent006"}, {"password", "demo"}}).status ==
        401);
    CHECK(
        nobody.post("/api/v1/sessions", {{"username", "agent005"}, {"password", "nope"}}).status ==
        401);

    HttpClient agent = server.client();
    const json login = agent.login("agent005");
    REQUIRE_FALSE(agent.token().empty());
    CHECK(login["agent"]["id"] == "U-agent005");
    CHECK(login["agent"]["name"] == "상담사 005");
    CHECK(login["agent"]["role"] == "counselor");
    CHECK(login["agent"]["skills"] == json::array({"general", "card", "cancel"}));
    CHECK(login["agent"]["extension"] == "2206");  // after trainer1's 2201

    HttpClient lead = server.loggedIn("lead1");
    std::set<std::string> ids;
    for (const auto& a : lead.get("/api/v1/agents").json())
        ids.insert(a["id"].get<std::string>());
    CHECK(ids.count("U-agent001") == 1);
    CHECK(ids.count("U-agent005") == 1);
    CHECK(ids.count("U-agent006") == 0);

    EventCollector events(server.url(), agent.token());
    REQUIRE(events.waitForType("snapshot") == 0);
    REQUIRE(agent.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const int ready = waitAgentState(events, "U-agent005", "ready");
    REQUIRE(ready > 0);
    const std::string callId =
        server.injectCall({{"customerId", "C00001"}, {"queue", "cancel"}, {"talkSec", 600}});
    const int offered = events.waitFor(
        [&](const ReceivedEvent& e) {
            return e.type == "call.offered" && e.data["call"]["id"] == callId;
        },
        ready);
    REQUIRE(offered > ready);
    server.advanceSec(3);
    REQUIRE(agent.post("/api/v1/calls/" + callId + "/answer").status == 202);
    REQUIRE(waitAgentState(events, "U-agent005", "on_call", offered) > offered);
    CHECK(agent.get("/api/v1/customers/C00001/360").status == 200);
    server.advanceSec(30);
    REQUIRE(agent.post("/api/v1/calls/" + callId + "/hangup").status == 202);
    const int acw = waitAgentState(events, "U-agent005", "after_call_work", offered);
    REQUIRE(acw > offered);
    auto note = agent.post("/api/v1/notes", {{"idempotencyKey", "load-agent-note-1"},
                                             {"callId", callId},
                                             {"customerId", "C00001"},
                                             {"wrapupCode", "GENERAL_INQUIRY"},
                                             {"text", "부하 시험 상담 메모"}});
    REQUIRE(note.status == 201);
    const std::string noteId = note.json()["id"];
    REQUIRE(agent
                .post("/api/v1/calls/" + callId + "/wrapup",
                      {{"code", "GENERAL_INQUIRY"}, {"noteId", noteId}})
                .status == 202);
    REQUIRE(waitAgentState(events, "U-agent005", "ready", acw) > acw);

    const json latest = agent.get("/api/v1/customers/C00001/360").json()["interactions"][0];
    CHECK(latest["callId"] == callId);
    CHECK(latest["wrapupCode"] == "GENERAL_INQUIRY");
    REQUIRE(latest["notes"].size() == 1);
    CHECK(latest["notes"][0]["id"] == noteId);
    CHECK(agent.get("/api/v1/agents/me").json()["handledToday"] == 1);
}

TEST_CASE("stopListening drops every stream and startListening resumes with a replay",
          "[server][runtime]") {
    TestServer server;
    const std::uint16_t port = server.app().port();
    HttpClient a1 = server.loggedIn("counselor1");
    HttpClient lead = server.loggedIn("lead1");
    auto stream = std::make_unique<EventCollector>(server.url(), a1.token());
    REQUIRE(stream->waitForType("snapshot") == 0);

    std::vector<unsigned long long> ids;  // every event of every counselor stream, in order
    std::string state = "not_ready";
    for (int cycle = 0; cycle < 6; ++cycle) {
        INFO("cycle " << cycle);
        // Live events flow before the drop.
        state = state == "ready" ? "not_ready" : "ready";
        REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", state}}).status == 202);
        REQUIRE(waitAgentState(*stream, "A1001", state) >= 0);
        EventCollector leadStream(server.url(), lead.token());
        REQUIRE(leadStream.waitForType("snapshot") == 0);

        server.stopListening();
        server.stopListening();  // idempotent
        CHECK_FALSE(server.app().listening());
        REQUIRE(waitFinished(*stream));
        REQUIRE(waitFinished(leadStream));
        std::size_t open = 99;
        server.app().runOnIo([&] { open = server.app().hub().streamCount(); });
        CHECK(open == 0);
        const auto refused = a1.get("/api/v1/agents/me");
        CHECK(refused.status == 0);
        CHECK(refused.curlCode != 0);

        // Published while the network is down: the ACD goes on.
        state = state == "ready" ? "not_ready" : "ready";
        const std::string requestId = "req-offline-" + std::to_string(cycle);
        std::uint64_t before = 0;
        std::uint64_t after = 0;
        bool changed = false;
        server.app().runOnIo([&] {
            before = server.app().hub().lastId();
            changed = server.app()
                          .telephony()
                          .setAgentState("A1001", *agentdesk::server::parseAgentState(state), "",
                                         requestId)
                          .ok();
            after = server.app().hub().lastId();
        });
        REQUIRE(changed);
        REQUIRE(after > before);

        const std::string lastSeen = stream->lastEventId();
        for (const auto& e : stream->events())
            ids.push_back(std::stoull(e.id));
        REQUIRE(std::stoull(lastSeen) <= before);

        server.startListening();
        server.startListening();  // idempotent
        CHECK(server.app().listening());
        CHECK(server.app().port() == port);
        const auto again = a1.get("/api/v1/agents/me");
        INFO("curl " << again.curlCode << " body " << again.body);
        CHECK(again.status == 200);  // the session survived

        stream = std::make_unique<EventCollector>(server.url(), a1.token(), lastSeen);
        const int replayed = stream->waitFor([&](const ReceivedEvent& e) {
            return e.type == "agent.state" && e.data["agentId"] == "A1001" &&
                   e.data["state"] == state && e.data.value("requestId", "") == requestId;
        });
        REQUIRE(replayed >= 0);
        const auto resumed = stream->events();
        const unsigned long long replayedId = std::stoull(resumed[replayed].id);
        CHECK(replayedId > before);
        CHECK(replayedId <= after);
        for (const auto& e : resumed) {
            CHECK(e.type != "snapshot");
            CHECK(e.type != "resync");
        }
    }
    // The last stream goes on live.
    state = state == "ready" ? "not_ready" : "ready";
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", state}}).status == 202);
    REQUIRE(waitAgentState(*stream, "A1001", state) >= 0);
    stream->stop();
    for (const auto& e : stream->events())
        ids.push_back(std::stoull(e.id));
    // No event twice, none out of order, over all the streams together.
    for (std::size_t i = 1; i < ids.size(); ++i) {
        INFO("event " << i);
        CHECK(ids[i] > ids[i - 1]);
    }
}

TEST_CASE("stop works after stopListening and startListening needs a running server",
          "[server][runtime]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    EventCollector events(server.url(), a1.token());
    REQUIRE(events.waitForType("snapshot") == 0);
    server.stopListening();
    REQUIRE(waitFinished(events));
    server.stop();
    CHECK_FALSE(server.app().running());
    CHECK_FALSE(server.app().listening());
    server.stopListening();  // nothing to do
    CHECK_THROWS_AS(server.startListening(), std::logic_error);
}
