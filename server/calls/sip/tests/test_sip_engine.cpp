// The SIP engine against real phones on 127.0.0.1: baresip phones (registering, calling in as
// a trunk, auto-answering) and SIPp scenarios for what phones do not do on purpose.
#include <catch2/catch.hpp>

#include <filesystem>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "server/calls/sip/sip_engine.h"
#include "server/calls/sip/tests/engine_fixture.h"
#include "tests/sip/support/audio_probe.h"
#include "tests/sip/support/baresip_phone.h"
#include "tests/sip/support/sipp_runner.h"
#include "tests/sip/support/tone_wav.h"
#include "tests/sip/support/work_dir.h"

using namespace agentdesk::server::sip;
using namespace agentdesk::server::sip::test;
using namespace agentdesk::siptest;

namespace {

std::filesystem::path engineScenario(const std::string& name) {
    return std::filesystem::path(AGENTDESK_SIP_ENGINE_SCENARIOS) / name;
}

nlohmann::json requireEvent(BaresipPhone& phone, const std::string& type,
                            std::chrono::milliseconds timeout = 10s) {
    const auto event = phone.waitEvent(type, timeout);
    if (!event) {
        FAIL(type << " not seen in time by\n" << phone.diagnostics());
    }
    return *event;
}

InboundCall requireInbound(EngineFixture& f) {
    const auto call = f.events().nextInbound();
    REQUIRE(call);
    return *call;
}

LegEnded requireEnded(EngineFixture& f, std::chrono::milliseconds timeout = 10s) {
    const auto ended = f.events().nextEnded(timeout);
    REQUIRE(ended);
    return *ended;
}

}  // namespace

TEST_CASE("registrar: digest with the right password registers, a wrong one gets 403",
          "[sip][engine]") {
    EngineFixture f;
    f.engine().setAccounts({{"2001", "s3cret", {}}, {"2002", "other", {}}});

    BaresipPhone good(
        {.name = "good", .user = "2001", .password = "s3cret", .registrar = f.address()});
    good.start();
    REQUIRE(good.waitRegistered(5s));
    const auto reg = f.events().nextRegistration();
    REQUIRE(reg);
    CHECK(reg->extension == "2001");
    CHECK(reg->registered);
    CHECK_THAT(reg->contact, Catch::StartsWith("sip:"));
    CHECK(f.engine().stats().registrations == 1);

    BaresipPhone bad(
        {.name = "bad", .user = "2002", .password = "wrong", .registrar = f.address()});
    bad.start();
    CHECK_FALSE(bad.waitRegistered(5s));
    CHECK_THAT(bad.logTail(80), Catch::Contains("403"));
    BaresipPhone unknown(
        {.name = "unknown", .user = "2999", .password = "x", .registrar = f.address()});
    unknown.start();
    CHECK_FALSE(unknown.waitRegistered(5s));
    CHECK(f.engine().stats().registrations == 1);

    // A call from the registered phone is recognised as one; rejecting it reaches the phone.
    REQUIRE(good.dial("1588"));
    const InboundCall fromPhone = requireInbound(f);
    CHECK(fromPhone.fromRegisteredPhone);
    CHECK(fromPhone.phoneExtension == "2001");
    f.engine().rejectInbound(fromPhone.leg, 486, "Busy Here");
    const LegEnded rejected = requireEnded(f);
    CHECK(rejected.leg == fromPhone.leg);
    CHECK(rejected.reason == EndReason::Rejected);
    CHECK(rejected.sipStatus == 486);
    requireEvent(good, "CALL_CLOSED");

    good.stop();  // baresip un-REGISTERs (Expires: 0) on quit
    const auto gone = f.events().nextRegistration();
    REQUIRE(gone);
    CHECK(gone->extension == "2001");
    CHECK_FALSE(gone->registered);
    CHECK(f.engine().stats().registrations == 0);

    // SIPp's digest client, 10 s binding: registered, then expired by the engine's timer.
    SippRunner shortLived({.name = "register",
                           .scenario = engineScenario("uac_register_short.xml"),
                           .target = f.address(),
                           .service = "2002",
                           .extraArgs = {"-au", "2002", "-ap", "other"},
                           .timeout = 10s});
    const SippResult result = shortLived.run();
    INFO(result.summary());
    CHECK(result.ok());
    const auto added = f.events().nextRegistration();
    REQUIRE(added);
    CHECK(added->extension == "2002");
    CHECK(added->registered);
    CHECK(added->userAgent == "SIPp-short-register");
    const auto expired = f.events().nextRegistration(15s);
    REQUIRE(expired);
    CHECK(expired->extension == "2002");
    CHECK_FALSE(expired->registered);
    CHECK(f.engine().stats().registrations == 0);
    CHECK(f.waitIdle());
}

