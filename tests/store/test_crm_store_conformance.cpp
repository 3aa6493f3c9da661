// One suite for every CRM store engine: each test runs on SQLite and on PostgreSQL (a
// throwaway cluster started by the test, tests/support/pg_cluster.h), and both must answer
// alike.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <stdexcept>

#include "resources/embedded.h"
#include "server/demo/data_set.h"
#include "server/store/pg/pg_crm_store.h"
#include "server/store/sqlite_crm_store.h"
#include "tests/support/pg_cluster.h"
#include "tests/support/temp_dir.h"

namespace srv = agentdesk::server;
using agentdesk::TimePoint;
using nlohmann::json;

namespace {

TimePoint at(std::int64_t ms) {
    return TimePoint(std::chrono::milliseconds(ms));
}

// A store of one engine on a new, empty database.
struct Engine {
    std::string name;
    agentdesk::test::TempDir dir{"agentdesk-store"};
    srv::FieldCipher cipher = srv::FieldCipher::ephemeral();
    std::string where;  // SQLite file or PostgreSQL connection string
    std::unique_ptr<srv::CrmStore> store;
    srv::SessionStore* sessions = nullptr;

    explicit Engine(std::string engine) : name(std::move(engine)) {
        where = name == "sqlite" ? (dir.path / "crm.db").string()
                                 : agentdesk::test::sharedPgCluster().createDatabase();
        store = open(cipher);
    }
    std::unique_ptr<srv::CrmStore> open(const srv::FieldCipher& key) {
        if (name == "sqlite") {
            auto s = std::make_unique<srv::SqliteCrmStore>(where, key);
            sessions = s.get();
            return s;
        }
        auto s = std::make_unique<srv::pg::PgCrmStore>(where, key);
        sessions = s.get();
        return s;
    }
    srv::CrmStore& crm() { return *store; }
    void loadDemo() {
        crm().loadDataSet(
            srv::dataSetFromJson(json::parse(agentdesk::resources::demoCenterJson()),
                                 json::parse(agentdesk::resources::demoCustomersJson())));
    }
};

srv::CustomerChange newCustomer(const std::string& name, const std::string& e164) {
    srv::CustomerChange c;
    c.name = name;
    c.phones = std::vector<srv::CustomerPhone>{{0, e164, "mobile", true}};
    return c;
}

}  // namespace

