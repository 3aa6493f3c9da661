// Agent assist on live calls, through real HTTP and the event stream: masked transcript lines,
// assist.update to the agent and a listening lead, the mood to leads, alerts, the draft at
// hang-up, the stored transcript, the kept share of the draft; lines from a speech-to-text
// account; counselor protection's rest after an abusive call.
#include <chrono>

#include <catch2/catch.hpp>

#include "tests/support/test_server.h"

using namespace agentdesk::test;
using nlohmann::json;

namespace {

int typed(const EventCollector& events, const std::string& type,
          const std::function<bool(const json&)>& pred, int from = 0) {
    return events.waitFor([&](const ReceivedEvent& e) { return e.type == type && pred(e.data); },
                          from);
}

TestServerOptions withSttAccount() {
    TestServerOptions o;
    o.adjustCenter = [](agentdesk::server::CenterConfig& center) {
        agentdesk::server::User stt;
        stt.id = "S9001";
        stt.username = "stt1";
        stt.name = "음성인식";
        stt.nameEn = "Speech to text";
        stt.role = agentdesk::server::Role::Stt;
        center.users.push_back(stt);
    };
    return o;
}

}  // namespace

TEST_CASE("Live assist: lines masked and analysed as they arrive, the draft at hang-up",
          "[integration][assist]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    HttpClient a2 = server.loggedIn("counselor2");
    HttpClient lead = server.loggedIn("lead1");
    EventCollector e1(server.url(), a1.token());
    EventCollector leadEvents(server.url(), lead.token());
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string id = server.injectCall(
        {{"customerId", "C00001"},
         {"queue", "card"},
         {"intent", "card_lost"},
         {"transcript",
          {{{"speaker", "agent"},
            {"text", "감사합니다 상담원 김하늘입니다. 통화는 녹음됩니다"},
            {"atSec", 1}},
           {{"speaker", "customer"},
            {"text", "카드를 잃어버렸어요 카드번호는 1234-5678-9012-3456 이에요"},
            {"atSec", 3}},
           {{"speaker", "agent"},
            {"text", "본인 확인을 위해 생년월일 말씀해 주세요"},
            {"atSec", 5}},
           {{"speaker", "customer"}, {"text", "왜 이렇게 안 돼요 너무 짜증나요"}, {"atSec", 7}},
           {{"speaker", "customer"}, {"text", "정말 화가 나요"}, {"atSec", 9}},
           {{"speaker", "customer"}, {"text", "ㅅㅂ 진짜 최악이네"}, {"atSec", 11}}}}});
    REQUIRE(typed(e1, "call.offered", [&](const json& d) { return d["call"]["id"] == id; }) >= 0);
    REQUIRE(a1.post("/api/v1/calls/" + id + "/answer").status == 202);
    REQUIRE(lead.post("/api/v1/calls/" + id + "/supervise", {{"mode", "listen"}}).status == 202);
    server.advanceSec(12);

    // Every line is masked before it is sent: the card number never leaves the server.
    const int card = typed(e1, "transcript.segment", [](const json& d) {
        return d["text"].get<std::string>().find("카드번호") != std::string::npos;
    });
    REQUIRE(card >= 0);
    CHECK(e1.events()[card].data["text"].get<std::string>().find("9012") == std::string::npos);

    // assist.update per line, with the analysis so far; the lead listening gets it too.
    const int last = typed(e1, "assist.update", [](const json& d) {
        return d["line"].is_object() && d["line"]["index"] == 5;
    });
    REQUIRE(last >= 0);
    const json update = e1.events()[last].data;
    CHECK(update["callId"] == id);
    CHECK(update["lang"] == "ko");
    CHECK(update["line"]["abusive"] == "profanity");
    CHECK(update["line"]["speaker"] == "customer");
    CHECK(update["sentiment"]["overall"] == "negative");
    CHECK(update["abusive"].size() == 1);
    bool recordingNotice = false, identity = false;
    for (const auto& item : update["checklist"]) {
        recordingNotice |= item["id"] == "recording_notice" && item["done"] == true;
        identity |= item["id"] == "identity_check" && item["done"] == true;
    }
    CHECK(recordingNotice);
    CHECK(identity);
    const int first = typed(e1, "assist.update", [](const json& d) {
        return d["line"].is_object() && d["line"]["index"] == 1;
    });
    REQUIRE(first >= 0);
    CHECK(e1.events()[first].data["line"]["text"].get<std::string>().find("9012") ==
          std::string::npos);
    CHECK(typed(leadEvents, "assist.update", [](const json& d) {
              return d["line"].is_object() && d["line"]["index"] == 5;
          }) >= 0);
    // Knowledge suggestions from what the caller said (the lost card).
    const int suggested = typed(e1, "assist.update", [](const json& d) {
        return d["suggestions"].is_array() && !d["suggestions"].empty();
    });
    REQUIRE(suggested >= 0);
    const json s = e1.events()[suggested].data["suggestions"][0];
    CHECK_FALSE(s["articleId"].get<std::string>().empty());
    CHECK(s["score"].get<double>() >= 0.35);

    // Leads: the call's mood (no text), an alert on abuse and on the run of negative lines.
    const int mood = typed(leadEvents, "assist.sentiment", [&](const json& d) {
        return d["callId"] == id && d["overall"] == "negative";
    });
    REQUIRE(mood >= 0);
    CHECK(leadEvents.events()[mood].data["agentId"] == "A1001");
    CHECK_FALSE(leadEvents.events()[mood].data.contains("text"));
    CHECK(typed(leadEvents, "alert", [&](const json& d) {
              return d["kind"] == "abuse_detected" && d["callId"] == id &&
                     d["severity"] == "critical";
          }) >= 0);
    CHECK(typed(leadEvents, "alert", [&](const json& d) {
              return d["kind"] == "negative_sentiment" && d["agentId"] == "A1001";
          }) >= 0);

    // The live transcript: the agent and leads may read it, another counselor may not.
    const auto live = a1.get("/api/v1/calls/" + id + "/transcript");
    REQUIRE(live.status == 200);
    CHECK(live.json()["live"] == true);
    CHECK(live.json()["lines"].size() == 6);
    CHECK(a2.get("/api/v1/calls/" + id + "/transcript").status == 404);
    CHECK(lead.get("/api/v1/calls/" + id + "/transcript").status == 200);

    // Hang-up: the draft within 200 ms.
    const auto hungUp = std::chrono::steady_clock::now();
    REQUIRE(a1.post("/api/v1/calls/" + id + "/hangup").status == 202);
    const int draft = typed(e1, "assist.draft", [&](const json& d) { return d["callId"] == id; });
    REQUIRE(draft >= 0);
    const auto draftMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - hungUp)
                             .count();
    CHECK(draftMs <= 200);
    const json d = e1.events()[draft].data;
    REQUIRE(d["wrapup"].size() >= 1);
    REQUIRE(d["wrapup"].size() <= 3);
    const std::string code = d["draft"]["wrapupCode"];
    const std::string text = d["draft"]["text"];
    CHECK(code == d["wrapup"][0]["code"]);
    CHECK_FALSE(text.empty());
    CHECK(text.find("9012") == std::string::npos);

    const auto stored = lead.get("/api/v1/calls/" + id + "/transcript").json();
    CHECK(stored["live"] == false);
    CHECK(stored["draft"]["text"] == text);
    CHECK(stored["lines"].size() == 6);

    // The note records how much of the draft the counselor kept.
    const auto kept = a1.post("/api/v1/notes", {{"idempotencyKey", "k-assist-1"},
                                                {"callId", id},
                                                {"customerId", "C00001"},
                                                {"wrapupCode", code},
                                                {"text", text}});
    REQUIRE(kept.status == 201);
    CHECK(kept.json()["draftKept"] == 1.0);
    const auto memo = a1.post("/api/v1/notes", {{"idempotencyKey", "k-assist-2"},
                                                {"customerId", "C00001"},
                                                {"wrapupCode", code},
                                                {"text", "메모"}});
    REQUIRE(memo.status == 201);
    CHECK(memo.json()["draftKept"].is_null());
}

