// The CRM store's and the knowledge base's numbered schema migrations, from a database written
// before them.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "common/sqlite_db.h"
#include "common/time_util.h"
#include "server/auth/sip_credentials.h"
#include "server/kb/html_content.h"
#include "server/kb/kb_import.h"
#include "server/kb/sqlite_knowledge_store.h"
#include "server/store/sqlite_crm_store.h"

namespace srv = agentdesk::server;
using nlohmann::json;

TEST_CASE(
    "store: a version-1 database gains the SIP credential and disabled columns, the sessions "
    "table, and keeps its users",
    "[store][migration]") {
    const auto path = std::filesystem::temp_directory_path() /
                      ("agentdesk-migration-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    {
        // The schema as it was before migrations (users without sip_ha1), user_version 0.
        agentdesk::SqliteDb old(path.string());
        old.exec(
            "CREATE TABLE users (id TEXT PRIMARY KEY, username TEXT UNIQUE NOT NULL, name TEXT "
            "NOT NULL, name_en TEXT, role TEXT NOT NULL, skills TEXT NOT NULL, extension TEXT, "
            "pw_hash TEXT NOT NULL);"
            "INSERT INTO users VALUES('U-kim','kim','김민준','Kim','counselor','[\"general\"]',"
            "'2001','hash');");
    }
    {
        srv::SqliteCrmStore store(path.string(), srv::FieldCipher::forDatabase("", path.string()));
        auto kim = store.userByUsername("kim");
        REQUIRE(kim);
        CHECK(kim->extension == "2001");
        CHECK(kim->passwordHash == "hash");
        CHECK(kim->sipHa1.empty());
        kim->sipHa1 = srv::sipDigestHa1("2001", srv::kSipRealm, "phone-secret");
        store.upsertUser(*kim);
    }
    {
        // Opening again applies nothing twice.
        srv::SqliteCrmStore store(path.string(), srv::FieldCipher::forDatabase("", path.string()));
        auto st = store.database().prepare("PRAGMA user_version");
        REQUIRE(st.step());
        CHECK(st.integer(0) == 6);
        st.reset();
        // Migration 6: sessions by their token's hash.
        const agentdesk::TimePoint at = agentdesk::parseRfc3339("2026-11-23T01:00:00Z").value();
        store.saveSession({"hash-1", "U1", srv::Role::Counselor, at + std::chrono::hours(12), at});
        const auto session = store.sessionByTokenHash("hash-1");
        REQUIRE(session);
        CHECK(session->userId == "U1");
        CHECK(session->expiresAt == at + std::chrono::hours(12));
        CHECK_FALSE(store.sessionByTokenHash("hash-2"));
        CHECK(store.deleteExpiredSessions(at + std::chrono::hours(12)) == 1);
        CHECK_FALSE(store.sessionByTokenHash("hash-1"));
        // Migration 5: the external id of imported customers, unique when present.
        auto external = store.database().prepare(
            "SELECT count(*) FROM pragma_table_info('customers') WHERE name = 'external_id'");
        REQUIRE(external.step());
        CHECK(external.integer(0) == 1);
        external.reset();
        // Migration 4: agent assist's transcripts, and the kept share of a drafted note.
        auto assist = store.database().prepare(
            "SELECT count(*) FROM pragma_table_info('notes') WHERE name = 'draft_kept'");
        REQUIRE(assist.step());
        CHECK(assist.integer(0) == 1);
        assist.reset();
        CHECK_FALSE(store.callAssist("nothing"));
        CHECK(store.userByUsername("kim")->sipHa1 ==
              srv::sipDigestHa1("2001", "agentdesk", "phone-secret"));
        CHECK_FALSE(store.userByUsername("kim")->disabled);  // migration 3: enabled by default
        auto kim = *store.userByUsername("kim");
        kim.disabled = true;
        store.upsertUser(kim);
        CHECK(store.userByUsername("kim")->disabled);
    }
    std::filesystem::remove(path);
}

