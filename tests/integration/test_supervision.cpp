// Supervision of a live call by team leads and trainers (listen, whisper, barge), and the
// sl_breach alert the lead's monitor relies on.
#include <catch2/catch.hpp>

#include "tests/support/test_server.h"

using namespace agentdesk::test;
using nlohmann::json;

namespace {

// Waits for the next call.state after `from` and returns its index.
int nextCallState(const EventCollector& events, int from) {
    return events.waitFor([](const ReceivedEvent& e) { return e.type == "call.state"; }, from);
}

int nextSupervision(const EventCollector& events, int from) {
    return events.waitFor([](const ReceivedEvent& e) { return e.type == "call.supervision"; },
                          from);
}

// counselor1 ready, a call for C00001 answered; returns the call id.
std::string connectedCall(TestServer& server, HttpClient& a1, EventCollector& e1) {
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string id =
        server.injectCall({{"customerId", "C00001"}, {"queue", "card"}, {"intent", "refund"}});
    REQUIRE(e1.waitForType("call.offered") >= 0);
    REQUIRE(a1.post("/api/v1/calls/" + id + "/answer").status == 202);
    return id;
}

int countAlerts(const EventCollector& events, const std::string& kind) {
    int n = 0;
    for (const auto& e : events.events())
        n += e.type == "alert" && e.data["kind"] == kind;
    return n;
}

// Offers, answers, hangs up and wraps up the next call at once (answered within T).
void handleQuickly(TestServer& server, HttpClient& agent, EventCollector& events, int& from,
                   const std::string& phone) {
    server.injectCall({{"phone", phone}, {"queue", "general"}});
    const int offer = events.waitForType("call.offered", from);
    REQUIRE(offer >= 0);
    from = offer + 1;
    const std::string id = events.events()[offer].data["call"]["id"];
    REQUIRE(agent.post("/api/v1/calls/" + id + "/answer").status == 202);
    server.advanceSec(5);
    REQUIRE(agent.post("/api/v1/calls/" + id + "/hangup").status == 202);
    REQUIRE(agent.post("/api/v1/calls/" + id + "/wrapup", {{"code", "GENERAL_INQUIRY"}}).status ==
            202);
    server.advanceSec(3);
}

}  // namespace

TEST_CASE("A team lead listens, whispers and stops, the counselor's call.state shows who and how",
          "[integration][supervision]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    HttpClient lead = server.loggedIn("lead1");
    EventCollector e1(server.url(), a1.token());
    REQUIRE(e1.waitForType("snapshot") == 0);
    EventCollector eLead(server.url(), lead.token());
    REQUIRE(eLead.waitForType("snapshot") == 0);
    const std::string id = connectedCall(server, a1, e1);
    const int answered = nextCallState(e1, 0);
    REQUIRE(answered >= 0);
    CHECK(e1.events()[answered].data["call"]["supervision"].is_null());

    // listen
    auto r = lead.request("POST", "/api/v1/calls/" + id + "/supervise", R"({"mode":"listen"})",
                          {"X-Request-Id: sup-1"});
    REQUIRE(r.status == 202);
    CHECK(r.json()["requestId"] == "sup-1");
    int state = nextCallState(e1, answered + 1);
    REQUIRE(state >= 0);
    json data = e1.events()[state].data;
    CHECK(data["requestId"] == "sup-1");
    CHECK(data["call"]["state"] == "connected");
    CHECK(data["call"]["supervision"]["mode"] == "listen");
    CHECK(data["call"]["supervision"]["supervisorId"] == "A2001");
    CHECK(data["call"]["supervision"]["supervisorName"] == "최현우");
    CHECK(a1.get("/api/v1/calls/current").json()["supervision"]["mode"] == "listen");

    // The lead hears of it on call.supervision (no call object: it carries the full number),
    // and never gets the counselor's call.state.
    int sup = nextSupervision(eLead, 0);
    REQUIRE(sup >= 0);
    CHECK(eLead.events()[sup].data["callId"] == id);
    CHECK(eLead.events()[sup].data["agentId"] == "A1001");
    CHECK(eLead.events()[sup].data["reason"] == "started");
    CHECK(eLead.events()[sup].data["supervision"]["mode"] == "listen");
    CHECK_FALSE(eLead.events()[sup].data.contains("call"));
    const json agent = agentById(lead, "A1001");
    CHECK(agent["supervision"]["mode"] == "listen");
    CHECK(agent["supervision"]["supervisorId"] == "A2001");
    CHECK(agentById(lead, "A2001")["supervising"] ==
          json({{"callId", id}, {"agentId", "A1001"}, {"mode", "listen"}}));
    CHECK(agentById(lead, "A1002")["supervision"].is_null());

    // whisper, then barge: the mode changes in place
    REQUIRE(lead.post("/api/v1/calls/" + id + "/supervise", {{"mode", "whisper"}}).status == 202);
    state = nextCallState(e1, state + 1);
    REQUIRE(state >= 0);
    CHECK(e1.events()[state].data["call"]["supervision"]["mode"] == "whisper");
    sup = nextSupervision(eLead, sup + 1);
    REQUIRE(sup >= 0);
    CHECK(eLead.events()[sup].data["reason"] == "mode_changed");
    REQUIRE(lead.post("/api/v1/calls/" + id + "/supervise", {{"mode", "barge"}}).status == 202);
    state = nextCallState(e1, state + 1);
    REQUIRE(state >= 0);
    CHECK(e1.events()[state].data["call"]["supervision"]["mode"] == "barge");

    // Supervision survives hold.
    REQUIRE(a1.post("/api/v1/calls/" + id + "/hold").status == 202);
    state = nextCallState(e1, state + 1);
    REQUIRE(state >= 0);
    CHECK(e1.events()[state].data["call"]["supervision"]["mode"] == "barge");

    // stop
    REQUIRE(lead.post("/api/v1/calls/" + id + "/supervise/stop").status == 202);
    state = nextCallState(e1, state + 1);
    REQUIRE(state >= 0);
    CHECK(e1.events()[state].data["call"]["supervision"].is_null());
    sup = nextSupervision(eLead, sup + 1);
    sup = nextSupervision(eLead, sup + 1);  // after barge's mode_changed
    REQUIRE(sup >= 0);
    CHECK(eLead.events()[sup].data["reason"] == "stopped");
    CHECK(eLead.events()[sup].data["supervision"].is_null());
    CHECK(agentById(lead, "A1001")["supervision"].is_null());
    CHECK(agentById(lead, "A2001")["supervising"].is_null());
    auto again = lead.post("/api/v1/calls/" + id + "/supervise/stop");
    CHECK(again.status == 409);
    CHECK(again.errorCode() == "invalid_state");
}

