#pragma once
// KnowledgeStore on SQLite FTS5 with pre-tokenised columns (kb/text_index.h) and the
// `porter unicode61` tokenizer for Latin words; BM25 with a title boost.
#include "server/kb/knowledge_store.h"
#include "common/sqlite_db.h"

namespace agentdesk::server {

class SqliteKnowledgeStore final : public KnowledgeStore {
public:
    // Shares the connection of the CRM store (same database file, same thread).
    explicit SqliteKnowledgeStore(SqliteDb& db);

    std::string saveArticle(const ArticleInput& input, TimePoint now) override;
    std::optional<nlohmann::json> article(const std::string& id) override;
    nlohmann::json search(const KbSearch& search) override;
    nlohmann::json suggestForIntent(const std::string& intent,
                                    const std::optional<std::string>& lang, int limit) override;
    bool feedback(const std::string& id, bool helpful) override;
    int articleCount() override;

    template <typename Fn>
    void inTransaction(Fn&& fn) {
        db_.transaction(std::forward<Fn>(fn));
    }

private:
    SqliteDb& db_;
};

}  // namespace agentdesk::server
