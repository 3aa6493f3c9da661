// The counselor's call controls on real SIP calls, heard the way a person would hear them:
// hold (music for the caller, silence for the agent), mute, recording pause (silence in the
// file), DTMF both ways, supervision (listen, whisper, barge), transfers, click-to-dial,
// abuse protection, and many calls in a row without leaking legs, ports or descriptors.
#include <catch2/catch.hpp>

#include <thread>

#include "server/calls/sip/sip_call_control.h"
#include "tests/sip/sip_center.h"
#include "tests/sip/support/audio_probe.h"
#include "tests/sip/support/sipp_runner.h"
#include "tests/sip/support/tone_wav.h"
#include "tests/support/eventually.h"

using namespace agentdesk::siptest;
using namespace std::chrono_literals;
using agentdesk::test::eventually;
using nlohmann::json;
using Steady = std::chrono::steady_clock;

namespace {

bool registered(const json& a) {
    return a["phone"].is_object() && a["phone"]["registered"] == true;
}

// Marks on the caller's timeline: seconds since the caller's call was established.
class Timeline {
public:
    void start() { t0_ = Steady::now(); }
    double now() const { return std::chrono::duration<double>(Steady::now() - t0_).count(); }

private:
    Steady::time_point t0_;
};

// A counselor with a registered phone, ready, and a caller connected to them (answered on the
// phone, the fastest way).
struct LiveCall {
    SipCenter& center;
    agentdesk::test::HttpClient agent;
    std::unique_ptr<BaresipPhone> phone;
    std::unique_ptr<BaresipPhone> caller;
    std::string callId;
    Timeline callerTime;  // 0 = the caller's call (and its recording) began

