#include "server/kb/pg_knowledge_store.h"

#include <iterator>

#include "common/logging.h"
#include "server/kb/knowledge_search.h"
#include "server/kb/text_index.h"

namespace agentdesk::server {

using nlohmann::json;
using pg::Param;

namespace {

// Append only, recorded in kb_schema_migrations (the CRM's are in schema_migrations).
constexpr const char* kPgKbMigrations[] = {
    // 1: articles with their two search vectors: `doc` (everything) and `titles` (titles, tags
    // and title syllables: the first search stages).
    R"SQL(
CREATE TABLE kb_articles (
  seq BIGSERIAL UNIQUE, id TEXT PRIMARY KEY, title TEXT NOT NULL, body_html TEXT NOT NULL,
  body_text TEXT NOT NULL, tags TEXT NOT NULL DEFAULT '[]', lang TEXT NOT NULL,
  updated_ms BIGINT NOT NULL, helpful INTEGER NOT NULL DEFAULT 0,
  not_helpful INTEGER NOT NULL DEFAULT 0, doc TSVECTOR NOT NULL, titles TSVECTOR NOT NULL);
CREATE INDEX kb_articles_lang ON kb_articles(lang);
CREATE INDEX kb_articles_doc ON kb_articles USING gin (doc);
CREATE INDEX kb_articles_titles ON kb_articles USING gin (titles);
CREATE TABLE kb_meta (key TEXT PRIMARY KEY, value TEXT);
-- English stemming without the english configuration's stop words: SQLite's porter tokenizer
-- keeps "out" in "log out", and so must this.
CREATE TEXT SEARCH DICTIONARY agentdesk_english_stem (TEMPLATE = snowball, LANGUAGE = english);
CREATE TEXT SEARCH CONFIGURATION agentdesk_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION agentdesk_english ALTER MAPPING FOR asciiword, asciihword,
  hword_asciipart, word, hword, hword_part WITH agentdesk_english_stem;
)SQL",
};

// $1 title tokens, $2 tag tokens, $3 body tokens, $4 title syllables, $5 body syllables.
constexpr const char* kPgDocVector =
    "setweight(to_tsvector('agentdesk_english', $1), 'A') || "
    "setweight(to_tsvector('agentdesk_english', $2), 'B') "
    "|| setweight(to_tsvector('agentdesk_english', $3), 'C') || setweight(to_tsvector('simple', "
    "$4), 'D') "
    "|| setweight(to_tsvector('simple', $5), 'D')";
constexpr const char* kPgTitleVector =
    "setweight(to_tsvector('agentdesk_english', $1), 'A') || "
    "setweight(to_tsvector('agentdesk_english', $2), 'B') "
    "|| setweight(to_tsvector('simple', $4), 'D')";
// ts_rank's weights, {D, C, B, A}: the SQLite store's column weights (syllables 0.5 and 6,
// body 1, tags 4, title 10) on ts_rank's 0…1 scale.
constexpr const char* kPgRankWeights = "'{0.05, 0.1, 0.4, 1.0}'";
// ts_rank gives about 0.1…1 where the SQLite store's BM25 gives about 3…30: scaled to the same
// range, so that the shared boosts (0.5 a mention, 50 for the query in the title) weigh alike.
constexpr double kPgRankScale = 30.0;

std::string pgTagWords(const std::string& tagsJson) {
    std::string out;
    const json tags = json::parse(tagsJson, nullptr, false);
    if (tags.is_array()) {
        for (const auto& t : tags) {
            if (t.is_string())
                out += t.get<std::string>() + " ";
        }
    }
    return out;
}

std::vector<Param> pgVectorParams(const std::string& title, const std::string& tagsJson,
                                  const std::string& text) {
    return {kb::indexTokens(title), kb::indexTokens(pgTagWords(tagsJson)), kb::indexTokens(text),
            kb::unigramTokens(title), kb::unigramTokens(text)};
}

// A lexeme in tsquery's text form: quoted, a quote doubled.
std::string tsLexeme(const std::string& token) {
    std::string out = "'";
    for (char c : token) {
        if (c == '\'' || c == '\\')
            out.push_back(c);
        out.push_back(c);
    }
    return out + "'";
}

}  // namespace

