// Training scenarios: the bundled files, runs on the server's clock, stop/reset, and refusal of
// malformed scenario files at start (docs/scenarios.md).
#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "server/demo/scenario.h"
#include "tests/support/test_server.h"

using namespace agentdesk::test;
using nlohmann::json;

namespace {

json queueById(const HttpClient& c, const std::string& id) {
    for (const auto& q : c.get("/api/v1/queues").json()) {
        if (q["id"] == id)
            return q;
    }
    return {};
}

json scenarioById(const HttpClient& c, const std::string& id) {
    for (const auto& s : c.get("/api/v1/demo/scenarios").json()) {
        if (s["id"] == id)
            return s;
    }
    return {};
}

// A scratch directory for scenario files, removed afterwards.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() /
               ("agentdesk-scenarios-" + std::to_string(::getpid()) + "-" +
                std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    void write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name) << text;
    }
};

// Starts a demo server with extra scenario files; returns the error message, or "" when it started.
std::string startWithScenarios(const TempDir& dir) {
    agentdesk::server::ManualClock clock(testStartTime());
    agentdesk::server::ServerConfig config;
    config.port = 0;
    config.dbPath = ":memory:";
    config.demo = true;
    config.demoRate = 0;
    config.demoKnowledge = false;
    config.clock = &clock;
    config.scenarioDir = dir.path.string();
    agentdesk::server::ServerApp app(config);
    try {
        app.start();
    } catch (const std::exception& e) {
        return e.what();
    }
    app.stop();
    return "";
}

const json kValidScenario = {{"id", "custom_drill"},
                             {"title", {{"ko", "사용자 시나리오"}, {"en", "Custom drill"}}},
                             {"description", {{"ko", "설명"}, {"en", "Description"}}},
                             {"calls",
                              {{{"atSec", 0},
                                {"phone", "010-9000-1111"},
                                {"queue", "general"},
                                {"intent", "general_inquiry"},
                                {"transcript",
                                 {{{"speaker", "customer"},
                                   {"atSec", 2},
                                   {"text", {{"ko", "안녕하세요"}, {"en", "Hi"}}}}}}}}}};

}  // namespace

TEST_CASE("Trainers and leads list the bundled scenarios in Korean and English, counselors get 403",
          "[integration][scenario]") {
    TestServer server;
    HttpClient trainer = server.loggedIn("trainer1");
    auto r = trainer.get("/api/v1/demo/scenarios");
    REQUIRE(r.status == 200);
    const json list = r.json();
    REQUIRE(list.size() >= 7);
    std::set<std::string> ids;
    for (const auto& s : list) {
        INFO(s.dump());
        ids.insert(s["id"].get<std::string>());
        for (const char* key : {"title", "description"}) {
            CHECK_FALSE(s[key]["ko"].get<std::string>().empty());
            CHECK_FALSE(s[key]["en"].get<std::string>().empty());
        }
        CHECK(s["languages"] == json({"ko", "en"}));
        CHECK(s["callCount"].get<int>() >= 1);
        CHECK(s["durationSec"].get<int>() > 0);
        CHECK(s["running"] == false);
    }
    for (const char* id : {"simple_refund", "card_lost", "abusive_caller", "vip_complaint",
                           "unknown_caller", "transfer_specialist", "long_wait_angry"}) {
        CHECK(ids.count(id) == 1);
    }
    CHECK(scenarioById(trainer, "simple_refund")["title"]["ko"] == "간단 환불");
    CHECK(scenarioById(trainer, "long_wait_angry")["callCount"] == 4);

    CHECK(server.loggedIn("lead1").get("/api/v1/demo/scenarios").status == 200);
    HttpClient counselor = server.loggedIn("counselor1");
    CHECK(counselor.get("/api/v1/demo/scenarios").status == 403);
    CHECK(counselor.post("/api/v1/demo/scenarios/card_lost/start").status == 403);
}