TEST_CASE("store conformance: users round-trip and update in place", "[store]") {
    Engine e(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    INFO(e.name);
    srv::User u;
    u.id = "U-2";
    u.username = "lead2";
    u.name = "박팀장";
    u.nameEn = "Park";
    u.role = srv::Role::TeamLead;
    u.skills = {"card", "loan"};
    u.extension = "2002";
    u.passwordHash = "hash";
    e.crm().upsertUser(u);
    u.id = "U-1";
    u.username = "counselor1";
    u.role = srv::Role::Counselor;
    e.crm().upsertUser(u);
    u.disabled = true;
    u.sipHa1 = "ha1";
    e.crm().upsertUser(u);

    const auto byName = e.crm().userByUsername("counselor1");
    REQUIRE(byName);
    CHECK(byName->id == "U-1");
    CHECK(byName->disabled);
    CHECK(byName->sipHa1 == "ha1");
    CHECK(byName->skills == std::vector<std::string>{"card", "loan"});
    const auto lead = e.crm().userById("U-2");
    REQUIRE(lead);
    CHECK(lead->role == srv::Role::TeamLead);
    CHECK(lead->name == "박팀장");
    CHECK_FALSE(e.crm().userById("U-9"));
    const auto all = e.crm().users();
    REQUIRE(all.size() == 2);
    CHECK(all[0].id == "U-1");
}

TEST_CASE("store conformance: the demo data set loads and its 360 reads back in full", "[store]") {
    Engine e(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    INFO(e.name);
    e.loadDemo();
    CHECK(e.crm().customerCount() == 250);
    const auto codes = e.crm().wrapupCodes();
    REQUIRE(codes.size() > 5);
    CHECK(e.crm().wrapupCodeExists(codes[0].code));
    CHECK_FALSE(e.crm().wrapupCodeExists("NO_SUCH_CODE"));
    bool cardLost = false;
    for (const auto& c : codes) {
        if (c.code == "CARD_LOST") {
            cardLost = true;
            CHECK(c.labelKo == "카드 분실 신고");
            CHECK(c.templateKo.find("사용 정지 처리: 완료") != std::string::npos);
        }
    }
    CHECK(cardLost);

    const auto view = e.crm().customer360("C00001");
    REQUIRE(view);
    const srv::Customer& c = view->customer;
    CHECK(c.name == "김민준");
    CHECK(c.residentNumber == std::optional<std::string>("850312-1999039"));  // opened
    CHECK(c.vip);
    CHECK(c.consents.at("marketing"));
    CHECK_FALSE(c.consents.at("thirdParty"));
    REQUIRE(c.phones.size() == 1);
    CHECK(c.phones[0].e164 == "+821012345678");
    CHECK(c.phones[0].primary);
    REQUIRE(view->products.size() == 3);
    CHECK(view->products[0].id == "P000002");  // active, newest started first
    CHECK(view->products[2].kind == "card");
    CHECK(view->products[2].number == "9410-9413-8475-2572");  // in full: masking is not here
    REQUIRE(view->history.items.size() == 4);
    CHECK(view->history.items[0].id == "I0000004");  // newest first
    REQUIRE(view->history.items[0].notes.size() == 1);
    CHECK_FALSE(view->history.items[0].notes[0].draftKept);
    CHECK_FALSE(view->history.hasMore);
    CHECK(c.lastContactReason == std::optional<std::string>("이중 결제 문의"));

    // Reloading only the wrap-up codes keeps the customers.
    e.crm().loadDataSet(
        srv::dataSetFromJson(json::parse(agentdesk::resources::demoCenterJson()), json::object()));
    CHECK(e.crm().customerCount() == 250);
    CHECK(e.crm().wrapupCodes().size() == codes.size());
}

TEST_CASE("store conformance: search, phone matches, create and update", "[store]") {
    Engine e(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    INFO(e.name);
    e.loadDemo();
    // A part of a Korean name, an English name in another case, an e-mail, a number.
    auto ids = [](const std::vector<srv::CustomerSummary>& list) {
        std::vector<std::string> out;
        for (const auto& s : list)
            out.push_back(s.id);
        return out;
    };
    CHECK(ids(e.crm().searchCustomers("민준", 20)).front() == "C00001");
    CHECK(ids(e.crm().searchCustomers("kim minjun", 20)).front() == "C00001");
    CHECK(ids(e.crm().searchCustomers("MINJUN.KIM@naver.com", 20)) ==
          std::vector<std::string>{"C00001"});
    CHECK(ids(e.crm().searchCustomers("2019493425", 20)) == std::vector<std::string>{"C00001"});
    CHECK(ids(e.crm().searchCustomers("010-1234-5678", 20)) == std::vector<std::string>{"C00001"});
    CHECK(e.crm().searchCustomers("%", 20).empty());  // LIKE's wildcards are literal
    CHECK(e.crm().searchCustomers("김", 3).size() == 3);
    const auto listed = e.crm().searchCustomers("민준", 20);
    REQUIRE_FALSE(listed.front().phones.empty());
    CHECK(listed.front().email == std::optional<std::string>("minjun.kim@naver.com"));

    // A number two customers share: both match, at a lower score than a primary of one.
    const auto shared = e.crm().matchPhone("+8225551234");
    REQUIRE(shared.size() == 2);
    CHECK(shared[0].score < 1.0);
    CHECK(e.crm().matchPhone("+821012345678").at(0).score == Approx(1.0));
    CHECK(e.crm().customersByPhone("+8225551234").size() == 2);

    const std::string id =
        e.crm().createCustomer(newCustomer("최하늘", "+821055550001"), at(1'790'000'000'000));
    CHECK(id.rfind("C", 0) == 0);
    CHECK(id != "C00001");
    auto created = e.crm().customer360(id);
    REQUIRE(created);
    CHECK(created->customer.customerNo.rfind("9", 0) == 0);
    CHECK(created->customer.grade == "NORMAL");
    CHECK(created->customer.preferredLang == "ko");
    CHECK(created->customer.createdAt == at(1'790'000'000'000));
    const std::string second =
        e.crm().createCustomer(newCustomer("최바다", "+821055550002"), at(1'790'000'000'000));
    CHECK(second != id);
    CHECK(e.crm().customer360(second)->customer.customerNo != created->customer.customerNo);

    srv::CustomerChange change;
    change.email = std::optional<std::string>("sky@example.com");
    change.consents = srv::Consents{{"sms", true}};
    e.crm().updateCustomer(id, change, at(1'790'000'001'000));
    srv::CustomerChange more;
    more.email = std::optional<std::string>();  // cleared
    more.consents = srv::Consents{{"marketing", false}};
    more.vip = true;
    more.phones = std::vector<srv::CustomerPhone>{{0, "+821055550003", "home", false},
                                                  {0, "+821055550004", "mobile", true}};
    CHECK(e.crm().updateCustomer(id, more, at(1'790'000'002'000)));
    CHECK_FALSE(e.crm().updateCustomer("C99999", more, at(1'790'000'002'000)));
    const auto updated = e.crm().customer360(id);
    REQUIRE(updated);
    CHECK_FALSE(updated->customer.email);
    CHECK(updated->customer.consents == srv::Consents{{"marketing", false}, {"sms", true}});
    CHECK(updated->customer.vip);
    CHECK(updated->customer.updatedAt == at(1'790'000'002'000));
    REQUIRE(updated->customer.phones.size() == 2);
    CHECK(updated->customer.phones[0].e164 == "+821055550004");  // primary first
    CHECK(e.crm().primaryPhone(id) == std::optional<std::string>("+821055550004"));
    const std::string phoneId = std::to_string(updated->customer.phones[1].id);
    CHECK(e.crm().customerPhone(id, phoneId) == std::optional<std::string>("+821055550003"));
    CHECK_FALSE(e.crm().customerPhone("C00001", phoneId));
    CHECK(e.crm().matchPhone("+821055550001").empty());

    e.crm().flagAbusive(id, at(1'790'000'003'000));
    e.crm().flagAbusive(id, at(1'790'000'004'000));
    CHECK(e.crm().customer360(id)->customer.abusiveCount == 2);
    CHECK(e.crm().matchPhone("+821055550004").at(0).abusiveHistory);
    CHECK(e.crm().samplePhones(5).size() == 5);
    CHECK_FALSE(e.crm().customer360("C99999"));
}

TEST_CASE("store conformance: interactions, notes, versions and agent assist", "[store]") {
    Engine e(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    INFO(e.name);
    e.loadDemo();
    const std::string customer = "C00001";

    // A note written during the call waits for the author's leg, then joins it.
    srv::Note draft;
    draft.idempotencyKey = "k-1";
    draft.callId = "CALL-1";
    draft.customerId = customer;
    draft.wrapupCode = "CARD_LOST";
    draft.text = "카드 분실 신고 접수";
    draft.authorId = "U-1";
    draft.draftKept = 0.75;
    draft.createdAt = at(1'800'000'000'000);
    const auto created = e.crm().createNote(draft, true);
    CHECK(created.created);
    CHECK(created.note.version == 1);
    const auto again = e.crm().createNote(draft, true);
    CHECK_FALSE(again.created);
    CHECK(again.note.id == created.note.id);

    srv::InteractionRecord leg;
    leg.customerId = customer;
    leg.callId = "CALL-1";
    leg.queue = "card";
    leg.reason = "카드 분실";
    leg.endReason = "completed";
    leg.agentId = "U-1";
    leg.agentName = "김하늘";
    leg.startedAt = at(1'799'999'900'000);
    leg.durationSec = 95;
    e.crm().recordInteraction(leg);
    e.crm().recordInteraction(leg);  // the same leg again (a retried write): recorded once
    e.crm().setInteractionWrapup("CALL-1", "U-1", "CARD_LOST", created.note.id);
    CHECK(e.crm().customerOfCall("CALL-1") == std::optional<std::string>(customer));
    CHECK_FALSE(e.crm().customerOfCall("CALL-0"));

    auto page = e.crm().interactions(customer, std::nullopt, 2);
    REQUIRE(page.items.size() == 2);
    CHECK(page.hasMore);
    const srv::Interaction& newest = page.items[0];
    CHECK(newest.callId == std::optional<std::string>("CALL-1"));
    CHECK(newest.wrapupCode == std::optional<std::string>("CARD_LOST"));
    CHECK(newest.durationSec == 95);
    REQUIRE(newest.notes.size() == 1);
    CHECK(newest.notes[0].id == created.note.id);
    CHECK(newest.notes[0].draftKept == std::optional<double>(0.75));
    const auto older = e.crm().interactions(customer, page.items[1].startedAt, 10);
    CHECK(older.items.size() == 3);
    CHECK_FALSE(older.hasMore);
    CHECK(e.crm().customer360(customer)->customer.lastContactReason ==
          std::optional<std::string>("카드 분실"));

    // A memo (no call) is an entry of its own.
    srv::Note memo = draft;
    memo.idempotencyKey = "k-2";
    memo.callId.reset();
    memo.draftKept.reset();
    memo.createdAt = at(1'800'000'100'000);
    e.crm().createNote(memo, false);
    CHECK(e.crm().interactions(customer, std::nullopt, 1).items.at(0).channel == "memo");

    // Versions: the right one updates, a stale one conflicts, an unknown note is not found.
    auto [updated, note] =
        e.crm().updateNote(created.note.id, "수정", "CARD_LOST", 1, at(1'800'000'200'000));
    CHECK(updated == srv::ContactStore::NoteUpdate::Updated);
    CHECK(note.version == 2);
    CHECK(note.text == "수정");
    CHECK(note.updatedAt == at(1'800'000'200'000));
    CHECK(e.crm()
              .updateNote(created.note.id, "늦은 수정", "CARD_LOST", 1, at(1'800'000'300'000))
              .first == srv::ContactStore::NoteUpdate::Conflict);
    CHECK(e.crm().updateNote("N0", "x", "CARD_LOST", 1, at(1'800'000'300'000)).first ==
          srv::ContactStore::NoteUpdate::NotFound);
    CHECK(e.crm().note(created.note.id)->text == "수정");

    // Agent assist: a later leg by the same agent replaces the record.
    srv::CallAssistRecord assist{"CALL-1",          "U-1",       "ko",   "card",
                                 R"({"lines":[]})", "CARD_LOST", "초안", at(1'800'000'000'000)};
    e.crm().saveCallAssist(assist);
    assist.draftText = "새 초안";
    assist.at = at(1'800'000'050'000);
    e.crm().saveCallAssist(assist);
    const auto stored = e.crm().callAssist("CALL-1");
    REQUIRE(stored);
    CHECK(stored->draftText == "새 초안");
    CHECK(stored->at == at(1'800'000'050'000));
    CHECK_FALSE(e.crm().callAssist("CALL-2"));
}

TEST_CASE("store conformance: evaluations, audit rows and atomic changes", "[store]") {
    Engine e(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    INFO(e.name);
    e.loadDemo();
    srv::Evaluation ev;
    ev.callId = "CALL-1";
    ev.agentId = "U-1";
    ev.evaluatorId = "U-9";
    ev.scores = {90, 85, 80, 95, 70};
    ev.comment = "친절함";
    ev.createdAt = at(1'800'000'000'000);
    const auto first = e.crm().addEvaluation(ev);
    CHECK(first.id.rfind("E", 0) == 0);
    ev.agentId = "U-2";
    ev.createdAt = at(1'800'000'001'000);
    e.crm().addEvaluation(ev);
    const auto all = e.crm().evaluations(std::nullopt);
    REQUIRE(all.size() == 2);
    CHECK(all[0].agentId == "U-2");  // newest first
    const auto one = e.crm().evaluations(std::string("U-1"));
    REQUIRE(one.size() == 1);
    CHECK(one[0].scores.closing == 95);
    CHECK(one[0].comment == "친절함");
    CHECK(one[0].createdAt == at(1'800'000'000'000));

    e.crm().audit("U-1", "C00001", "view_360", at(1'800'000'000'000));
    e.crm().atomically([&] {
        e.crm().audit("U-1", "C00001", "search_result", at(1'800'000'000'000));
        e.crm().audit("U-1", "C00002", "search_result", at(1'800'000'000'000));
    });
    CHECK(e.crm().auditCount("C00001") == 2);
    // A failed change leaves neither the change nor its audit row.
    CHECK_THROWS(e.crm().atomically([&] {
        srv::CustomerChange change;
        change.name = "바뀐 이름";
        e.crm().updateCustomer("C00001", change, at(1'800'000'000'000));
        e.crm().audit("U-1", "C00001", "update", at(1'800'000'000'000));
        throw std::runtime_error("the write after it failed");
    }));
    CHECK(e.crm().auditCount("C00001") == 2);
    CHECK(e.crm().customer360("C00001")->customer.name == "김민준");
}

TEST_CASE("store conformance: stored sessions", "[store]") {
    Engine e(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    INFO(e.name);
    srv::SessionStore& s = *e.sessions;
    s.saveSession({"h1", "U-1", srv::Role::Counselor, at(2000), at(1000)});
    s.saveSession({"h2", "U-1", srv::Role::Counselor, at(9000), at(1000)});
    s.saveSession({"h3", "U-2", srv::Role::TeamLead, at(9000), at(1000)});
    s.touchSession("h2", at(1500));
    const auto h2 = s.sessionByTokenHash("h2");
    REQUIRE(h2);
    CHECK(h2->lastSeen == at(1500));
    CHECK(h2->expiresAt == at(9000));
    CHECK(s.sessionByTokenHash("h3")->role == srv::Role::TeamLead);
    CHECK(s.deleteExpiredSessions(at(2000)) == 1);  // h1
    CHECK_FALSE(s.sessionByTokenHash("h1"));
    s.deleteSessionsOfUser("U-1");
    CHECK(s.sessionHashes() == std::vector<std::string>{"h3"});
    s.deleteSession("h3");
    CHECK(s.sessionHashes().empty());
    s.saveSession({"h4", "U-3", srv::Role::Trainer, at(9000), at(1000)});
    CHECK(s.deleteAllSessions() == 1);
}

TEST_CASE("store conformance: a reopened store keeps its data and refuses another key", "[store]") {
    Engine e(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    INFO(e.name);
    e.loadDemo();
    e.store.reset();
    e.store = e.open(e.cipher);  // no migration runs twice
    CHECK(e.crm().customerCount() == 250);
    CHECK(e.crm().customer360("C00001")->customer.residentNumber ==
          std::optional<std::string>("850312-1999039"));
    e.store.reset();
    CHECK_THROWS_WITH(e.open(srv::FieldCipher::ephemeral()),
                      Catch::Contains("does not open the resident numbers"));
}

TEST_CASE("store conformance: PostgreSQL records its migrations and refuses a newer schema",
          "[store]") {
    Engine e("postgresql");
    auto* pg = dynamic_cast<srv::pg::PgCrmStore*>(e.store.get());
    REQUIRE(pg);
    CHECK(pg->schemaVersion() == srv::pg::PgCrmStore::latestSchemaVersion());
    e.store.reset();
    {
        srv::pg::PgDb db(e.where);
        db.exec("INSERT INTO schema_migrations(version, applied_ms) VALUES(99, 0)");
    }
    CHECK_THROWS_WITH(e.open(e.cipher), Catch::Contains("newer AgentDesk"));
}

TEST_CASE("store conformance: what import-customers and the exports read and write", "[store]") {
    Engine e(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    INFO(e.name);
    e.loadDemo();
    const std::string id =
        e.crm().createCustomer(newCustomer("박서준", "+821055550001"), at(1'900'000'000'000));
    e.crm().setExternalId(id, "EXT-1");
    CHECK(e.crm().customerByExternalId("EXT-1") == std::optional<std::string>(id));
    CHECK_FALSE(e.crm().customerByExternalId("EXT-2"));
    CHECK(e.crm().customersWithPhone("+821055550001") == std::vector<std::string>{id});
    CHECK(e.crm().customersWithPhone("+821055550002").empty());
    const auto fields = e.crm().customerFields(id);
    REQUIRE(fields);
    CHECK((*fields)["name"] == "박서준");
    CHECK((*fields)["externalId"] == "EXT-1");
    CHECK((*fields)["vip"] == false);
    CHECK((*fields)["email"].is_null());
    CHECK((*fields)["consents"].is_object());
    REQUIRE((*fields)["phones"].size() == 1);
    CHECK((*fields)["phones"][0] ==
          json{{"e164", "+821055550001"}, {"label", "mobile"}, {"primary", true}});
    CHECK_FALSE(e.crm().customerFields("C99999"));

    // A period's interactions and notes, oldest first, the end excluded; more rows than one
    // batch of PostgreSQL's cursor.
    const std::int64_t t0 = 1'900'000'000'000;
    const int legs = 1200;
    e.crm().atomically([&] {
        for (int i = 0; i <= legs; ++i) {
            srv::InteractionRecord leg;
            leg.customerId = id;
            leg.callId = "X-" + std::to_string(i);
            leg.queue = "card";
            leg.reason = "카드 분실";
            leg.endReason = "completed";
            leg.agentId = "U-1";
            leg.agentName = "김하늘";
            leg.startedAt = at(t0 + i * 1000);
            leg.durationSec = i;
            e.crm().recordInteraction(leg);
        }
    });
    e.crm().setInteractionWrapup("X-1", "U-1", "CARD_LOST", std::nullopt);
    std::vector<srv::InteractionExportRow> rows;
    e.crm().forEachInteraction(t0, t0 + legs * 1000,
                               [&](const srv::InteractionExportRow& r) { rows.push_back(r); });
    REQUIRE(rows.size() == static_cast<std::size_t>(legs));
    CHECK(rows.front().callId == "X-0");
    CHECK(rows.back().callId == "X-" + std::to_string(legs - 1));
    bool ordered = true;
    for (std::size_t i = 1; i < rows.size(); ++i)
        ordered = ordered && rows[i - 1].startedMs < rows[i].startedMs;
    CHECK(ordered);
    const srv::InteractionExportRow& second = rows[1];
    CHECK(second.customerId == id);
    CHECK(second.externalId == "EXT-1");
    CHECK(second.customerName == "박서준");
    CHECK(second.phoneE164 == "+821055550001");
    CHECK(second.durationSec == std::optional<std::int64_t>(1));
    CHECK(second.wrapupCode == "CARD_LOST");
    CHECK_FALSE(second.wrapupLabel.empty());
    CHECK(second.agentId == "U-1");

    for (int i = 0; i < 3; ++i) {
        srv::Note n;
        n.idempotencyKey = "export-" + std::to_string(i);
        n.callId = "X-" + std::to_string(i);
        n.customerId = id;
        n.wrapupCode = "CARD_LOST";
        n.text = "메모 " + std::to_string(i);
        n.authorId = "U-1";
        n.createdAt = at(t0 + i * 1000);
        e.crm().createNote(n, true);
    }
    std::vector<srv::NoteExportRow> notes;
    e.crm().forEachNote(t0, t0 + 2000, [&](const srv::NoteExportRow& r) { notes.push_back(r); });
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].text == "메모 0");
    CHECK(notes[1].text == "메모 1");
    CHECK(notes[1].callId == "X-1");
    CHECK(notes[1].customerNo == e.crm().customer360(id)->customer.customerNo);
    CHECK(notes[1].version == 1);
}
