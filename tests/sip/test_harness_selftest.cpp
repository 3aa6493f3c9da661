// Self-test of the SIP harness: the audio probe on synthetic WAVs, then baresip phones and
// SIPp on loopback without any server, so a broken harness is not mistaken for a server bug.
#include <catch2/catch.hpp>

#include <thread>

#include "tests/sip/support/audio_probe.h"
#include "tests/sip/support/baresip_phone.h"
#include "tests/sip/support/sipp_runner.h"
#include "tests/sip/support/tone_wav.h"
#include "tests/sip/support/work_dir.h"

using namespace agentdesk::siptest;

namespace {

nlohmann::json requireEvent(BaresipPhone& phone, const std::string& type,
                            std::chrono::milliseconds timeout = 10s) {
    const auto event = phone.waitEvent(type, timeout);
    if (!event)
        FAIL(type << " not seen in time by\n" << phone.diagnostics());
    return *event;
}

// The middle second of a recording: clear of call set-up at the start and of the hangup.
struct Window {
    double t0;
    double t1;
};
Window middleSecond(const AudioProbe& probe) {
    const double mid = probe.durationSec() / 2;
    return {mid - 0.5, mid + 0.5};
}

}  // namespace

TEST_CASE("audio probe: level, dominant tone and mixed tones per window", "[sip][probe]") {
    const auto path = makeRunDir("probe") / "synthetic.wav";
    writeSegmentsWav(path, {{
                               {1.0, {{300, 0.25}}},
                               {1.0, {}},
                               {1.0, {{300, 0.25}, {700, 0.25}}},
                               {1.0, {{300, 0.4}, {700, 0.1}}},
                           }});
    const AudioProbe probe(path);
    INFO(probe.timeline());
    REQUIRE(probe.sampleRate() == 8000);
    REQUIRE(probe.durationSec() == Approx(4.0));

    // A 0.25 sine: RMS 0.25/sqrt(2), i.e. -15.05 dBFS, for the window and for the tone.
    CHECK(probe.levelDbfs(0.25, 0.75) == Approx(-15.05).margin(0.1));
    CHECK(probe.toneDbfs(0.25, 0.75, 300) == Approx(-15.05).margin(0.3));
    CHECK(probe.dominant(0.25, 0.75) == 300);
    CHECK(probe.hears(0.25, 0.75, 300));
    CHECK_FALSE(probe.hears(0.25, 0.75, 440));

    CHECK(probe.levelDbfs(1.25, 1.75) < kSilenceDbfs);
    CHECK(probe.dominant(1.25, 1.75) == 0);
    CHECK_FALSE(probe.hears(1.25, 1.75, 300));

    // Equal mix: loud, but nobody dominates; both parties are heard, no one else is.
    CHECK(probe.levelDbfs(2.25, 2.75) == Approx(-12.04).margin(0.2));
    CHECK(probe.dominant(2.25, 2.75) == 0);
    CHECK(probe.heardTones(2.25, 2.75) == std::vector<double>{300, 700});

    // 12 dB apart: 300 dominates, 700 is still heard underneath.
    CHECK(probe.dominant(3.25, 3.75) == 300);
    CHECK(probe.hears(3.25, 3.75, 700));
    CHECK(probe.toneDbfs(3.25, 3.75, 700) == Approx(-23.0).margin(0.5));

    const std::string timeline = probe.timeline();
    CHECK_THAT(timeline, Catch::Contains("0.0:300/-15") && Catch::Contains("1.0:-/-120") &&
                             Catch::Contains("2.5:mix/-12") && Catch::Contains("3.5:300/"));
}

TEST_CASE("audio probe: broadband sound is no party tone, stereo channels", "[sip][probe]") {
    const auto dir = makeRunDir("probe");
    // Twenty tones, each 50 Hz or more from every party tone, stand in for speech or noise.
    ToneSegment babble{1.0, {}};
    for (int i = 0; i < 20; ++i)
        babble.tones.push_back({200.0 + 150.0 * i, 0.05});
    writeSegmentsWav(dir / "babble.wav", {{babble}});
    const AudioProbe noisy(dir / "babble.wav");
    INFO(noisy.timeline());
    CHECK(noisy.levelDbfs(0, 1) > kSilenceDbfs);
    CHECK(noisy.dominant(0, 1) == 0);
    CHECK(noisy.heardTones(0, 1).empty());

    writeSegmentsWav(dir / "stereo.wav", {{{1.0, {{440, 0.25}}}}, {{1.0, {{1000, 0.25}}}}});
    CHECK(AudioProbe(dir / "stereo.wav", 0).dominant(0, 1) == 440);
    CHECK(AudioProbe(dir / "stereo.wav", 1).dominant(0, 1) == 1000);
    CHECK_THROWS_AS(AudioProbe(dir / "stereo.wav", 2), std::runtime_error);
    CHECK_THROWS_AS(AudioProbe(dir / "missing.wav"), std::runtime_error);
}

