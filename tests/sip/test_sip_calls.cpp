// Real calls through agentdesk-server's SIP back-to-back user agent: baresip phones for the
// caller and the agents, each playing its own tone; what each party heard is checked by
// frequency and level in its recording (tests/sip/support/audio_probe.h).
#include <catch2/catch.hpp>

#include <thread>

#include "server/calls/sip/sip_call_control.h"
#include "tests/sip/sip_center.h"
#include "tests/sip/support/audio_probe.h"
#include "tests/sip/support/tone_wav.h"
#include "tests/support/eventually.h"

using namespace agentdesk::siptest;
using namespace std::chrono_literals;
using agentdesk::test::eventually;
using nlohmann::json;

namespace {

std::unique_ptr<BaresipPhone> caller(double toneHz = party_hz::kCaller) {
    BaresipPhoneOptions o;
    o.name = "caller";
    o.user = "01012345678";
    o.toneHz = toneHz;
    auto p = std::make_unique<BaresipPhone>(o);
    p->start();
    return p;
}

// The last `seconds` of a call before `endSec` of a recording, minus half a second of slack.
struct Window {
    double t0, t1;
};
Window before(const AudioProbe& probe, double seconds) {
    const double end = probe.durationSec() - 0.5;
    return {std::max(0.0, end - seconds), end};
}

// Lets the parties' tones flow for a stretch the test then listens to: the span of audio is
// what is measured, not a wait for something to happen.
void letAudioFlow(std::chrono::milliseconds span) {
    std::this_thread::sleep_for(span);
}

}  // namespace