TEST_CASE("Supervision is for leads and trainers, on connected or held calls only",
          "[integration][supervision]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    HttpClient a2 = server.loggedIn("counselor2");
    HttpClient lead = server.loggedIn("lead1");
    HttpClient trainer = server.loggedIn("trainer1");
    EventCollector e1(server.url(), a1.token());
    REQUIRE(e1.waitForType("snapshot") == 0);
    EventCollector eLead(server.url(), lead.token());
    REQUIRE(eLead.waitForType("snapshot") == 0);

    // A ringing call cannot be supervised yet.
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string id =
        server.injectCall({{"customerId", "C00001"}, {"queue", "card"}, {"intent", "refund"}});
    REQUIRE(e1.waitForType("call.offered") >= 0);
    auto r = lead.post("/api/v1/calls/" + id + "/supervise", {{"mode", "listen"}});
    CHECK(r.status == 409);
    CHECK(r.errorCode() == "invalid_state");
    REQUIRE(a1.post("/api/v1/calls/" + id + "/answer").status == 202);

    CHECK(a2.post("/api/v1/calls/" + id + "/supervise", {{"mode", "listen"}}).status == 403);
    CHECK(a2.post("/api/v1/calls/" + id + "/supervise/stop").status == 403);
    CHECK(lead.post("/api/v1/calls/" + id + "/supervise", {{"mode", "spy"}}).status == 400);
    CHECK(lead.post("/api/v1/calls/" + id + "/supervise", json::object()).status == 400);
    CHECK(lead.post("/api/v1/calls/nope/supervise", {{"mode", "listen"}}).status == 404);
    CHECK(lead.post("/api/v1/calls/nope/supervise/stop").status == 404);

    // One supervisor per call.
    REQUIRE(lead.post("/api/v1/calls/" + id + "/supervise", {{"mode", "listen"}}).status == 202);
    r = trainer.post("/api/v1/calls/" + id + "/supervise", {{"mode", "barge"}});
    CHECK(r.status == 409);
    CHECK(r.json()["error"]["message"] == "the call is already supervised by 최현우");
    CHECK(trainer.post("/api/v1/calls/" + id + "/supervise/stop").status == 409);

    // The call ending ends supervision; the ended call cannot be supervised.
    REQUIRE(a1.post("/api/v1/calls/" + id + "/hangup").status == 202);
    const int ended = eLead.waitFor([](const ReceivedEvent& e) {
        return e.type == "call.supervision" && e.data["reason"] == "call_ended";
    });
    REQUIRE(ended >= 0);
    CHECK(eLead.events()[ended].data["supervision"].is_null());
    CHECK(eLead.events()[ended].data["agentId"] == "A1001");
    CHECK(agentById(lead, "A2001")["supervising"].is_null());
    r = lead.post("/api/v1/calls/" + id + "/supervise", {{"mode", "listen"}});
    CHECK(r.status == 409);
    CHECK(r.json()["error"]["message"] == "the call has ended");
    CHECK(lead.post("/api/v1/calls/" + id + "/supervise/stop").status == 409);

    // Nobody supervises their own call.
    REQUIRE(a1.post("/api/v1/calls/" + id + "/wrapup", {{"code", "GENERAL_INQUIRY"}}).status ==
            202);
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "not_ready"}}).status == 202);
    EventCollector eTrainer(server.url(), trainer.token());
    REQUIRE(eTrainer.waitForType("snapshot") == 0);
    REQUIRE(trainer.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string own = server.injectCall({{"phone", "010-8000-0009"}, {"queue", "card"}});
    REQUIRE(eTrainer.waitForType("call.offered") >= 0);
    REQUIRE(trainer.post("/api/v1/calls/" + own + "/answer").status == 202);
    r = trainer.post("/api/v1/calls/" + own + "/supervise", {{"mode", "listen"}});
    CHECK(r.status == 409);
    CHECK(r.json()["error"]["message"] == "you cannot supervise your own call");
}

