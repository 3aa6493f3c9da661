#include "server/assist/assist_text.h"

#include "server/kb/text_index.h"

namespace agentdesk::server::assist {

namespace {
constexpr char32_t kFirstSyllable = 0xAC00;
constexpr char32_t kLastSyllable = 0xD7A3;
constexpr int kVowels = 21;
constexpr int kFinals = 28;
// The 19 initial consonants of the syllable block order, as compatibility jamo.
constexpr char32_t kInitials[19] = {U'ㄱ', U'ㄲ', U'ㄴ', U'ㄷ', U'ㄸ', U'ㄹ', U'ㅁ',
                                    U'ㅂ', U'ㅃ', U'ㅅ', U'ㅆ', U'ㅇ', U'ㅈ', U'ㅉ',
                                    U'ㅊ', U'ㅋ', U'ㅌ', U'ㅍ', U'ㅎ'};
}  // namespace

bool isHangulSyllable(char32_t c) {
    return c >= kFirstSyllable && c <= kLastSyllable;
}

bool isJamo(char32_t c) {
    return c >= 0x3131 && c <= 0x3163;
}

bool isAsciiDigit(char32_t c) {
    return c >= U'0' && c <= U'9';
}

bool isLetter(char32_t c) {
    return isHangulSyllable(c) || isJamo(c) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

char32_t initialJamo(char32_t c) {
    if (!isHangulSyllable(c))
        return c;
    return kInitials[(c - kFirstSyllable) / (kVowels * kFinals)];
}

bool hasFinalConsonant(char32_t syllable) {
    return isHangulSyllable(syllable) && (syllable - kFirstSyllable) % kFinals != 0;
}

std::u32string fold(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    bool pendingSpace = false;
    for (char32_t c : kb::toU32(utf8)) {
        if (c >= 0xFF01 && c <= 0xFF5E)  // full-width ASCII
            c -= 0xFEE0;
        if (c >= U'A' && c <= U'Z')
            c += U'a' - U'A';
        if (isLetter(c) || isAsciiDigit(c)) {
            if (pendingSpace && !out.empty())
                out.push_back(U' ');
            pendingSpace = false;
            out.push_back(c);
        } else {
            pendingSpace = true;
        }
    }
    return out;
}

std::vector<std::u32string> words(std::u32string_view folded) {
    std::vector<std::u32string> out;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find(U' ', start);
        if (end == std::u32string_view::npos)
            end = folded.size();
        if (end > start)
            out.emplace_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool startsWith(std::u32string_view word, std::u32string_view stem) {
    return word.size() >= stem.size() && word.compare(0, stem.size(), stem) == 0;
}

}  // namespace agentdesk::server::assist
