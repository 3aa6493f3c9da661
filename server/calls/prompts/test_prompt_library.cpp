// Prompt library: which fragments each announcement is made of, and that the generated WAVs
// are what the RTP path can play (8 kHz mono 16-bit, audible, sized like their text).
#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <numbers>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "server/calls/prompts/prompt_library.h"
#include "server/calls/prompts/wav_format.h"

using namespace agentdesk::server::prompts;
namespace fs = std::filesystem;
using Ids = std::vector<std::string>;

namespace {

const fs::path kDir = AGENTDESK_PROMPTS_DIR;

struct Audio {
    SF_INFO info{};
    std::vector<double> samples;  // -1..1

    double seconds() const { return static_cast<double>(samples.size()) / info.samplerate; }
    double rmsDb() const {
        double sum = 0;
        for (double s : samples) {
            sum += s * s;
        }
        return 10.0 * std::log10(sum / static_cast<double>(samples.size()));
    }
    double peakDb() const {
        double peak = 0;
        for (double s : samples) {
            peak = std::max(peak, std::fabs(s));
        }
        return 20.0 * std::log10(peak);
    }
};

Audio readAudio(const fs::path& file) {
    Audio audio;
    SNDFILE* f = sf_open(file.c_str(), SFM_READ, &audio.info);
    if (f == nullptr) {
        FAIL(file.string() << ": " << sf_strerror(nullptr));
    }
    audio.samples.resize(static_cast<std::size_t>(audio.info.frames * audio.info.channels));
    sf_read_double(f, audio.samples.data(), static_cast<sf_count_t>(audio.samples.size()));
    sf_close(f);
    return audio;
}

// Signal power at one frequency (Goertzel), the detector the call tests use for music.
double goertzel(const std::vector<double>& x, double freq, double rate) {
    const double coeff = 2.0 * std::cos(2.0 * std::numbers::pi * freq / rate);
    double s1 = 0;
    double s2 = 0;
    for (double v : x) {
        const double s = v + coeff * s1 - s2;
        s2 = s1;
        s1 = s;
    }
    return s1 * s1 + s2 * s2 - coeff * s1 * s2;
}

std::set<std::string> tsvIds(const std::string& lang) {
    std::ifstream in(AGENTDESK_PROMPTS_TSV);
    REQUIRE(in);
    std::set<std::string> ids;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        std::istringstream fields(line);
        std::string id;
        std::string l;
        std::getline(fields, id, '\t');
        std::getline(fields, l, '\t');
        if (l == lang) {
            ids.insert(id);
        }
    }
    return ids;
}

// A private copy of the generated set that a test may break.
struct ScratchCopy {
    fs::path dir =
        fs::temp_directory_path() / ("agentdesk_prompts_test_" + std::to_string(::getpid()));
    ScratchCopy() {
        fs::remove_all(dir);
        fs::copy(kDir, dir, fs::copy_options::recursive);
    }
    ~ScratchCopy() { fs::remove_all(dir); }
};

}  // namespace

TEST_CASE("Position 3 with a 95 s wait: exact fragment order", "[prompts]") {
    CHECK(queuePositionIds(Lang::Ko, 3, 95) ==
          Ids{"queue_lead", "ord_03", "wait_lead", "min_02", "end_copula"});
    CHECK(queuePositionIds(Lang::En, 3, 95) ==
          Ids{"queue_lead", "ord_03", "queue_tail", "wait_lead", "min_02"});
}

TEST_CASE("Unknown wait: no figure, a request to hold instead", "[prompts]") {
    CHECK(queuePositionIds(Lang::Ko, 3, -1) ==
          Ids{"queue_lead", "ord_03", "end_copula", "please_hold"});
    CHECK(queuePositionIds(Lang::En, 3, -1) ==
          Ids{"queue_lead", "ord_03", "queue_tail", "please_hold"});
    CHECK(queuePositionIds(Lang::Ko, 3, -7) == queuePositionIds(Lang::Ko, 3, -1));
}

TEST_CASE("Positions 1, 20, 21 and out-of-range ones", "[prompts]") {
    for (Lang lang : {Lang::Ko, Lang::En}) {
        CHECK(queuePositionIds(lang, 1, -1)[1] == "ord_01");
        CHECK(queuePositionIds(lang, 20, -1)[1] == "ord_20");
        CHECK(queuePositionIds(lang, 21, -1)[1] == "ord_over20");
        CHECK(queuePositionIds(lang, 500, -1)[1] == "ord_over20");
        CHECK(queuePositionIds(lang, 0, -1)[1] == "ord_01");
    }
}

