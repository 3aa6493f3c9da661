// SIP telephony on two nodes of one center (PostgreSQL, NATS): only the node that runs the ACD
// answers SIP; the other answers REGISTER, OPTIONS and INVITE with 503, so a proxy in front
// (Kamailio's dispatcher probing with OPTIONS, docs/scaling.md) sends phones and callers to the
// owner. When the owner stops, the other node takes the ACD and the SIP side over: a phone
// registers with it and a caller reaches the counselor, who hears them.
#include <catch2/catch.hpp>

#include <thread>

#include "tests/sip/sip_center.h"
#include "tests/sip/support/audio_probe.h"
#include "tests/sip/support/sipp_runner.h"
#include "tests/sip/support/tone_wav.h"
#include "tests/support/eventually.h"
#include "tests/support/nats_server.h"
#include "tests/support/pg_cluster.h"
#include "tests/support/temp_dir.h"

using namespace agentdesk::siptest;
using namespace std::chrono_literals;
using agentdesk::test::eventually;
using nlohmann::json;

namespace {

// One OPTIONS probe; true when the answer was the one the scenario expects.
bool probe(const std::string& target, const char* scenario) {
    SippOptions o;
    o.name = "probe";
    o.scenario = sipScenario(scenario);
    o.target = target;
    o.service = "ping";
    o.timeout = 5s;
    return SippRunner(o).run().ok();
}

bool runsAcd(const SipCenter& node, const agentdesk::test::HttpClient& lead) {
    agentdesk::test::HttpClient client(node.url());
    client.setToken(lead.token());
    const auto r = client.get("/api/v1/server/status");
    return r.status == 200 && r.json()["events"]["acd"]["here"] == true;
}

}  // namespace

TEST_CASE("sip: on two nodes only the one running the ACD answers SIP, and the other takes over",
          "[sip][cluster]") {
    agentdesk::test::TempDir dir{"agentdesk-sip-nodes"};
    agentdesk::test::NatsServer nats;
    const std::string db = agentdesk::test::sharedPgCluster().createDatabaseUri();
    auto node = [&](const std::string& name) {
        return [&, name](agentdesk::server::ServerConfig& c) {
            c.dbPath = db;
            c.keyFile = (dir.path / "server.key").string();
            c.eventsUrl = nats.url();
            c.nodeName = name;
        };
    };
    auto a = std::make_unique<SipCenter>("", node("node-a"));
    const auto lead = a->login("lead1");
    REQUIRE(eventually([&] { return runsAcd(*a, lead); }));
    SipCenter b("", node("node-b"));

    CHECK(probe(a->registrar(), "uac_options_answered.xml"));
    CHECK(probe(b.registrar(), "uac_options_standby.xml"));
    {
        // A phone that registers with the node on standby is turned away.
        BaresipPhoneOptions o;
        o.name = "early";
        o.user = "2001";
        o.password = "demo";
        o.registrar = b.registrar();
        BaresipPhone early(o);
        early.start();
        const auto answer = early.waitAnyEvent({"REGISTER_OK", "REGISTER_FAIL"}, 10s);
        REQUIRE(answer);
        CHECK((*answer)["type"] == "REGISTER_FAIL");
    }
    const auto agent = b.login("counselor1");  // forwarded to node A

    a.reset();  // the owner stops
    REQUIRE(eventually([&] { return runsAcd(b, lead); }, 10s));
    CHECK(probe(b.registrar(), "uac_options_answered.xml"));
    // The counselor's session goes on; without a phone registered here they are not ready.
    const auto me = agent.get("/api/v1/agents/me");
    REQUIRE(me.status == 200);
    CHECK(me.json()["state"] == "not_ready");

    auto phone = b.phone("agent1", "2001", party_hz::kAgent1);
    REQUIRE(b.waitAgent(agent, [](const json& x) { return x["phone"]["registered"] == true; }));
    REQUIRE(agent.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    auto c = SipCenter::caller(party_hz::kCaller);
    REQUIRE(c->dial(b.queueUri("general")));
    REQUIRE(phone->waitEvent("CALL_INCOMING", 10s));
    const auto ringing = b.waitCall(agent, "ringing");
    REQUIRE(ringing);
    REQUIRE(agent.post("/api/v1/calls/" + (*ringing)["id"].get<std::string>() + "/answer").status ==
            202);
    REQUIRE(phone->waitEvent("CALL_INCOMING", 10s));  // baresip 1.0: answered by hand
    REQUIRE(phone->accept());
    REQUIRE(phone->waitEvent("CALL_ESTABLISHED", 10s));
    REQUIRE(b.waitCall(agent, "connected"));
    std::this_thread::sleep_for(3s);  // the span of audio that is listened to
    REQUIRE(c->hangup());
    REQUIRE(c->waitEvent("CALL_CLOSED", 5s));
    const AudioProbe heardByCaller(c->heardWav());
    INFO("caller heard: " << heardByCaller.timeline());
    const double end = heardByCaller.durationSec() - 0.5;
    CHECK(heardByCaller.dominant(std::max(0.0, end - 2.0), end) == party_hz::kAgent1);
}
