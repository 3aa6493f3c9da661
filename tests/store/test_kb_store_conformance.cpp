// The knowledge base on every engine: the same articles, the same queries, the same answers
// first — on SQLite (FTS5) and on PostgreSQL (tsvector), the latter in the throwaway cluster of
// tests/support/pg_cluster.h.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

#include "resources/embedded.h"
#include "server/kb/pg_knowledge_store.h"
#include "server/kb/sqlite_knowledge_store.h"
#include "server/routes/kb_presenter.h"
#include "tests/support/kb_demo_queries.h"
#include "tests/support/pg_cluster.h"
#include "tests/support/temp_dir.h"

namespace srv = agentdesk::server;
using nlohmann::json;

namespace {

struct KbEngine {
    std::string name;
    agentdesk::test::TempDir dir{"agentdesk-kb"};
    std::unique_ptr<srv::KnowledgeStore> kb;

    explicit KbEngine(std::string engine) : name(std::move(engine)) {
        if (name == "sqlite")
            kb = std::make_unique<srv::SqliteKnowledgeStore>((dir.path / "kb.db").string());
        else
            kb = std::make_unique<srv::PgKnowledgeStore>(
                agentdesk::test::sharedPgCluster().createDatabase());
    }
    void load(std::istream& lines) {
        std::string line;
        while (std::getline(lines, line)) {
            if (line.empty())
                continue;
            srv::ArticleInput input;
            REQUIRE(srv::parseArticle(json::parse(line), input).ok());
            kb->saveArticle(input, std::chrono::system_clock::now());
        }
    }
    void loadFixture() {
        std::ifstream in(std::string(AGENTDESK_TEST_FIXTURES) + "/kb_fixture.jsonl");
        REQUIRE(in);
        load(in);
    }
    json search(const std::string& q, std::optional<std::string> lang = std::nullopt,
                int limit = 10) {
        return srv::searchHitsJson(kb->search({q, limit, std::move(lang)}));
    }
    std::string top(const std::string& q, std::optional<std::string> lang = std::nullopt) {
        const json hits = search(q, std::move(lang));
        return hits.empty() ? std::string() : hits[0]["id"].get<std::string>();
    }
};

}  // namespace

TEST_CASE("kb conformance: Korean words, compounds, syllables, English and typos", "[store][kb]") {
    KbEngine e(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    INFO(e.name);
    e.loadFixture();
    CHECK(e.kb->articleCount() == 13);  // before the one added below
    CHECK(e.top("환불") == "fx-refund");
    CHECK(e.top("환불을") == "fx-refund");
    CHECK(e.top("환불해") == "fx-refund");
    CHECK(e.top("환불받는 방법") != "");
    CHECK(e.top("배송은") == "fx-delivery");
    CHECK(e.top("비밀번호변경") == "fx-password");
    CHECK(e.top("비밀번호 변경") == "fx-password");
    CHECK(e.top("카드 분실 신고") == "fx-card-lost");
    CHECK(e.top("카드분실") == "fx-card-lost");
    CHECK(e.top("배송") == "fx-delivery");
    CHECK(e.top("앱") == "fx-app");
    CHECK(e.top("OTP 재발급") == "fx-otp");
    CHECK(e.top("otp") == "fx-otp");
    CHECK(e.top("ARS 인증") == "fx-ars");
    CHECK(e.top("REFUND", "en") == "fx-en-refund");
    CHECK(e.top("refunds", "en") == "fx-en-refund");
    CHECK(e.top("tracking deliveries", "en") == "fx-en-delivery");
    for (const auto& h : e.search("password", "en"))
        CHECK(h["lang"] == "en");
    CHECK(e.top("요금제 변경") == "fx-plan");
    // Short English words are words too (no stop-word list): "out" of "log out".
    srv::ArticleInput logout;
    logout.id = "fx-en-logout";
    logout.title = "Signing out of every device";
    logout.body = "Log out of the app on a lost phone from the web page.";
    logout.lang = "en";
    e.kb->saveArticle(logout, std::chrono::system_clock::now());
    CHECK(e.top("log out", "en") == "fx-en-logout");
    CHECK(e.top("out", "en") == "fx-en-logout");
    CHECK(e.search("out", "en")[0]["fuzzy"] == false);
    const json hits = e.search("환불");
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0]["snippet"].get<std::string>().find("<mark>환불</mark>") != std::string::npos);
    CHECK(hits[0]["fuzzy"] == false);
    const json typo = e.search("비밀번흐변경");
    REQUIRE_FALSE(typo.empty());
    CHECK(typo[0]["id"] == "fx-password");
    CHECK(typo[0]["fuzzy"] == true);
    CHECK(e.search("zzqqxx").empty());
    for (const char* q : {"\"", "AND", "OR NOT", "NEAR(a b)", "*", "환불*", "^title", "title:환불",
                          "{title}", "'; DROP TABLE kb_articles; --", "a & b | !c", "'':*",
                          "\xF0\x9F\x98\x80 이모지", "a", "ㅎㅎ", "ＯＴＰ", "환불\t\n재발급"}) {
        INFO(q);
        CHECK(e.search(q).is_array());
    }
    CHECK(e.top("환불") == "fx-refund");
}

