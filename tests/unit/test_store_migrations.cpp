// The CRM store's numbered schema migrations, from a database written before them.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "common/sqlite_db.h"
#include "server/auth/sip_credentials.h"
#include "server/store/sqlite_crm_store.h"

namespace srv = agentdesk::server;

TEST_CASE(
    "store: a version-1 database gains the SIP credential and disabled columns and keeps its users",
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
        CHECK(st.integer(0) == 4);
        st.reset();
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
