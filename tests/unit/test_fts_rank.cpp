#include <catch2/catch.hpp>

#include "common/sqlite_db.h"
#include "server/kb/fts_rank.h"

#include <map>
#include <random>
#include <string>
#include <vector>

using agentdesk::SqliteDb;
using agentdesk::SqliteError;
using namespace agentdesk::server::kb;

TEST_CASE("The phrases of a MATCH expression come in FTS5's order with their column filter",
          "[kb][rank]") {
    CHECK(matchPhrases(R"((("요금" AND "금제") AND ({title tags} : "폰" OR tuni : "폰")))"
                       R"( AND lang : "langko")") ==
          std::vector<std::string>{R"("요금")", R"("금제")", R"({title tags} : "폰")",
                                   R"(tuni : "폰")", R"(lang : "langko")"});
    // A filter before a group applies to every phrase inside it, and only there.
    CHECK(matchPhrases(R"({title body} : ("a" OR ("b" AND "c")) AND "d")") ==
          std::vector<std::string>{R"({title body} : "a")", R"({title body} : "b")",
                                   R"({title body} : "c")", R"("d")"});
    // A doubled quote is part of the phrase; AND, OR and NOT are not column names.
    CHECK(matchPhrases(R"("say ""hi""" NOT "x")") ==
          std::vector<std::string>{R"("say ""hi""")", R"("x")"});
    CHECK(matchPhrases("").empty());
}

namespace {
// A contentless three-column index like the knowledge base's, of random words.
void fill(SqliteDb& db, int rows) {
    db.exec("CREATE VIRTUAL TABLE t USING fts5(a, b, c, content = '')");
    const std::vector<std::string> words = {"alpha", "beta",  "gamma", "delta", "kappa",
                                            "omega", "sigma", "theta", "zeta",  "rho"};
    std::mt19937 rng(7);
    auto text = [&](int maxWords) {
        std::string out;
        const int n = static_cast<int>(rng() % static_cast<unsigned>(maxWords)) + 1;
        for (int i = 0; i < n; ++i)
            out += words[(rng() % words.size() + rng() % 3) % words.size()] + " ";
        return out;
    };
    for (int i = 1; i <= rows; ++i) {
        auto st = db.prepare("INSERT INTO t(rowid, a, b, c) VALUES(?, ?, ?, ?)");
        st.bind(1, i).bind(2, text(4)).bind(3, text(40)).bind(4, text(6));
        st.run();
    }
}

std::map<std::int64_t, double> bm25Scores(SqliteDb& db, const std::string& match) {
    std::map<std::int64_t, double> out;
    auto st = db.prepare("SELECT rowid, bm25(t, 5.0, 1.0, 2.0) FROM t WHERE t MATCH ?");
    st.bind(1, match);
    while (st.step())
        out[st.integer(0)] = st.real(1);
    return out;
}

std::vector<std::int64_t> topBy(SqliteDb& db, const std::string& function, const std::string& match,
                                int limit, PhraseStats& stats) {
    auto st = db.prepare("SELECT rowid, " + function +
                         " AS r FROM t WHERE t MATCH ?1 ORDER BY r LIMIT ?2");
    st.bind(1, match).bind(2, limit);
    if (function.rfind("kb_rank", 0) == 0)
        st.bind(3, stats.frequencies(db, "t", match, "1"));
    std::vector<std::int64_t> out;
    while (st.step())
        out.push_back(st.integer(0));
    return out;
}
}  // namespace

TEST_CASE("kb_rank puts the same rows first as FTS5's bm25, and skips lengths it cannot need",
          "[kb][rank]") {
    SqliteDb db(":memory:");
    registerRankFunction(db.handle());
    fill(db, 2000);
    PhraseStats stats;
    const std::vector<std::string> queries = {
        R"("alpha")",
        R"("alpha" AND "beta")",
        R"("gamma" OR "omega")",
        R"({a c} : "delta" AND "rho")",
        R"(("sigma" AND "theta") OR (b : "zeta"))",
        R"("kappa" AND "alpha" AND "beta" AND "omega")",
    };
    for (const auto& match : queries) {
        const auto scores = bm25Scores(db, match);
        for (int limit : {1, 5, 10, 50}) {
            INFO(match << " limit " << limit);
            const auto expected = topBy(db, "bm25(t, 5.0, 1.0, 2.0)", match, limit, stats);
            const auto got = topBy(db, "kb_rank(t, ?2, ?3, 5.0, 1.0, 2.0)", match, limit, stats);
            REQUIRE(got.size() == expected.size());
            // The same scores in the same order (rows with equal scores may swap).
            for (std::size_t i = 0; i < got.size(); ++i)
                CHECK(scores.at(got[i]) == Approx(scores.at(expected[i])).epsilon(1e-9));
        }
    }
    // The first row's score is bm25's own.
    auto st = db.prepare(
        "SELECT kb_rank(t, 1, ?2, 5.0, 1.0, 2.0) AS r FROM t WHERE t MATCH ?1 ORDER BY r "
        "LIMIT 1");
    st.bind(1, R"("alpha")").bind(2, stats.frequencies(db, "t", R"("alpha")", "1"));
    REQUIRE(st.step());
    const auto scores = bm25Scores(db, R"("alpha")");
    double best = 0;
    for (const auto& [rowid, score] : scores)
        best = std::min(best, score);
    CHECK(st.real(0) == Approx(best).epsilon(1e-9));
}

TEST_CASE("kb_rank refuses frequencies that do not fit the query", "[kb][rank]") {
    SqliteDb db(":memory:");
    registerRankFunction(db.handle());
    fill(db, 20);
    auto run = [&](const std::string& frequencies) {
        auto st =
            db.prepare("SELECT kb_rank(t, 5, ?2) AS r FROM t WHERE t MATCH ?1 ORDER BY r LIMIT 5");
        st.bind(1, R"("alpha" OR "beta")").bind(2, frequencies);
        st.run();
    };
    CHECK_THROWS_AS(run("3"), SqliteError);  // two phrases, one count
    CHECK_THROWS_AS(run("3 x"), SqliteError);
    CHECK_NOTHROW(run("3 4"));
}

TEST_CASE("Phrase counts are kept until the articles change", "[kb][rank]") {
    SqliteDb db(":memory:");
    registerRankFunction(db.handle());
    fill(db, 50);
    PhraseStats stats;
    const std::string before = stats.frequencies(db, "t", R"("alpha" AND a : "beta")", "1");
    auto count = [&](const std::string& match) {
        auto st = db.prepare("SELECT count(*) FROM t WHERE t MATCH ?");
        st.bind(1, match);
        REQUIRE(st.step());
        return std::to_string(st.integer(0));
    };
    CHECK(before == count(R"("alpha")") + " " + count(R"(a : "beta")"));
    db.exec("INSERT INTO t(rowid, a, b, c) VALUES(1000, 'alpha', 'alpha', 'alpha')");
    CHECK(stats.frequencies(db, "t", R"("alpha" AND a : "beta")", "1") == before);  // kept
    const std::string after = stats.frequencies(db, "t", R"("alpha" AND a : "beta")", "2");
    CHECK(after == count(R"("alpha")") + " " + count(R"(a : "beta")"));
    CHECK(after != before);
}
