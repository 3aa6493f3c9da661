#include <catch2/catch.hpp>

#include "common/redact.h"

using agentdesk::redactPersonalData;

TEST_CASE("Resident registration numbers never reach a log", "[redact]") {
    CHECK(redactPersonalData("rrn 850312-1234567 seen") == "rrn [rrn] seen");
    CHECK(redactPersonalData("8503121234567") == "[rrn]");
}

TEST_CASE("Card numbers are removed", "[redact]") {
    CHECK(redactPersonalData("card 9410-1234-5678-9012 ok") == "card [card] ok");
    CHECK(redactPersonalData("card 9410123456789012") == "card [card]");
    CHECK(redactPersonalData("4111 1111 1111 1111") == "[card]");
}

TEST_CASE("Phone numbers keep only their last four digits", "[redact]") {
    CHECK(redactPersonalData("call from 010-1234-5678") == "call from 010-****-5678");
    CHECK(redactPersonalData("from +821012345678 to") == "from +8210****5678 to");
    CHECK(redactPersonalData("home 02-555-1234") == "home 02-****-1234");
    CHECK(redactPersonalData("rep 1588-1234") == "rep 1588-****");
}

TEST_CASE("Text without personal data is unchanged", "[redact]") {
    const char* plain[] = {"call call-67a2-12 answered in 12 s", "queue general: 3 waiting",
                           "2026-11-23T10:00:00Z", "port 8780", "상담사가 응답했습니다"};
    for (const char* text : plain) {
        INFO(text);
        CHECK(redactPersonalData(text) == text);
    }
}