TEST_CASE("A lead who supervises is not offered calls until the supervision ends",
          "[integration][supervision]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    HttpClient lead = server.loggedIn("lead1");
    EventCollector e1(server.url(), a1.token());
    REQUIRE(e1.waitForType("snapshot") == 0);
    EventCollector eLead(server.url(), lead.token());
    REQUIRE(eLead.waitForType("snapshot") == 0);
    const std::string id = connectedCall(server, a1, e1);
    REQUIRE(lead.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    REQUIRE(lead.post("/api/v1/calls/" + id + "/supervise", {{"mode", "whisper"}}).status == 202);
    server.injectCall({{"phone", "010-8000-0010"}, {"queue", "card"}});
    server.advanceSec(2);
    CHECK(eLead.waitForType("call.offered", 0, std::chrono::milliseconds(300)) == -1);
    REQUIRE(lead.post("/api/v1/calls/" + id + "/supervise/stop").status == 202);
    CHECK(eLead.waitForType("call.offered") >= 0);
}

TEST_CASE(
    "sl_breach is raised once when a queue's service level drops below its target, and "
    "again only after it recovered",
    "[integration][alerts]") {
    TestServer server;
    HttpClient lead = server.loggedIn("lead1");
    EventCollector eLead(server.url(), lead.token());
    REQUIRE(eLead.waitForType("snapshot") == 0);
    HttpClient a2 = server.loggedIn("counselor2");  // general, cancel
    EventCollector e2(server.url(), a2.token());
    REQUIRE(e2.waitForType("snapshot") == 0);
    CHECK(lead.get("/api/v1/queues").json()[0]["slTargetPct"] == 80.0);

    // A call waits past T (20 s) with nobody ready: SL 0 % < 80 %.
    server.injectCall({{"phone", "010-8000-0001"}, {"queue", "general"}});
    server.advanceSec(26);
    const int first = eLead.waitFor(
        [](const ReceivedEvent& e) { return e.type == "alert" && e.data["kind"] == "sl_breach"; });
    REQUIRE(first >= 0);
    const json alert = eLead.events()[first].data;
    CHECK(alert["queue"] == "general");
    CHECK(alert["severity"] == "warning");
    CHECK(alert["serviceLevelPct"] == 0.0);
    CHECK(alert["slTargetPct"] == 80.0);
    CHECK(alert["slThresholdSec"] == 20);
    CHECK(alert["message"].get<std::string>().find("80%") != std::string::npos);
    server.advanceSec(30);
    CHECK(countAlerts(eLead, "sl_breach") == 1);  // once per breach

    // The late call is answered, then four quick ones: 4 ÷ 5 = 80 %, recovered.
    int from = 0;
    REQUIRE(a2.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const int offer = e2.waitForType("call.offered");
    REQUIRE(offer >= 0);
    from = offer + 1;
    const std::string late = e2.events()[offer].data["call"]["id"];
    REQUIRE(a2.post("/api/v1/calls/" + late + "/answer").status == 202);
    REQUIRE(a2.post("/api/v1/calls/" + late + "/hangup").status == 202);
    REQUIRE(a2.post("/api/v1/calls/" + late + "/wrapup", {{"code", "GENERAL_INQUIRY"}}).status ==
            202);
    for (int i = 2; i <= 5; ++i)
        handleQuickly(server, a2, e2, from, "010-8000-000" + std::to_string(i));
    server.advanceSec(3);
    CHECK(countAlerts(eLead, "sl_breach") == 1);

    // Below target again: a second alert.
    REQUIRE(
        a2.put("/api/v1/agents/me/state", {{"state", "not_ready"}, {"reason", "break"}}).status ==
        202);
    server.injectCall({{"phone", "010-8000-0006"}, {"queue", "general"}});
    server.advanceSec(26);
    const int second = eLead.waitFor(
        [](const ReceivedEvent& e) { return e.type == "alert" && e.data["kind"] == "sl_breach"; },
        first + 1);
    REQUIRE(second >= 0);
    CHECK(eLead.events()[second].data["serviceLevelPct"].get<double>() == Approx(66.7));
    CHECK(countAlerts(eLead, "sl_breach") == 2);
}
