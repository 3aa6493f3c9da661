#pragma once
// Abusive language in what a caller says (docs/assist.md): insults, threats, profanity and
// sexual harassment, found through the word lists of resources/assist/ after the line is
// normalised the way abusers disguise words: spaces (씨 발), digits and letters inside Hangul
// (시1발), initial consonants (ㅅㅂ), and in English digits and symbols for letters (sh1t).
// Ordinary words that contain a pattern (시발점, 신청) are on an allow list.
//
// Threads: const; any thread.
#include <optional>
#include <string>
#include <string_view>

#include "server/assist/lexicon.h"

namespace agentdesk::server::assist {

class AbuseDetector {
public:
    explicit AbuseDetector(const Lexicon& lexicon) : lex_(lexicon) {}

    // The most serious category found in the line (threat, sexual, insult, profanity in that
    // order), or nothing. Korean lines are checked against the Korean and the English lists.
    std::optional<AbuseCategory> detect(Lang lang, std::string_view text) const;

private:
    const Lexicon& lex_;
};

// The form Korean patterns are matched in: folded, digits and Latin letters between Hangul
// dropped, words of one Hangul letter joined to their neighbours (tests use it).
std::u32string koreanAbuseForm(std::string_view text);
// English words with digits and symbols read as letters (sh1t → shit, a$$ → ass).
std::vector<std::u32string> englishAbuseWords(std::string_view text);

}  // namespace agentdesk::server::assist