TEST_CASE("Expected wait rounds up to whole minutes, at least 1, capped past 30", "[prompts]") {
    CHECK(announcedWaitMinutes(-1) == -1);
    CHECK(announcedWaitMinutes(0) == 1);
    CHECK(announcedWaitMinutes(59) == 1);
    CHECK(announcedWaitMinutes(60) == 1);
    CHECK(announcedWaitMinutes(61) == 2);
    CHECK(announcedWaitMinutes(1800) == 30);
    CHECK(announcedWaitMinutes(1801) == 31);
    CHECK(announcedWaitMinutes(5000) == 31);

    CHECK(queuePositionIds(Lang::Ko, 2, 0) ==
          Ids{"queue_lead", "ord_02", "wait_lead", "min_01", "end_copula"});
    CHECK(queuePositionIds(Lang::Ko, 2, 59)[3] == "min_01");
    CHECK(queuePositionIds(Lang::Ko, 2, 60)[3] == "min_01");
    CHECK(queuePositionIds(Lang::Ko, 2, 61)[3] == "min_02");
    CHECK(queuePositionIds(Lang::En, 2, 1800) ==
          Ids{"queue_lead", "ord_02", "queue_tail", "wait_lead", "min_30"});
    // Past 30 minutes the lead-in without "약"/"about".
    CHECK(queuePositionIds(Lang::Ko, 2, 5000) ==
          Ids{"queue_lead", "ord_02", "wait_lead_long", "min_over30", "end_copula"});
    CHECK(queuePositionIds(Lang::En, 2, 5000) ==
          Ids{"queue_lead", "ord_02", "queue_tail", "wait_lead_long", "min_over30"});
}

TEST_CASE("The other announcements", "[prompts]") {
    for (Lang lang : {Lang::Ko, Lang::En}) {
        CHECK(greetingIds(lang) ==
              Ids{"greeting_welcome", "greeting_recording", "greeting_respect"});
        CHECK(abuseWarningIds(lang) == Ids{"abuse_warning"});
        CHECK(protectionClosingIds(lang) == Ids{"protection_closing"});
        CHECK(transferringIds(lang) == Ids{"transferring", "please_hold"});
        CHECK(onHoldIds(lang) == Ids{"on_hold"});
    }
}

TEST_CASE("prompts.tsv defines exactly the fragments the composition uses", "[prompts]") {
    for (Lang lang : {Lang::Ko, Lang::En}) {
        const Ids ids = fragmentIds(lang);
        const std::set<std::string> unique(ids.begin(), ids.end());
        CHECK(unique.size() == ids.size());
        CHECK(unique == tsvIds(std::string(langCode(lang))));
    }
}

TEST_CASE("PromptLibrary maps ids to <dir>/<lang>/<id>.wav", "[prompts]") {
    const PromptLibrary lib("/p");
    CHECK(lib.queuePosition(Lang::Ko, 3, 95) ==
          std::vector<fs::path>{"/p/ko/queue_lead.wav", "/p/ko/ord_03.wav", "/p/ko/wait_lead.wav",
                                "/p/ko/min_02.wav", "/p/ko/end_copula.wav"});
    CHECK(lib.greeting(Lang::En).front() == "/p/en/greeting_welcome.wav");
    CHECK(lib.abuseWarning(Lang::Ko) == std::vector<fs::path>{"/p/ko/abuse_warning.wav"});
    CHECK(lib.protectionClosing(Lang::En) == std::vector<fs::path>{"/p/en/protection_closing.wav"});
    CHECK(lib.holdMusic() == "/p/music/hold.wav");
}

TEST_CASE("The generated prompt set is valid", "[prompts]") {
    std::string why;
    CHECK(PromptLibrary(kDir).valid(&why));
    CHECK(why.empty());
}

TEST_CASE("Every fragment is 8 kHz mono 16-bit, audible, and as long as its text", "[prompts]") {
    const PromptLibrary lib(kDir);
    for (Lang lang : {Lang::Ko, Lang::En}) {
        for (const std::string& id : fragmentIds(lang)) {
            const fs::path file = lib.fragment(lang, id);
            INFO(file.string());
            const Audio a = readAudio(file);
            CHECK(a.info.samplerate == 8000);
            CHECK(a.info.channels == 1);
            CHECK(a.info.format == (SF_FORMAT_WAV | SF_FORMAT_PCM_16));
            CHECK(a.peakDb() < -2.5);  // normalised to -3 dBFS
            CHECK(a.peakDb() > -4.0);
            CHECK(a.rmsDb() > -30.0);  // speech, not near-silence
            const bool ordinal = id.rfind("ord_", 0) == 0 && id != "ord_over20";
            const bool minutes = id.rfind("min_", 0) == 0;
            if (ordinal || minutes) {
                CHECK(a.seconds() > 0.4);
                CHECK(a.seconds() < 2.0);
            } else {
                CHECK(a.seconds() > 0.5);
                CHECK(a.seconds() < 30.0);
            }
        }
    }
}

