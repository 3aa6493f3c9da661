#include "server/kb/knowledge_search.h"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "server/kb/html_content.h"

namespace agentdesk::server::kb {

using nlohmann::json;

namespace {

std::string compact(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c != ' ')
            out.push_back(c);
    }
    return out;
}

std::string newArticleId() {
    unsigned char bytes[6];
    randombytes_buf(bytes, sizeof bytes);
    static const char* hex = "0123456789abcdef";
    std::string id = "kb-";
    for (unsigned char b : bytes) {
        id.push_back(hex[b >> 4]);
        id.push_back(hex[b & 15]);
    }
    return id;
}

}  // namespace

StoredArticle storedArticle(const ArticleInput& input) {
    StoredArticle out;
    out.id = input.id.value_or(newArticleId());
    const bool markdown = !looksLikeHtml(input.body);
    out.html = sanitizeHtml(markdown ? markdownToHtml(input.body) : input.body);
    // The text a reader sees, never the source's markup: snippets are cut from it.
    out.text = markdown ? markdownToText(input.body) : htmlToText(out.html);
    out.tagsJson = json(input.tags).dump();
    return out;
}

std::vector<std::string> tagsFromJson(const std::string& tagsJson) {
    std::vector<std::string> tags;
    const json parsed = json::parse(tagsJson, nullptr, false);
    if (!parsed.is_array())
        return tags;
    for (const auto& t : parsed)
        if (t.is_string())
            tags.push_back(t.get<std::string>());
    return tags;
}

std::vector<KbHit> search(const SearchQuery& q, int limit, const SearchEngine& engine) {
    std::vector<KbHit> out;
    if (q.empty())
        return out;
    struct Hit {
        std::int64_t rowid;
        double score;
        SearchEngine::Row row;
        bool found = false;
    };
    std::vector<Hit> hits;
    std::unordered_set<std::int64_t> seen;
    const int fetch = std::clamp(limit * 2, 10, 50);
    auto rank = [&](SearchStage stage, double bonus, int count) {
        for (const auto& [rowid, score] : engine.rank(stage, count)) {
            if (seen.insert(rowid).second)
                hits.push_back({rowid, score + bonus, {}});
        }
    };
    // Titles first: the article about the thing beats one that mentions it. Then the bodies,
    // and only when every-word finds nothing, any word. A one-syllable word beside others
    // (폰 요금제) first asks for titles with every word; more of them are read, so that the
    // title boosts below can put those with the words in a row (휴대폰 요금제) first.
    if (!q.titleWords().empty())
        rank(SearchStage::TitleEveryWord, 2000, 50);
    if (static_cast<int>(hits.size()) < limit)
        rank(SearchStage::TitleAllWords, 1000, fetch);
    if (static_cast<int>(hits.size()) < limit)
        rank(SearchStage::BodyAllWords, 0, fetch);
    if (hits.empty())
        rank(SearchStage::AnyWord, -1000, fetch);
    bool typoFallback = false;
    if (hits.empty()) {
        // Nothing matched: the closest titles by edit distance (a typo in the query).
        typoFallback = true;
        for (const auto& match : engine.closestTitles())
            hits.push_back({match.rowid, -static_cast<double>(match.distance), {}});
    }
    // Read the candidates' rows, then the title boosts: the article whose title is the query
    // comes first, then titles that start with it, then titles that contain it.
    const std::string wanted = compact(q.normalized);
    for (auto& h : hits) {
        auto row = engine.read(h.rowid);
        if (!row)
            continue;
        h.row = std::move(*row);
        h.found = true;
        // Among articles found the same way, the one whose body is about the query words.
        std::size_t mentions = 0;
        const std::string body = lowerAscii(h.row.text);
        for (const auto& term : q.highlight) {
            if (term.empty())
                continue;
            for (std::size_t pos = body.find(term); pos != std::string::npos && mentions < 20;
                 pos = body.find(term, pos + term.size())) {
                ++mentions;
            }
        }
        h.score += 0.5 * static_cast<double>(mentions);
        const std::string title = lowerAscii(compact(h.row.title));
        if (title == wanted)
            h.score += 10000;
        else if (!wanted.empty() && title.rfind(wanted, 0) == 0)
            h.score += 70;
        else if (!wanted.empty() && title.find(wanted) != std::string::npos)
            h.score += 50;
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const Hit& a, const Hit& b) { return a.score > b.score; });
    for (const auto& h : hits) {
        if (static_cast<int>(out.size()) >= limit)
            break;
        if (!h.found)
            continue;
        KbHit hit;
        hit.id = h.row.id;
        hit.title = h.row.title;
        hit.snippet = makeSnippet(h.row.text, q.highlight);
        hit.score = std::round(h.score * 1000) / 1000;
        hit.lang = h.row.lang;
        hit.tags = tagsFromJson(h.row.tagsJson);
        hit.fuzzy = typoFallback;
        out.push_back(std::move(hit));
    }
    return out;
}

KbHit suggestion(const SearchEngine::Row& row) {
    KbHit hit;
    hit.id = row.id;
    hit.title = row.title;
    hit.snippet = makeSnippet(row.text, {});
    hit.lang = row.lang;
    hit.tags = tagsFromJson(row.tagsJson);
    return hit;
}

}  // namespace agentdesk::server::kb
