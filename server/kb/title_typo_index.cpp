#include "server/kb/title_typo_index.h"

#include <algorithm>
#include <limits>

#include "server/kb/text_index.h"

namespace agentdesk::server::kb {

namespace {

// A jamo string's characters that cannot start a syllable: medial vowels and final consonants.
bool continuesSyllable(char32_t c) {
    return (c >= 0x1161 && c <= 0x1175) || (c >= 0x11A8 && c <= 0x11C2);
}

std::uint64_t bigram(char32_t a, char32_t b) {
    return (static_cast<std::uint64_t>(a) << 32) | b;
}

std::vector<std::uint64_t> distinctBigrams(const std::u32string& jamo) {
    std::vector<std::uint64_t> grams;
    for (std::size_t i = 0; i + 1 < jamo.size(); ++i)
        grams.push_back(bigram(jamo[i], jamo[i + 1]));
    std::sort(grams.begin(), grams.end());
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    return grams;
}

std::u32string compactJamo(std::string_view text) {
    std::string compact;
    for (char c : lowerAscii(text)) {
        if (c != ' ')
            compact.push_back(c);
    }
    return toJamo(toU32(compact));
}

// The fewest edits that turn `needle` into a run of `text` starting at a syllable start and
// ending at a syllable end (Sellers' approximate matching, one column at a time).
std::size_t substringDistance(const std::u32string& needle, const std::u32string& text) {
    const std::size_t m = needle.size();
    constexpr std::size_t kFar = std::numeric_limits<std::size_t>::max() / 2;
    std::vector<std::size_t> column(m + 1);
    for (std::size_t i = 0; i <= m; ++i)
        column[i] = i;  // a run starting at the text's beginning
    std::size_t best = m;
    for (std::size_t j = 0; j < text.size(); ++j) {
        // Entering column j + 1: a run may start here only at a syllable start.
        std::size_t diagonal = column[0];
        column[0] = j + 1 < text.size() && continuesSyllable(text[j + 1]) ? kFar : 0;
        for (std::size_t i = 1; i <= m; ++i) {
            const std::size_t substitute = diagonal + (needle[i - 1] == text[j] ? 0 : 1);
            diagonal = column[i];
            column[i] = std::min({substitute, column[i] + 1, column[i - 1] + 1});
        }
        const bool syllableEnd = j + 1 == text.size() || !continuesSyllable(text[j + 1]);
        if (syllableEnd)
            best = std::min(best, column[m]);
    }
    return best;
}

}  // namespace

std::uint8_t TitleTypoIndex::langCode(const std::string& lang) {
    const auto it = std::find(langs_.begin(), langs_.end(), lang);
    if (it != langs_.end())
        return static_cast<std::uint8_t>(it - langs_.begin());
    langs_.push_back(lang);
    return static_cast<std::uint8_t>(langs_.size() - 1);
}

void TitleTypoIndex::rebuild(const std::vector<Title>& titles) {
    entries_.clear();
    postings_.clear();
    entries_.reserve(titles.size());
    for (const Title& t : titles) {
        entries_.push_back({t.rowid, langCode(t.lang), compactJamo(t.title)});
        const auto index = static_cast<std::uint32_t>(entries_.size() - 1);
        for (std::uint64_t gram : distinctBigrams(entries_.back().jamo))
            postings_[gram].push_back(index);
    }
}

std::vector<TitleTypoIndex::Match> TitleTypoIndex::closest(std::string_view query,
                                                           const std::optional<std::string>& lang,
                                                           std::size_t limit) const {
    const std::u32string needle = compactJamo(query);
    const std::size_t m = needle.size();
    std::vector<Match> out;
    if (m < 2)
        return out;
    const std::size_t allowed = m <= 6 ? 1 : (m <= 12 ? 2 : 3);
    const auto grams = distinctBigrams(needle);
    const std::size_t needed = grams.size() > 2 * allowed ? grams.size() - 2 * allowed : 1;
    std::optional<std::uint8_t> wantedLang;
    if (lang) {
        const auto it = std::find(langs_.begin(), langs_.end(), *lang);
        if (it == langs_.end())
            return out;
        wantedLang = static_cast<std::uint8_t>(it - langs_.begin());
    }
    // Shared bigrams per title (a title holds each bigram once in the postings).
    std::vector<std::uint16_t> shared(entries_.size(), 0);
    std::vector<std::uint32_t> reached;
    for (std::uint64_t gram : grams) {
        const auto it = postings_.find(gram);
        if (it == postings_.end())
            continue;
        for (std::uint32_t entry : it->second) {
            if (++shared[entry] == needed)
                reached.push_back(entry);
        }
    }
    for (std::uint32_t index : reached) {
        const Entry& e = entries_[index];
        if (wantedLang && e.lang != *wantedLang)
            continue;
        const std::size_t distance = substringDistance(needle, e.jamo);
        if (distance <= allowed && distance * 3 < m)
            out.push_back({e.rowid, distance});
    }
    std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
        return a.distance != b.distance ? a.distance < b.distance : a.rowid < b.rowid;
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

std::size_t TitleTypoIndex::memoryBytes() const {
    std::size_t bytes = entries_.capacity() * sizeof(Entry);
    for (const Entry& e : entries_)
        bytes += e.jamo.capacity() * sizeof(char32_t);
    for (const auto& [gram, list] : postings_)
        bytes += sizeof(gram) + sizeof(list) + list.capacity() * sizeof(std::uint32_t) + 16;
    return bytes;
}

}  // namespace agentdesk::server::kb
