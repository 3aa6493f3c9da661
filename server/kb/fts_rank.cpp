#include "server/kb/fts_rank.h"

#include "common/sqlite_db.h"

#include <sqlite3.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <functional>
#include <queue>

namespace agentdesk::server::kb {

namespace {
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr std::size_t kMaxPhrases = 100000;  // counts kept, a few MiB at most

// One query's constants and its best scores so far (a min-heap of at most `limit`).
struct RankState {
    std::vector<double> weights;  // per column
    std::vector<double> idf;      // per phrase
    std::vector<double> freq;     // per phrase, this row's weighted hits
    std::vector<int> columnEnd;   // per column, this row's last hit's position + 1
    double avgLength = 1;
    std::size_t limit = 0;
    std::priority_queue<double, std::vector<double>, std::greater<>> best;
};

// bm25()'s inverse document frequency: never zero or negative, so a very common phrase
// still counts a little.
double idfOf(std::int64_t rows, std::int64_t matching) {
    const double idf = std::log((static_cast<double>(rows - matching) + 0.5) /
                                (static_cast<double>(matching) + 0.5));
    return idf > 0 ? idf : 1e-6;
}

RankState* stateOf(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx,
                   sqlite3_value** args, int argCount) {
    if (auto* state = static_cast<RankState*>(api->xGetAuxdata(fts, 0)))
        return state;
    if (argCount < 2) {
        sqlite3_result_error(ctx, "kb_rank: limit and frequencies are required", -1);
        return nullptr;
    }
    auto state = std::make_unique<RankState>();
    state->limit = static_cast<std::size_t>(std::max(1, sqlite3_value_int(args[0])));
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
    if (api->xRowCount(fts, &rows) != SQLITE_OK ||
        api->xColumnTotalSize(fts, -1, &tokens) != SQLITE_OK) {
        sqlite3_result_error(ctx, "kb_rank: cannot read the index's totals", -1);
        return nullptr;
    }
    state->avgLength = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1;
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[1]));
    const std::string_view dfs = text ? text : "";
    for (std::size_t pos = 0; pos < dfs.size();) {
        while (pos < dfs.size() && dfs[pos] == ' ')
            ++pos;
        std::int64_t df = 0;
        const auto [end, ec] = std::from_chars(dfs.data() + pos, dfs.data() + dfs.size(), df);
        if (ec != std::errc()) {
            if (pos < dfs.size()) {
                sqlite3_result_error(ctx, "kb_rank: frequencies are numbers", -1);
                return nullptr;
            }
            break;
        }
        state->idf.push_back(idfOf(rows, df));
        pos = static_cast<std::size_t>(end - dfs.data());
    }
    if (static_cast<int>(state->idf.size()) != api->xPhraseCount(fts)) {
        sqlite3_result_error(ctx, "kb_rank: one frequency per phrase", -1);
        return nullptr;
    }
    state->freq.assign(state->idf.size(), 0);
    state->weights.assign(static_cast<std::size_t>(api->xColumnCount(fts)), 1.0);
    state->columnEnd.assign(state->weights.size(), 0);
    for (int i = 2; i < argCount && i - 2 < static_cast<int>(state->weights.size()); ++i)
        state->weights[static_cast<std::size_t>(i - 2)] = sqlite3_value_double(args[i]);
    RankState* raw = state.release();
    if (api->xSetAuxdata(fts, raw, [](void* p) { delete static_cast<RankState*>(p); }) !=
        SQLITE_OK) {
        sqlite3_result_error_nomem(ctx);
        return nullptr;
    }
    return raw;
}

void rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argCount,
          sqlite3_value** args) {
    RankState* state = stateOf(api, fts, ctx, args, argCount);
    if (!state)
        return;
    std::fill(state->freq.begin(), state->freq.end(), 0.0);
    int hits = 0;
    if (api->xInstCount(fts, &hits) != SQLITE_OK) {
        sqlite3_result_error(ctx, "kb_rank: cannot read the row's hits", -1);
        return;
    }
    // Each column is at least as long as its last hit's position: a lower bound of the row's
    // length, known without looking it up.
    std::fill(state->columnEnd.begin(), state->columnEnd.end(), 0);
    for (int i = 0; i < hits; ++i) {
        int phrase = 0, column = 0, offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) != SQLITE_OK)
            continue;
        const auto c = static_cast<std::size_t>(column);
        state->freq[static_cast<std::size_t>(phrase)] += state->weights[c];
        state->columnEnd[c] = std::max(state->columnEnd[c], offset + 1);
    }
    int atLeast = 0;
    for (int end : state->columnEnd)
        atLeast += end;
    // Scores only fall as the length grows: none can be above the score at that shortest length.
    const double shortest = kK1 * (1 - kB + kB * static_cast<double>(atLeast) / state->avgLength);
    double bound = 0;
    for (std::size_t p = 0; p < state->freq.size(); ++p) {
        const double f = state->freq[p];
        bound += state->idf[p] * f * (kK1 + 1) / (f + shortest);
    }
    if (state->best.size() >= state->limit && bound < state->best.top()) {
        sqlite3_result_double(ctx, -bound);  // below the limit's last row whatever its length
        return;
    }
    int length = 0;
    if (api->xColumnSize(fts, -1, &length) != SQLITE_OK) {
        sqlite3_result_error(ctx, "kb_rank: cannot read the row's length", -1);
        return;
    }
    const double norm = kK1 * (1 - kB + kB * static_cast<double>(length) / state->avgLength);
    double score = 0;
    for (std::size_t p = 0; p < state->freq.size(); ++p) {
        const double f = state->freq[p];
        score += state->idf[p] * f * (kK1 + 1) / (f + norm);
    }
    state->best.push(score);
    if (state->best.size() > state->limit)
        state->best.pop();
    sqlite3_result_double(ctx, -score);
}

fts5_api* fts5Of(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return api;
}

bool isNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}
}  // namespace

void registerRankFunction(sqlite3* db) {
    fts5_api* api = fts5Of(db);
    if (!api || api->xCreateFunction(api, "kb_rank", nullptr, rank, nullptr) != SQLITE_OK)
        throw SqliteError("cannot register kb_rank: this SQLite has no FTS5");
}

std::vector<std::string> matchPhrases(std::string_view m) {
    std::vector<std::string> out;
    std::vector<std::string> groups;  // the column filter of each open parenthesis
    std::string pending;              // a filter waiting for its phrase or group
    auto filter = [&] { return !pending.empty() ? pending : groups.empty() ? "" : groups.back(); };
    auto afterColon = [&](std::size_t i) {
        while (i < m.size() && m[i] == ' ')
            ++i;
        return i < m.size() && m[i] == ':' ? i + 1 : std::string_view::npos;
    };
    std::size_t i = 0;
    while (i < m.size()) {
        const char c = m[i];
        if (c == '"') {
            std::string phrase = "\"";
            std::size_t j = i + 1;
            for (; j < m.size(); ++j) {
                if (m[j] == '"' && j + 1 < m.size() && m[j + 1] == '"') {
                    phrase += "\"\"";
                    ++j;
                } else if (m[j] == '"') {
                    break;
                } else {
                    phrase += m[j];
                }
            }
            phrase += '"';
            const std::string f = filter();
            out.push_back(f.empty() ? phrase : f + " : " + phrase);
            pending.clear();
            i = j + 1;
        } else if (c == '(') {
            groups.push_back(filter());
            pending.clear();
            ++i;
        } else if (c == ')') {
            if (!groups.empty())
                groups.pop_back();
            ++i;
        } else if (c == '{') {
            const std::size_t close = m.find('}', i);
            if (close == std::string_view::npos)
                break;
            const std::size_t next = afterColon(close + 1);
            pending = std::string(m.substr(i, close - i + 1));
            i = next == std::string_view::npos ? close + 1 : next;
        } else if (isNameChar(c)) {
            std::size_t j = i;
            while (j < m.size() && isNameChar(m[j]))
                ++j;
            const std::size_t next = afterColon(j);
            if (next != std::string_view::npos) {  // a column name; else AND, OR, NOT
                pending = std::string(m.substr(i, j - i));
                j = next;
            }
            i = j;
        } else {
            ++i;
        }
    }
    return out;
}

std::string PhraseStats::frequencies(SqliteDb& db, const std::string& table, std::string_view match,
                                     const std::string& version) {
    if (version != version_ || rows_.size() > kMaxPhrases) {
        rows_.clear();
        version_ = version;
    }
    std::string out;
    for (const auto& phrase : matchPhrases(match)) {
        const std::string key = table + '\n' + phrase;
        auto it = rows_.find(key);
        if (it == rows_.end()) {
            auto count =
                db.prepare("SELECT count(*) FROM " + table + " WHERE " + table + " MATCH ?");
            count.bind(1, phrase);
            const std::int64_t n = count.step() ? count.integer(0) : 0;
            count.reset();
            it = rows_.emplace(key, n).first;
        }
        out += (out.empty() ? "" : " ") + std::to_string(it->second);
    }
    return out;
}

}  // namespace agentdesk::server::kb
