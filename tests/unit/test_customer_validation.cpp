#include <catch2/catch.hpp>

#include <set>

#include "server/customer_validation.h"

using namespace agentdesk::server;
using nlohmann::json;

TEST_CASE("A valid new customer is normalised", "[validation]") {
    json out;
    auto o = validateCustomer({{"name", " 홍길동 "},
                               {"phones", {{{"number", "010 9876 5432"}, {"label", "mobile"}}}},
                               {"email", "gd@example.com"},
                               {"birthDate", "1990-02-28"},
                               {"consents", {{"sms", true}}}},
                              true, out);
    REQUIRE(o.ok());
    CHECK(out["name"] == "홍길동");
    CHECK(out["phones"][0]["e164"] == "+821098765432");
    CHECK(out["phones"][0]["primary"] == true);
}

TEST_CASE("Rule violations are 422 with every field named", "[validation]") {
    json out;
    auto o = validateCustomer({{"name", ""},
                               {"phones", {{{"number", "12345"}}}},
                               {"email", "not-an-email"},
                               {"birthDate", "2099-01-01"},
                               {"grade", "PLATINUM"},
                               {"shoeSize", 270}},
                              true, out);
    REQUIRE(o.code == ErrorCode::ValidationFailed);
    std::set<std::string> fields;
    for (const auto& f : o.fields)
        fields.insert(f.field);
    CHECK(fields == std::set<std::string>{"name", "phones[0].number", "email", "birthDate", "grade",
                                          "shoeSize"});
}

TEST_CASE("Wrong JSON types are 400, not 422", "[validation]") {
    json out;
    CHECK(validateCustomer({{"name", 5}, {"phones", json::array({{{"number", "010-1111-2222"}}})}},
                           true, out)
              .code == ErrorCode::BadRequest);
    CHECK(validateCustomer({{"vip", "yes"}}, false, out).code == ErrorCode::BadRequest);
}

TEST_CASE("Updates may name only some fields, create needs name and phones", "[validation]") {
    json out;
    CHECK(validateCustomer({{"address", "부산광역시 해운대구"}}, false, out).ok());
    CHECK(validateCustomer({{"address", "부산광역시 해운대구"}}, true, out).code ==
          ErrorCode::ValidationFailed);
    CHECK(validateCustomer({{"phones",
                             {{{"number", "010-1111-2222"}, {"primary", true}},
                              {{"number", "02-555-0000"}, {"primary", true}}}}},
                           false, out)
              .code == ErrorCode::ValidationFailed);
}
