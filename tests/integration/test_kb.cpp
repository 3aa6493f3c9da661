// Knowledge search over real HTTP on a small fixture corpus (tests/fixtures/kb_fixture.jsonl).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "tests/support/kb_demo_queries.h"
#include "tests/support/test_server.h"

using namespace agentdesk::test;
using nlohmann::json;

namespace {

std::string fixturePath() {
    return std::string(AGENTDESK_TEST_FIXTURES) + "/kb_fixture.jsonl";
}

TestServerOptions fixtureOnly() {
    TestServerOptions o;
    o.demoKnowledge = false;
    return o;
}

// A server whose knowledge base holds exactly the fixture articles.
struct KbServer {
    TestServer server{fixtureOnly()};
    HttpClient trainer = server.loggedIn("trainer1");
    HttpClient agent = server.loggedIn("counselor1");
    KbServer() {
        std::ifstream in(fixturePath());
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty())
                continue;
            auto r = trainer.post("/api/v1/kb/articles", json::parse(line));
            if (r.status != 201 && r.status != 200)
                throw std::runtime_error("fixture import failed: " + r.body);
        }
    }
    json search(const std::string& q, const std::string& extra = "") {
        auto r = agent.get("/api/v1/kb/search?q=" + urlEncode(q) + extra);
        REQUIRE(r.status == 200);
        return r.json();
    }
    std::string top(const std::string& q, const std::string& extra = "") {
        auto hits = search(q, extra);
        return hits.empty() ? std::string() : hits[0]["id"].get<std::string>();
    }
};

}  // namespace

TEST_CASE("Korean words with particles and endings find the article", "[integration][kb]") {
    KbServer kb;
    CHECK(kb.top("환불") == "fx-refund");
    CHECK(kb.top("환불을") == "fx-refund");
    CHECK(kb.top("환불해") == "fx-refund");
    CHECK(kb.top("환불받는 방법") != "");
    CHECK(kb.top("배송은") == "fx-delivery");
}

TEST_CASE("Compounds written without spaces match spaced text and the other way round",
          "[integration][kb]") {
    KbServer kb;
    CHECK(kb.top("비밀번호변경") == "fx-password");
    CHECK(kb.top("비밀번호 변경") == "fx-password");
    CHECK(kb.top("카드 분실 신고") == "fx-card-lost");
    CHECK(kb.top("카드분실") == "fx-card-lost");
}

TEST_CASE("Two-syllable, one-syllable and mixed-script queries", "[integration][kb]") {
    KbServer kb;
    CHECK(kb.top("배송") == "fx-delivery");
    CHECK(kb.top("앱") == "fx-app");
    CHECK(kb.top("OTP 재발급") == "fx-otp");
    CHECK(kb.top("otp") == "fx-otp");
    CHECK(kb.top("ARS 인증") == "fx-ars");
}

TEST_CASE("English: case, plurals, language filter", "[integration][kb]") {
    KbServer kb;
    CHECK(kb.top("REFUND", "&lang=en") == "fx-en-refund");
    CHECK(kb.top("refunds", "&lang=en") == "fx-en-refund");
    CHECK(kb.top("tracking deliveries", "&lang=en") == "fx-en-delivery");
    for (const auto& h : kb.search("password", "&lang=en"))
        CHECK(h["lang"] == "en");
    for (const auto& h : kb.search("환불", "&lang=ko"))
        CHECK(h["lang"] == "ko");
}

TEST_CASE("The article whose title is the query comes first, snippets mark matches",
          "[integration][kb]") {
    KbServer kb;
    CHECK(kb.top("요금제 변경") == "fx-plan");
    auto hits = kb.search("환불");
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0]["snippet"].get<std::string>().find("<mark>환불</mark>") != std::string::npos);
    CHECK(hits[0]["score"].is_number());
}

