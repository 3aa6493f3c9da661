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

TEST_CASE("Numbers without the plus or behind percent escapes are caught too", "[redact]") {
    CHECK(redactPersonalData("from 821012345678 to") == "from 8210****5678 to");
    CHECK(redactPersonalData("from 82-10-1234-5678") == "from 82-10-****-5678");
    CHECK(redactPersonalData("GET /api/v1/customers?phone=%2B821012345678") ==
          "GET /api/v1/customers?phone=+8210****5678");
    CHECK(redactPersonalData("q=010%2D1234%2D5678&x=1") == "q=010-****-5678&x=1");
    CHECK(redactPersonalData("rrn%3D850312%2D1234567") == "rrn%3D[rrn]");
    // Other escapes stay escaped: decoding must not produce control characters.
    CHECK(redactPersonalData("a%0Ab 1") == "a%0Ab 1");
}

TEST_CASE("Event ids and counters are not mistaken for card numbers", "[redact]") {
    CHECK(redactPersonalData("resume from 1795452088700108") == "resume from 1795452088700108");
    CHECK(redactPersonalData("lastEventId=1795452088700108 sent") ==
          "lastEventId=1795452088700108 sent");
    CHECK(redactPersonalData("ts 8000000000000001") == "ts 8000000000000001");
    CHECK(redactPersonalData("card 5412 7512 3412 3456") == "card [card]");
}

TEST_CASE("Control characters from outside cannot forge or hide log lines", "[redact]") {
    using agentdesk::escapeControlCharacters;
    CHECK(escapeControlCharacters("GET /x\r\n2026-12-03 INFO forged") ==
          "GET /x\\r\\n2026-12-03 INFO forged");
    CHECK(escapeControlCharacters(std::string("a\0b\x1b[31mred\x7f", 12)) ==
          "a\\x00b\\x1b[31mred\\x7f");
    CHECK(escapeControlCharacters("상담 tab\there") == "상담 tab\\there");
}
