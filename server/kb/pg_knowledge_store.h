#pragma once
// KnowledgeStore on PostgreSQL 15: the same Korean tokens as the SQLite store (kb/text_index.h)
// in tsvector columns with GIN indexes — title and tag words weighted A and B, body words C,
// single syllables D — and the same search stages, boosts and snippets (kb/knowledge_search.h).
// Hangul bigrams and syllables go through the `simple` configuration (kept as they are); Latin
// words through `agentdesk_english` (English stemming, no stop words), which stands in for
// SQLite's porter tokenizer.
//
// Threads: not thread-safe; one connection, used by one thread at a time.
#include <optional>
#include <string>

#include "server/kb/knowledge_store.h"
#include "server/kb/text_index.h"
#include "server/kb/title_typo_index.h"
#include "server/store/pg/pg_db.h"

namespace agentdesk::server {

class PgKnowledgeStore final : public KnowledgeStore {
public:
    // Connects and brings the knowledge base's tables to this build's schema (PgError).
    explicit PgKnowledgeStore(const std::string& conninfo);

    std::string saveArticle(const ArticleInput& input, TimePoint now) override;
    std::optional<KbArticle> article(const std::string& id) override;
    std::vector<KbHit> search(const KbSearch& search) override;
    std::vector<KbHit> suggestForIntent(const std::string& intent,
                                        const std::optional<std::string>& lang, int limit) override;
    bool feedback(const std::string& id, bool helpful) override;
    int articleCount() override;
    void atomically(const std::function<void()>& fn) override { db_.transaction(fn); }

private:
    void migrate();
    // A tsquery for words (each must match; a word's alternatives are OR-ed), or nullopt when
    // none of them can match (only stop words).
    std::optional<std::string> tsquery(const std::vector<kb::SearchQuery::Word>& words,
                                       bool anyWord);
    std::string latinLexemes(const std::string& word);
    std::string savedVersion();
    const kb::TitleTypoIndex& typoIndex();

    pg::PgDb db_;
    kb::TitleTypoIndex typo_;
    std::optional<std::string> typoVersion_;
};

}  // namespace agentdesk::server
