#include "server/kb/sqlite_knowledge_store.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include <sodium.h>

#include "server/kb/html_content.h"
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
CREATE VIRTUAL TABLE IF NOT EXISTS kb_fts USING fts5(
  title, body, uni, tags, tokenize = 'porter unicode61 remove_diacritics 2');
)SQL";

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

SqliteKnowledgeStore::SqliteKnowledgeStore(SqliteDb& db) : db_(db) {
    db_.exec(kSchema);
}

std::string SqliteKnowledgeStore::saveArticle(const ArticleInput& input, TimePoint now) {
    const std::string id = input.id.value_or(newArticleId());
    const std::string html = kb::sanitizeHtml(
        kb::looksLikeHtml(input.body) ? input.body : kb::markdownToHtml(input.body));
    const std::string text = kb::htmlToText(html);
    std::string tagText;
    for (const auto& t : input.tags)
        tagText += t + " ";
    db_.transaction([&] {
        std::int64_t rowid = 0;
        {
            auto find = db_.prepare("SELECT rowid FROM kb_articles WHERE id = ?");
            find.bind(1, id);
            if (find.step())
                rowid = find.integer(0);
            find.reset();
        }
        if (rowid) {
            auto del = db_.prepare("DELETE FROM kb_fts WHERE rowid = ?");
            del.bind(1, rowid);
            del.run();
            auto up = db_.prepare(
                "UPDATE kb_articles SET title = ?, body_html = ?, body_text = ?, tags = ?, "
                "lang = ?, updated_ms = ? WHERE rowid = ?");
            up.bind(1, input.title).bind(2, html).bind(3, text).bind(4, json(input.tags).dump());
            up.bind(5, input.lang).bind(6, toUnixMs(now)).bind(7, rowid);
            up.run();
        } else {
            auto ins = db_.prepare(
                "INSERT INTO kb_articles(id, title, body_html, body_text, tags, lang, updated_ms) "
                "VALUES(?,?,?,?,?,?,?)");
            ins.bind(1, id).bind(2, input.title).bind(3, html).bind(4, text);
            ins.bind(5, json(input.tags).dump()).bind(6, input.lang).bind(7, toUnixMs(now));
            ins.run();
            rowid = db_.lastInsertRowId();
        }
        auto fts =
            db_.prepare("INSERT INTO kb_fts(rowid, title, body, uni, tags) VALUES(?,?,?,?,?)");
        fts.bind(1, rowid).bind(2, kb::indexTokens(input.title)).bind(3, kb::indexTokens(text));
        fts.bind(4, kb::unigramTokens(input.title + " " + text)).bind(5, kb::indexTokens(tagText));
        fts.run();
    });
    return id;
}

std::optional<json> SqliteKnowledgeStore::article(const std::string& id) {
    auto st = db_.prepare(
        "SELECT id, title, body_html, tags, lang, updated_ms, helpful, not_helpful "
        "FROM kb_articles WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    json a{{"id", st.text(0)},
           {"title", st.text(1)},
           {"bodyHtml", st.text(2)},
           {"tags", json::parse(st.text(3), nullptr, false)},
           {"lang", st.text(4)},
           {"updatedAt", toRfc3339(TimePoint(std::chrono::milliseconds(st.integer(5))))},
           {"helpful", st.integer(6)},
           {"notHelpful", st.integer(7)}};
    st.reset();
    return a;
}