TEST_CASE("inbound trunk call: answered, the caller hears a 1000 Hz prompt, DTMF comes back",
          "[sip][engine]") {
    EngineFixture f;
    const auto prompt = makeRunDir("prompt") / "tone1000.wav";
    writeToneWav(prompt, party_hz::kMusic, 0.25, 2.0);

    BaresipPhone caller({.name = "caller", .user = "0101234567", .toneHz = party_hz::kCaller});
    caller.start();
    REQUIRE(caller.dial("sip:1588@" + f.address()));

    const InboundCall call = requireInbound(f);
    CHECK(call.requestUser == "1588");
    CHECK(call.fromUser == "0101234567");
    CHECK_FALSE(call.fromRegisteredPhone);
    CHECK_THAT(call.remoteAddr, Catch::StartsWith("127.0.0.1:"));
    CHECK(f.engine().stats().legs == 1);

    f.engine().answerInbound(call.leg);
    REQUIRE(f.events().nextAnswered() == call.leg);
    requireEvent(caller, "CALL_ESTABLISHED");
    const std::uint64_t playId = f.engine().play(call.leg, {prompt.string()}, false, false);
    const auto finished = f.events().nextFinished(5s);
    REQUIRE(finished);
    CHECK(finished->first == call.leg);
    CHECK(finished->second == playId);

    REQUIRE(caller.sendDtmf("7"));
    const auto digit = f.events().nextDtmf(5s);
    REQUIRE(digit);
    CHECK(digit->first == call.leg);
    CHECK(digit->second == '7');

    REQUIRE(caller.hangup());
    requireEvent(caller, "CALL_CLOSED");
    const LegEnded ended = requireEnded(f);
    CHECK(ended.leg == call.leg);
    CHECK(ended.reason == EndReason::Bye);

    const AudioProbe heard(caller.heardWav());
    INFO(heard.timeline());
    REQUIRE(heard.durationSec() > 2.0);
    // The prompt is 2 s long; somewhere in its middle the caller hears it and nothing else.
    bool heardPrompt = false;
    for (double t = 0; t + 1.0 <= heard.durationSec() && !heardPrompt; t += 0.25) {
        heardPrompt = heard.dominant(t, t + 1.0) == party_hz::kMusic;
    }
    CHECK(heardPrompt);
    CHECK(f.waitIdle());
}

TEST_CASE("CANCEL before the answer: 487 to the caller, legEnded(Cancel)", "[sip][engine]") {
    EngineFixture f;
    SippRunner sipp({.name = "cancel",
                     .scenario = engineScenario("uac_cancel.xml"),
                     .target = f.address(),
                     .service = "1588",
                     .timeout = 15s});
    sipp.start();
    const InboundCall call = requireInbound(f);
    const LegEnded ended = requireEnded(f);
    CHECK(ended.leg == call.leg);
    CHECK(ended.reason == EndReason::Cancel);
    const SippResult result = sipp.stop(5s);
    INFO(result.summary());
    CHECK(result.successfulCalls == 1);
    CHECK(result.failedCalls == 0);
    CHECK(f.waitIdle());
}

