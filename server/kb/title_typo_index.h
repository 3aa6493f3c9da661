#pragma once
// The knowledge base's typo fallback (docs/api.md "Search"): when no article matches a query,
// the titles closest to it. A query like 환뷸 is 환불 with one wrong vowel; compared jamo by jamo
// (kb::toJamo) it is one edit away.
//
// Comparing the query with every title costs about a second at 100,000 articles, so the titles
// are held in memory as jamo with an inverted index of jamo bigrams: a title within k edits of
// the query shares at least (distinct bigrams of the query - 2k) of them (the q-gram lemma, q = 2),
// so only titles reaching that count are compared, with an edit distance from any syllable start
// to any syllable end of the title (approximate substring matching) instead of one per window.
//
// Threads: one owner thread (the store that uses it).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace agentdesk::server::kb {

class TitleTypoIndex {
public:
    // Replaces the content with these titles (rowid, title, lang).
    struct Title {
        std::int64_t rowid;
        std::string title;
        std::string lang;
    };
    void rebuild(const std::vector<Title>& titles);

    struct Match {
        std::int64_t rowid;
        std::size_t distance;  // jamo edits
    };
    // Titles within the allowed edits of `query` (lower-case, spaces removed): 1 edit for a
    // query of up to 6 jamo, 2 up to 12, else 3, and fewer than a third of the query's jamo.
    // Closest first, then by rowid; at most `limit`.
    std::vector<Match> closest(std::string_view query, const std::optional<std::string>& lang,
                               std::size_t limit) const;

    std::size_t size() const { return entries_.size(); }
    std::size_t memoryBytes() const;

private:
    struct Entry {
        std::int64_t rowid;
        std::uint8_t lang;
        std::u16string jamo;  // every jamo and syllable is in the BMP
    };
    std::uint8_t langCode(const std::string& lang);

    std::vector<Entry> entries_;
    std::vector<std::string> langs_;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> postings_;  // bigram → entries
};

}  // namespace agentdesk::server::kb
