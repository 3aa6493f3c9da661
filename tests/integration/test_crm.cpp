// Customers, masking by role, audit, notes with idempotency keys and versions.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "server/store/crm_store.h"
#include "tests/support/test_server.h"

using namespace agentdesk::test;
using nlohmann::json;

TEST_CASE("Every Korean spelling of a number finds the same customer, shared numbers find all",
          "[integration][crm]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    for (const char* spelling : {"010-1234-5678", "01012345678", "%2B82%2010%201234%205678"}) {
        INFO(spelling);
        auto list = a1.get(std::string("/api/v1/customers?phone=") + spelling).json();
        REQUIRE(list.size() == 1);
        CHECK(list[0]["id"] == "C00001");
        CHECK(list[0]["phones"][0]["number"] == "010-****-5678");  // masked in lists
    }
    auto shared = a1.get("/api/v1/customers?phone=025551234").json();
    REQUIRE(shared.size() == 2);
    std::set<std::string> ids{shared[0]["id"], shared[1]["id"]};
    CHECK(ids == std::set<std::string>{"C00002", "C00003"});
    CHECK(a1.get("/api/v1/customers?phone=12").status == 422);
    auto byName = a1.get("/api/v1/customers?q=%EA%B9%80%EB%AF%BC%EC%A4%80").json();  // 김민준
    REQUIRE(byName.size() >= 1);
    CHECK(byName[0]["name"] == "김민준");
    CHECK(a1.get("/api/v1/customers?q=C00004").json()[0]["name"] == "박지훈");
}

TEST_CASE("A call from a shared number offers every match to choose from", "[integration][crm]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    EventCollector e1(server.url(), a1.token());
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    server.injectCall({{"phone", "02-555-1234"}, {"queue", "general"}});
    const int offer = e1.waitForType("call.offered");
    REQUIRE(offer >= 0);
    const json call = e1.events()[offer].data["call"];
    CHECK(call["customerMatches"].size() == 2);
    CHECK(call["customerId"].is_null());
    server.injectCall({{"phone", "010-0000-0000"}, {"queue", "general"}});  // unknown later
}

TEST_CASE("360 masks personal data by role and writes the audit log", "[integration][crm]") {
    TestServer server;
    HttpClient lead = server.loggedIn("lead1");
    auto view = lead.get("/api/v1/customers/C00001/360").json();
    CHECK(view["customer"]["phones"][0]["number"] == "010-****-5678");
    CHECK(view["customer"]["residentNumber"] == "850312-1******");
    for (const auto& p : view["products"]) {
        if (p["kind"] == "card") {
            const std::string number = p["number"];
            INFO(number);
            int digits = 0;
            for (char ch : number)
                digits += ch >= '0' && ch <= '9';
            CHECK(digits <= 10);
            CHECK(number.find("****") != std::string::npos);
        }
    }
    for (const auto& c : view["openCases"])
        CHECK(c["status"] != "closed");
    CHECK(view["interactions"].size() <= 20);
    lead.get("/api/v1/customers/C00001/360");
    int audits = 0;
    server.app().runOnIo([&] { audits = server.app().store().auditCount("C00001"); });
    CHECK(audits == 2);
}

TEST_CASE("Interactions page backwards with before= and limit=", "[integration][crm]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    auto all = a1.get("/api/v1/customers/C00001/interactions?limit=100").json();
    const auto total = all["items"].size();
    REQUIRE(total >= 3);
    auto first = a1.get("/api/v1/customers/C00001/interactions?limit=2").json();
    REQUIRE(first["items"].size() == 2);
    CHECK(first["hasMore"] == true);
    const std::string before = first["items"][1]["startedAt"];
    auto next = a1.get("/api/v1/customers/C00001/interactions?limit=100&before=" + before).json();
    CHECK(next["items"].size() == total - 2);
    CHECK(next["hasMore"] == false);
    CHECK(a1.get("/api/v1/customers/C00001/interactions?limit=0").status == 400);
}

