// Missed (RONA), rejected and abandoned calls told apart; transfers; the abuse-warning procedure.
#include <catch2/catch.hpp>

#include "tests/support/test_server.h"

using namespace agentdesk::test;
using nlohmann::json;

namespace {
int endedWith(const EventCollector& events, const std::string& reason, int from = 0) {
    return events.waitFor(
        [&](const ReceivedEvent& e) {
            return e.type == "call.ended" && e.data["reason"] == reason;
        },
        from);
}
int offeredIndex(const EventCollector& events, const std::string& callId, int from = 0) {
    return events.waitFor(
        [&](const ReceivedEvent& e) {
            return e.type == "call.offered" && e.data["call"]["id"] == callId;
        },
        from);
}
}  // namespace

TEST_CASE("A ring that is not answered is missed: agent not_ready/missed_call, call re-routed",
          "[integration][call]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    HttpClient a3 = server.loggedIn("counselor3");
    HttpClient lead = server.loggedIn("lead1");
    EventCollector e1(server.url(), a1.token());
    EventCollector e3(server.url(), a3.token());
    EventCollector leadEvents(server.url(), lead.token());
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    server.advanceSec(5);  // counselor1 is now the longest idle
    REQUIRE(a3.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);

    const std::string callId =
        server.injectCall({{"phone", "010-7777-0001"}, {"queue", "card"}, {"intent", "refund"}});
    REQUIRE(offeredIndex(e1, callId) >= 0);
    server.advanceSec(15);  // ring timeout
    REQUIRE(endedWith(e1, "missed") >= 0);
    const int nr = e1.waitFor([](const ReceivedEvent& e) {
        return e.type == "agent.state" && e.data["state"] == "not_ready" &&
               e.data["reason"] == "missed_call";
    });
    REQUIRE(nr >= 0);
    CHECK(a1.get("/api/v1/agents/me").json()["reason"] == "missed_call");
    REQUIRE(offeredIndex(e3, callId) >= 0);  // back to the queue front, to the next agent
    CHECK(leadEvents.waitFor([](const ReceivedEvent& e) {
        return e.type == "alert" && e.data["kind"] == "missed_call";
    }) >= 0);
}

