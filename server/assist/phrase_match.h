#pragma once
// Matching the phrases of assist's word lists against a line (docs/assist.md): Korean phrases
// anywhere in the line with its spaces removed, English phrases as whole words.
//
// Threads: pure functions.
#include <string>
#include <string_view>
#include <vector>

#include "server/assist/lexicon.h"

namespace agentdesk::server::assist {

// A line prepared once for many phrases.
struct MatchText {
    std::u32string folded;   // assist_text.h fold()
    std::u32string compact;  // folded without spaces
    std::vector<std::u32string> words;
};

MatchText prepareText(std::string_view utf8);

// Whether a list word (prefix or whole, per the phrase) matches one word of a line.
bool wordMatches(const Phrase& phrase, std::u32string_view word);
bool matches(const MatchText& text, Lang lang, const Phrase& phrase);
// English: the first place from `from` on where the phrase's words stand in a row in
// `lineWords` (the last may go on when the phrase is a prefix), or npos.
std::size_t findWords(const std::vector<std::u32string>& lineWords, const Phrase& phrase,
                      std::size_t from = 0);

}  // namespace agentdesk::server::assist
