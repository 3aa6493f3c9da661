// Queue KPIs on a driven clock against figures computed by hand.
#include <catch2/catch.hpp>

#include "tests/support/test_server.h"

using namespace agentdesk::test;
using nlohmann::json;

namespace {
json queueStats(const HttpClient& c, const std::string& id, const std::string& window = "") {
    auto all = c.get("/api/v1/queues" + (window.empty() ? "" : "?window=" + window)).json();
    for (const auto& q : all) {
        if (q["id"] == id)
            return q;
    }
    return {};
}

// Answers the next call offered to this agent after `from`, talks, hangs up, wraps up.
int handleNext(TestServer& server, HttpClient& agent, EventCollector& events, int from, int talkSec,
               int acwSec) {
    const int offer = events.waitForType("call.offered", from);
    REQUIRE(offer >= 0);
    const std::string id = events.events()[offer].data["call"]["id"];
    REQUIRE(agent.post("/api/v1/calls/" + id + "/answer").status == 202);
    server.advanceSec(talkSec);
    REQUIRE(agent.post("/api/v1/calls/" + id + "/hangup").status == 202);
    server.advanceSec(acwSec);
    REQUIRE(agent.post("/api/v1/calls/" + id + "/wrapup", {{"code", "GENERAL_INQUIRY"}}).status ==
            202);
    return offer + 1;
}
}  // namespace

TEST_CASE("KPIs for a driven scenario equal the hand-computed figures", "[integration][kpi]") {
    TestServer server;
    HttpClient a2 = server.loggedIn("counselor2");  // general, cancel — the only one on general
    EventCollector events(server.url(), a2.token());
    HttpClient lead = server.loggedIn("lead1");

    // Call 1 enters, agent ready after 10 s: wait 10 s, talk 100 s, ACW 20 s.
    server.injectCall({{"phone", "010-8000-0001"}, {"queue", "general"}});
    server.advanceSec(10);
    REQUIRE(a2.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    int from = handleNext(server, a2, events, 0, 100, 20);
    // Call 2 rings at once: wait 0 s, talk 40 s, ACW 20 s.
    server.injectCall({{"phone", "010-8000-0002"}, {"queue", "general"}});
    from = handleNext(server, a2, events, from, 40, 20);
    // Call 3 waits 30 s (agent not ready), talk 60, ACW 0.
    REQUIRE(
        a2.put("/api/v1/agents/me/state", {{"state", "not_ready"}, {"reason", "break"}}).status ==
        202);
    server.injectCall({{"phone", "010-8000-0003"}, {"queue", "general"}});
    server.advanceSec(30);
    REQUIRE(a2.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    from = handleNext(server, a2, events, from, 60, 0);
    // Call 4 abandons after 5 s, call 5 after 25 s (agent not ready meanwhile).
    REQUIRE(
        a2.put("/api/v1/agents/me/state", {{"state", "not_ready"}, {"reason", "meal"}}).status ==
        202);
    server.injectCall({{"phone", "010-8000-0004"}, {"queue", "general"}, {"patienceSec", 5}});
    server.injectCall({{"phone", "010-8000-0005"}, {"queue", "general"}, {"patienceSec", 25}});
    server.advanceSec(26);
    // Call 6 is waiting now, 12 s old.
    server.injectCall({{"phone", "010-8000-0006"}, {"queue", "general"}});
    server.advanceSec(12);

    const json q = queueStats(lead, "general");
    CHECK(q["offered"] == 6);
    CHECK(q["answered"] == 3);
    CHECK(q["abandoned"] == 2);
    CHECK(q["waiting"] == 1);
    CHECK(q["longestWaitSec"] == 12);
    // SL(20 s): answered within 20 s = 2 (waits 10, 0); base = 3 + 2 − 1 (abandoned in 5 s) = 4
    CHECK(q["serviceLevelPct"].get<double>() == Approx(50.0));
    CHECK(q["abandonRatePct"].get<double>() == Approx(33.3));  // 2 / 6
    CHECK(q["asaSec"].get<double>() == Approx(13.3));          // (10 + 0 + 30) / 3
    CHECK(q["ahtSec"].get<double>() == Approx(80.0));          // (120 + 60 + 60) / 3
    CHECK(q["ewtSec"] == -1);  // fewer than 5 answered: unknown, not made up
    CHECK(q["agents"]["notReady"] == 1);
    CHECK(q["slThresholdSec"] == 20);

    // A 1-minute window sees only calls 5 and 6 (entered 38 s and 12 s ago)... and call 4.
    const json recent = queueStats(lead, "general", "1m");
    CHECK(recent["offered"] == 3);
    CHECK(recent["abandoned"] == 2);
    CHECK(lead.get("/api/v1/queues?window=0m").status == 400);
}

TEST_CASE("EWT is known once enough calls were answered", "[integration][kpi]") {
    TestServerOptions options;
    options.adjustCenter = [](agentdesk::server::CenterConfig& c) {
        c.settings.ewtMinAnswered = 2;
    };
    TestServer server(options);
    HttpClient a2 = server.loggedIn("counselor2");
    EventCollector events(server.url(), a2.token());
    HttpClient lead = server.loggedIn("lead1");
    REQUIRE(a2.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    int from = 0;
    for (int i = 0; i < 2; ++i) {
        server.injectCall({{"phone", "010-8100-000" + std::to_string(i)}, {"queue", "general"}});
        from = handleNext(server, a2, events, from, 50, 10);  // AHT 60
    }
    REQUIRE(
        a2.put("/api/v1/agents/me/state", {{"state", "not_ready"}, {"reason", "break"}}).status ==
        202);
    server.injectCall({{"phone", "010-8100-0009"}, {"queue", "general"}});
    // One agent serving? not_ready agents do not serve: unknown.
    CHECK(queueStats(lead, "general")["ewtSec"] == -1);
    REQUIRE(a2.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const int offer = events.waitForType("call.offered", from);
    REQUIRE(offer >= 0);
    // Ringing: nothing waits; (0 + 1) × 60 ÷ 1 agent = 60 s for the next caller.
    CHECK(queueStats(lead, "general")["ewtSec"] == 60);
}

TEST_CASE("queue.stats is pushed on change and at most every 2 s per queue", "[integration][kpi]") {
    TestServer server;
    HttpClient lead = server.loggedIn("lead1");
    EventCollector events(server.url(), lead.token());
    REQUIRE(events.waitForType("snapshot") == 0);
    server.injectCall({{"phone", "010-8200-0000"}, {"queue", "general"}});  // trainer logs in
    server.advanceSec(5);  // past the pushes that the logins caused
    server.injectCall({{"phone", "010-8200-0001"}, {"queue", "card"}});
    const int first = events.waitFor([](const ReceivedEvent& e) {
        return e.type == "queue.stats" && e.data["id"] == "card" && e.data["waiting"] == 1;
    });
    REQUIRE(first >= 0);
    server.injectCall({{"phone", "010-8200-0002"}, {"queue", "card"}});
    // Within 2 s of the last push: held back.
    CHECK(events.waitFor(
              [](const ReceivedEvent& e) {
                  return e.type == "queue.stats" && e.data["id"] == "card" &&
                         e.data["waiting"] == 2;
              },
              first + 1, std::chrono::milliseconds(300)) == -1);
    server.advanceSec(2);
    CHECK(events.waitFor(
              [](const ReceivedEvent& e) {
                  return e.type == "queue.stats" && e.data["id"] == "card" &&
                         e.data["waiting"] == 2;
              },
              first + 1) > first);
}