TEST_CASE("A rejected call goes to another agent and the rejecting agent stays ready",
          "[integration][call]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    HttpClient a2 = server.loggedIn("counselor2");
    EventCollector e1(server.url(), a1.token());
    EventCollector e2(server.url(), a2.token());
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    server.advanceSec(1);
    REQUIRE(a2.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string callId =
        server.injectCall({{"phone", "010-7777-0002"}, {"queue", "general"}});
    REQUIRE(offeredIndex(e1, callId) >= 0);
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/reject").status == 202);
    REQUIRE(endedWith(e1, "rejected") >= 0);
    REQUIRE(offeredIndex(e2, callId) >= 0);
    CHECK(a1.get("/api/v1/agents/me").json()["state"] == "ready");
    // Answering a call that rings elsewhere is not this agent's business.
    CHECK(a1.post("/api/v1/calls/" + callId + "/answer").status == 404);
}

TEST_CASE("Callers who hang up while queued or ringing are abandoned, not missed",
          "[integration][call]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    EventCollector e1(server.url(), a1.token());
    // Nobody ready: the caller gives up after 30 s in the queue.
    const std::string queued =
        server.injectCall({{"customerId", "C00001"}, {"queue", "general"}, {"patienceSec", 30}});
    server.advanceSec(31);
    auto stats = a1.get("/api/v1/queues").json();
    json general;
    for (const auto& q : stats) {
        if (q["id"] == "general")
            general = q;
    }
    CHECK(general["abandoned"] == 1);
    CHECK(general["waiting"] == 0);
    // The abandoned call is in the customer's history.
    auto history = a1.get("/api/v1/customers/C00001/interactions?limit=1").json();
    CHECK(history["items"][0]["endReason"] == "abandoned");
    CHECK(history["items"][0]["agentId"].is_null());

    // Ringing at the agent when the caller hangs up: abandoned, agent back to ready.
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string ringing =
        server.injectCall({{"phone", "010-7777-0003"}, {"queue", "general"}, {"patienceSec", 5}});
    REQUIRE(offeredIndex(e1, ringing) >= 0);
    server.advanceSec(6);
    REQUIRE(endedWith(e1, "abandoned") >= 0);
    CHECK(endedWith(e1, "missed", 0) == -1);
    CHECK(a1.get("/api/v1/agents/me").json()["state"] == "ready");
    (void)queued;
}

TEST_CASE("Blind transfer to a queue and to an agent, consult transfer completes on answer",
          "[integration][call][transfer]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");  // general, card
    HttpClient a2 = server.loggedIn("counselor2");  // general, cancel
    EventCollector e1(server.url(), a1.token());
    EventCollector e2(server.url(), a2.token());
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string callId = server.injectCall({{"customerId", "C00004"}, {"queue", "card"}});
    REQUIRE(offeredIndex(e1, callId) >= 0);
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/answer").status == 202);
    REQUIRE(a2.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);

    SECTION("blind to the cancel queue") {
        auto r = a1.post("/api/v1/calls/" + callId + "/transfer",
                         {{"to", {{"queue", "cancel"}}}, {"mode", "blind"}});
        REQUIRE(r.status == 202);
        REQUIRE(endedWith(e1, "transferred") >= 0);
        REQUIRE(waitAgentState(e1, "A1001", "after_call_work") >= 0);
        const int offer = offeredIndex(e2, callId);
        REQUIRE(offer >= 0);
        CHECK(e2.events()[offer].data["call"]["queue"] == "cancel");
    }
    SECTION("blind to a ready agent") {
        REQUIRE(a1.post("/api/v1/calls/" + callId + "/transfer", {{"to", {{"agent", "A1002"}}}})
                    .status == 202);
        REQUIRE(offeredIndex(e2, callId) >= 0);
        REQUIRE(a2.post("/api/v1/calls/" + callId + "/answer").status == 202);
        CHECK(a2.get("/api/v1/calls/current").json()["state"] == "connected");
        CHECK(a1.get("/api/v1/calls/current").status == 404);
    }
    SECTION("consult an agent: caller held until the target answers") {
        REQUIRE(a1.post("/api/v1/calls/" + callId + "/transfer",
                        {{"to", {{"agent", "A1002"}}}, {"mode", "consult"}})
                    .status == 202);
        const int heldIdx = e1.waitFor([](const ReceivedEvent& e) {
            return e.type == "call.state" && e.data["call"]["state"] == "held" &&
                   !e.data["call"]["consult"].is_null();
        });
        REQUIRE(heldIdx >= 0);
        const int offer = offeredIndex(e2, callId);
        REQUIRE(offer >= 0);
        CHECK(e2.events()[offer].data["consultFrom"] == "A1001");
        REQUIRE(a2.post("/api/v1/calls/" + callId + "/answer").status == 202);
        REQUIRE(endedWith(e1, "transferred") >= 0);
        CHECK(a2.get("/api/v1/calls/current").json()["agentId"] == "A1002");
    }
    SECTION("consult cancelled by resuming the caller") {
        REQUIRE(a1.post("/api/v1/calls/" + callId + "/transfer",
                        {{"to", {{"agent", "A1002"}}}, {"mode", "consult"}})
                    .status == 202);
        REQUIRE(offeredIndex(e2, callId) >= 0);
        REQUIRE(a1.post("/api/v1/calls/" + callId + "/resume").status == 202);
        REQUIRE(endedWith(e2, "cancelled") >= 0);
        CHECK(a1.get("/api/v1/calls/current").json()["state"] == "connected");
        CHECK(a2.get("/api/v1/agents/me").json()["state"] == "ready");
    }
    SECTION("blind to an outside number ends the call as transferred") {
        REQUIRE(
            a1.post("/api/v1/calls/" + callId + "/transfer", {{"to", {{"number", "02-555-9999"}}}})
                .status == 202);
        REQUIRE(endedWith(e1, "transferred") >= 0);
        CHECK(a1.get("/api/v1/calls/current").status == 404);
    }
    SECTION("transfer to a busy or unknown target is refused and changes nothing") {
        CHECK(a1.post("/api/v1/calls/" + callId + "/transfer", {{"to", {{"agent", "A1003"}}}})
                  .status == 409);  // logged out
        CHECK(a1.post("/api/v1/calls/" + callId + "/transfer", {{"to", {{"queue", "nope"}}}})
                  .status == 404);
        CHECK(a1.post("/api/v1/calls/" + callId + "/transfer", {{"to", {{"number", "123"}}}})
                  .status == 422);
        CHECK(a1.post("/api/v1/calls/" + callId + "/transfer",
                      {{"to", {{"queue", "card"}, {"agent", "A1002"}}}})
                  .status == 400);
        CHECK(a1.get("/api/v1/calls/current").json()["state"] == "connected");
    }
}