TEST_CASE("sip credentials: HA1 is MD5 of extension:realm:password (RFC 2617)", "[sip][auth]") {
    // md5("2001:agentdesk:demo"), computed independently with md5sum.
    CHECK(srv::sipDigestHa1("2001", "agentdesk", "demo") == "f1a817cd2c99555160823345abc44c99");
    CHECK(srv::sipDigestHa1("2001", "agentdesk", "demo2") !=
          srv::sipDigestHa1("2001", "agentdesk", "demo"));
}

TEST_CASE("knowledge base: migration 2 rewrites Markdown left in stored article text",
          "[store][migration][kb]") {
    agentdesk::SqliteDb db(":memory:");
    auto meta = [&](const char* key) {
        auto st = db.prepare("SELECT value FROM kb_meta WHERE key = ?");
        st.bind(1, key);
        const std::string value = st.step() ? st.text(0) : std::string("(none)");
        st.reset();
        return value;
    };
    auto bodyText = [&](const char* id) {
        auto st = db.prepare("SELECT body_text FROM kb_articles WHERE id = ?");
        st.bind(1, id);
        REQUIRE(st.step());
        const std::string text = st.text(0);
        st.reset();
        return text;
    };
    auto snippet = [](srv::SqliteKnowledgeStore& kb, const std::string& q) {
        const auto hits = kb.search({q, 5, std::nullopt});
        REQUIRE(hits.size() == 1);
        return hits[0].snippet;
    };
    const std::string jsonl =
        json{{"id", "prorate"},
             {"title", "일할 계산"},
             {"body",
              "요금이 **날짜 비율(일할)**로 계산됩니다.\n\n| 요금제 | **금액** |\n|---|---|\n"
              "| 5G 슬림 | 18,333원 |"}}
            .dump() +
        "\n" +
        json{{"id", "plain"}, {"title", "배송 조회"}, {"body", "택배사 화면에서 조회합니다."}}
            .dump();
    {
        srv::SqliteKnowledgeStore kb(db);
        CHECK(meta("schema_version") == "2");
        REQUIRE(srv::importArticles(kb, jsonl, std::chrono::system_clock::now()).imported == 2);
        CHECK(bodyText("prorate").find('|') == std::string::npos);
        // Back to a database written before the migration: the text as htmlToText made it from
        // cmark's HTML, and no schema version.
        auto html = db.prepare("SELECT body_html FROM kb_articles WHERE id = 'prorate'");
        REQUIRE(html.step());
        const std::string oldText = srv::kb::htmlToText(html.text(0));
        html.reset();
        REQUIRE(oldText.find("|---|---|") != std::string::npos);
        auto up = db.prepare("UPDATE kb_articles SET body_text = ? WHERE id = 'prorate'");
        up.bind(1, oldText);
        up.run();
        db.exec("DELETE FROM kb_meta WHERE key = 'schema_version'");
        // What counselors saw.
        CHECK(snippet(kb, "슬림").find("|---|---|") != std::string::npos);
        CHECK(snippet(kb, "날짜 비율").find("**") != std::string::npos);
    }
    const std::string plainBefore = bodyText("plain");
    {
        srv::SqliteKnowledgeStore kb(db);
        CHECK(meta("schema_version") == "2");
        CHECK(meta("index_version") == "3");  // rebuilt from the new text
        for (const char* q : {"슬림", "날짜 비율", "금액"}) {
            const std::string s = snippet(kb, q);
            INFO(q << ": " << s);
            CHECK(s.find('|') == std::string::npos);
            CHECK(s.find("---") == std::string::npos);
            CHECK(s.find("**") == std::string::npos);
            CHECK(s.find("18,333원") != std::string::npos);
        }
        CHECK(bodyText("prorate") ==
              "요금이 날짜 비율(일할)로 계산됩니다.\n요금제 금액\n5G 슬림 18,333원");
        CHECK(bodyText("plain") == plainBefore);
        CHECK(snippet(kb, "택배사").find("<mark>택배사</mark>") != std::string::npos);
    }
    {
        // Opening again applies nothing twice.
        srv::SqliteKnowledgeStore kb(db);
        CHECK(meta("schema_version") == "2");
        CHECK(kb.articleCount() == 2);
    }
}
