#include <catch2/catch.hpp>

#include "server/kb/html_content.h"
#include "server/kb/text_index.h"

using namespace agentdesk::server::kb;

namespace {
bool hasToken(const std::string& tokens, const std::string& token) {
    return (" " + tokens + " ").find(" " + token + " ") != std::string::npos;
}
}  // namespace

TEST_CASE("Particles and endings are stripped from query words", "[kb][text]") {
    CHECK(stripKoreanEnding("환불을") == "환불");
    CHECK(stripKoreanEnding("환불해") == "환불");
    CHECK(stripKoreanEnding("환불받는") == "환불");
    CHECK(stripKoreanEnding("환불받고") == "환불");
    CHECK(stripKoreanEnding("비밀번호를") == "비밀번호");
    CHECK(stripKoreanEnding("요금제로") == "요금제");
    CHECK(stripKoreanEnding("환불") == "환불");  // two syllables always stay
    CHECK(stripKoreanEnding("카드가") == "카드");
    CHECK(stripKoreanEnding("잃어버렸어요") == "잃어버");
    CHECK(stripKoreanEnding("변경하려면") == "변경");
    CHECK(stripKoreanEnding("화면") == "화면");  // a noun, not an ending
    CHECK(stripKoreanEnding("신청하시려면") == "신청");
}

TEST_CASE("Hangul is indexed as bigrams, also across one space, Latin words pass through",
          "[kb][text]") {
    const std::string t = indexTokens("비밀번호 변경은 OTP-재발급");
    CHECK(hasToken(t, "비밀"));
    CHECK(hasToken(t, "번호"));
    CHECK(hasToken(t, "호변"));  // across the space
    CHECK(hasToken(t, "변경"));
    CHECK(hasToken(t, "OTP"));
    CHECK(hasToken(t, "재발"));
    CHECK(hasToken(t, "발급"));
    CHECK_FALSE(hasToken(t, "P재"));
    CHECK(hasToken(unigramTokens("뱅킹 앱"), "앱"));
    CHECK(hasToken(indexTokens("앱"), "앱"));
}

TEST_CASE("Queries: every word must match, one-syllable words use unigrams", "[kb][text]") {
    const SearchQuery q = parseQuery("OTP 재발급을");
    CHECK(q.allWords(false) == "{title body tags} : \"otp\" AND ((\"재발\" AND \"발급\"))");
    CHECK(q.allWords(true) == "{title tags} : \"otp\" AND ((\"재발\" AND \"발급\"))");
    CHECK(q.highlight == std::vector<std::string>{"otp", "재발급"});
    CHECK(parseQuery("앱").allWords(false) ==
          "({title body tags} : \"앱\" OR {tuni uni} : \"앱\")");
    CHECK(parseQuery("배송 안 와요").allWords(false) == "((\"배송\"))");
    CHECK(parseQuery("카드 잃어버렸어요").allWords(false) ==
          "((\"카드\")) AND ((\"잃어\" AND \"어버\") OR "
          "(\"분실\"))");
    CHECK(parseQuery("  ?! ").empty());
    CHECK(parseQuery("say \"hi\"").allWords(false) ==
          "{title body tags} : \"say\" AND {title body tags} : \"hi\"");
}

TEST_CASE("Snippets mark matches and escape the rest", "[kb][text]") {
    const std::string s = makeSnippet("카드 <b>환불</b>은 3~5일 걸립니다. 환불 문의", {"환불"});
    CHECK(s.find("<mark>환불</mark>") != std::string::npos);
    CHECK(s.find("&lt;b&gt;") != std::string::npos);
    CHECK(s.find("<b>") == std::string::npos);
}

TEST_CASE("Edit distance counts code points", "[kb][text]") {
    CHECK(editDistance(toU32("비밀번호"), toU32("비밀번흐")) == 1);
    CHECK(editDistance(toU32("refund"), toU32("refnud")) == 2);
    CHECK(editDistance(toU32(""), toU32("abc")) == 3);
    CHECK(editDistance(toJamo(toU32("환뷸")), toJamo(toU32("환불"))) == 1);  // ㅠ for ㅜ
    CHECK(editDistance(toJamo(toU32("환뷸")), toJamo(toU32("환및"))) == 3);
    CHECK(toJamo(toU32("각A")).size() == 4);
}

