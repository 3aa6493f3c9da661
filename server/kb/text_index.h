#pragma once
// Korean-aware text analysis for the knowledge base (docs/api.md "Search"). Korean is written
// without spaces and with particles/endings (환불 → 환불을, 환불해, 환불받고), so Hangul runs are
// indexed as overlapping syllable bigrams (also across a single space, so 비밀번호변경 finds
// "비밀번호 변경") plus unigrams for one-syllable queries. Latin words pass through for SQLite
// FTS5's own `porter unicode61` tokenizer (case folding, English stemming). Pure functions.
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::server::kb {

// Space-separated tokens for the FTS5 columns.
std::string indexTokens(std::string_view text);
// Every Hangul/CJK syllable, repeats kept (term frequency matters for ranking).
std::string unigramTokens(std::string_view text);

struct SearchQuery {
    // One word of the query as an FTS5 expression without a column filter.
    struct Word {
        enum class Kind { Latin, Hangul, Syllable } kind;
        std::string expr;
        bool optional = false;  // question words, filler, single syllables in longer queries
        // The same word as tokens, for engines without FTS5's syntax: the word matches when
        // every token of one alternative does (Hangul: each alternative's bigrams, a synonym
        // being another alternative; Latin and Syllable: one alternative of one token).
        std::vector<std::vector<std::string>> alternatives;
    };
    std::vector<Word> words;
    std::vector<std::string> highlight;  // stems and words to mark in snippets
    std::string normalized;              // lower-case query with single spaces (title match)

    bool empty() const { return words.empty(); }
    // The words every match must have: the required ones (all, when all are optional).
    std::vector<Word> requiredWords() const;
    // The words of titleEveryWord(): empty when the query has no one-syllable word beside
    // others.
    std::vector<Word> titleWords() const;
    // FTS5 MATCH: every required word matches; titlesOnly searches titles and tags only.
    std::string allWords(bool titlesOnly) const;
    // FTS5 MATCH: any word matches (recall when every-word finds nothing).
    std::string anyWord() const;
    // A one-syllable word beside others (앱 설치, 폰 요금제): allWords() leaves it out, so this
    // finds the titles that have it too. FTS5 MATCH on titles: every word, the one-syllable words
    // included (not filler words); empty when the query has no such word.
    std::string titleEveryWord() const;
};

SearchQuery parseQuery(std::string_view query);

// Strips a trailing particle or verb ending from a Korean word when at least two syllables
// remain: 환불을 → 환불, 환불받는 → 환불, 비밀번호를 → 비밀번호.
std::string stripKoreanEnding(const std::string& word);

// Plain-text snippet around the first match, matches wrapped in <mark>…</mark>, the rest
// HTML-escaped. At most about `width` characters.
std::string makeSnippet(std::string_view text, const std::vector<std::string>& terms,
                        std::size_t width = 120);

// Hangul syllables split into their jamo (환 → ㅎㅘㄴ), so an edit distance counts a wrong vowel
// as one small change rather than a whole different syllable. Other characters are unchanged.
std::u32string toJamo(std::u32string_view text);

// Levenshtein distance in code points.
std::size_t editDistance(std::u32string_view a, std::u32string_view b);
std::u32string toU32(std::string_view utf8);
std::string toUtf8(std::u32string_view text);
std::string lowerAscii(std::string_view text);

}  // namespace agentdesk::server::kb
