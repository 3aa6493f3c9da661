#include "server/calls/prompts/wav_format.h"

#include <array>
#include <fstream>
#include <string_view>
#include <utility>

namespace agentdesk::server::prompts {

namespace {

constexpr int kFormatPcm = 1;
constexpr int kFormatExtensible = 0xFFFE;

std::uint32_t le32(const unsigned char* p) {
    return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 |
           std::uint32_t{p[3]} << 24;
}

int le16(const unsigned char* p) {
    return p[0] | p[1] << 8;
}

bool fail(std::string* whyNot, std::string reason) {
    if (whyNot != nullptr) {
        *whyNot = std::move(reason);
    }
    return false;
}

}  // namespace

double WavFormat::seconds() const {
    const int frameBytes = channels * (bitsPerSample / 8);
    if (sampleRate <= 0 || frameBytes <= 0) {
        return 0.0;
    }
    return static_cast<double>(dataBytes / frameBytes) / sampleRate;
}

std::optional<WavFormat> readWavFormat(const std::filesystem::path& file, std::string* whyNot) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        fail(whyNot, "cannot open " + file.string());
        return std::nullopt;
    }
    std::array<unsigned char, 12> riff{};
    if (!in.read(reinterpret_cast<char*>(riff.data()), riff.size()) ||
        std::string_view(reinterpret_cast<const char*>(riff.data()), 4) != "RIFF" ||
        std::string_view(reinterpret_cast<const char*>(riff.data() + 8), 4) != "WAVE") {
        fail(whyNot, file.string() + " is not a RIFF/WAVE file");
        return std::nullopt;
    }
    // Chunks may come in any order and other tools add LIST/fact chunks: walk them all.
    WavFormat format;
    bool haveFmt = false;
    std::array<unsigned char, 8> head{};
    while (in.read(reinterpret_cast<char*>(head.data()), head.size())) {
        const std::string_view id(reinterpret_cast<const char*>(head.data()), 4);
        const std::uint32_t size = le32(head.data() + 4);
        if (id == "fmt " && size >= 16) {
            std::array<unsigned char, 40> fmt{};
            const std::uint32_t take = size < fmt.size() ? size : fmt.size();
            if (!in.read(reinterpret_cast<char*>(fmt.data()), take)) {
                break;
            }
            const int tag = le16(fmt.data());
            format.channels = le16(fmt.data() + 2);
            format.sampleRate = static_cast<int>(le32(fmt.data() + 4));
            format.bitsPerSample = le16(fmt.data() + 14);
            // Extensible: the real tag is the first two bytes of the sub-format GUID.
            format.pcm = tag == kFormatPcm ||
                         (tag == kFormatExtensible && take >= 26 && le16(fmt.data() + 24) == 1);
            haveFmt = true;
            in.seekg(static_cast<std::streamoff>(size - take + (size & 1U)), std::ios::cur);
        } else if (id == "data") {
            format.dataBytes = size;
            if (!haveFmt) {
                break;
            }
            return format;
        } else {
            in.seekg(static_cast<std::streamoff>(size + (size & 1U)), std::ios::cur);
        }
    }
    fail(whyNot, file.string() + (haveFmt ? " has no data chunk" : " has no fmt chunk"));
    return std::nullopt;
}

bool isTelephonyWav(const WavFormat& format) {
    return format.pcm && format.channels == 1 && format.sampleRate == 8000 &&
           format.bitsPerSample == 16 && format.dataBytes > 0;
}

}  // namespace agentdesk::server::prompts
