#include <catch2/catch.hpp>

#include <set>

#include <QJsonDocument>

#include "crm/model/customer.h"
#include "crm/model/training.h"
#include "crm/net/api_error.h"
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

// The client's typed request bodies (crm/model) and the field errors of its ApiError: what goes on
// the wire is what the server's checks above expect.
namespace {
json clientWire(const QJsonObject& o) {
    return json::parse(QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString());
}
}  // namespace

TEST_CASE("A customer draft sends what is set, null for a cleared field, nothing else",
          "[validation][crm]") {
    using agentdesk::crm::CustomerDraft;
    using agentdesk::crm::DraftText;
    CustomerDraft create;
    CHECK(create.isEmpty());
    CHECK(create.toJson().isEmpty());
    create.name = DraftText::of(QStringLiteral("홍길동"));
    create.email = DraftText::of(QStringLiteral("gd@example.com"));
    create.preferredLang = DraftText::of(QStringLiteral("ko"));
    create.phones = QList<agentdesk::crm::CustomerPhoneDraft>{
        {QStringLiteral("010-9876-5432"), QStringLiteral("mobile"), true},
        {QStringLiteral("02-555-0000"), QStringLiteral("work"), false}};
    CHECK_FALSE(create.isEmpty());
    const json body = clientWire(create.toJson());
    CHECK(body == json::parse(R"({"name":"홍길동","email":"gd@example.com","preferredLang":"ko",
        "phones":[{"number":"010-9876-5432","label":"mobile","primary":true},
                  {"number":"02-555-0000","label":"work"}]})"));
    json out;
    CHECK(validateCustomer(body, true, out).ok());

    CustomerDraft edit;
    edit.nameEn = DraftText::cleared();
    edit.address = DraftText::of(QStringLiteral("부산광역시 해운대구"));
    CHECK_FALSE(edit.isEmpty());
    CHECK(clientWire(edit.toJson()) ==
          json::parse(R"({"nameEn":null,"address":"부산광역시 해운대구"})"));
    CHECK(validateCustomer(clientWire(edit.toJson()), false, out).ok());

    CustomerDraft noPhones;
    noPhones.phones = QList<agentdesk::crm::CustomerPhoneDraft>{};
    CHECK_FALSE(noPhones.isEmpty());
    CHECK(clientWire(noPhones.toJson()) == json::parse(R"({"phones":[]})"));
}

TEST_CASE("An inject-call request leaves out the empty optional fields", "[validation][crm]") {
    agentdesk::crm::InjectCallRequest call;
    call.customerId = QStringLiteral("C00001");
    call.queue = QStringLiteral("general");
    CHECK(clientWire(call.toJson()) == json::parse(R"({"customerId":"C00001","queue":"general"})"));

    agentdesk::crm::InjectCallRequest byPhone;
    byPhone.phone = QStringLiteral("+821098765432");
    byPhone.queue = QStringLiteral("card");
    byPhone.intent = QStringLiteral("refund");
    byPhone.transcript = {{QStringLiteral("customer"), QStringLiteral("카드를 잃어버렸어요")},
                          {QStringLiteral("agent"), QStringLiteral("정지해 드리겠습니다")}};
    CHECK(clientWire(byPhone.toJson()) == json::parse(R"({"phone":"+821098765432","queue":"card",
        "intent":"refund","transcript":[{"speaker":"customer","text":"카드를 잃어버렸어요"},
                                        {"speaker":"agent","text":"정지해 드리겠습니다"}]})"));
}

TEST_CASE("ApiError gives the server's field errors, the first per field", "[validation][crm]") {
    using agentdesk::crm::ApiError;
    const ApiError e =
        ApiError::http(422, QByteArray(R"({"error":{"code":"validation_failed","message":"invalid",
        "fields":[{"field":"email","message":"is not an e-mail address"},
                  {"field":"phones[1].number","message":"is listed twice"},
                  {"field":"email","message":"second"},{"field":"","message":"nameless"}]}})"));
    const QMap<QString, QString> fields = e.fieldErrors();
    REQUIRE(fields.size() == 2);
    CHECK(fields.value(QStringLiteral("email")) == QStringLiteral("is not an e-mail address"));
    CHECK(fields.value(QStringLiteral("phones[1].number")) == QStringLiteral("is listed twice"));
    CHECK(ApiError::http(409, QByteArray(R"({"error":{"code":"invalid_state"}})"))
              .fieldErrors()
              .isEmpty());
    CHECK(ApiError::http(502, QByteArray("Bad Gateway")).fieldErrors().isEmpty());
    CHECK(ApiError::transport(7, QStringLiteral("refused")).fieldErrors().isEmpty());
}