    LiveCall(SipCenter& c, const std::string& user, const std::string& ext, double agentHz)
        : center(c), agent(c.login(user)) {
        phone = center.phone(user, ext, agentHz);
        REQUIRE(center.waitAgent(agent, registered));
        REQUIRE(agent.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
        caller = SipCenter::caller(party_hz::kCaller);
        REQUIRE(caller->dial(center.queueUri("general")));
        REQUIRE(caller->waitEvent("CALL_ESTABLISHED", 10s));
        callerTime.start();
        REQUIRE(phone->waitEvent("CALL_INCOMING", 10s));
        REQUIRE(phone->accept());
        const auto call = center.waitCall(agent, "connected");
        REQUIRE(call);
        callId = (*call)["id"];
    }
    agentdesk::test::HttpResult command(const std::string& action,
                                        const json& body = json::object()) {
        return agent.post("/api/v1/calls/" + callId + "/" + action, body);
    }
    void hangUp() {
        REQUIRE(caller->hangup());
        REQUIRE(caller->waitEvent("CALL_CLOSED", 5s));
        REQUIRE(phone->waitEvent("CALL_CLOSED", 5s));
    }
};

// Lets the parties' tones flow for a stretch the test then listens to: the span of audio is
// what is measured, not a wait for something to happen.
void letAudioFlow(std::chrono::milliseconds span) {
    std::this_thread::sleep_for(span);
}

// A stretch between two marks, shrunk by `slack` seconds on both sides (signalling, jitter).
struct Span {
    double from, to;
    double t0(double slack = 0.4) const { return from + slack; }
    double t1(double slack = 0.4) const { return to - slack; }
};

}  // namespace

TEST_CASE("sip: hold gives the caller music and the agent silence, mute, recording pause",
          "[sip]") {
    SipCenter center;
    LiveCall call(center, "counselor1", "2001", party_hz::kAgent1);
    const double talkFrom = call.callerTime.now();
    letAudioFlow(2s);
    REQUIRE(call.command("hold").status == 202);
    const double holdFrom = call.callerTime.now();
    letAudioFlow(2500ms);
    REQUIRE(call.command("resume").status == 202);
    const double holdTo = call.callerTime.now();
    letAudioFlow(2s);
    REQUIRE(call.command("mute").status == 202);
    const double muteFrom = call.callerTime.now();
    letAudioFlow(2s);
    REQUIRE(call.command("unmute").status == 202);
    const double muteTo = call.callerTime.now();
    REQUIRE(call.command("recording", {{"paused", true}}).status == 202);
    const double pauseFrom = call.callerTime.now();
    letAudioFlow(2s);
    REQUIRE(call.command("recording", {{"paused", false}}).status == 202);
    const double pauseTo = call.callerTime.now();
    letAudioFlow(1500ms);
    const double end = call.callerTime.now();
    call.hangUp();

    const AudioProbe caller(call.caller->heardWav());
    INFO("caller heard: " << caller.timeline());
    const Span hold{holdFrom, holdTo}, mute{muteFrom, muteTo}, after{pauseTo, end};
    CHECK(caller.dominant(talkFrom + 0.5, holdFrom - 0.3) == party_hz::kAgent1);
    CHECK(caller.hears(hold.t0(), hold.t1(), party_hz::kMusic));
    CHECK_FALSE(caller.hears(hold.t0(), hold.t1(), party_hz::kAgent1));
    CHECK(caller.levelDbfs(mute.t0(), mute.t1()) < kSilenceDbfs);
    CHECK(caller.dominant(after.t0(), after.t1()) == party_hz::kAgent1);

    // The agent's dump starts when the phone answered, about when the caller's talk began.
    const AudioProbe agent(call.phone->heardWav());
    INFO("agent heard: " << agent.timeline());
    const double shift = talkFrom;  // caller time → agent dump time
    CHECK(agent.levelDbfs(hold.t0() - shift, hold.t1() - shift) < kSilenceDbfs);
    CHECK(agent.dominant(mute.t0() - shift, mute.t1() - shift) == party_hz::kCaller);

    // The recording starts when caller and agent are bridged; paused: silence on both sides.
    const auto path = center.recordings() / (call.callId + ".wav");
    const AudioProbe left(path, 0), right(path, 1);
    INFO("recording left: " << left.timeline() << "\nright: " << right.timeline());
    const Span paused{pauseFrom - shift, pauseTo - shift};
    CHECK(left.levelDbfs(paused.t0(), paused.t1()) < kSilenceDbfs);
    CHECK(right.levelDbfs(paused.t0(), paused.t1()) < kSilenceDbfs);
    CHECK(left.dominant(0.5, holdFrom - shift - 0.3) == party_hz::kCaller);
    CHECK(right.dominant(0.5, holdFrom - shift - 0.3) == party_hz::kAgent1);
    CHECK(left.dominant(after.t0() - shift, after.t1() - shift) == party_hz::kCaller);
}

TEST_CASE("sip: DTMF both ways: the keypad reaches the caller, the caller's digits the desktop",
          "[sip]") {
    SipCenter center;
    LiveCall call(center, "counselor1", "2001", party_hz::kAgent1);
    agentdesk::test::EventCollector events(center.url(), call.agent.token());
    REQUIRE(events.waitForType("snapshot") >= 0);
    REQUIRE(call.command("dtmf", {{"digits", "5"}}).status == 202);
    const auto digit = call.caller->waitEvent("CALL_DTMF_START", 5s);
    REQUIRE(digit);
    CHECK(digit->value("param", "") == "5");
    REQUIRE(call.caller->sendDtmf("7"));
    const int at = events.waitFor(
        [](const agentdesk::test::ReceivedEvent& e) {
            return e.type == "call.dtmf" && e.data.value("digits", "") == "7";
        },
        0, 5s);
    CHECK(at >= 0);
    call.hangUp();
}

TEST_CASE(
    "sip: a team lead listens, whispers and barges, each party hears exactly the right "
    "others",
    "[sip]") {
    SipCenter center;
    LiveCall call(center, "counselor1", "2001", party_hz::kAgent1);
    auto lead = center.login("lead1");
    BaresipPhoneOptions o;
    o.name = "lead1";
    o.user = "2101";
    o.password = "demo";
    o.registrar = center.registrar();
    o.toneHz = party_hz::kSupervisor;
    o.autoAnswer = true;  // the server calls the lead's phone with the auto-answer hint
    BaresipPhone leadPhone(o);
    leadPhone.start();
    REQUIRE(leadPhone.waitRegistered());
    REQUIRE(center.waitAgent(lead, registered));

    auto supervise = [&](const std::string& mode) {
        return lead.post("/api/v1/calls/" + call.callId + "/supervise", {{"mode", mode}});
    };
    REQUIRE(supervise("listen").status == 202);
    REQUIRE(leadPhone.waitEvent("CALL_ESTABLISHED", 10s));
    Timeline leadTime;
    leadTime.start();
    const double listenFrom = call.callerTime.now();
    letAudioFlow(2500ms);
    REQUIRE(supervise("whisper").status == 202);
    const double whisperFrom = call.callerTime.now();
    letAudioFlow(2500ms);
    REQUIRE(supervise("barge").status == 202);
    const double bargeFrom = call.callerTime.now();
    letAudioFlow(2500ms);
    const double bargeTo = call.callerTime.now();
    REQUIRE(lead.post("/api/v1/calls/" + call.callId + "/supervise/stop").status == 202);
    REQUIRE(leadPhone.waitEvent("CALL_CLOSED", 5s));
    call.hangUp();

    const AudioProbe caller(call.caller->heardWav());
    const AudioProbe agent(call.phone->heardWav());
    const AudioProbe sup(leadPhone.heardWav());
    INFO("caller: " << caller.timeline() << "\nagent: " << agent.timeline()
                    << "\nlead: " << sup.timeline());
    const Span listen{listenFrom, whisperFrom}, whisper{whisperFrom, bargeFrom},
        barge{bargeFrom, bargeTo};
    // The caller hears the supervisor only when barged in.
    CHECK_FALSE(caller.hears(listen.t0(), listen.t1(), party_hz::kSupervisor));
    CHECK_FALSE(caller.hears(whisper.t0(), whisper.t1(), party_hz::kSupervisor));
    CHECK(caller.hears(barge.t0(), barge.t1(), party_hz::kSupervisor));
    CHECK(caller.hears(barge.t0(), barge.t1(), party_hz::kAgent1));
    // The agent hears the lead from the whisper on (and always the caller). The agent's dump
    // starts ~the caller's talk start; the spans are long enough for that second of doubt.
    const double a0 = call.callerTime.now() - agent.durationSec();  // caller time of dump 0
    CHECK_FALSE(agent.hears(listen.t0() - a0, listen.t1() - a0, party_hz::kSupervisor));
    CHECK(agent.hears(whisper.t0() - a0, whisper.t1() - a0, party_hz::kSupervisor));
    CHECK(agent.hears(whisper.t0() - a0, whisper.t1() - a0, party_hz::kCaller));
    CHECK(agent.hears(barge.t0() - a0, barge.t1() - a0, party_hz::kSupervisor));
    // The lead hears both all along, never themself.
    CHECK(sup.hears(0.5, sup.durationSec() - 0.8, party_hz::kCaller));
    CHECK(sup.hears(0.5, sup.durationSec() - 0.8, party_hz::kAgent1));
    CHECK_FALSE(sup.hears(0.5, sup.durationSec() - 0.8, party_hz::kSupervisor));
}

TEST_CASE("sip: blind transfer to another counselor, the caller hears music, then them", "[sip]") {
    SipCenter center;
    LiveCall call(center, "counselor1", "2001", party_hz::kAgent1);
    auto agent2 = center.login("counselor2");
    auto phone2 = center.phone("counselor2", "2002", party_hz::kAgent2);
    REQUIRE(center.waitAgent(agent2, registered));
    REQUIRE(agent2.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    REQUIRE(center.waitAgent(agent2, [](const json& a) { return a["state"] == "ready"; }));
    letAudioFlow(1500ms);
    REQUIRE(call.command("transfer", {{"to", {{"agent", "A1002"}}}, {"mode", "blind"}}).status ==
            202);
    REQUIRE(call.phone->waitEvent("CALL_CLOSED", 5s));
    REQUIRE(phone2->waitEvent("CALL_INCOMING", 10s));
    letAudioFlow(1500ms);
    const double ringTo = call.callerTime.now();
    REQUIRE(phone2->accept());
    REQUIRE(center.waitCall(agent2, "connected"));
    const double talk2From = call.callerTime.now();
    letAudioFlow(2500ms);
    const double talk2To = call.callerTime.now();
    REQUIRE(call.caller->hangup());
    REQUIRE(phone2->waitEvent("CALL_CLOSED", 5s));
    CHECK(center.waitAgent(call.agent,
                           [](const json& a) { return a["state"] == "after_call_work"; }));
    CHECK(center.waitAgent(agent2, [](const json& a) { return a["state"] == "after_call_work"; }));

    const AudioProbe caller(call.caller->heardWav());
    INFO("caller: " << caller.timeline());
    CHECK(caller.hears(ringTo - 1.2, ringTo - 0.2, party_hz::kMusic));
    CHECK(caller.dominant(talk2From + 0.5, talk2To - 0.3) == party_hz::kAgent2);
}

TEST_CASE("sip: click-to-dial calls the agent's phone, then the customer through the gateway",
          "[sip]") {
    SippOptions echo;
    echo.name = "gateway";
    echo.scenario = sipScenario("uas_echo.xml");
    echo.rtpEcho = true;
    SippRunner gateway(echo);
    gateway.start();
    SipCenter center("sip:" + gateway.address());
    auto agent = center.login("counselor1");
    BaresipPhoneOptions o;
    o.name = "counselor1";
    o.user = "2001";
    o.password = "demo";
    o.registrar = center.registrar();
    o.toneHz = party_hz::kAgent1;
    o.autoAnswer = true;
    BaresipPhone phone(o);
    phone.start();
    REQUIRE(phone.waitRegistered());
    REQUIRE(center.waitAgent(agent, registered));
    const auto dialled = agent.post("/api/v1/calls", {{"number", "010-5555-1234"}});
    REQUIRE(dialled.status == 202);
    REQUIRE(phone.waitEvent("CALL_ESTABLISHED", 10s));
    REQUIRE(center.waitCall(agent, "connected", 10s));
    letAudioFlow(3s);
    REQUIRE(agent.post("/api/v1/calls/" + dialled.json()["callId"].get<std::string>() + "/hangup")
                .status == 202);
    REQUIRE(phone.waitEvent("CALL_CLOSED", 5s));
    const auto result = gateway.stop();
    INFO(result.summary());
    CHECK(result.successfulCalls == 1);
    // The customer (an echo) sends the agent's own voice back: the agent hears 440 Hz.
    const AudioProbe heard(phone.heardWav());
    INFO("agent heard: " << heard.timeline());
    CHECK(heard.hears(heard.durationSec() - 2.0, heard.durationSec() - 0.5, party_hz::kAgent1));
}

TEST_CASE(
    "sip: the abuse warning is played to the caller, the protection hang-up plays the "
    "closing message, then hangs up",
    "[sip]") {
    SipCenter center;
    LiveCall call(center, "counselor1", "2001", party_hz::kAgent1);
    letAudioFlow(1s);
    REQUIRE(call.command("abuse-warning").status == 202);
    const double warnFrom = call.callerTime.now();
    letAudioFlow(2500ms);
    const double warnTo = call.callerTime.now();
    REQUIRE(call.command("abuse-warning").status == 202);
    REQUIRE(call.command("hangup", {{"reason", "abuse"}}).status == 202);
    // The counselor is released at once; the caller hears the closing message to its end.
    REQUIRE(call.phone->waitEvent("CALL_CLOSED", 5s));
    CHECK(center.waitAgent(call.agent,
                           [](const json& a) { return a["state"] == "after_call_work"; }));
    const auto closed = call.caller->waitEvent("CALL_CLOSED", 40s);
    REQUIRE(closed);
    const AudioProbe caller(call.caller->heardWav());
    INFO("caller: " << caller.timeline());
    // Speech, not the counselor, while the warning plays.
    CHECK_FALSE(caller.hears(warnFrom + 0.5, warnTo - 0.3, party_hz::kAgent1));
    CHECK(caller.levelDbfs(warnFrom + 0.5, warnTo - 0.3) > -35);
    // The closing message lasted several seconds after the counselor left.
    CHECK(caller.durationSec() - warnTo > 8.0);
}

TEST_CASE("sip: 20 callers at 2 per second: all complete, no legs, ports or descriptors left",
          "[sip]") {
    SipCenter center;
    const int fdsBefore = SipCenter::openDescriptors();
    SippOptions load;
    load.name = "callers";
    load.scenario = sipScenario("uac_basic_call.xml");
    load.target = center.registrar();
    load.service = "general";
    load.calls = 20;
    load.rate = 2;
    load.limit = 20;
    load.timeout = 60s;
    SippRunner callers(load);
    const auto result = callers.run();
    INFO(result.summary());
    CHECK(result.ok());
    CHECK(result.successfulCalls == 20);
    eventually([&] { return center.app().sip()->stats().legs == 0; }, 10s);
    const auto stats = center.app().sip()->stats();
    CHECK(stats.legs == 0);
    CHECK(stats.rtpSockets == 0);
    CHECK(SipCenter::openDescriptors() <= fdsBefore + 2);
    // Every caller went through the queue and hung up there: abandoned, counted.
    auto lead = center.login("lead1");
    int offered = 0;
    for (const auto& q : lead.get("/api/v1/queues").json())
        offered += q.value("offered", 0);
    CHECK(offered == 20);
}

TEST_CASE(
    "sip: attended transfer: the two counselors talk while the caller hears music, then "
    "the caller goes to the second",
    "[sip]") {
    SipCenter center;
    LiveCall call(center, "counselor1", "2001", party_hz::kAgent1);
    auto agent2 = center.login("counselor2");
    auto phone2 = center.phone("counselor2", "2002", party_hz::kAgent2);
    REQUIRE(center.waitAgent(agent2, registered));
    REQUIRE(agent2.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    REQUIRE(center.waitAgent(agent2, [](const json& a) { return a["state"] == "ready"; }));
    letAudioFlow(1s);
    REQUIRE(call.command("transfer", {{"to", {{"agent", "A1002"}}}, {"mode", "attended"}}).status ==
            202);
    REQUIRE(phone2->waitEvent("CALL_INCOMING", 10s));
    REQUIRE(phone2->accept());
    REQUIRE(center.waitCall(call.agent, "held"));
    // Not before the second counselor answered… now the two talk.
    json current;
    eventually(
        [&] {
            current = call.agent.get("/api/v1/calls/current").json();
            return current["consult"].is_object() && current["consult"]["talking"] == true;
        },
        5s);
    REQUIRE(current["consult"]["talking"] == true);
    CHECK(current["consult"]["mode"] == "attended");
    const double talkFrom = call.callerTime.now();
    letAudioFlow(2500ms);
    const double talkTo = call.callerTime.now();
    REQUIRE(call.agent.post("/api/v1/calls/" + call.callId + "/transfer/complete").status == 202);
    REQUIRE(call.phone->waitEvent("CALL_CLOSED", 5s));
    REQUIRE(center.waitCall(agent2, "connected"));
    const double callerTalkFrom = call.callerTime.now();
    letAudioFlow(2500ms);
    const double callerTalkTo = call.callerTime.now();
    REQUIRE(call.caller->hangup());
    REQUIRE(phone2->waitEvent("CALL_CLOSED", 5s));
    CHECK(center.waitAgent(call.agent,
                           [](const json& a) { return a["state"] == "after_call_work"; }));
    CHECK(center.waitAgent(agent2, [](const json& a) { return a["state"] == "after_call_work"; }));

    const AudioProbe caller(call.caller->heardWav());
    const AudioProbe first(call.phone->heardWav());
    INFO("caller: " << caller.timeline() << "\nfirst agent: " << first.timeline());
    // While the counselors talk the caller hears music, not them.
    CHECK(caller.hears(talkFrom + 0.4, talkTo - 0.4, party_hz::kMusic));
    CHECK_FALSE(caller.hears(talkFrom + 0.4, talkTo - 0.4, party_hz::kAgent1));
    CHECK_FALSE(caller.hears(talkFrom + 0.4, talkTo - 0.4, party_hz::kAgent2));
    // The first counselor heard the second (the end of their dump is the consult).
    CHECK(first.dominant(first.durationSec() - 2.2, first.durationSec() - 0.4) ==
          party_hz::kAgent2);
    // Then the caller talks to the second counselor.
    CHECK(caller.dominant(callerTalkFrom + 0.5, callerTalkTo - 0.3) == party_hz::kAgent2);
}

TEST_CASE("sip: attended transfer cancelled: back to the caller, the second counselor released",
          "[sip]") {
    SipCenter center;
    LiveCall call(center, "counselor1", "2001", party_hz::kAgent1);
    auto agent2 = center.login("counselor2");
    auto phone2 = center.phone("counselor2", "2002", party_hz::kAgent2);
    REQUIRE(center.waitAgent(agent2, registered));
    REQUIRE(agent2.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    REQUIRE(center.waitAgent(agent2, [](const json& a) { return a["state"] == "ready"; }));
    REQUIRE(call.command("transfer", {{"to", {{"agent", "A1002"}}}, {"mode", "attended"}}).status ==
            202);
    REQUIRE(phone2->waitEvent("CALL_INCOMING", 10s));
    // Completing before the answer is refused.
    CHECK(call.agent.post("/api/v1/calls/" + call.callId + "/transfer/complete").status == 409);
    REQUIRE(phone2->accept());
    REQUIRE(center.waitAgent(agent2, [](const json& a) { return a["state"] == "on_call"; }));
    letAudioFlow(1s);
    REQUIRE(call.command("resume").status == 202);
    REQUIRE(phone2->waitEvent("CALL_CLOSED", 5s));
    CHECK(center.waitAgent(agent2, [](const json& a) { return a["state"] == "ready"; }));
    REQUIRE(center.waitCall(call.agent, "connected"));
    const double backFrom = call.callerTime.now();
    letAudioFlow(2s);
    const double backTo = call.callerTime.now();
    call.hangUp();
    const AudioProbe caller(call.caller->heardWav());
    INFO("caller: " << caller.timeline());
    CHECK(caller.dominant(backFrom + 0.5, backTo - 0.3) == party_hz::kAgent1);
}
