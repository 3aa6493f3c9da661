#include <catch2/catch.hpp>

#include "common/phone.h"

using namespace agentdesk::phone;

TEST_CASE("Korean mobile numbers in every common spelling are one E.164 number", "[phone]") {
    for (const char* input :
         {"010-1234-5678", "01012345678", "+82 10 1234 5678", "+821012345678", "82-10-1234-5678",
          "010.1234.5678", "(010) 1234-5678", "+82 (0)10 1234 5678"}) {
        INFO(input);
        REQUIRE(toE164(input) == std::optional<std::string>("+821012345678"));
    }
    CHECK(toE164("011-123-4567") == std::optional<std::string>("+82111234567"));
}

TEST_CASE("Landlines, representative numbers and internet phones", "[phone]") {
    CHECK(toE164("02-555-1234") == std::optional<std::string>("+8225551234"));
    CHECK(toE164("02-2623-0022") == std::optional<std::string>("+82226230022"));
    CHECK(toE164("031-123-4567") == std::optional<std::string>("+82311234567"));
    CHECK(toE164("064-7123-4567") == std::optional<std::string>("+826471234567"));
    CHECK(toE164("1588-1234") == std::optional<std::string>("+8215881234"));
    CHECK(toE164("+82 1588 1234") == std::optional<std::string>("+8215881234"));
    CHECK(toE164("070-1234-5678") == std::optional<std::string>("+827012345678"));
}

TEST_CASE("Invalid numbers are refused", "[phone]") {
    for (const char* input : {"", "abc", "010-1234", "12345", "+1 415 555 0100", "099-123-4567",
                              "010-1234-5678-9", "010-12a4-5678", "1234-5678"}) {
        INFO(input);
        CHECK_FALSE(toE164(input).has_value());
    }
}

TEST_CASE("E.164 is shown in local form and masked for lists", "[phone]") {
    CHECK(formatLocal("+821012345678") == "010-1234-5678");
    CHECK(formatLocal("+82111234567") == "011-123-4567");
    CHECK(formatLocal("+8225551234") == "02-555-1234");
    CHECK(formatLocal("+82226230022") == "02-2623-0022");
    CHECK(formatLocal("+82311234567") == "031-123-4567");
    CHECK(formatLocal("+8215881234") == "1588-1234");
    CHECK(formatLocal("+14155550100") == "+14155550100");
    CHECK(maskLocal("+821012345678") == "010-****-5678");
    CHECK(maskLocal("02-555-1234") == "02-***-1234");
    CHECK(maskLocal("1588-1234") == "1588-****");
}
