// Sessions, roles and every error class of docs/api.md 1.6; bad input never changes anything.
#include <catch2/catch.hpp>

#include "tests/support/test_server.h"

using namespace agentdesk::test;
using nlohmann::json;

TEST_CASE("Login gives a token, the agent and its role, wrong passwords get 401",
          "[integration][auth]") {
    TestServer server;
    HttpClient c = server.client();
    CHECK(c.get("/api/v1/health").json()["status"] == "ok");
    auto body = c.login("lead1");
    REQUIRE_FALSE(c.token().empty());
    CHECK(c.token().size() == 64);
    CHECK(body["agent"]["role"] == "teamlead");
    CHECK(body["agent"]["name"] == "최현우");
    CHECK(body["expiresAt"] == "2026-11-23T13:00:00Z");
    HttpClient other = server.client();
    other.login("lead1");
    CHECK(other.token() != c.token());

    HttpClient wrong = server.client();
    auto r = wrong.post("/api/v1/sessions", {{"username", "lead1"}, {"password", "nope"}});
    CHECK(r.status == 401);
    CHECK(r.errorCode() == "unauthorized");
    CHECK(wrong.post("/api/v1/sessions", {{"username", "ghost"}, {"password", "demo"}}).status ==
          401);
    CHECK(wrong.post("/api/v1/sessions", {{"username", "lead1"}}).status == 400);
    CHECK(wrong.post("/api/v1/sessions", {{"username", 5}, {"password", "demo"}}).status == 400);
}

TEST_CASE("Missing, invalid and expired tokens are 401, wrong roles are 403",
          "[integration][auth]") {
    TestServer server;
    HttpClient anon = server.client();
    CHECK(anon.get("/api/v1/agents/me").status == 401);
    anon.setToken("0000");
    CHECK(anon.get("/api/v1/agents/me").status == 401);
    CHECK(anon.get("/api/v1/agents/me").errorCode() == "unauthorized");

    HttpClient counselor = server.loggedIn("counselor1");
    CHECK(counselor.get("/api/v1/agents").status == 403);
    CHECK(counselor.get("/api/v1/agents").errorCode() == "forbidden");
    CHECK(counselor.post("/api/v1/demo/calls", {{"phone", "010-1111-2222"}, {"queue", "general"}})
              .status == 403);
    CHECK(counselor.post("/api/v1/demo/reset").status == 403);
    CHECK(counselor.get("/api/v1/evaluations").status == 403);
    HttpClient lead = server.loggedIn("lead1");
    CHECK(lead.get("/api/v1/agents").status == 200);
    CHECK(lead.get("/api/v1/agents").json().size() == 5);

    server.advance(std::chrono::hours(12) + std::chrono::seconds(1));
    CHECK(counselor.get("/api/v1/agents/me").status == 401);
    CHECK(lead.get("/api/v1/agents").status == 401);
}

TEST_CASE("Malformed JSON and wrong field types are 400 bad_request", "[integration][errors]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    auto r = a1.request("PUT", "/api/v1/agents/me/state", "{\"state\": ");
    CHECK(r.status == 400);
    CHECK(r.errorCode() == "bad_request");
    CHECK(r.json()["error"]["message"].is_string());
    CHECK(a1.request("PUT", "/api/v1/agents/me/state", "[1,2]").status == 400);
    CHECK(a1.put("/api/v1/agents/me/state", {{"state", 1}}).status == 400);
    CHECK(a1.put("/api/v1/agents/me/state", {{"state", "dancing"}}).status == 400);
    CHECK(a1.put("/api/v1/agents/me/state", {{"state", "not_ready"}, {"reason", "nap"}}).status ==
          422);
    CHECK(a1.post("/api/v1/notes", {{"idempotencyKey", 1}}).status == 400);
    CHECK(a1.get("/api/v1/queues?window=forever").status == 400);
    CHECK(a1.get("/api/v1/customers/C00001/interactions?before=yesterday").status == 400);
    CHECK(a1.get("/api/v1/customers").status == 400);
    CHECK(a1.request("POST", "/api/v1/sessions", "\xff\xfe garbage").status == 400);
    CHECK(a1.get("/api/v1/agents/me").json()["state"] == "not_ready");  // nothing changed
}