TEST_CASE("refused INVITEs (G.722 only 488, not SDP 400, stranger 403), OPTIONS, junk",
          "[sip][engine]") {
    EngineFixture f;
    struct Case {
        const char* scenario;
        std::vector<std::string> extraArgs;
    };
    const std::vector<Case> cases = {
        {"uac_invite_g722_only.xml", {}},
        {"uac_invite_bad_sdp.xml", {}},
        // 127.0.0.2 is loopback too, but neither a trunk nor a registered phone.
        {"uac_invite_expect_403.xml", {"-i", "127.0.0.2", "-mi", "127.0.0.2"}},
    };
    for (const Case& c : cases) {
        SippRunner sipp({.name = "refused",
                         .scenario = engineScenario(c.scenario),
                         .target = f.address(),
                         .service = "1588",
                         .extraArgs = c.extraArgs,
                         .timeout = 10s});
        const SippResult result = sipp.run();
        INFO(c.scenario << "\n" << result.summary());
        CHECK(result.ok());
        CHECK(result.successfulCalls == 1);
    }
    CHECK_FALSE(f.events().nextInbound(200ms));
    // Datagrams that are not SIP at all are dropped; the engine keeps answering.
    {
        const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
        REQUIRE(fd >= 0);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(f.engine().sipPort());
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        for (const std::string junk : {"\x01\x02garbage", "INVITE\r\n\r\n", "SIP/2.0 200\r\n"}) {
            ::sendto(fd, junk.data(), junk.size(), 0, reinterpret_cast<const sockaddr*>(&to),
                     sizeof to);
        }
        ::close(fd);
    }
    SippRunner options({.name = "options",
                        .scenario = engineScenario("uac_options.xml"),
                        .target = f.address(),
                        .service = "ping",
                        .timeout = 10s});
    const SippResult pong = options.run();
    INFO(pong.summary());
    CHECK(pong.ok());
    SippRunner overTcp({.name = "options-tcp",
                        .scenario = engineScenario("uac_options.xml"),
                        .target = f.address(),
                        .service = "ping",
                        .extraArgs = {"-t", "t1"},
                        .timeout = 10s});
    const SippResult tcpPong = overTcp.run();
    INFO(tcpPong.summary());
    CHECK(tcpPong.ok());
    CHECK(f.waitIdle());
}

namespace {

// The first window of `width` seconds from `from` on where `pred(t0, t1)` holds; -1 if none.
template <typename Pred>
double findWindow(const AudioProbe& probe, double from, double width, Pred pred) {
    for (double t = from; t + width <= probe.durationSec(); t += 0.1) {
        if (pred(t, t + width)) {
            return t;
        }
    }
    return -1;
}

}  // namespace

