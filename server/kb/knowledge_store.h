#pragma once
// The knowledge base behind /kb routes: articles (sanitised HTML), Korean-aware search,
// suggestions per call intent, helpful/not-helpful feedback. SQLite FTS5 implements it today.
//
// Threads: not thread-safe; the server's I/O thread only.
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
    virtual std::optional<nlohmann::json> article(const std::string& id) = 0;
    // [{id,title,snippet,score,lang,tags}], best first.
    virtual nlohmann::json search(const KbSearch& search) = 0;
    // Articles tagged with a call intent, most helpful first.
    virtual nlohmann::json suggestForIntent(const std::string& intent,
                                            const std::optional<std::string>& lang, int limit) = 0;
    virtual bool feedback(const std::string& id, bool helpful) = 0;
    virtual int articleCount() = 0;
    // Runs fn as one transaction (saves inside it join it): a batch of an import.
    virtual void atomically(const std::function<void()>& fn) = 0;
};

}  // namespace agentdesk::server