PgKnowledgeStore::PgKnowledgeStore(const std::string& conninfo) : db_(conninfo) {
    migrate();
}

void PgKnowledgeStore::migrate() {
    const int latest = static_cast<int>(std::size(kPgKbMigrations));
    for (;;) {
        bool done = false;
        db_.transaction([&] {
            db_.exec("SELECT pg_advisory_xact_lock(7413002)");
            db_.execScript(
                "CREATE TABLE IF NOT EXISTS kb_schema_migrations (version INTEGER PRIMARY KEY, "
                "applied_ms BIGINT NOT NULL)");
            const int current = static_cast<int>(
                db_.exec("SELECT coalesce(max(version), 0) FROM kb_schema_migrations")
                    .integer(0, 0));
            if (current > latest) {
                throw pg::PgError("the knowledge base was written by a newer AgentDesk (schema " +
                                      std::to_string(current) + ", this build knows " +
                                      std::to_string(latest) + ")",
                                  "");
            }
            if (current == latest) {
                done = true;
                return;
            }
            db_.execScript(kPgKbMigrations[current]);
            db_.exec("INSERT INTO kb_schema_migrations(version, applied_ms) VALUES($1, $2)",
                     {current + 1, toUnixMs(std::chrono::system_clock::now())});
            logging::get("store")->info("knowledge base schema migrated to version {}",
                                        current + 1);
        });
        if (done)
            return;
    }
}

std::string PgKnowledgeStore::saveArticle(const ArticleInput& input, TimePoint now) {
    const kb::StoredArticle a = kb::storedArticle(input);
    std::vector<Param> params = pgVectorParams(input.title, a.tagsJson, a.text);
    for (Param p : std::vector<Param>{a.id, input.title, a.html, a.text, a.tagsJson, input.lang,
                                      toUnixMs(now)})
        params.push_back(std::move(p));
    db_.transaction([&] {
        db_.exec(std::string("INSERT INTO kb_articles(id, title, body_html, body_text, tags, lang, "
                             "updated_ms, doc, titles) VALUES($6,$7,$8,$9,$10,$11,$12,") +
                     kPgDocVector + ", " + kPgTitleVector +
                     ") ON CONFLICT(id) DO UPDATE SET title=excluded.title, "
                     "body_html=excluded.body_html, body_text=excluded.body_text, "
                     "tags=excluded.tags, lang=excluded.lang, updated_ms=excluded.updated_ms, "
                     "doc=excluded.doc, titles=excluded.titles",
                 params);
        // Tells every connection's typo index that the titles changed.
        db_.exec(
            "INSERT INTO kb_meta(key, value) VALUES('titles_version', '1') ON CONFLICT(key) DO "
            "UPDATE SET value = (kb_meta.value::bigint + 1)::text");
    });
    return a.id;
}

std::optional<KbArticle> PgKnowledgeStore::article(const std::string& id) {
    auto r = db_.exec(
        "SELECT id, title, body_html, tags, lang, updated_ms, helpful, not_helpful "
        "FROM kb_articles WHERE id = $1",
        {id});
    if (r.rows() == 0)
        return std::nullopt;
    return KbArticle{r.text(0, 0),    r.text(0, 1),
                     r.text(0, 2),    kb::tagsFromJson(r.text(0, 3)),
                     r.text(0, 4),    TimePoint(std::chrono::milliseconds(r.integer(0, 5))),
                     r.integer(0, 6), r.integer(0, 7)};
}

std::string PgKnowledgeStore::latinLexemes(const std::string& word) {
    // The configuration's own lexemes for the word, in order.
    return db_.exec("SELECT phraseto_tsquery('agentdesk_english', $1)::text", {word}).text(0, 0);
}

std::optional<std::string> PgKnowledgeStore::tsquery(
    const std::vector<kb::SearchQuery::Word>& words, bool anyWord) {
    std::string out;
    for (const auto& w : words) {
        std::string alternatives;
        for (const auto& tokens : w.alternatives) {
            std::string all;
            for (const auto& token : tokens) {
                const std::string l = w.kind == kb::SearchQuery::Word::Kind::Latin
                                          ? latinLexemes(token)
                                          : tsLexeme(token);
                if (!l.empty())
                    all += (all.empty() ? "" : " & ") + ("(" + l + ")");
            }
            if (!all.empty())
                alternatives += (alternatives.empty() ? "" : " | ") + ("(" + all + ")");
        }
        if (!alternatives.empty())
            out += (out.empty() ? "" : (anyWord ? " | " : " & ")) + ("(" + alternatives + ")");
    }
    if (out.empty())
        return std::nullopt;
    return out;
}