TEST_CASE("A call with no transcript still gets a draft from its IVR intent",
          "[integration][assist]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    EventCollector e1(server.url(), a1.token());
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string id =
        server.injectCall({{"customerId", "C00001"}, {"queue", "card"}, {"intent", "card_lost"}});
    REQUIRE(typed(e1, "call.offered", [&](const json& d) { return d["call"]["id"] == id; }) >= 0);
    REQUIRE(a1.post("/api/v1/calls/" + id + "/answer").status == 202);
    server.advanceSec(20);
    REQUIRE(a1.post("/api/v1/calls/" + id + "/hangup").status == 202);
    const int draft = typed(e1, "assist.draft", [&](const json& d) { return d["callId"] == id; });
    REQUIRE(draft >= 0);
    CHECK(e1.events()[draft].data["wrapup"][0]["code"] == "CARD_LOST");
}

TEST_CASE("A speech-to-text account sends lines with POST /calls/{id}/transcript",
          "[integration][assist]") {
    TestServer server(withSttAccount());
    HttpClient a1 = server.loggedIn("counselor1");
    HttpClient stt = server.loggedIn("stt1");
    HttpClient lead = server.loggedIn("lead1");
    EventCollector e1(server.url(), a1.token());
    // A service account is not an agent: not in the grid, no agent routes.
    for (const auto& agent : lead.get("/api/v1/agents").json())
        CHECK(agent["id"] != "S9001");
    CHECK(stt.get("/api/v1/agents/me").status == 403);
    CHECK(stt.get("/api/v1/customers/C00001/360").status == 403);

    const json line{{"speaker", "customer"}, {"text", "제 번호는 010-9876-5432 입니다"}};
    CHECK(stt.post("/api/v1/calls/NOPE/transcript", line).status == 404);
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string id = server.injectCall({{"customerId", "C00001"}, {"queue", "general"}});
    REQUIRE(typed(e1, "call.offered", [&](const json& d) { return d["call"]["id"] == id; }) >= 0);
    CHECK(stt.post("/api/v1/calls/" + id + "/transcript", line).status == 409);  // ringing
    REQUIRE(a1.post("/api/v1/calls/" + id + "/answer").status == 202);
    CHECK(a1.post("/api/v1/calls/" + id + "/transcript", line).status == 403);
    CHECK(stt.post("/api/v1/calls/" + id + "/transcript", {{"speaker", "caller"}, {"text", "x"}})
              .status == 422);
    CHECK(stt.post("/api/v1/calls/" + id + "/transcript",
                   {{"speaker", "customer"}, {"text", std::string(2001, 'a')}})
              .status == 422);
    CHECK(stt.post("/api/v1/calls/" + id + "/transcript", {{"speaker", "customer"}}).status == 400);
    REQUIRE(stt.post("/api/v1/calls/" + id + "/transcript", line).status == 202);
    const int got = typed(e1, "assist.update", [](const json& d) { return d["line"].is_object(); });
    REQUIRE(got >= 0);
    const std::string text = e1.events()[got].data["line"]["text"];
    CHECK(text.find("9876") == std::string::npos);
    CHECK(text.find("5432") != std::string::npos);
    CHECK(a1.get("/api/v1/calls/" + id + "/transcript").json()["lines"].size() == 1);
}

