#include "server/calls/prompts/prompt_library.h"

#include <system_error>
#include <utility>

#include "server/calls/prompts/wav_format.h"

namespace agentdesk::server::prompts {

namespace fs = std::filesystem;

namespace {

// Enough to act on without flooding a log line when a whole directory is wrong.
constexpr std::size_t kProblemsListed = 5;

void checkFile(const fs::path& file, std::vector<std::string>& problems) {
    std::string why;
    const auto format = readWavFormat(file, &why);
    if (!format) {
        problems.push_back(std::move(why));
    } else if (!isTelephonyWav(*format)) {
        problems.push_back(
            file.string() + " is " + std::to_string(format->sampleRate) + " Hz, " +
            std::to_string(format->channels) + " ch, " + std::to_string(format->bitsPerSample) +
            "-bit" + (format->pcm ? "" : " non-PCM") + (format->dataBytes == 0 ? ", empty" : "") +
            "; needs 8000 Hz mono 16-bit PCM");
    }
}

}  // namespace

PromptLibrary::PromptLibrary(fs::path dir) : dir_(std::move(dir)) {}

bool PromptLibrary::valid(std::string* whyNot) const {
    std::error_code ec;
    if (!fs::is_directory(dir_, ec)) {
        if (whyNot != nullptr) {
            *whyNot = dir_.string() + " is not a directory";
        }
        return false;
    }
    std::vector<std::string> problems;
    for (Lang lang : {Lang::Ko, Lang::En}) {
        for (const std::string& id : fragmentIds(lang)) {
            checkFile(fragment(lang, id), problems);
        }
    }
    checkFile(holdMusic(), problems);
    if (problems.empty()) {
        return true;
    }
    if (whyNot != nullptr) {
        std::string text = dir_.string() + ": " + std::to_string(problems.size()) + " problem(s)";
        for (std::size_t i = 0; i < problems.size() && i < kProblemsListed; ++i) {
            text += (i == 0 ? ": " : "; ") + problems[i];
        }
        if (problems.size() > kProblemsListed) {
            text += "; …";
        }
        *whyNot = std::move(text);
    }
    return false;
}

std::vector<fs::path> PromptLibrary::greeting(Lang lang) const {
    return files(lang, greetingIds(lang));
}

std::vector<fs::path> PromptLibrary::queuePosition(Lang lang, int position, int ewtSec) const {
    return files(lang, queuePositionIds(lang, position, ewtSec));
}

std::vector<fs::path> PromptLibrary::abuseWarning(Lang lang) const {
    return files(lang, abuseWarningIds(lang));
}

std::vector<fs::path> PromptLibrary::protectionClosing(Lang lang) const {
    return files(lang, protectionClosingIds(lang));
}

std::vector<fs::path> PromptLibrary::transferring(Lang lang) const {
    return files(lang, transferringIds(lang));
}

std::vector<fs::path> PromptLibrary::onHold(Lang lang) const {
    return files(lang, onHoldIds(lang));
}

fs::path PromptLibrary::holdMusic() const {
    return dir_ / "music" / "hold.wav";
}

fs::path PromptLibrary::fragment(Lang lang, std::string_view id) const {
    return dir_ / langCode(lang) / (std::string(id) + ".wav");
}

std::vector<fs::path> PromptLibrary::files(Lang lang, const std::vector<std::string>& ids) const {
    std::vector<fs::path> out;
    out.reserve(ids.size());
    for (const std::string& id : ids) {
        out.push_back(fragment(lang, id));
    }
    return out;
}

std::vector<fs::path> promptDirCandidates(const fs::path& explicitDir, const fs::path& executable) {
    if (!explicitDir.empty()) {
        return {explicitDir};
    }
    std::vector<fs::path> dirs;
    if (!executable.empty()) {
        dirs.push_back(executable.parent_path().parent_path() / "share" / "agentdesk" / "prompts");
    }
#ifdef AGENTDESK_PROMPTS_BUILD_DIR
    dirs.emplace_back(AGENTDESK_PROMPTS_BUILD_DIR);
#endif
    return dirs;
}

std::optional<fs::path> findPromptDir(const fs::path& explicitDir, std::string* whyNot) {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);  // empty on error: skipped
    std::string reasons;
    for (const fs::path& dir : promptDirCandidates(explicitDir, self)) {
        std::string why;
        if (PromptLibrary(dir).valid(&why)) {
            return dir;
        }
        reasons += (reasons.empty() ? "" : " | ") + why;
    }
    if (whyNot != nullptr) {
        *whyNot = reasons.empty() ? "no prompt directory to look in" : std::move(reasons);
    }
    return std::nullopt;
}

}  // namespace agentdesk::server::prompts