TEST_CASE("A composed Korean queue announcement lasts a few seconds", "[prompts]") {
    double total = 0;
    for (const fs::path& file : PromptLibrary(kDir).queuePosition(Lang::Ko, 3, 95)) {
        total += readAudio(file).seconds();
    }
    CHECK(total > 3.0);
    CHECK(total < 9.0);
}

TEST_CASE("Hold music: 8 kHz mono, 10-20 s, peak -6 dBFS, dominated by 1000 Hz", "[prompts]") {
    const Audio a = readAudio(PromptLibrary(kDir).holdMusic());
    CHECK(a.info.samplerate == 8000);
    CHECK(a.info.channels == 1);
    CHECK(a.info.format == (SF_FORMAT_WAV | SF_FORMAT_PCM_16));
    CHECK(a.seconds() >= 10.0);
    CHECK(a.seconds() <= 20.0);
    CHECK(a.peakDb() == Approx(-6.0).margin(0.3));
    const double at1000 = goertzel(a.samples, 1000, 8000);
    for (double other : {300.0, 440.0, 550.0, 700.0}) {
        INFO(other << " Hz");
        CHECK(at1000 > 100.0 * goertzel(a.samples, other, 8000));
    }
    // Loopable: starts and ends at (near) zero, so the seam does not click.
    CHECK(std::fabs(a.samples.front()) < 0.01);
    CHECK(std::fabs(a.samples.back()) < 0.01);
}

TEST_CASE("valid() names what is missing or in the wrong format", "[prompts]") {
    std::string why;
    CHECK_FALSE(PromptLibrary("/nonexistent/prompts").valid(&why));
    CHECK(why.find("/nonexistent/prompts") != std::string::npos);

    ScratchCopy copy;
    fs::remove(copy.dir / "ko" / "ord_07.wav");
    // A "recorded" replacement at CD rate and stereo, as an operator might drop in.
    SF_INFO info{};
    info.samplerate = 44100;
    info.channels = 2;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    const fs::path wrong = copy.dir / "en" / "please_hold.wav";
    SNDFILE* f = sf_open(wrong.c_str(), SFM_WRITE, &info);
    REQUIRE(f != nullptr);
    const std::vector<short> silence(44100 * 2, 0);
    sf_write_short(f, silence.data(), static_cast<sf_count_t>(silence.size()));
    sf_close(f);

    why.clear();
    CHECK_FALSE(PromptLibrary(copy.dir).valid(&why));
    CHECK(why.find("2 problem(s)") != std::string::npos);
    CHECK(why.find("ord_07.wav") != std::string::npos);
    CHECK(why.find("please_hold.wav is 44100 Hz, 2 ch") != std::string::npos);
}

TEST_CASE("readWavFormat reads the header and rejects non-WAV files", "[prompts]") {
    const auto format = readWavFormat(kDir / "ko" / "ord_03.wav");
    REQUIRE(format);
    CHECK(isTelephonyWav(*format));
    CHECK(format->seconds() > 0.4);
    std::string why;
    CHECK_FALSE(readWavFormat(AGENTDESK_PROMPTS_TSV, &why));
    CHECK(why.find("not a RIFF/WAVE") != std::string::npos);
}

TEST_CASE("Prompt directory lookup: explicit, then install prefix, then build tree", "[prompts]") {
    CHECK(promptDirCandidates("/srv/voice", "/opt/ad/bin/agentdesk-server") ==
          std::vector<fs::path>{"/srv/voice"});
    const auto dirs = promptDirCandidates({}, "/opt/ad/bin/agentdesk-server");
    REQUIRE(dirs.size() == 2);
    CHECK(dirs[0] == "/opt/ad/share/agentdesk/prompts");
    CHECK(dirs[1] == kDir);
    CHECK(promptDirCandidates({}, {}) == std::vector<fs::path>{kDir});

    // This test binary is not installed: the build tree's set is found.
    CHECK(findPromptDir() == kDir);
    CHECK(findPromptDir(kDir) == kDir);

    // A mistyped explicit directory is an error, not a silent fallback to the build tree.
    std::string why;
    CHECK_FALSE(findPromptDir("/nonexistent/voice", &why));
    CHECK(why.find("/nonexistent/voice") != std::string::npos);
}
