#pragma once
// KnowledgeStore on SQLite FTS5 with pre-tokenised columns (kb/text_index.h) and the
// `porter unicode61` tokenizer for Latin words; BM25 with a title boost.
#include "common/sqlite_db.h"
#include "server/kb/fts_rank.h"
#include "server/kb/knowledge_store.h"
#include "server/kb/title_typo_index.h"

#include <memory>
#include <optional>
#include <string>

namespace agentdesk::server {

class SqliteKnowledgeStore final : public KnowledgeStore {
public:
    // Its own connection to the database file (the CRM's file: one file to back up); for
    // ":memory:" a database of its own. DbAccess::ReadOnly: a reader beside the server's
    // connection (store/store_pool.h); only the reading methods work on it.
    explicit SqliteKnowledgeStore(const std::string& path, DbAccess access = DbAccess::ReadWrite);
    // On a connection the caller owns and keeps open (benchmarks and fuzzers that build a
    // knowledge base alone).
    explicit SqliteKnowledgeStore(SqliteDb& db);

    // BM25 (kb/fts_rank.h) weights of kb_search: title, body, title syllables, body syllables,
    // tags, lang.
    static constexpr const char* kSearchRankWeights = "10.0, 1.0, 6.0, 0.5, 4.0, 0.0";
    // Of kb_titles (short doclists, so the first search stage stays fast however common a word
    // is in article bodies): title, title syllables, tags, lang.
    static constexpr const char* kTitleRankWeights = "10.0, 6.0, 4.0, 0.0";

    std::string saveArticle(const ArticleInput& input, TimePoint now) override;
    std::optional<KbArticle> article(const std::string& id) override;
    std::vector<KbHit> search(const KbSearch& search) override;
    std::vector<KbHit> suggestForIntent(const std::string& intent,
                                        const std::optional<std::string>& lang, int limit) override;
    bool feedback(const std::string& id, bool helpful) override;
    int articleCount() override;
    void atomically(const std::function<void()>& fn) override { db_.transaction(fn); }

    template <typename Fn>
    void inTransaction(Fn&& fn) {
        db_.transaction(std::forward<Fn>(fn));
    }

    // The typo fallback's titles in memory, rebuilt when an article was saved since (through
    // any connection: kb_meta's titles_version counts the saves). Public for the benchmark.
    const kb::TitleTypoIndex& typoIndex();

private:
    void countSave();            // in the saving transaction
    std::string savedVersion();  // kb_meta's titles_version

    void open();

    std::unique_ptr<SqliteDb> ownDb_;  // null: on the caller's connection
    SqliteDb& db_;
    kb::PhraseStats phraseStats_;  // this connection's phrase counts for kb_rank
    kb::TitleTypoIndex typo_;
    std::optional<std::string> typoVersion_;  // titles_version the index was built at
};

}  // namespace agentdesk::server
