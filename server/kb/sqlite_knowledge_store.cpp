#include "server/kb/sqlite_knowledge_store.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <set>

#include "common/logging.h"
#include "server/kb/fts_rank.h"
#include "server/kb/html_content.h"
#include "server/kb/knowledge_search.h"
#include "server/kb/text_index.h"

namespace agentdesk::server {

using nlohmann::json;

namespace {

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS kb_articles (
  rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, title TEXT NOT NULL,
  body_html TEXT NOT NULL, body_text TEXT NOT NULL, tags TEXT NOT NULL DEFAULT '[]',
  lang TEXT NOT NULL, updated_ms INTEGER NOT NULL,
  helpful INTEGER NOT NULL DEFAULT 0, not_helpful INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS kb_articles_lang ON kb_articles(lang);
CREATE TABLE IF NOT EXISTS kb_meta (key TEXT PRIMARY KEY, value TEXT);
DROP TABLE IF EXISTS kb_fts;
CREATE VIRTUAL TABLE IF NOT EXISTS kb_search USING fts5(
  title, body, tuni, uni, tags, lang, content = '',
  tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS kb_titles USING fts5(
  title, tuni, tags, lang, content = '', tokenize = 'porter unicode61 remove_diacritics 2');
)SQL";

// Bump when the tokens change: the index is rebuilt from kb_articles on start.
constexpr const char* kIndexVersion = "3";

// 2: body_text of an article written in Markdown is its text (kb::markdownToText), not the
// Markdown cmark left in it: GFM tables ("| a | b |", "|---|---|") and bold it cannot close next
// to a Korean particle ("**날짜 비율(일할)**로") showed in snippets. The source is not kept, so
// the text is rendered again from the stored HTML; only rows whose text still holds a pipe or a
// ** / __ run are rewritten, every other row stays as it is.
void textWithoutMarkdown(SqliteDb& db) {
    std::vector<std::pair<std::int64_t, std::string>> rows;
    {
        auto st = db.prepare(
            "SELECT rowid, body_html FROM kb_articles WHERE instr(body_text, '|') > 0 "
            "OR instr(body_text, '**') > 0 OR instr(body_text, '__') > 0");
        while (st.step())
            rows.emplace_back(st.integer(0), kb::markdownHtmlToText(st.text(1)));
    }
    for (const auto& [rowid, text] : rows) {
        auto up = db.prepare("UPDATE kb_articles SET body_text = ? WHERE rowid = ?");
        up.bind(1, text).bind(2, rowid);
        up.run();
    }
    // The contentless index holds the old text's tokens: rebuilt below.
    db.exec("DELETE FROM kb_meta WHERE key = 'index_version'");
}

// Numbered changes after the first schema above (version 1), counted in kb_meta's
// 'schema_version' (the database's user_version is the CRM store's, store/sqlite_crm_schema.cpp).
// Append only: a database is brought from its version to the latest, one step at a time, each
// in a transaction. Steps are functions: a change of the text needs the C++ that renders it.
using Migration = void (*)(SqliteDb&);
constexpr Migration kMigrations[] = {
    textWithoutMarkdown,  // 2
};

// The index is contentless (it stores no copy of the text), so removing an article's tokens
// needs the same token values again: one function makes them for insert and delete.
struct IndexRow {
    std::string title, body, tuni, uni, tags, lang;
};

IndexRow indexRow(const std::string& title, const std::string& text, const std::string& tagsJson,
                  const std::string& lang) {
    std::string tagText;
    const json tags = json::parse(tagsJson, nullptr, false);
    if (tags.is_array()) {
        for (const auto& t : tags) {
            if (t.is_string())
                tagText += t.get<std::string>() + " ";
        }
    }
    return {kb::indexTokens(title),  kb::indexTokens(text),    kb::unigramTokens(title),
            kb::unigramTokens(text), kb::indexTokens(tagText), "lang" + lang};
}

void writeIndex(SqliteDb& db, std::int64_t rowid, const IndexRow& row, bool remove) {
    auto titles = db.prepare(remove ? "INSERT INTO kb_titles(kb_titles, rowid, title, tuni, tags, "
                                      "lang) VALUES('delete', ?, ?, ?, ?, ?)"
                                    : "INSERT INTO kb_titles(rowid, title, tuni, tags, lang) "
                                      "VALUES(?, ?, ?, ?, ?)");
    titles.bind(1, rowid).bind(2, row.title).bind(3, row.tuni).bind(4, row.tags).bind(5, row.lang);
    titles.run();
    auto st = db.prepare(
        remove ? "INSERT INTO kb_search(kb_search, rowid, title, body, tuni, uni, tags, lang) "
                 "VALUES('delete', ?, ?, ?, ?, ?, ?, ?)"
               : "INSERT INTO kb_search(rowid, title, body, tuni, uni, tags, lang) "
                 "VALUES(?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, rowid).bind(2, row.title).bind(3, row.body).bind(4, row.tuni).bind(5, row.uni);
    st.bind(6, row.tags).bind(7, row.lang);
    st.run();
}

}  // namespace

Outcome parseArticle(const json& o, ArticleInput& out) {
    Outcome invalid = Outcome::fail(ErrorCode::ValidationFailed, "the article is not valid");
    auto text = [&](const char* key, bool required) -> std::optional<std::string> {
        auto it = o.find(key);
        if (it == o.end() || it->is_null()) {
            if (required)
                invalid.fields.push_back({key, "is required"});
            return std::nullopt;
        }
        if (!it->is_string()) {
            invalid.code = ErrorCode::BadRequest;
            invalid.fields.push_back({key, "must be a string"});
            return std::nullopt;
        }
        return it->get<std::string>();
    };
    if (!o.is_object())
        return Outcome::fail(ErrorCode::BadRequest, "an article is a JSON object");
    out = {};
    out.id = text("id", false);
    auto title = text("title", true);
    auto body = text("body", true);
    auto lang = text("lang", false);
    if (title) {
        while (!title->empty() && title->back() == ' ')
            title->pop_back();
        if (title->empty() || kb::toU32(*title).size() > 200) {
            invalid.fields.push_back({"title", "must be 1-200 characters"});
        }
        out.title = *title;
    }
    if (body) {
        if (body->find_first_not_of(" \n\r\t") == std::string::npos)
            invalid.fields.push_back({"body", "must not be empty"});
        if (body->size() > 512 * 1024)
            invalid.fields.push_back({"body", "is larger than 512 KiB"});
        out.body = *body;
    }
    if (out.id && (out.id->empty() || out.id->size() > 100 ||
                   out.id->find_first_of(" /?#%") != std::string::npos)) {
        invalid.fields.push_back({"id", "must be 1-100 characters without spaces, / ? # %"});
    }
    out.lang = lang.value_or("ko");
    if (out.lang != "ko" && out.lang != "en")
        invalid.fields.push_back({"lang", "must be ko or en"});
    if (auto it = o.find("tags"); it != o.end() && !it->is_null()) {
        if (!it->is_array()) {
            invalid.code = ErrorCode::BadRequest;
            invalid.fields.push_back({"tags", "must be an array of strings"});
        } else {
            for (const auto& t : *it) {
                if (!t.is_string()) {
                    invalid.code = ErrorCode::BadRequest;
                    invalid.fields.push_back({"tags", "must be an array of strings"});
                    break;
                }
                if (!t.get<std::string>().empty())
                    out.tags.push_back(t.get<std::string>());
            }
        }
    }
    if (!invalid.fields.empty()) {
        if (invalid.code == ErrorCode::BadRequest)
            invalid.message = "wrong field types";
        return invalid;
    }
    return Outcome::success();
}

SqliteKnowledgeStore::SqliteKnowledgeStore(const std::string& path, DbAccess access)
    : ownDb_(std::make_unique<SqliteDb>(path, access)), db_(*ownDb_) {
    open();
}

SqliteKnowledgeStore::SqliteKnowledgeStore(SqliteDb& db) : db_(db) {
    open();
}

void SqliteKnowledgeStore::open() {
    kb::registerRankFunction(db_.handle());
    if (db_.readOnly())
        return;  // a reader beside the server's connection, which made the schema and index
    db_.exec(kSchema);
    auto meta = [this](const char* key) {
        auto st = db_.prepare("SELECT value FROM kb_meta WHERE key = ?");
        st.bind(1, key);
        std::string value = st.step() ? st.text(0) : std::string();
        st.reset();
        return value;
    };
    auto setMeta = [this](const char* key, const std::string& value) {
        auto st = db_.prepare(
            "INSERT INTO kb_meta(key, value) VALUES(?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        st.bind(1, key).bind(2, value);
        st.run();
    };
    // A database without the key is at version 1: the first schema, or one older than the list.
    const std::string schema = meta("schema_version");
    const auto latest = static_cast<int>(1 + std::size(kMigrations));
    int current = schema.empty() ? 1 : std::atoi(schema.c_str());
    if (current > latest) {
        throw SqliteError("the knowledge base was written by a newer AgentDesk (schema " + schema +
                          ", this build knows " + std::to_string(latest) + ")");
    }
    for (; current < latest; ++current) {
        db_.transaction([&] {
            kMigrations[current - 1](db_);
            setMeta("schema_version", std::to_string(current + 1));
        });
        logging::get("store")->info("knowledge base schema migrated to version {}", current + 1);
    }
    if (meta("index_version") == kIndexVersion)
        return;
    db_.transaction([&] {
        db_.exec("INSERT INTO kb_search(kb_search) VALUES('delete-all')");
        db_.exec("INSERT INTO kb_titles(kb_titles) VALUES('delete-all')");
        auto all = db_.prepare("SELECT rowid, title, body_text, tags, lang FROM kb_articles");
        std::vector<std::pair<std::int64_t, IndexRow>> rows;
        while (all.step()) {
            rows.emplace_back(all.integer(0),
                              indexRow(all.text(1), all.text(2), all.text(3), all.text(4)));
        }
        for (const auto& [rowid, row] : rows)
            writeIndex(db_, rowid, row, false);
        setMeta("index_version", kIndexVersion);
        countSave();
    });
}

std::string SqliteKnowledgeStore::saveArticle(const ArticleInput& input, TimePoint now) {
    const kb::StoredArticle stored = kb::storedArticle(input);
    const std::string& id = stored.id;
    const std::string& html = stored.html;
    const std::string& text = stored.text;
    const std::string& tags = stored.tagsJson;
    db_.transaction([&] {
        std::int64_t rowid = 0;
        {
            auto find = db_.prepare(
                "SELECT rowid, title, body_text, tags, lang FROM kb_articles WHERE id = ?");
            find.bind(1, id);
            if (find.step()) {
                rowid = find.integer(0);
                const IndexRow old =
                    indexRow(find.text(1), find.text(2), find.text(3), find.text(4));
                find.reset();
                writeIndex(db_, rowid, old, true);
            }
        }
        if (rowid) {
            auto up = db_.prepare(
                "UPDATE kb_articles SET title = ?, body_html = ?, body_text = ?, tags = ?, "
                "lang = ?, updated_ms = ? WHERE rowid = ?");
            up.bind(1, input.title).bind(2, html).bind(3, text).bind(4, tags);
            up.bind(5, input.lang).bind(6, toUnixMs(now)).bind(7, rowid);
            up.run();
        } else {
            auto ins = db_.prepare(
                "INSERT INTO kb_articles(id, title, body_html, body_text, tags, lang, updated_ms) "
                "VALUES(?,?,?,?,?,?,?)");
            ins.bind(1, id).bind(2, input.title).bind(3, html).bind(4, text);
            ins.bind(5, tags).bind(6, input.lang).bind(7, toUnixMs(now));
            ins.run();
            rowid = db_.lastInsertRowId();
        }
        writeIndex(db_, rowid, indexRow(input.title, text, tags, input.lang), false);
        countSave();
    });
    return id;
}

std::optional<KbArticle> SqliteKnowledgeStore::article(const std::string& id) {
    auto st = db_.prepare(
        "SELECT id, title, body_html, tags, lang, updated_ms, helpful, not_helpful "
        "FROM kb_articles WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    KbArticle a{st.text(0),    st.text(1),
                st.text(2),    kb::tagsFromJson(st.text(3)),
                st.text(4),    TimePoint(std::chrono::milliseconds(st.integer(5))),
                st.integer(6), st.integer(7)};
    st.reset();
    return a;
}

std::vector<KbHit> SqliteKnowledgeStore::search(const KbSearch& s) {
    const kb::SearchQuery q = kb::parseQuery(s.query);
    if (q.empty())
        return {};
    const std::string langFilter = s.lang ? " AND lang : \"lang" + *s.lang + "\"" : "";
    const std::string version = savedVersion();
    kb::SearchEngine engine;
    // Ranks inside the FTS index alone (no join), so only the winners' rows are read.
    engine.rank = [&](kb::SearchStage stage, int limit) {
        std::vector<std::pair<std::int64_t, double>> out;
        const bool titlesOnly =
            stage != kb::SearchStage::BodyAllWords && stage != kb::SearchStage::AnyWord;
        const std::string match = stage == kb::SearchStage::TitleEveryWord ? q.titleEveryWord()
                                  : stage == kb::SearchStage::AnyWord      ? q.anyWord()
                                                                           : q.allWords(titlesOnly);
        if (match.empty())
            return out;
        const std::string table = titlesOnly ? "kb_titles" : "kb_search";
        const std::string expr = "(" + match + ")" + langFilter;
        const std::string frequencies = phraseStats_.frequencies(db_, table, expr, version);
        auto st =
            db_.prepare("SELECT rowid, kb_rank(" + table + ", ?2, ?3, " +
                        (titlesOnly ? kTitleRankWeights : kSearchRankWeights) + ") AS r FROM " +
                        table + " WHERE " + table + " MATCH ?1 ORDER BY r LIMIT ?2");
        st.bind(1, expr).bind(2, limit).bind(3, frequencies);
        while (st.step())
            out.emplace_back(st.integer(0), -st.real(1));
        return out;
    };
    engine.closestTitles = [&] { return typoIndex().closest(q.normalized, s.lang, 200); };
    engine.read = [&](std::int64_t rowid) -> std::optional<kb::SearchEngine::Row> {
        auto row =
            db_.prepare("SELECT id, title, body_text, lang, tags FROM kb_articles WHERE rowid = ?");
        row.bind(1, rowid);
        if (!row.step())
            return std::nullopt;
        kb::SearchEngine::Row out{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)};
        row.reset();
        return out;
    };
    return kb::search(q, s.limit, engine);
}

void SqliteKnowledgeStore::countSave() {
    // Tells every connection's typo index and phrase counts that the articles changed.
    db_.exec(
        "INSERT INTO kb_meta(key, value) VALUES('titles_version', 1) "
        "ON CONFLICT(key) DO UPDATE SET value = value + 1");
}

std::string SqliteKnowledgeStore::savedVersion() {
    auto version = db_.prepare("SELECT value FROM kb_meta WHERE key = 'titles_version'");
    std::string now = version.step() ? version.text(0) : std::string("0");
    version.reset();
    return now;
}

const kb::TitleTypoIndex& SqliteKnowledgeStore::typoIndex() {
    const std::string now = savedVersion();
    if (typoVersion_ == now)
        return typo_;
    std::vector<kb::TitleTypoIndex::Title> titles;
    auto all = db_.prepare("SELECT rowid, title, lang FROM kb_articles");
    while (all.step())
        titles.push_back({all.integer(0), all.text(1), all.text(2)});
    typo_.rebuild(titles);
    typoVersion_ = now;
    return typo_;
}

std::vector<KbHit> SqliteKnowledgeStore::suggestForIntent(const std::string& intent,
                                                          const std::optional<std::string>& lang,
                                                          int limit) {
    auto st = db_.prepare(
        "SELECT id, title, body_text, lang, tags FROM kb_articles a WHERE EXISTS "
        "(SELECT 1 FROM json_each(a.tags) WHERE value = ?1) AND (?2 IS NULL OR lang = ?2) "
        "ORDER BY (helpful - not_helpful) DESC, title LIMIT ?3");
    st.bind(1, intent).bindOptional(2, lang).bind(3, limit);
    std::vector<KbHit> out;
    while (st.step())
        out.push_back(kb::suggestion({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4)}));
    return out;
}

bool SqliteKnowledgeStore::feedback(const std::string& id, bool helpful) {
    auto st =
        db_.prepare(helpful ? "UPDATE kb_articles SET helpful = helpful + 1 WHERE id = ?"
                            : "UPDATE kb_articles SET not_helpful = not_helpful + 1 WHERE id = ?");
    st.bind(1, id);
    st.run();
    return db_.changes() > 0;
}

int SqliteKnowledgeStore::articleCount() {
    auto st = db_.prepare("SELECT count(*) FROM kb_articles");
    st.step();
    const int n = static_cast<int>(st.integer(0));
    st.reset();
    return n;
}

}  // namespace agentdesk::server