TEST_CASE("The sanitiser keeps content and drops everything active or remote", "[kb][html]") {
    const std::string dirty =
        "<h2 onclick=\"x()\">제목</h2><script>alert(1)</script><p "
        "style=\"background:url(http://x)\">"
        "본문 <a href=\"javascript:alert(1)\">링크</a> <a href=\"kb:fx-otp\">OTP</a></p>"
        "<img src=\"http://evil.example/t.png\" onerror=\"alert(1)\"><iframe "
        "src=\"http://x\"></iframe>"
        "<IMG SRC=\"data:image/png;base64,iVBORw0KGgo=\"><form><input name=a></form>"
        "<a href=\" JaVaScRiPt:alert(1)\">x</a><style>p{}</style><!-- c --><custom>텍스트</custom>";
    const std::string clean = sanitizeHtml(dirty);
    INFO(clean);
    CHECK(clean.find("<h2>제목</h2>") != std::string::npos);
    CHECK(clean.find("script") == std::string::npos);
    CHECK(clean.find("alert") == std::string::npos);
    CHECK(clean.find("onclick") == std::string::npos);
    CHECK(clean.find("onerror") == std::string::npos);
    CHECK(clean.find("style") == std::string::npos);
    CHECK(clean.find("iframe") == std::string::npos);
    CHECK(clean.find("evil.example") == std::string::npos);
    CHECK(clean.find("http://x") == std::string::npos);
    CHECK(clean.find("<form") == std::string::npos);
    CHECK(clean.find("href=\"kb:fx-otp\"") != std::string::npos);
    CHECK(clean.find("data:image/png") != std::string::npos);
    CHECK(clean.find("텍스트") != std::string::npos);
    CHECK(clean.find("<!--") == std::string::npos);
}

TEST_CASE("Markdown is converted without raw HTML", "[kb][html]") {
    const std::string html =
        markdownToHtml("# 제목\n\n1. 단계\n\n<script>x</script>\n\n[링크](javascript:alert(1))");
    INFO(html);
    CHECK(html.find("<h1>제목</h1>") != std::string::npos);
    CHECK(html.find("<ol>") != std::string::npos);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(sanitizeHtml(html).find("javascript") == std::string::npos);
    CHECK(htmlToText("<h1>제목</h1><p>본문 <b>굵게</b></p>") == "제목\n본문 굵게");
    CHECK(looksLikeHtml("  <p>x</p>"));
    CHECK_FALSE(looksLikeHtml("# heading"));
}

TEST_CASE("Markdown bodies are indexed as their text: no table pipes, rules or bold markers",
          "[kb][html]") {
    const std::string text = markdownToText(
        "## 일할 계산\n\n"
        "요금이 **날짜 비율(일할)**로 계산됩니다. __기간__은 화면 그대로 읽습니다.\n"
        "| 항목 | **금액** |\n"
        "|---|:--:|\n"
        "| 5G 슬림 | `18,333원` |\n"
        "| 합계 | 77,666원 |\n\n"
        "---\n\n"
        "- [청구 내역](kb:kb-ko-001) 확인\n"
        "- 5 * 3 = 15\n\n"
        "<div>raw</div>\n\n"
        "a | b 는 표가 아닙니다");
    INFO(text);
    CHECK(text ==
          "일할 계산\n"
          "요금이 날짜 비율(일할)로 계산됩니다. 기간은 화면 그대로 읽습니다.\n"
          "항목 금액\n"
          "5G 슬림 18,333원\n"
          "합계 77,666원\n"
          "청구 내역 확인\n"
          "5 * 3 = 15\n"
          "a | b 는 표가 아닙니다");
    CHECK(markdownToText("**'일할'**은 ***날짜(일)***로, __기간(월)__은") ==
          "'일할'은 날짜(일)로, 기간(월)은");
    // Masked numbers keep their asterisks.
    CHECK(markdownToText("| 항목 | 표시 예 |\n|---|---|\n| 휴대폰 | 010-****-5678 |\n"
                         "| 계좌 | 110-***-***789 |\n| 카드 | 9410-94**-****-2572 |\n"
                         "| 성명 | 김*준 |") ==
          "항목 표시 예\n휴대폰 010-****-5678\n계좌 110-***-***789\n카드 9410-94**-****-2572\n"
          "성명 김*준");
    // A header row whose cells do not match the delimiter row is no table (GFM).
    CHECK(markdownToText("| a | b |\n|---|") == "| a | b |\n|---|");
    CHECK(markdownToText("") == "");

    // Bodies stored before: the text is rendered again from their HTML.
    const std::string md =
        "요금이 **날짜 비율(일할)**로 계산됩니다.\n\n"
        "| 항목 | **금액** |\n|---|---|\n| 합계 | 1원 |";
    const std::string html = sanitizeHtml(markdownToHtml(md));
    REQUIRE(htmlToText(html).find("|---|---|") != std::string::npos);  // what was indexed
    CHECK(markdownHtmlToText(html) == markdownToText(md));
}

TEST_CASE("Question words are optional: they never make a query fail", "[kb][text]") {
    const SearchQuery q = parseQuery("환불받는 방법");
    CHECK(q.allWords(false) == "((\"환불\"))");
    CHECK(q.anyWord().find("방법") != std::string::npos);
    CHECK(parseQuery("how to reset my password").allWords(false) ==
          "{title body tags} : \"reset\" AND {title body tags} : \"password\"");
    CHECK(parseQuery("방법").allWords(false) == "((\"방법\"))");
    CHECK(parseQuery("교환 신청을 원하시면").allWords(false) == "((\"교환\")) AND ((\"신청\"))");
}
