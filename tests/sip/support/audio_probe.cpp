#include "tests/sip/support/audio_probe.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <stdexcept>

#include <sndfile.h>

namespace agentdesk::siptest {
namespace {

double toDbfs(double meanSquare) {
    if (meanSquare <= 0)
        return kFloorDbfs;
    return std::max(kFloorDbfs, 10 * std::log10(meanSquare));
}

}  // namespace

AudioProbe::AudioProbe(const std::filesystem::path& path, int channel) : path_(path) {
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (!file)
        throw std::runtime_error("cannot read " + path.string() + ": " + sf_strerror(nullptr));
    if (channel < 0 || channel >= info.channels) {
        sf_close(file);
        throw std::runtime_error(path.string() + " has no channel " + std::to_string(channel));
    }
    sampleRate_ = info.samplerate;
    std::vector<float> frame(static_cast<std::size_t>(info.channels) * 1024);
    for (;;) {
        const sf_count_t n = sf_readf_float(file, frame.data(), 1024);
        if (n <= 0)
            break;
        for (sf_count_t i = 0; i < n; ++i)
            samples_.push_back(frame[static_cast<std::size_t>(i * info.channels + channel)]);
    }
    sf_close(file);
}

double AudioProbe::durationSec() const {
    return sampleRate_ > 0 ? static_cast<double>(samples_.size()) / sampleRate_ : 0.0;
}

AudioProbe::Range AudioProbe::range(double t0, double t1) const {
    const auto at = [&](double t) {
        const double index = std::max(0.0, std::round(t * sampleRate_));
        return std::min(samples_.size(), static_cast<std::size_t>(index));
    };
    const Range r{at(t0), at(t1)};
    return r.end > r.begin ? r : Range{r.begin, r.begin};
}

double AudioProbe::meanSquare(Range r) const {
    if (r.end == r.begin)
        return 0.0;
    double sum = 0;
    for (std::size_t i = r.begin; i < r.end; ++i)
        sum += static_cast<double>(samples_[i]) * samples_[i];
    return sum / static_cast<double>(r.end - r.begin);
}

// Goertzel over a Hann-windowed range: the window keeps a loud neighbour tone (300 Hz next to
// 440 Hz) from leaking into the other's bin. The magnitude is scaled by the window's sum so a
// sine of peak A gives A, i.e. mean square A^2/2 like the sine itself.
double AudioProbe::toneMeanSquare(Range r, double freq) const {
    const std::size_t n = r.end - r.begin;
    if (n < 2 || freq <= 0 || freq >= sampleRate_ / 2.0)
        return 0.0;
    const double omega = 2 * std::numbers::pi * freq / sampleRate_;
    const double coeff = 2 * std::cos(omega);
    double s1 = 0;
    double s2 = 0;
    double windowSum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double w =
            0.5 - 0.5 * std::cos(2 * std::numbers::pi * static_cast<double>(i) / (n - 1));
        windowSum += w;
        const double s = w * samples_[r.begin + i] + coeff * s1 - s2;
        s2 = s1;
        s1 = s;
    }
    const double power = std::max(0.0, s1 * s1 + s2 * s2 - coeff * s1 * s2);
    const double amplitude = 2 * std::sqrt(power) / windowSum;
    return amplitude * amplitude / 2;
}

double AudioProbe::levelDbfs(double t0, double t1) const {
    return toDbfs(meanSquare(range(t0, t1)));
}

std::vector<double> AudioProbe::toneDbfs(double t0, double t1,
                                         const std::vector<double>& freqs) const {
    const Range r = range(t0, t1);
    std::vector<double> out;
    out.reserve(freqs.size());
    for (double f : freqs)
        out.push_back(toDbfs(toneMeanSquare(r, f)));
    return out;
}

double AudioProbe::toneDbfs(double t0, double t1, double freq) const {
    return toDbfs(toneMeanSquare(range(t0, t1), freq));
}

double AudioProbe::dominant(double t0, double t1, const std::vector<double>& candidates) const {
    const Range r = range(t0, t1);
    const double total = meanSquare(r);
    if (candidates.empty() || toDbfs(total) < kSilenceDbfs)
        return 0;
    double best = 0;
    double bestPower = 0;
    double runnerUpPower = 0;
    for (double f : candidates) {
        const double p = toneMeanSquare(r, f);
        if (p > bestPower) {
            runnerUpPower = bestPower;
            bestPower = p;
            best = f;
        } else {
            runnerUpPower = std::max(runnerUpPower, p);
        }
    }
    const bool bigShare = bestPower >= kDominantShare * total;
    const bool clearMargin = toDbfs(bestPower) - toDbfs(runnerUpPower) >= kDominantMarginDb;
    return bigShare && clearMargin ? best : 0;
}

bool AudioProbe::hears(double t0, double t1, double freq, double minDbfs) const {
    const Range r = range(t0, t1);
    const double tone = toneMeanSquare(r, freq);
    return toDbfs(tone) >= minDbfs && tone >= kHearsMinShare * meanSquare(r);
}

std::vector<double> AudioProbe::heardTones(double t0, double t1,
                                           const std::vector<double>& candidates) const {
    std::vector<double> out;
    for (double f : candidates) {
        if (hears(t0, t1, f))
            out.push_back(f);
    }
    return out;
}

std::string AudioProbe::timeline(const std::vector<double>& candidates, double step) const {
    const double duration = durationSec();
    char head[64];
    std::snprintf(head, sizeof head, " (%.2f s):", duration);
    std::string out = path_.filename().string() + head;
    int column = 0;
    for (double t = 0; t < duration && step > 0; t += step, ++column) {
        const double level = levelDbfs(t, t + step);
        const double top = dominant(t, t + step, candidates);
        std::string who = "-";
        if (top > 0)
            who = std::to_string(static_cast<int>(std::lround(top)));
        else if (level >= kSilenceDbfs)
            who = "mix";
        char entry[48];
        std::snprintf(entry, sizeof entry, "%s%.1f:%s/%.0f", column % 8 == 0 ? "\n  " : " ", t,
                      who.c_str(), level);
        out += entry;
    }
    return out;
}

}  // namespace agentdesk::siptest