TEST_CASE("Snippets of a Markdown article are its text: no table pipes, rules or bold markers",
          "[integration][kb]") {
    KbServer kb;
    const std::string body =
        "요금제를 바꾼 달에는 요금이 **날짜 비율(일할)**로 계산됩니다.\n\n"
        "| 요금제 | **일할 요금** |\n"
        "|---|---:|\n"
        "| 5G 슬림 | 18,333원 |\n"
        "| 5G 프리미엄 | 59,333원 |\n";
    REQUIRE(kb.trainer
                .post("/api/v1/kb/articles",
                      {{"id", "fx-prorate"}, {"title", "일할 계산 안내"}, {"body", body}})
                .status == 201);
    for (const char* q : {"날짜 비율", "일할 요금 슬림", "프리미엄"}) {
        const json hits = kb.search(q);
        REQUIRE_FALSE(hits.empty());
        CHECK(hits[0]["id"] == "fx-prorate");
        const std::string snippet = hits[0]["snippet"];
        INFO(q << ": " << snippet);
        CHECK(snippet.find('|') == std::string::npos);
        CHECK(snippet.find("---") == std::string::npos);
        CHECK(snippet.find("**") == std::string::npos);
        CHECK(snippet.find("18,333원") != std::string::npos);
        CHECK(snippet.find("<mark>") != std::string::npos);
    }
    CHECK(kb.search("날짜 비율")[0]["snippet"].get<std::string>().find(
              "<mark>날짜</mark> <mark>비율</mark>(일할)로") != std::string::npos);
    // The article itself keeps its markup as HTML.
    const std::string html = kb.agent.get("/api/v1/kb/articles/fx-prorate").json()["bodyHtml"];
    CHECK(html.find("<strong>일할 요금</strong>") != std::string::npos);
}

TEST_CASE("A typo still finds the title", "[integration][kb]") {
    KbServer kb;
    auto hits = kb.search("비밀번흐변경");
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0]["id"] == "fx-password");
    CHECK(hits[0]["fuzzy"] == true);
    CHECK(kb.search("zzqqxx").empty());
}

TEST_CASE("A typo finds an article saved after the first typo search", "[integration][kb]") {
    KbServer kb;
    CHECK(kb.search("멤버쉽혜택").empty());  // builds the typo index; nothing close yet
    REQUIRE(kb.trainer
                .post("/api/v1/kb/articles", {{"id", "fx-membership"},
                                              {"title", "멤버십 혜택 안내"},
                                              {"body", "등급별 멤버십 혜택을 안내합니다."},
                                              {"lang", "ko"}})
                .status == 201);
    // The search runs on the store pool's own connection: its typo index sees the new title.
    const auto hits = kb.search("멤버쉽혜택");
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0]["id"] == "fx-membership");
    CHECK(hits[0]["fuzzy"] == true);
}

TEST_CASE("A one-syllable word beside others finds the titles that hold it", "[integration][kb]") {
    KbServer kb;
    // Many titles about 요금제 alone, one about the phone's: 폰 must count.
    for (int i = 0; i < 12; ++i) {
        REQUIRE(kb.trainer
                    .post("/api/v1/kb/articles",
                          {{"id", "fx-plan-" + std::to_string(i)},
                           {"title", "요금제 변경 절차 " + std::to_string(i)},
                           {"body", "요금제 요금제 변경은 매월 1일부터 적용됩니다."},
                           {"lang", "ko"}})
                    .status == 201);
    }
    REQUIRE(kb.trainer
                .post("/api/v1/kb/articles", {{"id", "fx-phone-plan"},
                                              {"title", "휴대폰 요금제 변경 방법"},
                                              {"body", "휴대폰 요금제는 앱에서 바꿀 수 있습니다."},
                                              {"lang", "ko"}})
                .status == 201);
    CHECK(kb.top("폰 요금제") == "fx-phone-plan");
    CHECK(kb.top("요금제 폰") == "fx-phone-plan");
}

TEST_CASE("Intent suggestions, articles, feedback, roles and bad input", "[integration][kb]") {
    KbServer kb;
    auto suggested = kb.agent.get("/api/v1/kb/search?intent=card_lost&lang=ko").json();
    bool found = false;
    for (const auto& a : suggested)
        found = found || a["id"] == "fx-card-lost";
    CHECK(found);
    auto article = kb.agent.get("/api/v1/kb/articles/fx-refund");
    REQUIRE(article.status == 200);
    CHECK(article.json()["bodyHtml"].get<std::string>().find("<ol>") != std::string::npos);
    CHECK(kb.agent.get("/api/v1/kb/articles/nope").status == 404);
    auto fb = kb.agent.post("/api/v1/kb/articles/fx-refund/feedback", {{"helpful", true}});
    REQUIRE(fb.status == 200);
    CHECK(fb.json()["helpful"] == 1);
    CHECK(kb.agent.post("/api/v1/kb/articles/nope/feedback", {{"helpful", true}}).status == 404);
    CHECK(kb.agent.post("/api/v1/kb/articles/fx-refund/feedback", {{"helpful", "yes"}}).status ==
          400);
    CHECK(kb.agent.post("/api/v1/kb/articles", {{"title", "t"}, {"body", "b"}}).status == 403);
    CHECK(kb.trainer.post("/api/v1/kb/articles", {{"title", "t"}}).status == 422);
    CHECK(kb.trainer.post("/api/v1/kb/articles", {{"title", 1}, {"body", "b"}}).status == 400);
    CHECK(kb.agent.get("/api/v1/kb/search").status == 400);
    CHECK(kb.agent.get("/api/v1/kb/search?q=x&limit=0").status == 400);
    CHECK(kb.agent.get("/api/v1/kb/search?q=x&lang=fr").status == 400);
}