TEST_CASE("Counselor protection: a rest after an abusive call, no calls routed, lead alerted",
          "[integration][assist][abuse]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    HttpClient lead = server.loggedIn("lead1");
    EventCollector e1(server.url(), a1.token());
    EventCollector leadEvents(server.url(), lead.token());
    CHECK(a1.get("/api/v1/capabilities").json()["protectionRestMin"] == 10);
    CHECK(a1.put("/api/v1/agents/me/state", {{"state", "not_ready"}, {"reason", "protection"}})
              .status == 409);  // never chosen by hand
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string id = server.injectCall({{"customerId", "C00001"}, {"queue", "general"}});
    REQUIRE(typed(e1, "call.offered", [&](const json& d) { return d["call"]["id"] == id; }) >= 0);
    REQUIRE(a1.post("/api/v1/calls/" + id + "/answer").status == 202);
    REQUIRE(a1.post("/api/v1/calls/" + id + "/abuse-warning").status == 202);
    REQUIRE(a1.post("/api/v1/calls/" + id + "/abuse-warning").status == 202);
    REQUIRE(a1.post("/api/v1/calls/" + id + "/hangup", {{"reason", "abuse"}}).status == 202);
    // The wrap-up takes the agent into the rest, whatever state was asked for next.
    REQUIRE(a1.post("/api/v1/calls/" + id + "/wrapup", {{"code", "GENERAL_INQUIRY"}}).status ==
            202);
    REQUIRE(typed(e1, "agent.state", [](const json& d) {
                return d["state"] == "not_ready" && d["reason"] == "protection";
            }) >= 0);
    REQUIRE(typed(leadEvents, "alert", [](const json& d) {
                return d["kind"] == "protection_rest" && d["agentId"] == "A1001";
            }) >= 0);
    // No calls while resting; counted apart from breaks.
    const std::string next = server.injectCall({{"customerId", "C00002"}, {"queue", "general"}});
    server.advanceSec(60);
    CHECK(typed(
              e1, "call.offered", [&](const json& d) { return d["call"]["id"] == next; }, 0) == -1);
    bool counted = false;
    for (const auto& q : lead.get("/api/v1/queues").json()) {
        if (q["id"] == "general")
            counted = q["agents"]["protection"] == 1;
    }
    CHECK(counted);
    // Over after the center's time: ready again, and the waiting call rings.
    const int before = static_cast<int>(e1.events().size());
    server.advanceSec(9 * 60);
    CHECK(typed(
              e1, "agent.state", [](const json& d) { return d["state"] == "ready"; }, before) >= 0);
    REQUIRE(typed(e1, "call.offered", [&](const json& d) { return d["call"]["id"] == next; }) >= 0);

    // A call wrapped up as ABUSIVE_CALL also starts a rest; the counselor may end it early.
    REQUIRE(a1.post("/api/v1/calls/" + next + "/answer").status == 202);
    REQUIRE(a1.post("/api/v1/calls/" + next + "/hangup").status == 202);
    REQUIRE(a1.post("/api/v1/calls/" + next + "/wrapup", {{"code", "ABUSIVE_CALL"}}).status == 202);
    CHECK(a1.get("/api/v1/agents/me").json()["reason"] == "protection");
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    CHECK(a1.get("/api/v1/agents/me").json()["state"] == "ready");
}