TEST_CASE("caller and auto-answering agent: relay both ways, mixing with music, recording",
          "[sip][engine]") {
    EngineFixture f;
    f.engine().setAccounts({{"2001", "pw2001", {}}});
    const auto dir = makeRunDir("relay");
    const auto music = dir / "music1000.wav";
    writeToneWav(music, party_hz::kMusic, 0.25, 1.0);
    const auto recording = dir / "call.wav";

    BaresipPhone agent({.name = "agent",
                        .user = "2001",
                        .password = "pw2001",
                        .registrar = f.address(),
                        .toneHz = party_hz::kAgent1,
                        .autoAnswer = true});
    agent.start();
    REQUIRE(agent.waitRegistered(5s));
    REQUIRE(f.events().nextRegistration());
    BaresipPhone caller({.name = "caller", .user = "0101234567", .toneHz = party_hz::kCaller});
    caller.start();

    REQUIRE(caller.dial("sip:1588@" + f.address()));
    const InboundCall in = requireInbound(f);
    f.engine().answerInbound(in.leg);
    REQUIRE(f.events().nextAnswered() == in.leg);

    const LegId out = f.engine().newLegId();
    f.engine().callExtension(out, "2001", "0101234567", "Caller", true);
    REQUIRE(f.events().nextAnswered() == out);
    requireEvent(agent, "CALL_ESTABLISHED");
    CHECK(f.engine().stats().legs == 2);
    CHECK(f.engine().stats().rtpSockets == 2);

    f.engine().setHears(in.leg, {{out}});
    f.engine().setHears(out, {{in.leg}});
    f.engine().startRecording(7, in.leg, out, recording.string());
    std::this_thread::sleep_for(2s);
    f.engine().pauseRecording(7, true);
    std::this_thread::sleep_for(1s);
    f.engine().pauseRecording(7, false);
    std::this_thread::sleep_for(1s);
    // Music under the agent (mixed), then music alone (exclusive).
    f.engine().play(in.leg, {music.string()}, true, false);
    std::this_thread::sleep_for(1500ms);
    f.engine().stopPlay(in.leg);
    f.engine().play(in.leg, {music.string()}, true, true);
    std::this_thread::sleep_for(1500ms);
    f.engine().stopPlay(in.leg);
    f.engine().stopRecording(7);

    f.engine().sendDtmf(out, "5");  // RFC 4733: baresip negotiated telephone-event
    const auto dtmf = requireEvent(agent, "CALL_DTMF_START");
    CHECK(dtmf.value("param", "") == "5");

    // A hold from the phone is a re-INVITE the engine answers; the call goes on.
    REQUIRE(agent.hold());
    std::this_thread::sleep_for(500ms);
    REQUIRE(agent.resume());
    std::this_thread::sleep_for(500ms);
    CHECK_FALSE(f.events().nextEnded(100ms));

    REQUIRE(caller.hangup());
    requireEvent(caller, "CALL_CLOSED");
    const LegEnded callerEnded = requireEnded(f);
    CHECK(callerEnded.leg == in.leg);
    CHECK(callerEnded.reason == EndReason::Bye);
    f.engine().hangup(out);
    const LegEnded agentEnded = requireEnded(f);
    CHECK(agentEnded.leg == out);
    CHECK(agentEnded.reason == EndReason::Bye);
    requireEvent(agent, "CALL_CLOSED");
    CHECK(f.waitIdle());

    const AudioProbe heardByCaller(caller.heardWav());
    const AudioProbe heardByAgent(agent.heardWavs().front());
    INFO("caller heard " << heardByCaller.timeline() << "\nagent heard "
                         << heardByAgent.timeline());
    const double relay = findWindow(heardByCaller, 0, 1.0, [&](double a, double b) {
        return heardByCaller.dominant(a, b) == party_hz::kAgent1;
    });
    CHECK(relay >= 0);
    const double mixed = findWindow(heardByCaller, relay, 0.5, [&](double a, double b) {
        return heardByCaller.hears(a, b, party_hz::kAgent1) &&
               heardByCaller.hears(a, b, party_hz::kMusic);
    });
    CHECK(mixed > relay);
    const double alone = findWindow(heardByCaller, mixed, 0.5, [&](double a, double b) {
        return heardByCaller.dominant(a, b) == party_hz::kMusic &&
               !heardByCaller.hears(a, b, party_hz::kAgent1);
    });
    CHECK(alone > mixed);
    CHECK(findWindow(heardByAgent, 0, 1.0, [&](double a, double b) {
              return heardByAgent.dominant(a, b) == party_hz::kCaller;
          }) >= 0);

    const AudioProbe left(recording, 0);
    const AudioProbe right(recording, 1);
    INFO("recording left " << left.timeline() << "\nright " << right.timeline());
    CHECK(left.durationSec() == Approx(7.0).margin(0.5));
    CHECK(left.dominant(0.5, 1.5) == party_hz::kCaller);
    CHECK(right.dominant(0.5, 1.5) == party_hz::kAgent1);
    CHECK(left.levelDbfs(2.2, 2.8) < kSilenceDbfs);
    CHECK(right.levelDbfs(2.2, 2.8) < kSilenceDbfs);
    CHECK(left.dominant(3.3, 3.8) == party_hz::kCaller);
    CHECK(right.dominant(3.3, 3.8) == party_hz::kAgent1);
}

TEST_CASE("callNumber via the gateway (a SIPp echo), engine hangs up with BYE", "[sip][engine]") {
    SippRunner gateway(
        {.name = "gateway", .scenario = sipScenario("uas_echo.xml"), .rtpEcho = true});
    gateway.start();
    SipConfig config = EngineFixture::defaultConfig();
    config.outboundUri = "sip:" + gateway.address();
    EngineFixture f(config);
    const auto dir = makeRunDir("gateway");
    const auto tone = dir / "tone1000.wav";
    writeToneWav(tone, party_hz::kMusic, 0.25, 3.0);

    const LegId leg = f.engine().newLegId();
    f.engine().callNumber(leg, "0212345678", "1588");
    REQUIRE(f.events().nextAnswered() == leg);
    // The leg hears our tone; the echo sends it back, so what the leg sends is the tone.
    f.engine().startRecording(1, leg, leg, (dir / "echo.wav").string());
    f.engine().play(leg, {tone.string()}, false, true);
    std::this_thread::sleep_for(1500ms);
    f.engine().stopPlay(leg);
    // The echo UAS offers no telephone-event: DTMF goes in-band (697 + 1209 Hz for "1").
    f.engine().sendDtmf(leg, "1");
    std::this_thread::sleep_for(700ms);
    f.engine().stopRecording(1);
    f.engine().hangup(leg);
    const LegEnded ended = requireEnded(f);
    CHECK(ended.leg == leg);
    CHECK(ended.reason == EndReason::Bye);
    const SippResult result = gateway.stop(3s);
    INFO(result.summary());
    CHECK(result.successfulCalls == 1);
    const AudioProbe echo(dir / "echo.wav", 0);
    INFO(echo.timeline());
    CHECK(echo.dominant(0.5, 1.3) == party_hz::kMusic);
    CHECK(findWindow(echo, 1.3, 0.08, [&](double a, double b) {
              return echo.toneDbfs(a, b, 697) > -25 && echo.toneDbfs(a, b, 1209) > -25 &&
                     echo.toneDbfs(a, b, party_hz::kMusic) < -40;
          }) > 0);
    CHECK(f.waitIdle());
    CHECK(f.engine().stats().rtpIn > 50);
    CHECK(f.engine().stats().rtpOut > 50);
}