TEST_CASE("Creating and editing customers", "[integration][crm]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    auto created = a1.post("/api/v1/customers", {{"name", "정하윤"},
                                                 {"phones", {{{"number", "+82 10 5050 6060"}}}},
                                                 {"email", "hayun@example.com"},
                                                 {"consents", {{"sms", true}}}});
    REQUIRE(created.status == 201);
    const std::string id = created.json()["customer"]["id"];
    auto found = a1.get("/api/v1/customers?phone=010-5050-6060").json();
    REQUIRE(found.size() == 1);
    CHECK(found[0]["id"] == id);
    auto patched = a1.patch("/api/v1/customers/" + id, {{"address", "대전광역시 유성구 대학로 99"},
                                                        {"consents", {{"marketing", false}}}});
    REQUIRE(patched.status == 200);
    CHECK(patched.json()["customer"]["address"] == "대전광역시 유성구 대학로 99");
    CHECK(patched.json()["consents"]["sms"] == true);
    CHECK(patched.json()["consents"]["marketing"] == false);
    CHECK(a1.patch("/api/v1/customers/C99999", {{"address", "x"}}).status == 404);
}

TEST_CASE(
    "A retried note is stored once, a stale edit gets version_conflict with the current "
    "note",
    "[integration][crm][notes]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    HttpClient a2 = server.loggedIn("counselor2");
    HttpClient lead = server.loggedIn("lead1");
    const json note = {{"idempotencyKey", "draft-7f3a"},
                       {"customerId", "C00002"},
                       {"wrapupCode", "GENERAL_INQUIRY"},
                       {"text", "영업시간 문의 안내"}};
    auto first = a1.post("/api/v1/notes", note);
    REQUIRE(first.status == 201);
    auto again = a1.post("/api/v1/notes", note);
    REQUIRE(again.status == 200);
    CHECK(again.json()["id"] == first.json()["id"]);
    const std::string id = first.json()["id"];
    auto history = a1.get("/api/v1/customers/C00002/interactions?limit=100").json();
    int copies = 0;
    for (const auto& item : history["items"]) {
        for (const auto& n : item["notes"])
            copies += n["id"] == id;
    }
    CHECK(copies == 1);

    // Another counselor may not edit it; the team lead may.
    CHECK(a2.put("/api/v1/notes/" + id,
                 {{"text", "x"}, {"wrapupCode", "GENERAL_INQUIRY"}, {"version", 1}})
              .status == 403);
    // The same key from another author is that author's own note, not this one.
    auto foreign = a2.post("/api/v1/notes", note);
    REQUIRE(foreign.status == 201);
    CHECK(foreign.json()["id"] != id);
    auto edit1 = lead.put("/api/v1/notes/" + id, {{"text", "영업시간 및 공휴일 운영 안내"},
                                                  {"wrapupCode", "GENERAL_INQUIRY"},
                                                  {"version", 1}});
    REQUIRE(edit1.status == 200);
    CHECK(edit1.json()["version"] == 2);
    auto stale = a1.put("/api/v1/notes/" + id,
                        {{"text", "내 수정"}, {"wrapupCode", "GENERAL_INQUIRY"}, {"version", 1}});
    REQUIRE(stale.status == 409);
    CHECK(stale.errorCode() == "version_conflict");
    CHECK(stale.json()["current"]["text"] == "영업시간 및 공휴일 운영 안내");
    CHECK(stale.json()["current"]["version"] == 2);
    CHECK(a1.get("/api/v1/notes/" + id).json()["text"] == "영업시간 및 공휴일 운영 안내");
    CHECK(a1.post("/api/v1/notes", {{"idempotencyKey", "k2"},
                                    {"customerId", "C00002"},
                                    {"wrapupCode", "NOPE"},
                                    {"text", "x"}})
              .status == 422);
}

TEST_CASE("Wrap-up codes carry ko/en labels and templates", "[integration][crm]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    auto codes = a1.get("/api/v1/wrapup-codes").json();
    REQUIRE(codes.size() >= 15);
    bool found = false;
    for (const auto& c : codes) {
        if (c["code"] == "REFUND") {
            found = true;
            CHECK(c["labels"]["ko"] == "환불 처리");
            CHECK(c["labels"]["en"] == "Refund");
            CHECK_FALSE(c["templates"]["ko"].get<std::string>().empty());
        }
    }
    CHECK(found);
}

