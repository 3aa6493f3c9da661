// POST /assist/analyze through real HTTP: the whole analysis, masking, suggestions from the
// knowledge base, bad input refused with nothing stored (docs/assist.md).
#include <catch2/catch.hpp>

#include <string>

#include "tests/support/test_server.h"

using namespace agentdesk::test;
using nlohmann::json;

namespace {

json line(const char* speaker, const std::string& text) {
    return {{"speaker", speaker}, {"text", text}};
}

}  // namespace

TEST_CASE("assist: a transcript analysed in one request", "[integration][assist]") {
    TestServer server;
    const HttpClient agent = server.loggedIn("counselor1");
    const json body = {
        {"lang", "ko"},
        {"queue", "card"},
        {"intent", "card_lost"},
        {"lines",
         {line("agent", "감사합니다, 상담원 김하늘입니다. 통화는 녹음됩니다."),
          line("customer", "카드를 잃어버렸어요. 제 번호는 010-1234-5678이에요."),
          line("customer", "아 씨발 진짜 빨리 좀 해요"),
          line(
              "agent",
              "끝자리 4821 카드 사용 정지 처리했습니다. 3월 5일까지 재발급 카드 보내드리겠습니다."),
          line("customer", "카드 분실 신고 방법이랑 재발급 기간 알려 주세요")}}};
    const auto r = agent.post("/api/v1/assist/analyze", body);
    REQUIRE(r.status == 200);
    const json a = r.json();
    INFO(a.dump(2));
    REQUIRE(a["wrapup"].size() >= 1);
    CHECK(a["wrapup"].size() <= 3);
    CHECK(a["wrapup"][0]["code"] == "CARD_LOST");
    CHECK(a["lines"][1]["text"] == "카드를 잃어버렸어요. 제 번호는 010-****-5678이에요.");
    REQUIRE(a["abusive"].size() == 1);
    CHECK(a["abusive"][0]["index"] == 2);
    CHECK(a["abusive"][0]["category"] == "profanity");
    CHECK(a["sentiment"]["lines"].size() == 5);
    CHECK(a["sentiment"]["overall"].is_string());
    bool recordingNotice = false;
    for (const auto& item : a["checklist"]) {
        if (item["id"] == "recording_notice") {
            recordingNotice = item["done"].get<bool>();
            CHECK(item["index"] == 0);
        }
    }
    CHECK(recordingNotice);
    CHECK(a["draft"]["wrapupCode"] == "CARD_LOST");
    const std::string draft = a["draft"]["text"];
    CHECK(draft.find("4821") != std::string::npos);
    CHECK(draft.find("3월 5일") != std::string::npos);
    CHECK(draft.find("010-1234") == std::string::npos);
    // Drafted on the wrap-up code's note template (resources/demo/center.json).
    CHECK(draft.find("사용 정지 처리: 완료") != std::string::npos);
    CHECK(draft.find("재발급 여부:") != std::string::npos);
    // The demo knowledge base has articles on lost cards.
    REQUIRE(!a["suggestions"].empty());
    CHECK(a["suggestions"][0]["articleId"].is_string());
    CHECK(a["suggestions"][0]["score"].get<double>() >= 0.35);

    // Same input, byte-identical output.
    CHECK(agent.post("/api/v1/assist/analyze", body).body == r.body);
}

TEST_CASE("assist: bad input is refused with a clear error", "[integration][assist]") {
    TestServer server;
    const HttpClient agent = server.loggedIn("counselor1");
    auto status = [&](const json& body) {
        return agent.post("/api/v1/assist/analyze", body).status;
    };
    CHECK(status({{"lang", "jp"}, {"lines", json::array()}}) == 400);
    CHECK(status({{"lines", json::array()}}) == 400);
    CHECK(status({{"lang", "ko"}}) == 400);
    CHECK(status({{"lang", "ko"}, {"lines", {{{"speaker", "robot"}, {"text", "x"}}}}}) == 400);
    CHECK(status({{"lang", "ko"}, {"lines", {{{"speaker", "agent"}}}}}) == 400);
    json many = json::array();
    for (int i = 0; i < 501; ++i)
        many.push_back(line("customer", "네"));
    CHECK(status({{"lang", "ko"}, {"lines", many}}) == 422);
    CHECK(status({{"lang", "ko"}, {"lines", {line("customer", std::string(2001, 'a'))}}}) == 422);
    // 2,000 Korean characters are 6,000 bytes and still allowed.
    std::string korean;
    for (int i = 0; i < 2000; ++i)
        korean += "가";
    CHECK(status({{"lang", "ko"}, {"lines", {line("customer", korean)}}}) == 200);
    CHECK(status({{"lang", "en"}, {"lines", json::array()}}) == 200);
    // Not logged in.
    CHECK(server.client()
              .post("/api/v1/assist/analyze", {{"lang", "ko"}, {"lines", json::array()}})
              .status == 401);
}