TEST_CASE("two baresip phones call each other directly and hear each other's tone", "[sip]") {
    BaresipPhone a({.name = "a", .user = "1000", .toneHz = party_hz::kCaller});
    BaresipPhone b({.name = "b", .user = "2000", .toneHz = party_hz::kAgent1, .autoAnswer = true});
    a.start();
    b.start();

    REQUIRE(a.dial(b.sipUri()));
    requireEvent(a, "CALL_ESTABLISHED");
    requireEvent(b, "CALL_ESTABLISHED");
    std::this_thread::sleep_for(3s);  // three seconds of both tones, then listen to them
    REQUIRE(a.hangup());
    requireEvent(a, "CALL_CLOSED");
    requireEvent(b, "CALL_CLOSED");

    REQUIRE_FALSE(a.heardWav().empty());
    REQUIRE_FALSE(b.heardWav().empty());
    const AudioProbe heardByA(a.heardWav());
    const AudioProbe heardByB(b.heardWav());
    const AudioProbe sentByA(a.sentWav());
    INFO(heardByA.timeline() << "\n" << heardByB.timeline() << "\n" << sentByA.timeline());
    REQUIRE(heardByA.durationSec() > 2.5);
    REQUIRE(heardByB.durationSec() > 2.5);
    const auto [a0, a1] = middleSecond(heardByA);
    const auto [b0, b1] = middleSecond(heardByB);
    CHECK(heardByA.dominant(a0, a1) == party_hz::kAgent1);
    CHECK(heardByB.dominant(b0, b1) == party_hz::kCaller);
    // G.711 keeps the level of a -15 dBFS tone within a dB or so.
    CHECK(heardByA.levelDbfs(a0, a1) == Approx(-15).margin(2));
    CHECK(sentByA.dominant(1, 2) == party_hz::kCaller);
}

TEST_CASE("a SIPp UAC call to an auto-answering baresip phone completes", "[sip]") {
    BaresipPhone callee({.name = "callee", .user = "2000", .autoAnswer = true});
    callee.start();

    SippRunner sipp({.name = "uac",
                     .scenario = sipScenario("uac_basic_call.xml"),
                     .target = "127.0.0.1:" + std::to_string(callee.sipPort()),
                     .service = "2000",
                     .extraArgs = {"-d", "2500"},
                     .timeout = 20s});
    const SippResult result = sipp.run();
    INFO(result.summary());
    REQUIRE(result.ok());
    CHECK(result.successfulCalls == 1);
    CHECK(result.failedCalls == 0);

    requireEvent(callee, "CALL_ESTABLISHED");
    requireEvent(callee, "CALL_CLOSED");
    // SIPp played g711a.pcap (speech) to the phone; the phone's own 440 Hz must not come back.
    const AudioProbe heard(callee.heardWav());
    INFO(heard.timeline());
    CHECK(heard.durationSec() > 2.0);
    CHECK(heard.levelDbfs(0, heard.durationSec()) > kSilenceDbfs);
    CHECK_FALSE(heard.hears(0, heard.durationSec(), party_hz::kAgent1));
}

TEST_CASE("a baresip phone calling a background SIPp echo UAS hears itself", "[sip]") {
    SippRunner echo({.name = "echo", .scenario = sipScenario("uas_echo.xml"), .rtpEcho = true});
    echo.start();
    BaresipPhone caller({.name = "caller", .user = "1000", .toneHz = party_hz::kCaller});
    caller.start();

    REQUIRE(caller.dial(echo.uri("echo")));
    requireEvent(caller, "CALL_ESTABLISHED");
    std::this_thread::sleep_for(2s);  // two seconds of tone through the echo, then listen
    REQUIRE(caller.hangup());
    requireEvent(caller, "CALL_CLOSED");

    const SippResult result = echo.stop();
    INFO(result.summary());
    CHECK(result.ok());
    CHECK(result.successfulCalls == 1);
    const AudioProbe heard(caller.heardWav());
    INFO(heard.timeline());
    const auto [t0, t1] = middleSecond(heard);
    CHECK(heard.dominant(t0, t1) == party_hz::kCaller);
}

TEST_CASE("a baresip phone registers with a SIPp registrar and unregisters on stop", "[sip]") {
    SippRunner registrar({.name = "registrar", .scenario = sipScenario("uas_registrar.xml")});
    registrar.start();
    BaresipPhone agent(
        {.name = "agent", .user = "3001", .password = "secret", .registrar = registrar.address()});
    agent.start();
    REQUIRE(agent.waitRegistered(5s));

    agent.stop();  // quit un-REGISTERs, which completes the registrar's one "call"
    const SippResult result = registrar.stop(3s);
    INFO(result.summary());
    CHECK(result.ok());
    CHECK(result.successfulCalls == 1);
}