TEST_CASE("no RTP from an answered leg ends it with RtpTimeout and a BYE", "[sip][engine]") {
    SipConfig config = EngineFixture::defaultConfig();
    config.rtpTimeoutSec = 2;
    EngineFixture f(config);
    SippRunner sipp({.name = "silent",
                     .scenario = engineScenario("uac_silent_call.xml"),
                     .target = f.address(),
                     .service = "1588",
                     .timeout = 15s});
    sipp.start();
    const InboundCall call = requireInbound(f);
    f.engine().answerInbound(call.leg);
    REQUIRE(f.events().nextAnswered() == call.leg);
    const LegEnded ended = requireEnded(f, 6s);
    CHECK(ended.leg == call.leg);
    CHECK(ended.reason == EndReason::RtpTimeout);
    const SippResult result = sipp.stop(5s);
    INFO(result.summary());
    CHECK(result.successfulCalls == 1);
    CHECK(f.waitIdle());
}

TEST_CASE("unregistered extension, engine hangup of a ringing call, stop() with a live call",
          "[sip][engine]") {
    EngineFixture f;
    const LegId nobody = f.engine().newLegId();
    f.engine().callExtension(nobody, "2999", "1588", "", true);
    const LegEnded notThere = requireEnded(f);
    CHECK(notThere.leg == nobody);
    CHECK(notThere.reason == EndReason::Rejected);
    CHECK(notThere.sipStatus == 480);

    // Outbound legs ringing at a phone that does not answer: CANCEL from us, a reject by it.
    f.engine().setAccounts({{"2005", "pw2005", {}}});
    BaresipPhone agent({.name = "agent",
                        .user = "2005",
                        .password = "pw2005",
                        .registrar = f.address(),
                        .toneHz = party_hz::kAgent1});
    agent.start();
    REQUIRE(agent.waitRegistered(5s));
    const LegId cancelled = f.engine().newLegId();
    f.engine().callExtension(cancelled, "2005", "1588", "Queue", false);
    requireEvent(agent, "CALL_INCOMING");
    f.engine().hangup(cancelled);
    const LegEnded cancelEnd = requireEnded(f);
    CHECK(cancelEnd.leg == cancelled);
    CHECK(cancelEnd.reason == EndReason::Cancel);
    requireEvent(agent, "CALL_CLOSED");
    const LegId refused = f.engine().newLegId();
    f.engine().callExtension(refused, "2005", "1588", "Queue", false);
    requireEvent(agent, "CALL_INCOMING");
    REQUIRE(agent.hangup());
    const LegEnded refusedEnd = requireEnded(f);
    CHECK(refusedEnd.leg == refused);
    CHECK(refusedEnd.reason == EndReason::Rejected);
    CHECK(refusedEnd.sipStatus >= 400);

    BaresipPhone caller({.name = "caller", .user = "0101234567", .toneHz = party_hz::kCaller});
    caller.start();
    REQUIRE(caller.dial("sip:1588@" + f.address()));
    const InboundCall ringing = requireInbound(f);
    f.engine().hangup(ringing.leg);
    const LegEnded hungUp = requireEnded(f);
    CHECK(hungUp.leg == ringing.leg);
    CHECK(hungUp.reason == EndReason::Cancel);
    requireEvent(caller, "CALL_CLOSED");

    REQUIRE(caller.dial("sip:1588@" + f.address()));
    const InboundCall live = requireInbound(f);
    f.engine().answerInbound(live.leg);
    REQUIRE(f.events().nextAnswered() == live.leg);
    requireEvent(caller, "CALL_ESTABLISHED");
    f.engine().stop();
    const LegEnded shutdown = requireEnded(f, 2s);
    CHECK(shutdown.leg == live.leg);
    CHECK(shutdown.reason == EndReason::Shutdown);
    requireEvent(caller, "CALL_CLOSED");  // the BYE reached the phone
    CHECK(f.engine().stats().legs == 0);
    CHECK(f.engine().stats().rtpSockets == 0);
    CHECK(f.events().allEnded().size() == 5);
}

