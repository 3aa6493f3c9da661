#include "server/kb/title_typo_index.h"

#include <algorithm>

#include "server/kb/text_index.h"

namespace agentdesk::server::kb {

namespace {

std::uint64_t bigram(char16_t a, char16_t b) {
    return (static_cast<std::uint64_t>(a) << 16) | b;
}

template <typename Text>
std::vector<std::uint64_t> distinctBigrams(const Text& jamo) {
    std::vector<std::uint64_t> grams;
    for (std::size_t i = 0; i + 1 < jamo.size(); ++i)
        grams.push_back(bigram(static_cast<char16_t>(jamo[i]), static_cast<char16_t>(jamo[i + 1])));
    std::sort(grams.begin(), grams.end());
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    return grams;
}

// Lower-case, spaces removed, Hangul split into jamo; a character outside the BMP (none in a
// Korean or English title) becomes U+FFFD.
std::u16string compactJamo(std::string_view text) {
    std::string compact;
    for (char c : lowerAscii(text)) {
        if (c != ' ')
            compact.push_back(c);
    }
    std::u16string out;
    for (char32_t c : toJamo(toU32(compact)))
        out.push_back(c <= 0xFFFF ? static_cast<char16_t>(c) : u'\uFFFD');
    return out;
}

// The query's characters as bit masks (bit i: the query's i-th jamo is this one), for Myers'
// algorithm. Jamo and ASCII by table, anything else from a short list.
class PatternMasks {
public:
    explicit PatternMasks(const std::u16string& pattern) {
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            const char16_t c = pattern[i];
            const std::uint64_t bit = std::uint64_t{1} << i;
            if (std::uint64_t* slot = tableSlot(c))
                *slot |= bit;
            else
                others_.push_back({c, bit});
        }
    }
    std::uint64_t operator()(char16_t c) const {
        if (c < 0x80)
            return ascii_[c];
        if (c >= 0x1100 && c < 0x1200)
            return jamo_[c - 0x1100];
        std::uint64_t mask = 0;
        for (const auto& [ch, bit] : others_) {
            if (ch == c)
                mask |= bit;
        }
        return mask;
    }

private:
    std::uint64_t* tableSlot(char16_t c) {
        if (c < 0x80)
            return &ascii_[c];
        if (c >= 0x1100 && c < 0x1200)
            return &jamo_[c - 0x1100];
        return nullptr;
    }
    std::uint64_t ascii_[0x80] = {};
    std::uint64_t jamo_[0x100] = {};
    std::vector<std::pair<char16_t, std::uint64_t>> others_;
};

// The fewest edits between the pattern (1 to 64 jamo) and any run of `text`: Myers' bit-vector
// algorithm for approximate string matching (J. ACM 46(3), 1999), search variant (a run may
// start anywhere: no carry into the lowest bit).
std::size_t substringDistance(const PatternMasks& masks, std::size_t m,
                              const std::u16string& text) {
    const std::uint64_t high = std::uint64_t{1} << (m - 1);
    std::uint64_t pv = ~std::uint64_t{0}, mv = 0;
    std::size_t score = m, best = m;
    for (char16_t c : text) {
        const std::uint64_t eq = masks(c);
        const std::uint64_t xv = eq | mv;
        const std::uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
        std::uint64_t ph = mv | ~(xh | pv);
        std::uint64_t mh = pv & xh;
        if (ph & high)
            ++score;
        else if (mh & high)
            --score;
        ph <<= 1;
        mh <<= 1;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
        best = std::min(best, score);
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
    std::u16string needle = compactJamo(query);
    if (needle.size() > 64)
        needle.resize(64);  // a typo fallback for a paragraph would find nothing anyway
    const std::size_t m = needle.size();
    std::vector<Match> out;
    if (m < 2)
        return out;
    const PatternMasks masks(needle);
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
        const std::size_t distance = substringDistance(masks, m, e.jamo);
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
        bytes += e.jamo.capacity() * sizeof(char16_t);
    for (const auto& [gram, list] : postings_)
        bytes += sizeof(gram) + sizeof(list) + list.capacity() * sizeof(std::uint32_t) + 16;
    return bytes;
}

}  // namespace agentdesk::server::kb
