#pragma once
// Reads a WAV file's format header, so a prompt set (possibly recorded WAVs dropped in by an
// operator) is checked at start-up instead of being played to callers as noise.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace agentdesk::server::prompts {

struct WavFormat {
    bool pcm = false;  // integer PCM (format tag 1, or WAVE_FORMAT_EXTENSIBLE with PCM)
    int channels = 0;
    int sampleRate = 0;
    int bitsPerSample = 0;
    std::uint32_t dataBytes = 0;

    double seconds() const;
};

// nullopt with the reason in *whyNot when the file is missing or not a readable RIFF/WAVE.
std::optional<WavFormat> readWavFormat(const std::filesystem::path& file,
                                       std::string* whyNot = nullptr);

// What the server's RTP path plays without converting: 8 kHz mono 16-bit PCM, non-empty.
bool isTelephonyWav(const WavFormat& format);

}  // namespace agentdesk::server::prompts
