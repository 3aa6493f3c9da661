#pragma once
// Text handling for agent assist (docs/assist.md): Hangul syllables and jamo, and the folded
// form that word lists are matched against. UTF-8 to code points and back: kb/text_index.h.
//
// Threads: pure functions.
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::server::assist {

bool isHangulSyllable(char32_t c);  // 가…힣
bool isJamo(char32_t c);            // compatibility jamo ㄱ…ㅣ
bool isAsciiDigit(char32_t c);
bool isLetter(char32_t c);  // Hangul syllable, jamo or Latin letter
// The initial consonant of a syllable as a compatibility jamo (시 → ㅅ); c itself otherwise.
char32_t initialJamo(char32_t c);
// Whether a syllable has a final consonant (받침): 원 yes, 요 no.
bool hasFinalConsonant(char32_t syllable);

// Lower-case ASCII, full-width forms to ASCII, and every character that is neither a letter
// nor a digit to a single space; no leading or trailing space.
std::u32string fold(std::string_view utf8);

// The words of folded text.
std::vector<std::u32string> words(std::u32string_view folded);

// True when `word` starts with `stem`.
bool startsWith(std::u32string_view word, std::u32string_view stem);

}  // namespace agentdesk::server::assist
