#pragma once
// What a phone heard: level and tone powers per time window of a WAV recording (a dump).
#include <filesystem>
#include <string>
#include <vector>

namespace agentdesk::siptest {

// Every party tone of tone_wav.h: caller, agent1, agent2, supervisor, music.
inline const std::vector<double> kPartyTones = {300, 440, 550, 700, 1000};

// Levels are RMS relative to full scale: a sine of peak amplitude A reads 20*log10(A/sqrt(2)),
// so a 0.25 tone is -15 dBFS. G.711 idle noise and a muted phone stay far below -45.
inline constexpr double kSilenceDbfs = -45.0;
// Least level of a tone for hears(): well above G.711 noise, well below a party tone.
inline constexpr double kHearsDbfs = -40.0;
// dominant(): the winner must carry this share of the window's energy and beat the runner-up
// by this margin, else nobody dominates (two parties mixed, speech, noise).
inline constexpr double kDominantShare = 0.6;
inline constexpr double kDominantMarginDb = 10.0;
// hears(): the tone must hold this share of the window's energy, which broadband noise at a
// single frequency never does (about 3/N of it for an N-sample window).
inline constexpr double kHearsMinShare = 0.02;
// Reported for an empty or all-zero window.
inline constexpr double kFloorDbfs = -120.0;

class AudioProbe {
public:
    // Reads the whole file; `channel` picks one channel of a multi-channel file. Throws
    // std::runtime_error if the file cannot be read or has no such channel.
    explicit AudioProbe(const std::filesystem::path& path, int channel = 0);

    const std::filesystem::path& path() const { return path_; }
    int sampleRate() const { return sampleRate_; }
    double durationSec() const;

    // RMS level of [t0, t1) seconds in dBFS (window clipped to the file).
    double levelDbfs(double t0, double t1) const;
    // Level of the component at each frequency (Goertzel, Hann window), in the same dBFS
    // scale as levelDbfs: a pure tone reads about the same as the whole window.
    std::vector<double> toneDbfs(double t0, double t1, const std::vector<double>& freqs) const;
    double toneDbfs(double t0, double t1, double freq) const;

    // The candidate that clearly dominates [t0, t1), or 0 when the window is silent (below
    // kSilenceDbfs) or no single candidate dominates (mix of parties, speech, noise).
    double dominant(double t0, double t1,
                    const std::vector<double>& candidates = kPartyTones) const;
    // Whether the tone at `freq` is present in [t0, t1) at minDbfs or more, even mixed with
    // other tones ("the supervisor hears both caller and agent").
    bool hears(double t0, double t1, double freq, double minDbfs = kHearsDbfs) const;
    // The candidates hears() finds in [t0, t1).
    std::vector<double> heardTones(double t0, double t1,
                                   const std::vector<double>& candidates = kPartyTones) const;

    // One entry per `step` seconds, "t:dominant/level", e.g. "0.0:440/-15 0.5:-/-98 ...";
    // "-" = no dominant tone, "mix" = loud but nothing dominates. For failure messages.
    std::string timeline(const std::vector<double>& candidates = kPartyTones,
                         double step = 0.5) const;

private:
    struct Range {
        std::size_t begin = 0;
        std::size_t end = 0;
    };
    Range range(double t0, double t1) const;
    double meanSquare(Range r) const;
    double toneMeanSquare(Range r, double freq) const;

    std::filesystem::path path_;
    int sampleRate_ = 0;
    std::vector<float> samples_;
};

}  // namespace agentdesk::siptest
