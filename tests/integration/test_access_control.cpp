// Access control in one place: the route table (every route says who may call it, docs/api.md
// shows the same table), and the router's checks through real HTTP before any handler runs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

#include <curl/curl.h>

#include "server/routes/api_routes.h"
#include "tests/support/test_server.h"

using namespace agentdesk::test;
using namespace agentdesk::server;
using nlohmann::json;

namespace {

// The route's path with every {param} filled in.
std::string concrete(std::string pattern) {
    for (auto open = pattern.find('{'); open != std::string::npos; open = pattern.find('{')) {
        pattern.replace(open, pattern.find('}', open) - open + 1, "x1");
    }
    return pattern;
}

bool allows(const RouteAccess& access, Role role) {
    return std::find(access.roles.begin(), access.roles.end(), role) != access.roles.end();
}

}  // namespace

TEST_CASE("Every route says who may call it, and docs/api.md shows the same table",
          "[integration][access]") {
    const auto routes = apiRoutes();
    REQUIRE(routes.size() >= 40);
    for (const auto& r : routes) {
        INFO(r.method << " " << r.pattern);
        CHECK((r.access.isPublic || !r.access.roles.empty()));
        CHECK(r.handler != nullptr);
        CHECK_FALSE((r.access.isPublic && !r.access.roles.empty()));
    }
    std::ifstream in(std::string(AGENTDESK_SOURCE_DIR) + "/docs/api.md");
    std::stringstream text;
    text << in.rdbuf();
    const std::string doc = text.str();
    const auto begin = doc.find("<!-- route-table:begin -->\n");
    const auto end = doc.find("<!-- route-table:end -->");
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    const std::string shown = doc.substr(begin + std::strlen("<!-- route-table:begin -->\n"),
                                         end - begin - std::strlen("<!-- route-table:begin -->\n"));
    const std::string expected = routeTableMarkdown(routes);
    INFO("docs/api.md between the route-table markers should read:\n" << expected);
    CHECK(shown == expected);
}

TEST_CASE(
    "The router turns away callers before any handler runs: 401 without a session, 403 "
    "for a role the route does not allow",
    "[integration][access]") {
    TestServer server;
    HttpClient anonymous = server.client();
    HttpClient counselor = server.loggedIn("counselor1");
    HttpClient trainer = server.loggedIn("trainer1");
    for (const auto& r : apiRoutes()) {
        const std::string path = concrete(r.pattern);
        INFO(r.method << " " << path);
        const std::string body = r.method == "GET" || r.method == "DELETE" ? "" : "{}";
        if (r.access.isPublic)
            continue;
        const auto noToken = anonymous.request(r.method, path, body);
        CHECK(noToken.status == 401);
        CHECK(noToken.errorCode() == "unauthorized");
        if (!allows(r.access, Role::Counselor)) {
            const auto wrongRole = counselor.request(r.method, path, body);
            CHECK(wrongRole.status == 403);
            CHECK(wrongRole.errorCode() == "forbidden");
        }
        if (!allows(r.access, Role::Trainer)) {
            CHECK(trainer.request(r.method, path, body).status == 403);
        }
    }
    // Nothing was created or changed by the refused requests.
    CHECK(counselor.get("/api/v1/agents/me").json()["state"] == "not_ready");
}

TEST_CASE("A body that is not sent as application/json gets 415 and changes nothing",
          "[integration][access]") {
    TestServer server;
    HttpClient counselor = server.loggedIn("counselor1");
    const std::string note = json{{"idempotencyKey", "k-415"},
                                  {"customerId", "C00001"},
                                  {"wrapupCode", "GENERAL_INQUIRY"},
                                  {"text", "보내지 말아야 할 메모"}}
                                 .dump();
    const auto plain =
        counselor.request("POST", "/api/v1/notes", note, {"Content-Type: text/plain"});
    CHECK(plain.status == 415);
    CHECK(plain.errorCode() == "unsupported_media_type");
    const auto form = counselor.request("POST", "/api/v1/notes", note,
                                        {"Content-Type: application/x-www-form-urlencoded"});
    CHECK(form.status == 415);
    const auto none = counselor.request("PUT", "/api/v1/agents/me/state", R"({"state":"ready"})",
                                        {"Content-Type:"});
    CHECK(none.status == 415);
    CHECK(counselor.get("/api/v1/agents/me").json()["state"] == "not_ready");
    auto history = counselor.get("/api/v1/customers/C00001/360").json();
    for (const auto& i : history["interactions"]) {
        for (const auto& n : i["notes"])
            CHECK(n["text"] != "보내지 말아야 할 메모");
    }
    // With parameters and in any case it is JSON.
    CHECK(counselor
              .request("POST", "/api/v1/notes", note,
                       {"Content-Type: Application/JSON; charset=UTF-8"})
              .status == 201);
    // Body-less commands need no type.
    CHECK(counselor.request("GET", "/api/v1/agents/me", "", {"Content-Type:"}).status == 200);
}

