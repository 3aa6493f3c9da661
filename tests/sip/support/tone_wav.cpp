#include "tests/sip/support/tone_wav.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <stdexcept>

#include <sndfile.h>

namespace agentdesk::siptest {
namespace {

std::vector<double> render(const std::vector<ToneSegment>& segments) {
    std::vector<double> out;
    for (const ToneSegment& segment : segments) {
        const auto frames =
            static_cast<std::size_t>(std::lround(segment.seconds * kToneSampleRate));
        const std::size_t start = out.size();
        out.resize(start + frames, 0.0);
        for (std::size_t i = 0; i < frames; ++i) {
            // The phase runs from the start of the file, so a tone that spans two segments
            // has no discontinuity (a click would smear energy over every probe frequency).
            const double t = static_cast<double>(start + i) / kToneSampleRate;
            for (const Tone& tone : segment.tones)
                out[start + i] += tone.amplitude * std::sin(2 * std::numbers::pi * tone.hz * t);
        }
    }
    return out;
}

}  // namespace

void writeToneWav(const std::filesystem::path& path, double hz, double amplitude, double seconds) {
    ToneSegment segment{seconds, {}};
    if (hz > 0 && amplitude > 0)
        segment.tones.push_back({hz, amplitude});
    writeSegmentsWav(path, {{segment}});
}

void writeSegmentsWav(const std::filesystem::path& path,
                      const std::vector<std::vector<ToneSegment>>& channels) {
    if (channels.empty())
        throw std::invalid_argument("writeSegmentsWav: no channels");
    std::vector<std::vector<double>> rendered;
    std::size_t frames = 0;
    for (const auto& segments : channels) {
        rendered.push_back(render(segments));
        frames = std::max(frames, rendered.back().size());
    }
    const auto channelCount = rendered.size();
    std::vector<int16_t> interleaved(frames * channelCount, 0);
    for (std::size_t c = 0; c < channelCount; ++c) {
        for (std::size_t i = 0; i < rendered[c].size(); ++i) {
            const double v = std::clamp(rendered[c][i], -1.0, 1.0) * 32767.0;
            interleaved[i * channelCount + c] = static_cast<int16_t>(std::lround(v));
        }
    }

    SF_INFO info{};
    info.samplerate = kToneSampleRate;
    info.channels = static_cast<int>(channelCount);
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
    if (!file)
        throw std::runtime_error("cannot write " + path.string() + ": " + sf_strerror(nullptr));
    const auto written = sf_writef_short(file, interleaved.data(), static_cast<sf_count_t>(frames));
    const int closed = sf_close(file);
    if (written != static_cast<sf_count_t>(frames) || closed != 0)
        throw std::runtime_error("short write to " + path.string());
}

}  // namespace agentdesk::siptest