std::vector<KbHit> PgKnowledgeStore::search(const KbSearch& s) {
    const kb::SearchQuery q = kb::parseQuery(s.query);
    if (q.empty())
        return {};
    kb::SearchEngine engine;
    engine.rank = [&](kb::SearchStage stage, int limit) {
        std::vector<std::pair<std::int64_t, double>> out;
        const auto query = stage == kb::SearchStage::TitleEveryWord ? tsquery(q.titleWords(), false)
                           : stage == kb::SearchStage::AnyWord      ? tsquery(q.words, true)
                                                               : tsquery(q.requiredWords(), false);
        if (!query)
            return out;
        const std::string column =
            stage == kb::SearchStage::TitleEveryWord || stage == kb::SearchStage::TitleAllWords
                ? "titles"
                : "doc";
        auto r = db_.exec("SELECT seq, ts_rank(" + std::string(kPgRankWeights) + ", " + column +
                              ", $1::tsquery) AS r FROM kb_articles WHERE " + column +
                              " @@ $1::tsquery AND ($2::text IS NULL OR lang = $2::text) "
                              "ORDER BY r DESC, seq LIMIT $3",
                          {*query, s.lang, limit});
        for (int i = 0; i < r.rows(); ++i)
            out.emplace_back(r.integer(i, 0), r.real(i, 1) * kPgRankScale);
        return out;
    };
    engine.closestTitles = [&] { return typoIndex().closest(q.normalized, s.lang, 200); };
    engine.read = [&](std::int64_t rowid) -> std::optional<kb::SearchEngine::Row> {
        auto r = db_.exec("SELECT id, title, body_text, lang, tags FROM kb_articles WHERE seq = $1",
                          {rowid});
        if (r.rows() == 0)
            return std::nullopt;
        return kb::SearchEngine::Row{r.text(0, 0), r.text(0, 1), r.text(0, 2), r.text(0, 3),
                                     r.text(0, 4)};
    };
    return kb::search(q, s.limit, engine);
}

std::string PgKnowledgeStore::savedVersion() {
    auto r = db_.exec("SELECT value FROM kb_meta WHERE key = 'titles_version'");
    return r.rows() > 0 ? r.text(0, 0) : std::string("0");
}

const kb::TitleTypoIndex& PgKnowledgeStore::typoIndex() {
    const std::string now = savedVersion();
    if (typoVersion_ == now)
        return typo_;
    std::vector<kb::TitleTypoIndex::Title> titles;
    auto r = db_.exec("SELECT seq, title, lang FROM kb_articles");
    for (int i = 0; i < r.rows(); ++i)
        titles.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2)});
    typo_.rebuild(titles);
    typoVersion_ = now;
    return typo_;
}

std::vector<KbHit> PgKnowledgeStore::suggestForIntent(const std::string& intent,
                                                      const std::optional<std::string>& lang,
                                                      int limit) {
    auto r = db_.exec(
        "SELECT id, title, body_text, lang, tags FROM kb_articles WHERE tags::jsonb ? $1 "
        "AND ($2::text IS NULL OR lang = $2::text) "
        "ORDER BY (helpful - not_helpful) DESC, title LIMIT $3",
        {intent, lang, limit});
    std::vector<KbHit> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(
            kb::suggestion({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4)}));
    }
    return out;
}

bool PgKnowledgeStore::feedback(const std::string& id, bool helpful) {
    return db_.exec(helpful ? "UPDATE kb_articles SET helpful = helpful + 1 WHERE id = $1"
                            : "UPDATE kb_articles SET not_helpful = not_helpful + 1 WHERE id = $1",
                    {id})
               .affected() > 0;
}

int PgKnowledgeStore::articleCount() {
    return static_cast<int>(db_.exec("SELECT count(*) FROM kb_articles").integer(0, 0));
}

}  // namespace agentdesk::server