TEST_CASE("sip: a phone registers, the agent may go ready only with it", "[sip]") {
    SipCenter center;
    auto agent = center.login("counselor1");
    const auto refused = agent.put("/api/v1/agents/me/state", {{"state", "ready"}});
    CHECK(refused.status == 409);
    CHECK(refused.body.find("not registered") != std::string::npos);
    auto phone = center.phone("agent1", "2001", party_hz::kAgent1);
    REQUIRE(center.waitAgent(agent, [](const json& a) {
        return a["phone"].is_object() && a["phone"].value("registered", false);
    }));
    CHECK(agent.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    CHECK(center.waitAgent(agent, [](const json& a) { return a["state"] == "ready"; }));
}

TEST_CASE("sip: inbound call, queue music, answer from the desktop, both directions heard",
          "[sip]") {
    SipCenter center;
    auto agent = center.login("counselor1");
    auto phone = center.phone("agent1", "2001", party_hz::kAgent1);
    REQUIRE(
        center.waitAgent(agent, [](const json& a) { return a["phone"]["registered"] == true; }));

    // Nobody ready: the caller waits with music.
    auto c = caller();
    REQUIRE(c->dial(center.queueUri("general")));
    REQUIRE(c->waitEvent("CALL_ESTABLISHED", 10s));
    letAudioFlow(3s);

    REQUIRE(agent.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    REQUIRE(phone->waitEvent("CALL_INCOMING", 10s));
    const auto ringing = center.waitCall(agent, "ringing");
    REQUIRE(ringing);
    const std::string callId = (*ringing)["id"];
    CHECK((*ringing)["aniE164"] == "+821012345678");

    REQUIRE(agent.post("/api/v1/calls/" + callId + "/answer").status == 202);
    // The server rings the phone again with the auto-answer hint (Call-Info answer-after=0,
    // Alert-Info auto-answer). Desk phones and Linphone pick up by themselves; baresip 1.0
    // ignores the hint (it arrived in baresip 1.1), so this phone is answered as a person would.
    REQUIRE(phone->waitEvent("CALL_INCOMING", 10s));
    REQUIRE(phone->accept());
    const auto established = phone->waitEvent("CALL_ESTABLISHED", 10s);
    INFO(phone->diagnostics());
    REQUIRE(established);
    REQUIRE(center.waitCall(agent, "connected"));
    letAudioFlow(3s);

    REQUIRE(c->hangup());
    REQUIRE(c->waitEvent("CALL_CLOSED", 5s));
    REQUIRE(phone->waitEvent("CALL_CLOSED", 5s));
    CHECK(center.waitAgent(agent, [](const json& a) { return a["state"] == "after_call_work"; }));

    const AudioProbe heardByCaller(c->heardWav());
    const AudioProbe heardByAgent(phone->heardWav());
    INFO("caller heard: " << heardByCaller.timeline());
    INFO("agent heard: " << heardByAgent.timeline());
    // Queue music first, then the counselor.
    // (The music's chime has softer notes above its 1000 Hz, so it is heard, not dominant.)
    CHECK(heardByCaller.hears(0.5, 2.5, party_hz::kMusic));
    CHECK_FALSE(heardByCaller.hears(0.5, 2.5, party_hz::kAgent1));
    const auto end = before(heardByCaller, 2.0);
    CHECK(heardByCaller.dominant(end.t0, end.t1) == party_hz::kAgent1);
    const auto agentEnd = before(heardByAgent, 2.0);
    CHECK(heardByAgent.dominant(agentEnd.t0, agentEnd.t1) == party_hz::kCaller);

    // The recording: the caller on the left, the agent on the right.
    auto lead = center.login("lead1");
    const auto rec = lead.get("/api/v1/calls/" + callId + "/recording");
    REQUIRE(rec.status == 200);
    CHECK(rec.headers.count("content-type"));
    CHECK(rec.headers.at("content-type") == "audio/wav");
    const auto path = center.recordings() / (callId + ".wav");
    const AudioProbe left(path, 0), right(path, 1);
    INFO("left: " << left.timeline());
    INFO("right: " << right.timeline());
    CHECK(left.dominant(0.5, 2.0) == party_hz::kCaller);
    CHECK(right.dominant(0.5, 2.0) == party_hz::kAgent1);
    CHECK(agent.get("/api/v1/calls/" + callId + "/recording").status == 403);

    const auto part =
        lead.request("GET", "/api/v1/calls/" + callId + "/recording", "", {"Range: bytes=0-43"});
    CHECK(part.status == 206);
    CHECK(part.body.size() == 44);
    CHECK(part.body.substr(0, 4) == "RIFF");
    // Bad ranges: past the end → 416 with the size; several or malformed → the whole file.
    const auto tooFar = lead.request("GET", "/api/v1/calls/" + callId + "/recording", "",
                                     {"Range: bytes=999999999-"});
    CHECK(tooFar.status == 416);
    CHECK(tooFar.headers.count("content-range"));
    for (const char* header : {"Range: bytes=0-1,5-9", "Range: pages=1-2", "Range: bytes=x-y"}) {
        const auto whole =
            lead.request("GET", "/api/v1/calls/" + callId + "/recording", "", {header});
        CHECK(whole.status == (std::string(header) == "Range: bytes=x-y" ? 416 : 200));
    }
    CHECK(lead.get("/api/v1/calls/..%2F..%2Fetc%2Fpasswd/recording").status == 404);
}

TEST_CASE("sip: an unanswered ring goes back to the queue and the agent is not ready", "[sip]") {
    SipCenter center;
    auto agent = center.login("counselor1");
    auto phone = center.phone("agent1", "2001", party_hz::kAgent1);
    REQUIRE(
        center.waitAgent(agent, [](const json& a) { return a["phone"]["registered"] == true; }));
    // The phone refuses the call: the ring-no-answer path at once.
    REQUIRE(agent.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    auto c = caller();
    REQUIRE(c->dial(center.queueUri("general")));
    REQUIRE(phone->waitEvent("CALL_INCOMING", 10s));
    REQUIRE(phone->hangup());
    CHECK(center.waitAgent(agent, [](const json& a) {
        return a["state"] == "not_ready" && a["reason"] == "missed_call";
    }));
    auto lead = center.login("lead1");
    const auto queues = lead.get("/api/v1/queues").json();
    int waiting = 0;
    for (const auto& q : queues)
        waiting += q.value("waiting", 0);
    CHECK(waiting == 1);
    REQUIRE(c->hangup());
    REQUIRE(c->waitEvent("CALL_CLOSED", 5s));
}

TEST_CASE("sip: unknown queue is refused, the caller hanging up while ringing cancels the agent",
          "[sip]") {
    SipCenter center;
    auto agent = center.login("counselor1");
    auto phone = center.phone("agent1", "2001", party_hz::kAgent1);
    REQUIRE(
        center.waitAgent(agent, [](const json& a) { return a["phone"]["registered"] == true; }));
    auto c = caller();
    REQUIRE(c->dial(center.queueUri("nosuchqueue")));
    const auto closed = c->waitEvent("CALL_CLOSED", 10s);
    REQUIRE(closed);
    CHECK(closed->dump().find("404") != std::string::npos);

    REQUIRE(agent.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    REQUIRE(c->dial(center.queueUri("general")));
    REQUIRE(phone->waitEvent("CALL_INCOMING", 10s));
    REQUIRE(c->hangup());
    REQUIRE(phone->waitEvent("CALL_CLOSED", 5s));
    CHECK(center.waitAgent(agent, [](const json& a) { return a["state"] == "ready"; }));
    // Nothing half-open: no legs left in the engine.
    CHECK(eventually([&] { return center.app().sip()->stats().legs == 0; }, 5s));
    CHECK(center.app().sip()->stats().rtpSockets == 0);
}

TEST_CASE("sip: answering on the phone itself connects the call on the desktop too", "[sip]") {
    SipCenter center;
    auto agent = center.login("counselor1");
    auto phone = center.phone("agent1", "2001", party_hz::kAgent1);
    REQUIRE(
        center.waitAgent(agent, [](const json& a) { return a["phone"]["registered"] == true; }));
    REQUIRE(agent.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    auto c = caller();
    // The dialled number 1588-1234 is the card queue's (center.json "numbers").
    REQUIRE(c->dial(center.queueUri("15881234")));
    REQUIRE(phone->waitEvent("CALL_INCOMING", 10s));
    REQUIRE(phone->accept());
    const auto connected = center.waitCall(agent, "connected");
    REQUIRE(connected);
    CHECK((*connected)["queue"] == "card");
    letAudioFlow(2500ms);
    // The counselor hangs up from the desktop: both phones are released, ACW starts.
    REQUIRE(
        agent.post("/api/v1/calls/" + (*connected)["id"].get<std::string>() + "/hangup").status ==
        202);
    REQUIRE(c->waitEvent("CALL_CLOSED", 5s));
    REQUIRE(phone->waitEvent("CALL_CLOSED", 5s));
    CHECK(center.waitAgent(agent, [](const json& a) { return a["state"] == "after_call_work"; }));
    const AudioProbe heardByCaller(c->heardWav());
    const AudioProbe heardByAgent(phone->heardWav());
    INFO("caller heard: " << heardByCaller.timeline());
    INFO("agent heard: " << heardByAgent.timeline());
    const auto end = before(heardByCaller, 1.5);
    CHECK(heardByCaller.dominant(end.t0, end.t1) == party_hz::kAgent1);
    const auto agentEnd = before(heardByAgent, 1.5);
    CHECK(heardByAgent.dominant(agentEnd.t0, agentEnd.t1) == party_hz::kCaller);
}
