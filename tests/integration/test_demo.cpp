// Demo mode: the Poisson call generator, reset, demo users.
#include <catch2/catch.hpp>

#include "tests/support/test_server.h"

using namespace agentdesk::test;
using nlohmann::json;

TEST_CASE("All demo users log in with the password demo", "[integration][demo]") {
    TestServer server;
    for (const char* user : {"counselor1", "counselor2", "counselor3", "lead1", "trainer1"}) {
        HttpClient c = server.client();
        auto body = c.login(user);
        INFO(user);
        CHECK_FALSE(c.token().empty());
    }
}

TEST_CASE("The demo generator produces calls at the configured rate", "[integration][demo]") {
    TestServer server;
    HttpClient trainer = server.loggedIn("trainer1");
    CHECK(trainer.put("/api/v1/demo/rate", {{"callsPerMin", -1}}).status == 422);
    CHECK(trainer.put("/api/v1/demo/rate", {{"callsPerMin", "x"}}).status == 400);
    REQUIRE(trainer.put("/api/v1/demo/rate", {{"callsPerMin", 6}}).status == 200);
    server.advanceSec(600);  // 10 minutes at 6/min: about 60 calls (Poisson)
    int offered = 0;
    for (const auto& q : trainer.get("/api/v1/queues").json())
        offered += q["offered"].get<int>();
    CHECK(offered >= 35);
    CHECK(offered <= 90);
    REQUIRE(trainer.post("/api/v1/demo/stop").status == 200);
    CHECK(trainer.get("/api/v1/demo/status").json()["callsPerMin"] == 0);
}

TEST_CASE("Demo reset ends calls, clears figures and restores the data set",
          "[integration][demo]") {
    TestServer server;
    HttpClient trainer = server.loggedIn("trainer1");
    HttpClient a1 = server.loggedIn("counselor1");
    server.injectCall({{"customerId", "C00001"}, {"queue", "general"}});
    REQUIRE(a1.patch("/api/v1/customers/C00001", {{"address", "바뀐 주소"}}).status == 200);
    REQUIRE(trainer.post("/api/v1/demo/reset").status == 200);
    int offered = 0;
    for (const auto& q : trainer.get("/api/v1/queues").json())
        offered += q["offered"].get<int>();
    CHECK(offered == 0);
    CHECK(a1.get("/api/v1/customers/C00001/360").json()["customer"]["address"] != "바뀐 주소");
    CHECK(a1.login("counselor1")["agent"]["id"] == "A1001");
}

TEST_CASE("Scripted transcript lines arrive as transcript.segment after answer",
          "[integration][demo]") {
    TestServer server;
    HttpClient a1 = server.loggedIn("counselor1");
    EventCollector e1(server.url(), a1.token());
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string id = server.injectCall(
        {{"customerId", "C00001"},
         {"queue", "card"},
         {"intent", "card_lost"},
         {"transcript",
          {{{"speaker", "customer"}, {"text", "카드를 잃어버렸어요"}, {"atSec", 2}},
           {{"speaker", "customer"}, {"text", "어제 저녁에 마지막으로 썼어요"}, {"atSec", 8}}}}});
    REQUIRE(e1.waitForType("call.offered") >= 0);
    REQUIRE(a1.post("/api/v1/calls/" + id + "/answer").status == 202);
    server.advanceSec(3);
    const int first = e1.waitForType("transcript.segment");
    REQUIRE(first >= 0);
    CHECK(e1.events()[first].data["text"] == "카드를 잃어버렸어요");
    CHECK(e1.waitForType("transcript.segment", first + 1, std::chrono::milliseconds(200)) == -1);
    server.advanceSec(6);
    CHECK(e1.waitForType("transcript.segment", first + 1) > first);
}
