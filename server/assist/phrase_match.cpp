#include "server/assist/phrase_match.h"

#include "server/assist/assist_text.h"

namespace agentdesk::server::assist {

MatchText prepareText(std::string_view utf8) {
    MatchText text;
    text.folded = fold(utf8);
    text.compact.reserve(text.folded.size());
    for (char32_t c : text.folded) {
        if (c != U' ')
            text.compact.push_back(c);
    }
    text.words = words(text.folded);
    return text;
}

bool wordMatches(const Phrase& phrase, std::u32string_view word) {
    return phrase.prefix ? startsWith(word, phrase.text) : word == phrase.text;
}

std::size_t findWords(const std::vector<std::u32string>& lineWords, const Phrase& phrase,
                      std::size_t from) {
    const std::vector<std::u32string>& wanted = phrase.words;
    if (wanted.empty())
        return std::u32string::npos;
    for (std::size_t start = from; start + wanted.size() <= lineWords.size(); ++start) {
        bool all = true;
        for (std::size_t k = 0; k < wanted.size() && all; ++k) {
            const std::u32string& word = lineWords[start + k];
            const bool last = k + 1 == wanted.size();
            all = (last && phrase.prefix) ? startsWith(word, wanted[k]) : word == wanted[k];
        }
        if (all)
            return start;
    }
    return std::u32string::npos;
}

bool matches(const MatchText& text, Lang lang, const Phrase& phrase) {
    if (phrase.text.empty())
        return false;
    if (lang == Lang::Ko)
        return text.compact.find(phrase.text) != std::u32string::npos;
    return findWords(text.words, phrase) != std::u32string::npos;
}

}  // namespace agentdesk::server::assist
