#pragma once
// The caller announcements as WAV files to play in order, from one prompt directory
// (<dir>/<lang>/<id>.wav + <dir>/music/hold.wav, docs/prompts.md), and where that directory is.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/calls/prompts/composition.h"

namespace agentdesk::server::prompts {

class PromptLibrary {
public:
    explicit PromptLibrary(std::filesystem::path dir);

    const std::filesystem::path& dir() const { return dir_; }

    // Every fragment of both languages and the hold music exist and are 8 kHz mono 16-bit
    // PCM WAVs. Otherwise false, with the missing or wrong files (the first few) in *whyNot.
    bool valid(std::string* whyNot = nullptr) const;

    std::vector<std::filesystem::path> greeting(Lang lang) const;
    // ewtSec: expected wait in seconds, -1 when unknown (no figure is said).
    std::vector<std::filesystem::path> queuePosition(Lang lang, int position, int ewtSec) const;
    std::vector<std::filesystem::path> abuseWarning(Lang lang) const;
    std::vector<std::filesystem::path> protectionClosing(Lang lang) const;
    std::vector<std::filesystem::path> transferring(Lang lang) const;
    std::vector<std::filesystem::path> onHold(Lang lang) const;
    // Hold and queue music, loopable.
    std::filesystem::path holdMusic() const;

    std::filesystem::path fragment(Lang lang, std::string_view id) const;

private:
    std::vector<std::filesystem::path> files(Lang lang, const std::vector<std::string>& ids) const;

    std::filesystem::path dir_;
};

// Where prompts are looked for, in order. With explicitDir (the server's --prompts-dir) only
// that: an operator who points at recorded prompts and mistypes must get an error, not the
// synthetic voice. Without: <prefix>/share/agentdesk/prompts, prefix being the parent of the
// directory holding `executable` (skipped when empty), then the build tree's prompts
// directory (AGENTDESK_PROMPTS_BUILD_DIR, for running from the build without installing).
std::vector<std::filesystem::path> promptDirCandidates(const std::filesystem::path& explicitDir,
                                                       const std::filesystem::path& executable);

// The first candidate for this process (/proc/self/exe) that is a valid PromptLibrary;
// nullopt with every candidate's reason in *whyNot when none is.
std::optional<std::filesystem::path> findPromptDir(const std::filesystem::path& explicitDir = {},
                                                   std::string* whyNot = nullptr);

}  // namespace agentdesk::server::prompts