TEST_CASE("Evaluations are scored 0-100 on the five dimensions", "[integration][crm]") {
    TestServer server;
    HttpClient trainer = server.loggedIn("trainer1");
    const json scores = {
        {"greeting", 95}, {"attitude", 90}, {"handling", 85}, {"closing", 92}, {"empathy", 88}};
    auto r = trainer.post("/api/v1/evaluations", {{"callId", "call-1"},
                                                  {"agentId", "A1001"},
                                                  {"scores", scores},
                                                  {"comment", "좋은 공감 표현"}});
    REQUIRE(r.status == 201);
    auto list = trainer.get("/api/v1/evaluations?agentId=A1001").json();
    REQUIRE(list.size() == 1);
    CHECK(list[0]["scores"]["empathy"] == 88);
    json bad = scores;
    bad["greeting"] = 101;
    CHECK(trainer
              .post("/api/v1/evaluations", {{"callId", "c"}, {"agentId", "A1001"}, {"scores", bad}})
              .status == 422);
    CHECK(trainer
              .post("/api/v1/evaluations",
                    {{"callId", "c"}, {"agentId", "ghost"}, {"scores", scores}})
              .status == 422);
}

TEST_CASE(
    "The handling counselor sees full numbers while ringing, on the call and in ACW, "
    "also for every candidate of a shared number",
    "[integration][crm]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    EventCollector e1(server.url(), a1.token());
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string callId = server.injectCall({{"phone", "02-555-1234"}, {"queue", "general"}});
    REQUIRE(e1.waitForType("call.offered") >= 0);
    auto full = [&](const std::string& id) {
        const json phones = a1.get("/api/v1/customers/" + id + "/360").json()["customer"]["phones"];
        for (const auto& p : phones) {
            if (p.value("masked", false))
                return false;
        }
        return true;
    };
    CHECK(full("C00002"));
    CHECK(full("C00003"));
    CHECK_FALSE(full("C00001"));  // not the caller
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/answer").status == 202);
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/hangup").status == 202);
    CHECK(full("C00002"));  // still the caller while wrapping up
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/wrapup", {{"code", "GENERAL_INQUIRY"}}).status ==
            202);
    CHECK_FALSE(full("C00002"));
}

TEST_CASE("Edits cannot clear a name, grade or language", "[integration][crm]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    HttpClient lead = server.loggedIn("lead1");  // grade is the team lead's to set
    CHECK(a1.patch("/api/v1/customers/C00001", {{"name", "   "}}).status == 422);
    CHECK(lead.patch("/api/v1/customers/C00001", {{"grade", nullptr}}).status == 422);
    CHECK(a1.patch("/api/v1/customers/C00001", {{"email", nullptr}}).status == 200);
    CHECK(a1.get("/api/v1/customers/C00001/360").json()["customer"]["name"] == "김민준");
}

TEST_CASE("Each leg of a transferred call keeps its own wrap-up code", "[integration][crm]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    HttpClient a3 = server.loggedIn("counselor3");
    EventCollector e3(server.url(), a3.token());
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string callId = server.injectCall({{"customerId", "C00001"}, {"queue", "card"}});
    server.advanceSec(1);
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/answer").status == 202);
    REQUIRE(a3.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    REQUIRE(
        a1.post("/api/v1/calls/" + callId + "/transfer", {{"to", {{"queue", "cancel"}}}}).status ==
        202);
    REQUIRE(e3.waitForType("call.offered") >= 0);
    REQUIRE(a3.post("/api/v1/calls/" + callId + "/answer").status == 202);
    // A note written during the call belongs to the receiving agent's own leg.
    auto note = a3.post("/api/v1/notes", {{"idempotencyKey", "leg-2-note"},
                                          {"callId", callId},
                                          {"customerId", "C00001"},
                                          {"wrapupCode", "CANCEL_REQUEST"},
                                          {"text", "해지 문의, 위약금 안내"}});
    REQUIRE(note.status == 201);
    server.advanceSec(30);
    REQUIRE(a3.post("/api/v1/calls/" + callId + "/hangup").status == 202);
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/wrapup", {{"code", "TRANSFERRED"}}).status ==
            202);
    REQUIRE(a3.post("/api/v1/calls/" + callId + "/wrapup", {{"code", "CANCEL_REQUEST"}}).status ==
            202);
    auto items = a1.get("/api/v1/customers/C00001/interactions?limit=2").json()["items"];
    REQUIRE(items.size() == 2);
    std::map<std::string, std::string> codeByAgent;
    for (const auto& i : items) {
        CHECK(i["callId"] == callId);
        codeByAgent[i["agentId"]] = i["wrapupCode"];
    }
    CHECK(codeByAgent["A1001"] == "TRANSFERRED");
    CHECK(codeByAgent["A1003"] == "CANCEL_REQUEST");
    for (const auto& i : items) {
        CHECK(i["notes"].size() == (i["agentId"] == "A1003" ? 1u : 0u));
    }
}
