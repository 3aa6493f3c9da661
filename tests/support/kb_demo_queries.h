#pragma once
// Typical counselor queries on the demo knowledge base and what the first answer must be: the
// integration test asks them over HTTP, the store conformance suite of every engine directly.
#include <string>
#include <vector>

namespace agentdesk::test {

struct KbDemoQuery {
    std::string query;
    std::string lang;      // "" for any
    std::string titleHas;  // the first answer's title contains it; "" when `tag` says
    std::string tag;       // the first answer carries this tag
};

inline const std::vector<KbDemoQuery>& kbDemoQueries() {
    static const std::vector<KbDemoQuery> queries = {
        {"OTP 재발급", "", "OTP 재발급", ""},
        {"비밀번호변경", "", "비밀번호 변경", ""},
        {"카드분실", "", "카드 분실", ""},
        {"폭언", "", "폭언", ""},
        {"명의변경", "", "명의변경", ""},
        {"환불받는 방법", "", "", "refund"},
        {"카드 잃어버렸어요", "", "", "card_lost"},
        {"배송이 안 와요", "", "", "delivery_status"},
        {"요금이 너무 많이 나왔어요", "", "", "billing_inquiry"},
        {"위약금", "", "", "cancel_service"},
        {"how do I get a refund", "en", "", "refund"},
        {"password reset", "en", "", "password_reset"},
        {"emergency card abroad", "en", "", "card_lost"},
    };
    return queries;
}

}  // namespace agentdesk::test