TEST_CASE("A token in the query string is taken on GET /events only", "[integration][access]") {
    TestServer server;
    HttpClient counselor = server.loggedIn("counselor1");
    HttpClient anonymous = server.client();
    const std::string q = "?access_token=" + counselor.token();
    CHECK(anonymous.get("/api/v1/agents/me" + q).status == 401);
    CHECK(anonymous.get("/api/v1/customers/C00001/360" + q).status == 401);
    CHECK(anonymous.request("POST", "/api/v1/notes" + q, "{}").status == 401);
    // EventSource cannot send headers: the stream takes it (read for a moment, then hang up).
    std::string received;
    long status = 0;
    CURL* curl = curl_easy_init();
    const std::string url = server.url() + "/api/v1/events" + q;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 1500L);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &received);
    curl_easy_setopt(
        curl, CURLOPT_WRITEFUNCTION, +[](char* p, size_t size, size_t n, void* user) -> size_t {
            static_cast<std::string*>(user)->append(p, size * n);
            return size * n;
        });
    curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(curl);
    CHECK(status == 200);
    CHECK(received.find("event: snapshot") != std::string::npos);
}

namespace {
int audits(TestServer& server, const std::string& customerId) {
    int n = 0;
    server.app().runOnIo([&] { n = server.app().store().auditCount(customerId); });
    return n;
}
}  // namespace

TEST_CASE(
    "Click-to-dial for a customer must use one of that customer's numbers, and dials and "
    "note reads are audited",
    "[integration][access]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    // Someone else's number with C00001 would make C00001 "the counselor's call" and unmask it.
    const auto foreign =
        a1.post("/api/v1/calls", {{"number", "010-9999-0000"}, {"customerId", "C00001"}});
    CHECK(foreign.status == 422);
    REQUIRE(foreign.json()["error"]["fields"].size() == 1);
    CHECK(foreign.json()["error"]["fields"][0]["field"] == "number");
    CHECK(a1.get("/api/v1/agents/me").json()["state"] == "not_ready");
    CHECK(a1.get("/api/v1/calls/current").status == 404);
    CHECK(a1.get("/api/v1/customers/C00001/360").json()["customer"]["phones"][0]["masked"] == true);

    const int before = audits(server, "C00001");
    const auto own =
        a1.post("/api/v1/calls", {{"number", "010-1234-5678"}, {"customerId", "C00001"}});
    REQUIRE(own.status == 202);
    CHECK(audits(server, "C00001") == before + 1);  // dial:<callId>
    CHECK(a1.post("/api/v1/calls/" + own.json()["callId"].get<std::string>() + "/hangup").status ==
          202);

    const auto note = a1.post("/api/v1/notes", {{"idempotencyKey", "audit-read-1"},
                                                {"customerId", "C00002"},
                                                {"wrapupCode", "GENERAL_INQUIRY"},
                                                {"text", "주소 변경 요청"}});
    REQUIRE(note.status == 201);
    const int beforeRead = audits(server, "C00002");
    CHECK(a1.get("/api/v1/notes/" + note.json()["id"].get<std::string>()).status == 200);
    CHECK(audits(server, "C00002") == beforeRead + 1);  // read_note:<id>
}

