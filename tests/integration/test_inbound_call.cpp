// A whole inbound call through the real server over HTTP, events asserted in order.
#include <catch2/catch.hpp>

#include "tests/support/test_server.h"

using namespace agentdesk::test;
using nlohmann::json;

TEST_CASE(
    "Full inbound call: login, ready, offer, answer, hold, resume, hang up, ACW, note, "
    "wrap-up, ready",
    "[integration][call]") {
    TestServer server;
    HttpClient agent = server.loggedIn("counselor1");
    EventCollector events(server.url(), agent.token());

    REQUIRE(events.waitForType("snapshot") == 0);
    const json snapshot = events.events()[0].data;
    CHECK(snapshot["agent"]["state"] == "not_ready");
    CHECK(snapshot["call"].is_null());

    auto ready = agent.request("PUT", "/api/v1/agents/me/state", R"({"state":"ready"})",
                               {"X-Request-Id: my-ready-1"});
    REQUIRE(ready.status == 202);
    CHECK(ready.json()["requestId"] == "my-ready-1");
    const int readyIdx = waitAgentState(events, "A1001", "ready");
    REQUIRE(readyIdx > 0);
    CHECK(events.events()[readyIdx].data["requestId"] == "my-ready-1");

    const std::string callId = server.injectCall({{"customerId", "C00001"},
                                                  {"queue", "general"},
                                                  {"intent", "billing_inquiry"},
                                                  {"verified", true}});
    const int offered = events.waitForType("call.offered", readyIdx);
    REQUIRE(offered > readyIdx);
    const json call = events.events()[offered].data["call"];
    CHECK(call["id"] == callId);
    CHECK(call["ani"] == "010-1234-5678");
    CHECK(call["queue"] == "general");
    CHECK(call["intent"] == "billing_inquiry");
    CHECK(call["intentLabel"] == "요금 문의");
    CHECK(call["ivrPath"] == json::array({"1", "1"}));
    CHECK(call["verified"] == true);
    REQUIRE(call["customerMatches"].size() == 1);
    CHECK(call["customerMatches"][0]["id"] == "C00001");
    CHECK(call["customerMatches"][0]["name"] == "김민준");
    REQUIRE(waitAgentState(events, "A1001", "ringing", readyIdx) > readyIdx);

    // Screen pop while ringing: one request, the caller's number in full for the handler.
    auto pop = agent.get("/api/v1/customers/C00001/360");
    REQUIRE(pop.status == 200);
    const json view = pop.json();
    CHECK(view["customer"]["name"] == "김민준");
    CHECK(view["customer"]["phones"][0]["number"] == "010-1234-5678");
    CHECK(view["customer"]["residentNumber"] == "850312-1******");
    CHECK(view["flags"]["vip"] == true);
    CHECK(view["interactions"].size() >= 3);
    CHECK(view["interactions"][0]["notes"].size() >= 1);

    server.advanceSec(4);
    auto answer = agent.post("/api/v1/calls/" + callId + "/answer");
    REQUIRE(answer.status == 202);
    const std::string answerReq = answer.json()["requestId"];
    const int onCall = waitAgentState(events, "A1001", "on_call", offered);
    const int connected = events.waitFor(
        [&](const ReceivedEvent& e) {
            return e.type == "call.state" && e.data["call"]["state"] == "connected";
        },
        offered);
    REQUIRE(onCall > offered);
    REQUIRE(connected > onCall);
    CHECK(events.events()[connected].data["requestId"] == answerReq);
    CHECK(events.events()[connected].data["call"]["waitedSec"] == 4);

    REQUIRE(agent.post("/api/v1/calls/" + callId + "/hold").status == 202);
    const int held = events.waitFor(
        [](const ReceivedEvent& e) {
            return e.type == "call.state" && e.data["call"]["state"] == "held";
        },
        connected);
    REQUIRE(held > connected);
    server.advanceSec(10);
    REQUIRE(agent.post("/api/v1/calls/" + callId + "/resume").status == 202);
    const int resumed = events.waitFor(
        [](const ReceivedEvent& e) {
            return e.type == "call.state" && e.data["call"]["state"] == "connected";
        },
        held);
    REQUIRE(resumed > held);
    CHECK(events.events()[resumed].data["call"]["heldSec"] == 10);

    server.advanceSec(60);
    REQUIRE(agent.post("/api/v1/calls/" + callId + "/hangup").status == 202);
    const int ended = events.waitForType("call.ended", resumed);
    REQUIRE(ended > resumed);
    CHECK(events.events()[ended].data["reason"] == "completed");
    const int acw = waitAgentState(events, "A1001", "after_call_work", ended);
    REQUIRE(acw > ended);

    // Mandatory ACW: going ready without a wrap-up is refused and changes nothing.
    auto early = agent.put("/api/v1/agents/me/state", {{"state", "ready"}});
    CHECK(early.status == 409);
    CHECK(early.errorCode() == "invalid_state");

    auto note =
        agent.post("/api/v1/notes", {{"idempotencyKey", "note-flow-1"},
                                     {"callId", callId},
                                     {"customerId", "C00001"},
                                     {"wrapupCode", "BILLING_INQUIRY"},
                                     {"text", "11월 청구 요금 문의. 부가서비스 요금 안내함."}});
    REQUIRE(note.status == 201);
    const std::string noteId = note.json()["id"];
    const int saved = events.waitForType("note.saved", acw);
    REQUIRE(saved > acw);

    server.advanceSec(20);
    auto wrap = agent.post("/api/v1/calls/" + callId + "/wrapup",
                           {{"code", "BILLING_INQUIRY"}, {"noteId", noteId}});
    REQUIRE(wrap.status == 202);
    const int backReady = waitAgentState(events, "A1001", "ready", saved);
    REQUIRE(backReady > saved);

    // The call is in the customer's history with its note and wrap-up code.
    auto after = agent.get("/api/v1/customers/C00001/360").json();
    const json latest = after["interactions"][0];
    CHECK(latest["callId"] == callId);
    CHECK(latest["wrapupCode"] == "BILLING_INQUIRY");
    CHECK(latest["durationSec"] == 70);
    REQUIRE(latest["notes"].size() == 1);
    CHECK(latest["notes"][0]["id"] == noteId);

    // The agent's figures: one call handled, AHT = 70 s talk+hold + 20 s ACW.
    auto me = agent.get("/api/v1/agents/me").json();
    CHECK(me["handledToday"] == 1);
    CHECK(me["ahtTodaySec"] == 90);
}