TEST_CASE("kb conformance: saving again replaces, feedback orders suggestions", "[store][kb]") {
    KbEngine e(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    INFO(e.name);
    e.loadFixture();
    for (int i = 0; i < 12; ++i) {
        srv::ArticleInput plan;
        plan.id = "fx-plan-" + std::to_string(i);
        plan.title = "요금제 변경 절차 " + std::to_string(i);
        plan.body = "요금제 요금제 변경은 매월 1일부터 적용됩니다.";
        e.kb->saveArticle(plan, std::chrono::system_clock::now());
    }
    srv::ArticleInput phonePlan;
    phonePlan.id = "fx-phone-plan";
    phonePlan.title = "휴대폰 요금제 변경 방법";
    phonePlan.body = "휴대폰 요금제는 앱에서 바꿀 수 있습니다.";
    phonePlan.tags = {"plan_change"};
    e.kb->saveArticle(phonePlan, std::chrono::system_clock::now());
    CHECK(e.top("폰 요금제") == "fx-phone-plan");
    CHECK(e.top("요금제 폰") == "fx-phone-plan");

    // Saved again under the same id: the old words are gone from the index.
    phonePlan.title = "멤버십 혜택 안내";
    phonePlan.body = "등급별 멤버십 혜택을 안내합니다.";
    e.kb->saveArticle(phonePlan, std::chrono::system_clock::now());
    CHECK(e.top("폰 요금제") != "fx-phone-plan");
    CHECK(e.top("멤버십 혜택") == "fx-phone-plan");
    const json typo = e.search("멤버쉽혜택");
    REQUIRE_FALSE(typo.empty());
    CHECK(typo[0]["id"] == "fx-phone-plan");
    const auto stored = e.kb->article("fx-phone-plan");
    REQUIRE(stored);
    CHECK(stored->title == "멤버십 혜택 안내");
    CHECK(stored->bodyHtml.find("<p>") != std::string::npos);

    CHECK(e.kb->feedback("fx-phone-plan", true));
    CHECK_FALSE(e.kb->feedback("no-such-article", true));
    CHECK(e.kb->article("fx-phone-plan")->helpful == 1);
    const auto suggested = e.kb->suggestForIntent("plan_change", std::string("ko"), 3);
    REQUIRE(suggested.size() == 3);             // fx-plan and fx-plan-data have the tag too
    CHECK(suggested[0].id == "fx-phone-plan");  // found helpful once
    CHECK(e.kb->suggestForIntent("plan_change", std::string("en"), 3).empty());
}

TEST_CASE("kb conformance: the demo knowledge base answers typical queries alike",
          "[store][kb][demo]") {
    KbEngine e(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    INFO(e.name);
    std::istringstream lines{std::string(agentdesk::resources::demoKnowledgeJsonl())};
    e.load(lines);
    for (const auto& expected : agentdesk::test::kbDemoQueries()) {
        INFO(expected.query);
        const json hits = e.search(
            expected.query, expected.lang.empty() ? std::nullopt : std::optional(expected.lang), 3);
        REQUIRE_FALSE(hits.empty());
        const json& top = hits[0];
        if (!expected.titleHas.empty())
            CHECK(top["title"].get<std::string>().find(expected.titleHas) != std::string::npos);
        if (!expected.tag.empty())
            CHECK(std::find(top["tags"].begin(), top["tags"].end(), expected.tag) !=
                  top["tags"].end());
    }
}