TEST_CASE("VIP and grade are set by team leads, contact fields by counselors too",
          "[integration][access]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    HttpClient trainer = server.loggedIn("trainer1");
    HttpClient lead = server.loggedIn("lead1");
    const json original = a1.get("/api/v1/customers/C00002/360").json()["customer"];
    CHECK(a1.patch("/api/v1/customers/C00002", {{"vip", !original.value("vip", false)}}).status ==
          403);
    CHECK(a1.patch("/api/v1/customers/C00002", {{"grade", "GOLD"}, {"email", "a@b.kr"}}).status ==
          403);
    CHECK(trainer.patch("/api/v1/customers/C00002", {{"grade", "GOLD"}}).status == 403);
    CHECK(a1.post("/api/v1/customers",
                  {{"name", "홍길동"}, {"vip", true}, {"phones", {{{"number", "010-5555-1212"}}}}})
              .status == 403);
    const json unchanged = a1.get("/api/v1/customers/C00002/360").json()["customer"];
    CHECK(unchanged["grade"] == original["grade"]);
    CHECK(unchanged["email"] == original["email"]);
    CHECK(a1.get("/api/v1/customers?q=%ED%99%8D%EA%B8%B8%EB%8F%99")
              .json()
              .empty());  // 홍길동 was not created

    const int before = audits(server, "C00002");
    CHECK(a1.patch("/api/v1/customers/C00002", {{"email", "new.mail@example.kr"}}).status == 200);
    CHECK(audits(server, "C00002") > before);
    const auto byLead = lead.patch("/api/v1/customers/C00002", {{"grade", "GOLD"}, {"vip", true}});
    REQUIRE(byLead.status == 200);
    CHECK(byLead.json()["customer"]["grade"] == "GOLD");
}

TEST_CASE("Customer search needs two characters and is rate limited per user",
          "[integration][access]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    HttpClient a2 = server.loggedIn("counselor2");
    const auto one = a1.get("/api/v1/customers?q=%EA%B9%80");  // 김
    CHECK(one.status == 422);
    CHECK(one.json()["error"]["fields"][0]["field"] == "q");
    int ok = 0;
    for (int i = 0; i < 19; ++i)  // 김민 (the 422 above took no token)
        ok += a1.get("/api/v1/customers?q=%EA%B9%80%EB%AF%BC").status == 200;
    CHECK(ok == 19);
    CHECK(a1.get("/api/v1/customers?phone=010-1234-5678").status == 200);  // the 20th
    const auto limited = a1.get("/api/v1/customers?q=%EA%B9%80%EB%AF%BC");
    CHECK(limited.status == 429);
    CHECK(limited.errorCode() == "too_many_requests");
    CHECK(limited.headers.count("retry-after") == 1);
    CHECK(limited.headers.at("retry-after") == "1");
    CHECK(a2.get("/api/v1/customers?q=%EA%B9%80%EB%AF%BC").status == 200);  // per user
    server.advanceSec(1);
    CHECK(a1.get("/api/v1/customers?q=%EA%B9%80%EB%AF%BC").status == 200);
    CHECK(a1.get("/api/v1/customers?q=%EA%B9%80%EB%AF%BC").status == 429);
}

TEST_CASE("No web origin may read the API unless it is on the allowlist, never a wildcard",
          "[integration][access]") {
    {
        TestServer server;
        HttpClient c = server.client();
        const auto r = c.request("GET", "/api/v1/health", "", {"Origin: https://evil.example"});
        CHECK(r.status == 200);
        CHECK(r.headers.count("access-control-allow-origin") == 0);
    }
    TestServerOptions options;
    options.corsOrigins = {"https://desk.example.kr"};
    TestServer server(options);
    HttpClient c = server.client();
    auto allowed = c.request("GET", "/api/v1/health", "", {"Origin: https://desk.example.kr"});
    CHECK(allowed.headers["access-control-allow-origin"] == "https://desk.example.kr");
    CHECK(allowed.headers["vary"] == "Origin");
    const auto other = c.request("GET", "/api/v1/health", "", {"Origin: https://evil.example"});
    CHECK(other.headers.count("access-control-allow-origin") == 0);
    const auto none = c.request("GET", "/api/v1/health");
    CHECK(none.headers.count("access-control-allow-origin") == 0);
}