TEST_CASE("Articles posted with active content are stored sanitised", "[integration][kb]") {
    KbServer kb;
    auto r = kb.trainer.post(
        "/api/v1/kb/articles",
        {{"id", "fx-dirty"},
         {"title", "위험한 문서"},
         {"body",
          "<p onmouseover=\"steal()\">내용</p><script>steal()</script>"
          "<img src=\"https://tracker.example/p.gif\"><a href=\"javascript:steal()\">x</a>"},
         {"lang", "ko"}});
    REQUIRE(r.status == 201);
    const std::string html = kb.agent.get("/api/v1/kb/articles/fx-dirty").json()["bodyHtml"];
    INFO(html);
    CHECK(html.find("steal") == std::string::npos);
    CHECK(html.find("tracker.example") == std::string::npos);
    CHECK(html.find("내용") != std::string::npos);
    CHECK(kb.top("위험한") == "fx-dirty");
}

TEST_CASE("A ringing call carries article suggestions for its intent", "[integration][kb]") {
    KbServer kb;
    EventCollector events(kb.server.url(), kb.agent.token());
    REQUIRE(kb.agent.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    kb.server.injectCall({{"customerId", "C00001"}, {"queue", "card"}, {"intent", "card_lost"}});
    const int offer = events.waitForType("call.offered");
    REQUIRE(offer >= 0);
    const json suggested = events.events()[offer].data["suggestedArticles"];
    REQUIRE(suggested.is_array());
    REQUIRE_FALSE(suggested.empty());
    for (const auto& a : suggested) {
        bool tagged = false;
        for (const auto& t : a["tags"])
            tagged = tagged || t == "card_lost";
        CHECK(tagged);
    }
}

TEST_CASE("Queries with search-engine syntax or odd characters are plain text, never errors",
          "[integration][kb]") {
    KbServer kb;
    for (const char* q : {"\"", "AND", "OR NOT", "NEAR(a b)", "*", "환불*", "^title", "title:환불",
                          "{title}", "'; DROP TABLE kb_articles; --", "\xF0\x9F\x98\x80 이모지",
                          "a", "ㅎㅎ", "ＯＴＰ", "환불\t\n재발급", "123-456"}) {
        INFO(q);
        CHECK(kb.search(q).is_array());
    }
    CHECK(kb.top("환불") == "fx-refund");  // still all there
}

TEST_CASE("The demo knowledge base answers typical counselor queries", "[integration][kb][demo]") {
    TestServer server;
    HttpClient agent = server.loggedIn("counselor1");
    for (const auto& expected : kbDemoQueries()) {
        INFO(expected.query);
        const std::string lang = expected.lang.empty() ? "" : "&lang=" + expected.lang;
        const auto r = agent.get("/api/v1/kb/search?limit=3&q=" + urlEncode(expected.query) + lang);
        REQUIRE(r.status == 200);
        const json hits = r.json();
        REQUIRE_FALSE(hits.empty());
        const json& top = hits[0];
        if (!expected.titleHas.empty())
            CHECK(top["title"].get<std::string>().find(expected.titleHas) != std::string::npos);
        if (!expected.tag.empty())
            CHECK(std::find(top["tags"].begin(), top["tags"].end(), expected.tag) !=
                  top["tags"].end());
    }
    // Every article's links point at articles that exist.
    auto article = agent.get("/api/v1/kb/articles/kb-ko-075").json();
    const std::string html = article["bodyHtml"];
    std::size_t pos = 0;
    int links = 0;
    while ((pos = html.find("href=\"kb:", pos)) != std::string::npos) {
        pos += 9;
        const std::string id = html.substr(pos, html.find('"', pos) - pos);
        CHECK(agent.get("/api/v1/kb/articles/" + id).status == 200);
        ++links;
    }
    CHECK(links >= 2);
}