TEST_CASE("A scenario's calls arrive at their offsets, in order, with the scripted caller",
          "[integration][scenario]") {
    TestServer server;
    HttpClient trainer = server.loggedIn("trainer1");
    HttpClient a3 = server.loggedIn("counselor3");  // general, card, cancel
    EventCollector e3(server.url(), a3.token());
    REQUIRE(e3.waitForType("snapshot") == 0);
    REQUIRE(a3.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);

    auto r = trainer.post("/api/v1/demo/scenarios/long_wait_angry/start");
    REQUIRE(r.status == 200);
    CHECK(r.json()["scenario"]["id"] == "long_wait_angry");
    CHECK(r.json()["scenario"]["callsArrived"] == 2);  // the two calls at offset 0
    CHECK(r.json()["scenario"]["callCount"] == 4);
    CHECK(scenarioById(trainer, "long_wait_angry")["running"] == true);

    // The first call at offset 0 rings at the ready counselor.
    int offer = e3.waitForType("call.offered");
    REQUIRE(offer >= 0);
    json call = e3.events()[offer].data["call"];
    CHECK(call["customerId"] == "C00003");
    CHECK(call["queue"] == "general");
    CHECK(call["intent"] == "delivery_status");
    CHECK(call["verified"] == true);
    CHECK(queueById(trainer, "general")["offered"] == 2);
    CHECK(queueById(trainer, "cancel")["offered"] == 0);

    server.advanceSec(4);
    CHECK(queueById(trainer, "cancel")["offered"] == 0);
    server.advanceSec(1);  // offset 5
    CHECK(queueById(trainer, "cancel")["offered"] == 1);
    server.advanceSec(5);  // offset 10
    CHECK(queueById(trainer, "cancel")["offered"] == 2);
    CHECK(trainer.get("/api/v1/demo/status").json()["scenario"]["callsArrived"] == 4);

    // The first call's transcript plays after answer (Korean by default).
    const std::string first = call["id"];
    REQUIRE(a3.post("/api/v1/calls/" + first + "/answer").status == 202);
    server.advanceSec(3);
    const int line = e3.waitForType("transcript.segment", offer);
    REQUIRE(line >= 0);
    CHECK(e3.events()[line].data["callId"] == first);
    CHECK(e3.events()[line].data["text"] == "주문한 모뎀이 아직 안 왔는데 배송 조회 좀 해 주세요.");
    REQUIRE(a3.post("/api/v1/calls/" + first + "/hangup").status == 202);
    REQUIRE(a3.post("/api/v1/calls/" + first + "/wrapup", {{"code", "GENERAL_INQUIRY"}}).status ==
            202);

    // The long-waiting caller has waited 550 s before the scenario offered it: served first.
    offer = e3.waitForType("call.offered", offer + 1);
    REQUIRE(offer >= 0);
    call = e3.events()[offer].data["call"];
    CHECK(call["customerId"] == "C00007");
    CHECK(call["intent"] == "cancel_service");
    CHECK(call["waitedSec"].get<int>() >= 550);

    // Stop: the callers still waiting (and the one ringing) hang up; nothing else arrives.
    r = trainer.post("/api/v1/demo/stop");
    REQUIRE(r.status == 200);
    CHECK(r.json()["stoppedScenario"] == "long_wait_angry");
    const int ended = e3.waitFor(
        [&](const ReceivedEvent& e) {
            return e.type == "call.ended" && e.data["callId"] == call["id"];
        },
        offer);
    REQUIRE(ended >= 0);
    CHECK(e3.events()[ended].data["reason"] == "abandoned");
    CHECK(queueById(trainer, "general")["abandoned"] == 1);
    CHECK(queueById(trainer, "cancel")["abandoned"] == 2);
    CHECK(scenarioById(trainer, "long_wait_angry")["running"] == false);
    CHECK(trainer.get("/api/v1/demo/status").json()["scenario"].is_null());
    CHECK(trainer.post("/api/v1/demo/stop").json()["stoppedScenario"].is_null());
}