TEST_CASE("Abuse warnings, then the counselor may end the call, caller flagged, lead alerted",
          "[integration][call][abuse]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    HttpClient lead = server.loggedIn("lead1");
    EventCollector e1(server.url(), a1.token());
    EventCollector leadEvents(server.url(), lead.token());
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string callId = server.injectCall({{"customerId", "C00001"}, {"queue", "general"}});
    REQUIRE(offeredIndex(e1, callId) >= 0);
    CHECK(a1.get("/api/v1/customers/C00001/360").json()["flags"]["abusiveHistory"] == false);
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/answer").status == 202);

    const auto early = a1.post("/api/v1/calls/" + callId + "/hangup", {{"reason", "abuse"}});
    CHECK(early.status == 409);  // no warning yet
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/abuse-warning").status == 202);
    CHECK(a1.post("/api/v1/calls/" + callId + "/hangup", {{"reason", "abuse"}}).status == 409);
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/abuse-warning").status == 202);
    const int warned = e1.waitFor([](const ReceivedEvent& e) {
        return e.type == "call.state" && e.data["call"]["abuseWarnings"] == 2;
    });
    REQUIRE(warned >= 0);
    REQUIRE(leadEvents.waitFor([](const ReceivedEvent& e) {
        return e.type == "alert" && e.data["kind"] == "abuse_warning" && e.data["count"] == 2;
    }) >= 0);

    REQUIRE(a1.post("/api/v1/calls/" + callId + "/hangup", {{"reason", "abuse"}}).status == 202);
    REQUIRE(endedWith(e1, "agent_ended_abuse") >= 0);
    const int alert = leadEvents.waitFor([](const ReceivedEvent& e) {
        return e.type == "alert" && e.data["kind"] == "agent_ended_abuse";
    });
    REQUIRE(alert >= 0);
    CHECK(leadEvents.events()[alert].data["severity"] == "critical");
    CHECK(leadEvents.events()[alert].data["customerId"] == "C00001");
    auto view = a1.get("/api/v1/customers/C00001/360").json();
    CHECK(view["flags"]["abusiveHistory"] == true);
    CHECK(view["flags"]["abusiveCount"] == 1);

    // The next call from this number carries the flag while it rings.
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/wrapup", {{"code", "ABUSIVE_CALL"}}).status ==
            202);
    // Counselor protection's rest follows; the counselor ends it early to take calls again.
    CHECK(a1.get("/api/v1/agents/me").json()["reason"] == "protection");
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string next = server.injectCall({{"phone", "010-1234-5678"}, {"queue", "general"}});
    const int offer = offeredIndex(e1, next);
    REQUIRE(offer >= 0);
    CHECK(e1.events()[offer].data["call"]["abusiveHistory"] == true);
}

TEST_CASE("In-call commands: mute, DTMF, recording pause, outbound dial", "[integration][call]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    EventCollector e1(server.url(), a1.token());
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string callId = server.injectCall({{"customerId", "C00002"}, {"queue", "card"}});
    REQUIRE(offeredIndex(e1, callId) >= 0);
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/answer").status == 202);
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/mute").status == 202);
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/dtmf", {{"digits", "12#"}}).status == 202);
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/recording", {{"paused", true}}).status == 202);
    auto current = a1.get("/api/v1/calls/current").json();
    CHECK(current["muted"] == true);
    CHECK(current["dtmf"] == "12#");
    CHECK(current["recordingPaused"] == true);
    CHECK(a1.post("/api/v1/calls/" + callId + "/dtmf", {{"digits", "12a"}}).status == 400);
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/unmute").status == 202);
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/recording", {{"paused", false}}).status == 202);
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/hangup").status == 202);
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/wrapup",
                    {{"code", "REFUND"}, {"nextState", "not_ready"}})
                .status == 202);
    CHECK(a1.get("/api/v1/agents/me").json()["state"] == "not_ready");

    // Click-to-dial by customer and phone id (works on a masked number).
    auto view = a1.get("/api/v1/customers/C00003/360").json();
    const std::string phoneId = view["customer"]["phones"][0]["id"];
    auto dial = a1.post("/api/v1/calls", {{"customerId", "C00003"}, {"phoneId", phoneId}});
    REQUIRE(dial.status == 202);
    const std::string out = dial.json()["callId"];
    CHECK(a1.get("/api/v1/calls/current").json()["direction"] == "outbound");
    server.advanceSec(5);
    CHECK(a1.get("/api/v1/calls/current").json()["state"] == "connected");
    REQUIRE(a1.post("/api/v1/calls/" + out + "/hangup").status == 202);
    CHECK(a1.get("/api/v1/agents/me").json()["state"] == "after_call_work");
    CHECK(a1.post("/api/v1/calls", {{"number", "010-5555-1212"}}).status == 409);  // in ACW
}
