// The CRM store's schema: the first version and the numbered migrations after it.
#include <iterator>
#include <string>

#include "common/logging.h"
#include "server/store/sqlite_crm_store.h"

namespace agentdesk::server {

namespace {

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, username TEXT UNIQUE NOT NULL, name TEXT NOT NULL, name_en TEXT,
  role TEXT NOT NULL, skills TEXT NOT NULL, extension TEXT, pw_hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS customers (
  id TEXT PRIMARY KEY, customer_no TEXT UNIQUE, name TEXT NOT NULL, name_en TEXT, email TEXT,
  birth_date TEXT, rrn TEXT, gender TEXT, grade TEXT NOT NULL DEFAULT 'NORMAL',
  vip INTEGER NOT NULL DEFAULT 0, abusive INTEGER NOT NULL DEFAULT 0,
  abusive_count INTEGER NOT NULL DEFAULT 0, address TEXT, preferred_lang TEXT DEFAULT 'ko',
  consents TEXT NOT NULL DEFAULT '{}', last_contact_reason TEXT,
  created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS customers_name ON customers(name);
CREATE TABLE IF NOT EXISTS customer_phones (
  id INTEGER PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  e164 TEXT NOT NULL, label TEXT, is_primary INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS customer_phones_e164 ON customer_phones(e164);
CREATE INDEX IF NOT EXISTS customer_phones_customer ON customer_phones(customer_id);
CREATE TABLE IF NOT EXISTS products (
  id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  kind TEXT, name TEXT, number TEXT, status TEXT, started_at TEXT, monthly_fee INTEGER);
CREATE INDEX IF NOT EXISTS products_customer ON products(customer_id);
CREATE TABLE IF NOT EXISTS cases (
  id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  title TEXT, status TEXT, priority TEXT, queue TEXT, opened_at TEXT, updated_at TEXT);
CREATE INDEX IF NOT EXISTS cases_customer ON cases(customer_id);
CREATE TABLE IF NOT EXISTS interactions (
  id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  call_id TEXT, channel TEXT, direction TEXT, queue TEXT, started_ms INTEGER NOT NULL,
  duration_sec INTEGER, reason TEXT, end_reason TEXT, wrapup_code TEXT, agent_id TEXT,
  agent_name TEXT);
CREATE INDEX IF NOT EXISTS interactions_customer ON interactions(customer_id, started_ms DESC);
CREATE INDEX IF NOT EXISTS interactions_call ON interactions(call_id);
CREATE TABLE IF NOT EXISTS notes (
  id TEXT PRIMARY KEY, idempotency_key TEXT, call_id TEXT, interaction_id TEXT,
  customer_id TEXT NOT NULL, wrapup_code TEXT, text TEXT NOT NULL, author_id TEXT,
  version INTEGER NOT NULL DEFAULT 1, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS notes_idempotency ON notes(author_id, idempotency_key);
CREATE INDEX IF NOT EXISTS notes_interaction ON notes(interaction_id);
CREATE INDEX IF NOT EXISTS notes_call ON notes(call_id);
CREATE TABLE IF NOT EXISTS wrapup_codes (
  code TEXT PRIMARY KEY, category TEXT, label_ko TEXT, label_en TEXT, template_ko TEXT,
  template_en TEXT, sort INTEGER);
CREATE TABLE IF NOT EXISTS audit_log (
  id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, user_id TEXT, customer_id TEXT, action TEXT);
CREATE INDEX IF NOT EXISTS audit_customer ON audit_log(customer_id);
CREATE TABLE IF NOT EXISTS evaluations (
  id TEXT PRIMARY KEY, call_id TEXT, agent_id TEXT NOT NULL, evaluator_id TEXT,
  greeting INTEGER, attitude INTEGER, handling INTEGER, closing INTEGER, empathy INTEGER,
  comment TEXT, created_ms INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS evaluations_agent ON evaluations(agent_id);
)SQL";

// Numbered schema changes after the first schema above (PRAGMA user_version = 1). Append only:
// a database is brought from its version to the latest, one step at a time, in a transaction.
constexpr const char* kMigrations[] = {
    // 2: agents' SIP phones (real telephony) authenticate with a digest HA1.
    "ALTER TABLE users ADD COLUMN sip_ha1 TEXT;",
    // 3: an administrator can disable an account (agentdesk-server set-user --disable).
    "ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;",
    // 4: agent assist keeps each call leg's masked transcript and drafted note, and a note
    // records how much of the draft the counselor kept.
    "CREATE TABLE IF NOT EXISTS call_assist ("
    "  call_id TEXT NOT NULL, agent_id TEXT NOT NULL, lang TEXT NOT NULL, queue TEXT,"
    "  analysis TEXT NOT NULL, draft_code TEXT, draft_text TEXT, at_ms INTEGER NOT NULL,"
    "  PRIMARY KEY(call_id, agent_id));"
    "ALTER TABLE notes ADD COLUMN draft_kept REAL;",
    // 5: a customer imported from the center's own system keeps that system's id
    // (agentdesk-server import-customers matches on it); unique when present.
    "ALTER TABLE customers ADD COLUMN external_id TEXT;"
    "CREATE UNIQUE INDEX IF NOT EXISTS customers_external_id ON customers(external_id);",
    // 6: login sessions outlive a restart: the token's SHA-256, never the token itself.
    "CREATE TABLE IF NOT EXISTS sessions ("
    "  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, role TEXT NOT NULL,"
    "  expires_ms INTEGER NOT NULL, last_seen_ms INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user_id);",
};

}  // namespace

int SqliteCrmStore::latestSchemaVersion() {
    return static_cast<int>(1 + std::size(kMigrations));
}

void SqliteCrmStore::createSchema() {
    db_.exec(kSchema);
    auto version = [this] {
        auto st = db_.prepare("PRAGMA user_version");
        st.step();
        const auto v = st.integer(0);
        st.reset();
        return v;
    };
    std::int64_t current = std::max<std::int64_t>(version(), 1);
    const std::int64_t latest = latestSchemaVersion();
    if (current > latest) {
        throw SqliteError("the database was written by a newer AgentDesk (schema " +
                          std::to_string(current) + ", this build knows " + std::to_string(latest) +
                          ")");
    }
    for (; current < latest; ++current) {
        db_.transaction([&] {
            db_.exec(kMigrations[current - 1]);
            db_.exec("PRAGMA user_version = " + std::to_string(current + 1));
        });
        logging::get("store")->info("database schema migrated to version {}", current + 1);
    }
}

}  // namespace agentdesk::server
