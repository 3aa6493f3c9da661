#pragma once
// The knowledge base behind /kb routes: articles (sanitised HTML), Korean-aware search,
// suggestions per call intent, helpful/not-helpful feedback. SQLite FTS5 and PostgreSQL
// (tsvector) implement it; typed records here, their JSON in routes/kb_presenter.h.
//
// Threads: not thread-safe; one thread at a time per store (each has its own connection).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/time_util.h"
#include "server/api_error.h"

namespace agentdesk::server {

struct ArticleInput {
    std::optional<std::string> id;
    std::string title;
    std::string body;  // HTML or Markdown, as given
    std::vector<std::string> tags;
    std::string lang = "ko";
};

// Checks an article object ({"id"?, "title", "body", "tags", "lang"}); fills `out`.
Outcome parseArticle(const nlohmann::json& object, ArticleInput& out);

// An article as readers get it.
struct KbArticle {
    std::string id;
    std::string title;
    std::string bodyHtml;  // sanitised
    std::vector<std::string> tags;
    std::string lang;
    TimePoint updatedAt;
    std::int64_t helpful = 0;
    std::int64_t notHelpful = 0;
};

// A search hit or a suggestion: the article's title and a snippet of its text.
struct KbHit {
    std::string id;
    std::string title;
    std::string snippet;
    std::string lang;
    std::vector<std::string> tags;
    double score = 0;    // a search's: higher is better (0 for a suggestion)
    bool fuzzy = false;  // a search's: found by the closest titles (a typo), not by its words
};

struct KbSearch {
    std::string query;
    int limit = 10;
    std::optional<std::string> lang;
};

class KnowledgeStore {
public:
    virtual ~KnowledgeStore() = default;
    // Converts Markdown, sanitises, indexes. Replaces an article with the same id. Returns the id.
    virtual std::string saveArticle(const ArticleInput& input, TimePoint now) = 0;
    virtual std::optional<KbArticle> article(const std::string& id) = 0;
    // Best first.
    virtual std::vector<KbHit> search(const KbSearch& search) = 0;
    // Articles tagged with a call intent, most helpful first.
    virtual std::vector<KbHit> suggestForIntent(const std::string& intent,
                                                const std::optional<std::string>& lang,
                                                int limit) = 0;
    virtual bool feedback(const std::string& id, bool helpful) = 0;
    virtual int articleCount() = 0;
    // Runs fn as one transaction (saves inside it join it): a batch of an import.
    virtual void atomically(const std::function<void()>& fn) = 0;
};

}  // namespace agentdesk::server