TEST_CASE(
    "Scenario transcript lines arrive in the chosen language after answer, the run ends "
    "with its last call",
    "[integration][scenario]") {
    TestServer server;
    HttpClient trainer = server.loggedIn("trainer1");
    HttpClient a1 = server.loggedIn("counselor1");
    EventCollector e1(server.url(), a1.token());
    REQUIRE(e1.waitForType("snapshot") == 0);
    REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    REQUIRE(trainer.post("/api/v1/demo/scenarios/card_lost/start", {{"lang", "en"}}).status == 200);
    const int offer = e1.waitForType("call.offered");
    REQUIRE(offer >= 0);
    const json call = e1.events()[offer].data["call"];
    CHECK(call["customerId"] == "C00001");
    CHECK(call["intent"] == "card_lost");
    CHECK(call["queue"] == "card");
    CHECK(call["verified"] == false);
    // Nothing is said before answer.
    server.advanceSec(5);
    CHECK(e1.waitForType("transcript.segment", 0, std::chrono::milliseconds(200)) == -1);

    const std::string id = call["id"];
    REQUIRE(a1.post("/api/v1/calls/" + id + "/answer").status == 202);
    server.advanceSec(1);
    const int first = e1.waitForType("transcript.segment", offer);
    REQUIRE(first >= 0);
    CHECK(e1.events()[first].data["speaker"] == "customer");
    CHECK(e1.events()[first].data["atSec"] == 1);
    CHECK(e1.events()[first].data["text"] ==
          "Hello? I've lost my card! Please block it right now!");
    CHECK(e1.waitForType("transcript.segment", first + 1, std::chrono::milliseconds(200)) == -1);
    server.advanceSec(5);
    const int second = e1.waitForType("transcript.segment", first + 1);
    REQUIRE(second >= 0);
    CHECK(e1.events()[second].data["text"] ==
          "I'm travelling in Japan and my whole wallet is gone.");

    // Another start while this one runs is refused.
    auto busy = trainer.post("/api/v1/demo/scenarios/simple_refund/start");
    CHECK(busy.status == 409);
    CHECK(busy.errorCode() == "invalid_state");

    // When its only call has ended, the scenario is over and another may start.
    REQUIRE(a1.post("/api/v1/calls/" + id + "/hangup").status == 202);
    server.advanceSec(1);
    CHECK(scenarioById(trainer, "card_lost")["running"] == false);
    CHECK(trainer.post("/api/v1/demo/scenarios/simple_refund/start").status == 200);
}

TEST_CASE("Scenario start checks the id and the language, reset stops a running scenario",
          "[integration][scenario]") {
    TestServer server;
    HttpClient trainer = server.loggedIn("trainer1");
    CHECK(trainer.post("/api/v1/demo/scenarios/nope/start").status == 404);
    CHECK(trainer.post("/api/v1/demo/scenarios/card_lost/start", {{"lang", "fr"}}).status == 400);
    CHECK(trainer.post("/api/v1/demo/scenarios/card_lost/start", {{"lang", 1}}).status == 400);

    REQUIRE(trainer.post("/api/v1/demo/scenarios/transfer_specialist/start").status == 200);
    // The scripted new customer was created for the call and identified on it.
    const json found = trainer.get("/api/v1/customers?phone=010-9288-3141").json();
    REQUIRE(found.size() == 1);
    CHECK(found[0]["name"] == "한지민");
    CHECK(queueById(trainer, "general")["waiting"] == 1);

    REQUIRE(trainer.post("/api/v1/demo/reset").status == 200);
    CHECK(scenarioById(trainer, "transfer_specialist")["running"] == false);
    CHECK(queueById(trainer, "general")["offered"] == 0);
    CHECK(trainer.post("/api/v1/demo/scenarios/transfer_specialist/start").status == 200);
}