TEST_CASE("Unknown ids are 404, wrong states 409, unknown routes 404", "[integration][errors]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    CHECK(a1.get("/api/v1/customers/C99999/360").status == 404);
    CHECK(a1.get("/api/v1/customers/C99999/360").errorCode() == "not_found");
    CHECK(a1.post("/api/v1/calls/no-such-call/answer").status == 404);
    CHECK(
        a1.put("/api/v1/notes/N-missing", {{"text", "x"}, {"wrapupCode", "REFUND"}, {"version", 1}})
            .status == 404);
    CHECK(a1.get("/api/v1/nothing-here").status == 404);
    CHECK(a1.get("/api/v1/calls/current").status == 404);
    CHECK(a1.request("DELETE", "/api/v1/health").status == 405);

    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string callId =
        server.injectCall({{"phone", "010-4000-0001"}, {"queue", "general"}});
    CHECK(a1.post("/api/v1/calls/" + callId + "/hold").status == 409);  // still ringing
    CHECK(a1.post("/api/v1/calls/" + callId + "/hold").errorCode() == "invalid_state");
    CHECK(a1.post("/api/v1/calls/" + callId + "/hangup").status == 409);
    CHECK(a1.put("/api/v1/agents/me/state", {{"state", "not_ready"}}).status == 409);
    REQUIRE(a1.post("/api/v1/calls/" + callId + "/answer").status == 202);
    CHECK(a1.post("/api/v1/calls/" + callId + "/answer").status == 409);
    CHECK(a1.post("/api/v1/calls/" + callId + "/resume").status == 409);
    CHECK(a1.post("/api/v1/calls/" + callId + "/wrapup", {{"code", "REFUND"}}).status == 409);
    // Logging out on a call ends the token at once; the agent leaves the ACD after the call.
    CHECK(a1.del("/api/v1/sessions/current").status == 204);
    CHECK(a1.get("/api/v1/agents/me").status == 401);
}

TEST_CASE("Bodies over 1 MiB are refused with 413", "[integration][errors]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    const std::string big = "{\"text\":\"" + std::string(1024 * 1024 + 10, 'a') + "\"}";
    auto r = a1.request("POST", "/api/v1/notes", big);
    CHECK(r.status == 413);
    CHECK(r.errorCode() == "payload_too_large");
    // The server is fine afterwards.
    CHECK(a1.get("/api/v1/health").status == 200);
}

TEST_CASE("An invalid customer changes nothing (no partial write)", "[integration][errors]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    auto before = a1.get("/api/v1/customers/C00001/360").json();
    auto r = a1.patch("/api/v1/customers/C00001",
                      {{"address", "부산광역시 해운대구 우동 1"},
                       {"phones", {{{"number", "010-1234-5678"}}, {{"number", "bad"}}}}});
    CHECK(r.status == 422);
    CHECK(r.errorCode() == "validation_failed");
    REQUIRE(r.json()["error"]["fields"].size() == 1);
    CHECK(r.json()["error"]["fields"][0]["field"] == "phones[1].number");
    auto after = a1.get("/api/v1/customers/C00001/360").json();
    CHECK(after["customer"]["address"] == before["customer"]["address"]);
    CHECK(after["customer"]["phones"] == before["customer"]["phones"]);
    CHECK(a1.post("/api/v1/customers", {{"name", "새고객"}}).status == 422);
    CHECK(a1.get("/api/v1/customers?q=새고객").json().empty());
}

TEST_CASE("The server survives garbage on the wire", "[integration][errors]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    CHECK(a1.request("GET", "/api/v1/customers?q=%ZZ%", "").status == 200);
    CHECK(a1.request("BREW", "/api/v1/health", "").status >= 400);
    CHECK(a1.request("POST", "/api/v1/notes", std::string("{\"a\":\"\0\"}", 10)).status == 400);
    CHECK(a1.get("/api/v1/health").status == 200);
}
