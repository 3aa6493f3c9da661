#pragma once
// What every knowledge store engine does the same way: an article's stored form from its input,
// and a search's stages (titles with every word, titles, bodies, any word, then the closest
// titles for a typo), boosts and answer. An engine only ranks one stage inside its own index
// and reads rows.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/kb/knowledge_store.h"
#include "server/kb/text_index.h"
#include "server/kb/title_typo_index.h"

namespace agentdesk::server::kb {

// An article as stored: sanitised HTML, the text a reader sees (snippets are cut from it), the
// tags as a JSON array.
struct StoredArticle {
    std::string id;
    std::string html;
    std::string text;
    std::string tagsJson;
};
// Converts Markdown, sanitises; a new id ("kb-" and 12 hex digits) when the input has none.
StoredArticle storedArticle(const ArticleInput& input);

enum class SearchStage {
    TitleEveryWord,  // titles with every word, one-syllable words included
    TitleAllWords,   // titles and tags with every required word
    BodyAllWords,    // anywhere, every required word
    AnyWord          // anywhere, any word
};

struct SearchEngine {
    // One stage's best rows, best first, at most `limit`: (row id, score; higher is better).
    std::function<std::vector<std::pair<std::int64_t, double>>(SearchStage, int limit)> rank;
    // The closest titles by edit distance.
    std::function<std::vector<TitleTypoIndex::Match>()> closestTitles;
    struct Row {
        std::string id, title, text, lang, tagsJson;
    };
    // nullopt when the row is gone.
    std::function<std::optional<Row>(std::int64_t rowid)> read;
};

// Best first.
std::vector<KbHit> search(const SearchQuery& query, int limit, const SearchEngine& engine);

// An engine's suggestion (for an intent) from a row: a snippet of its start.
KbHit suggestion(const SearchEngine::Row& row);

// The tags stored as a JSON array; anything else is no tags.
std::vector<std::string> tagsFromJson(const std::string& tagsJson);

}  // namespace agentdesk::server::kb