TEST_CASE("Scenario files are validated: every problem is reported with its member",
          "[integration][scenario]") {
    using agentdesk::server::parseScenario;
    using agentdesk::server::Scenario;
    using agentdesk::server::ScenarioRules;
    std::vector<agentdesk::server::QueueConfig> queues(1);
    queues[0].id = "general";
    queues[0].intents.push_back({"general_inquiry", "일반 문의", "General inquiry", {"1"}});
    ScenarioRules rules;
    rules.queues = &queues;
    rules.customerExists = [](const std::string& id) { return id == "C00001"; };

    Scenario ok;
    CHECK(parseScenario(kValidScenario, rules, ok).empty());
    CHECK(ok.id == "custom_drill");
    CHECK(ok.calls.size() == 1);
    CHECK(ok.durationSec() == 2);

    const json bad = {
        {"id", "Bad Id"},
        {"title", {{"ko", "제목"}}},
        {"extra", true},
        {"calls",
         {{{"atSec", -1},
           {"customerId", "C99999"},
           {"queue", "vip"},
           {"intent", "x"},
           {"talkSec", 10},
           {"transcript", {{{"speaker", "robot"}, {"text", "hi"}, {"atSec", 20}}}}},
          {{"atSec", 3},
           {"phone", "12345"},
           {"customerId", "C00001"},
           {"queue", "general"},
           {"intent", "refund"}},
          {{"atSec", 4},
           {"newCustomer", {{"name", ""}, {"phones", json::array()}}},
           {"queue", "general"},
           {"intent", "general_inquiry"},
           {"transcript",
            {{{"speaker", "agent"}, {"text", {{"ko", "네"}, {"en", "Yes"}}}, {"atSec", 90}},
             {{"speaker", "customer"}, {"text", {{"ko", "네"}}}, {"atSec", 1}}}}}}}};
    Scenario s;
    const auto problems = parseScenario(bad, rules, s);
    std::string all;
    for (const auto& p : problems)
        all += p + "\n";
    INFO(all);
    for (const char* expected : {
             "id: use 1-64 of a-z, 0-9, _ and -",
             "title.en: is required",
             "description: is required",
             "extra: unknown member",
             "calls[0].atSec: must be a whole number of seconds from 0 to 86400",
             "calls[0].customerId: unknown customer \"C99999\"",
             "calls[0].queue: unknown queue \"vip\"",
             "calls[0].transcript[0].speaker: must be \"customer\" or \"agent\"",
             "calls[0].transcript[0].text: must be an object",
             "calls[0].transcript[0].atSec: comes after the caller hangs up (talkSec 10)",
             "calls[1]: give exactly one caller: customerId, phone or newCustomer",
             "calls[2].newCustomer.name: must not be empty",
             "calls[2].newCustomer.phones: must hold 1 to 5 numbers",
             "calls[2].transcript[1].text.en: is required",
         }) {
        CHECK(all.find(expected) != std::string::npos);
    }
    Scenario wrongIntent;
    json w = kValidScenario;
    w["calls"][0]["intent"] = "refund";
    const auto p2 = parseScenario(w, rules, wrongIntent);
    REQUIRE(p2.size() == 1);
    CHECK(p2[0] == "calls[0].intent: \"refund\" is not an intent of queue \"general\"");
    Scenario notObject;
    CHECK(parseScenario(json::array(), rules, notObject).size() == 1);
}

TEST_CASE(
    "A malformed scenario file stops the server from starting, naming the file and the "
    "reason, a valid extra file is listed",
    "[integration][scenario]") {
    {
        TempDir dir;
        dir.write("broken.json", R"({"id": "broken", "title": {"ko": "x", "en": "x"},
            "description": {"ko": "x", "en": "x"},
            "calls": [{"atSec": 0, "customerId": "C00001", "queue": "nowhere", "intent": "x"}]})");
        dir.write("garbage.json", "{ not json");
        dir.write("readme.txt", "ignored: not a .json file");
        const std::string error = startWithScenarios(dir);
        INFO(error);
        CHECK(error.find("invalid demo scenario file(s)") != std::string::npos);
        CHECK(error.find("broken.json: calls[0].queue: unknown queue \"nowhere\"") !=
              std::string::npos);
        CHECK(error.find("garbage.json: not valid JSON") != std::string::npos);
        CHECK(error.find("readme.txt") == std::string::npos);
    }
    {
        TempDir dir;
        json dup = kValidScenario;
        dup["id"] = "card_lost";  // a bundled scenario's id
        dir.write("dup.json", dup.dump());
        const std::string error = startWithScenarios(dir);
        CHECK(error.find("dup.json: id \"card_lost\" is used by another scenario") !=
              std::string::npos);
    }
    {
        TempDir dir;
        dir.write("custom.json", kValidScenario.dump());
        CHECK(startWithScenarios(dir).empty());
    }
    {
        TempDir dir;
        std::filesystem::remove_all(dir.path);
        CHECK(startWithScenarios(dir).find("cannot be read") != std::string::npos);
    }
}