TEST_CASE("late offer: INVITE without SDP, our offer in the 200 OK, the answer in the ACK",
          "[sip][engine]") {
    EngineFixture f;
    SippRunner sipp({.name = "late",
                     .scenario = engineScenario("uac_late_offer.xml"),
                     .target = f.address(),
                     .service = "1588",
                     .rtpEcho = true,
                     .extraArgs = {"-d", "1500"},
                     .timeout = 15s});
    sipp.start();
    const InboundCall call = requireInbound(f);
    f.engine().answerInbound(call.leg);
    REQUIRE(f.events().nextAnswered() == call.leg);
    const LegEnded ended = requireEnded(f);
    CHECK(ended.leg == call.leg);
    CHECK(ended.reason == EndReason::Bye);
    const SippResult result = sipp.stop(5s);
    INFO(result.summary());
    CHECK(result.successfulCalls == 1);
    // Comfort silence went to the address of the ACK's answer and SIPp echoed it back.
    CHECK(f.engine().stats().rtpOut > 20);
    CHECK(f.engine().stats().rtpIn > 20);
    CHECK(f.waitIdle());
}

TEST_CASE("start() fails cleanly (port in use, wildcard address, bad trunk) and restarts",
          "[sip][engine]") {
    RecordingListener listener;
    const auto inline_ = [](std::function<void()> f) { f(); };
    SipEngine first(EngineFixture::defaultConfig(), listener, inline_);
    std::string error;
    REQUIRE(first.start(&error));
    REQUIRE(first.sipPort() != 0);

    SipConfig taken = EngineFixture::defaultConfig();
    taken.listenPort = first.sipPort();
    SipEngine second(taken, listener, inline_);
    CHECK_FALSE(second.start(&error));
    CHECK_THAT(error, Catch::Contains("in use"));

    SipConfig wildcard = EngineFixture::defaultConfig();
    wildcard.listenHost = "0.0.0.0";
    SipEngine third(wildcard, listener, inline_);
    CHECK_FALSE(third.start(&error));
    CHECK_THAT(error, Catch::Contains("concrete IP"));

    SipConfig badTrunk = EngineFixture::defaultConfig();
    badTrunk.trunkAddrs = {"trunk.example"};
    SipEngine fourth(badTrunk, listener, inline_);
    CHECK_FALSE(fourth.start(&error));
    CHECK_THAT(error, Catch::Contains("trunk.example"));

    first.stop();
    CHECK(first.sipPort() == 0);
    REQUIRE(first.start(&error));  // a stopped engine starts again
    CHECK(first.sipPort() != 0);
    // Calls placed on a stopped engine end at once instead of never.
    first.stop();
    first.callNumber(first.newLegId(), "0212345678", "1588");
    const auto ended = listener.nextEnded(1s);
    REQUIRE(ended);
    CHECK(ended->reason == EndReason::Shutdown);
}

TEST_CASE("DTMF as SIP INFO (application/dtmf-relay) is reported like RFC 4733", "[sip][engine]") {
    EngineFixture f;
    SippRunner sipp({.name = "info",
                     .scenario = engineScenario("uac_info_dtmf.xml"),
                     .target = f.address(),
                     .service = "1588",
                     .timeout = 15s});
    sipp.start();
    const InboundCall call = requireInbound(f);
    f.engine().answerInbound(call.leg);
    REQUIRE(f.events().nextAnswered() == call.leg);
    const auto digit = f.events().nextDtmf(5s);
    REQUIRE(digit);
    CHECK(digit->first == call.leg);
    CHECK(digit->second == '5');
    const LegEnded ended = requireEnded(f);
    CHECK(ended.reason == EndReason::Bye);
    const SippResult result = sipp.stop(5s);
    INFO(result.summary());
    CHECK(result.successfulCalls == 1);
    CHECK(f.waitIdle());
}