json SqliteKnowledgeStore::search(const KbSearch& s) {
    const kb::SearchQuery q = kb::parseQuery(s.query);
    json out = json::array();
    if (q.allWords.empty())
        return out;
    struct Hit {
        std::string id, title, text, lang, tags;
        double score;
    };
    std::vector<Hit> hits;
    std::unordered_set<std::string> seen;
    const int fetch = std::clamp(s.limit * 3, 10, 60);
    auto run = [&](const std::string& match, double penalty) {
        auto st = db_.prepare(
            "SELECT a.id, a.title, a.body_text, a.lang, a.tags, "
            "bm25(kb_fts, 10.0, 1.0, 0.5, 4.0) AS rank FROM kb_fts "
            "JOIN kb_articles a ON a.rowid = kb_fts.rowid "
            "WHERE kb_fts MATCH ?1 AND (?2 IS NULL OR a.lang = ?2) ORDER BY rank LIMIT ?3");
        st.bind(1, match).bindOptional(2, s.lang).bind(3, fetch);
        while (st.step()) {
            std::string id = st.text(0);
            if (!seen.insert(id).second)
                continue;
            hits.push_back(
                {id, st.text(1), st.text(2), st.text(3), st.text(4), -st.real(5) - penalty});
        }
    };
    run(q.allWords, 0);
    if (static_cast<int>(hits.size()) < s.limit && !q.anyWord.empty() && q.anyWord != q.allWords)
        run(q.anyWord, 1000);  // partial matches come after every full match
    bool typoFallback = false;
    if (hits.empty()) {
        // Nothing matched: the closest titles by edit distance (a typo in the query).
        typoFallback = true;
        const std::u32string needle = kb::toU32(compact(q.normalized));
        auto st = db_.prepare(
            "SELECT id, title, body_text, lang, tags FROM kb_articles "
            "WHERE (?1 IS NULL OR lang = ?1)");
        st.bindOptional(1, s.lang);
        while (st.step()) {
            const std::string title = st.text(1);
            const std::u32string t = kb::toU32(kb::lowerAscii(compact(title)));
            // Best match of the query against any window of the title of similar length.
            std::size_t best = needle.size();
            const std::size_t n = needle.size();
            for (std::size_t len = n > 1 ? n - 1 : 1; len <= n + 1; ++len) {
                for (std::size_t i = 0; i + len <= t.size(); ++i) {
                    best = std::min(
                        best, kb::editDistance(needle, std::u32string_view(t).substr(i, len)));
                }
            }
            const std::size_t allowed = n <= 4 ? 1 : (n <= 8 ? 2 : 3);
            if (best <= allowed && best < n) {
                hits.push_back({st.text(0), title, st.text(2), st.text(3), st.text(4),
                                -static_cast<double>(best)});
            }
        }
    }
    // Title boosts: the article whose title is the query comes first.
    const std::string wanted = compact(q.normalized);
    for (auto& h : hits) {
        const std::string title = kb::lowerAscii(compact(h.title));
        if (title == wanted)
            h.score += 10000;
        else if (!wanted.empty() && title.rfind(wanted, 0) == 0)
            h.score += 70;  // the title starts with the query: the general article
        else if (!wanted.empty() && title.find(wanted) != std::string::npos)
            h.score += 50;
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const Hit& a, const Hit& b) { return a.score > b.score; });
    for (const auto& h : hits) {
        if (static_cast<int>(out.size()) >= s.limit)
            break;
        out.push_back({{"id", h.id},
                       {"title", h.title},
                       {"snippet", kb::makeSnippet(h.text, q.highlight)},
                       {"score", std::round(h.score * 1000) / 1000},
                       {"lang", h.lang},
                       {"tags", json::parse(h.tags, nullptr, false)},
                       {"fuzzy", typoFallback}});
    }
    return out;
}

json SqliteKnowledgeStore::suggestForIntent(const std::string& intent,
                                            const std::optional<std::string>& lang, int limit) {
    auto st = db_.prepare(
        "SELECT id, title, body_text, lang, tags FROM kb_articles a WHERE EXISTS "
        "(SELECT 1 FROM json_each(a.tags) WHERE value = ?1) AND (?2 IS NULL OR lang = ?2) "
        "ORDER BY (helpful - not_helpful) DESC, title LIMIT ?3");
    st.bind(1, intent).bindOptional(2, lang).bind(3, limit);
    json out = json::array();
    while (st.step()) {
        out.push_back({{"id", st.text(0)},
                       {"title", st.text(1)},
                       {"snippet", kb::makeSnippet(st.text(2), {})},
                       {"lang", st.text(3)},
                       {"tags", json::parse(st.text(4), nullptr, false)}});
    }
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
