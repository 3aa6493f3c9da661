#pragma once
// kb_rank(): Okapi BM25 for the knowledge index's FTS5 tables, the formula of FTS5's built-in
// bm25() (k1 1.2, b 0.75, per-column weights), at less cost on common words:
// - the document frequency of each phrase is given by the caller (PhraseStats caches it until
//   an article is saved) instead of bm25()'s scan of every phrase's whole doclist per query;
// - a row's length is read (one lookup per row) only when the row could still enter the top
//   `limit`: its score at the shortest length its hits allow is an upper bound of its BM25.
// The first `limit` rows of ORDER BY kb_rank(...) are those of bm25() for the same frequencies;
// rows past the limit get their bound instead of their score, which only orders them last.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;

namespace agentdesk {
class SqliteDb;
}

namespace agentdesk::server::kb {

// Registers kb_rank(<table>, limit, 'df1 df2 …', weight1, weight2, …) on the connection:
// dfs are the number of rows matching each phrase, in the order FTS5 numbers the query's
// phrases (matchPhrases); weights as bm25()'s, one per column (missing ones are 1.0).
void registerRankFunction(sqlite3* db);

// The phrases of one of our MATCH expressions in FTS5's order, each with the column filter
// that applies to it ("{title tags} : \"요금\"", "\"요금\""), ready to be matched on their own.
std::vector<std::string> matchPhrases(std::string_view match);

// Rows matching each phrase, counted once per table and phrase and kept until `version` (the
// store's count of saved articles) changes.
class PhraseStats {
public:
    // "df1 df2 …" for kb_rank's third argument.
    std::string frequencies(SqliteDb& db, const std::string& table, std::string_view match,
                            const std::string& version);

private:
    std::string version_;
    std::unordered_map<std::string, std::int64_t> rows_;  // table + '\n' + phrase
};

}  // namespace agentdesk::server::kb
