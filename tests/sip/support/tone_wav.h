#pragma once
// Sine-tone WAVs (8 kHz mono 16-bit PCM): what each SIP test party plays, and probe fixtures.
#include <filesystem>
#include <vector>

namespace agentdesk::siptest {

inline constexpr int kToneSampleRate = 8000;

// The tone each party plays, so a test can tell from a recording who was heard.
namespace party_hz {
inline constexpr double kCaller = 300;
inline constexpr double kAgent1 = 440;
inline constexpr double kAgent2 = 550;
inline constexpr double kSupervisor = 700;
inline constexpr double kMusic = 1000;
}  // namespace party_hz

struct Tone {
    double hz = 440;
    double amplitude = 0.25;  // peak, as a fraction of full scale
};

// A stretch of signal: the sum of `tones` (none = digital silence) for `seconds`.
struct ToneSegment {
    double seconds = 1.0;
    std::vector<Tone> tones{};
};

// One sine (hz 0 = silence), 8 kHz mono 16-bit PCM. Throws std::runtime_error on I/O errors.
void writeToneWav(const std::filesystem::path& path, double hz, double amplitude, double seconds);

// Segments one after another, 8 kHz 16-bit PCM; one segment list per channel (all channels
// are padded with silence to the longest). Samples are clipped at full scale.
void writeSegmentsWav(const std::filesystem::path& path,
                      const std::vector<std::vector<ToneSegment>>& channels);

}  // namespace agentdesk::siptest
