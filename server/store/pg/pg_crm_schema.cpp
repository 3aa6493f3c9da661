// The CRM store's schema on PostgreSQL: numbered migrations recorded in schema_migrations.
#include <iterator>
#include <string>

#include "common/logging.h"
#include "server/store/pg/pg_crm_store.h"

namespace agentdesk::server::pg {

namespace {

// Append only: a database is brought from its version to the latest, one step at a time, each
// in a transaction with its row in schema_migrations. Version 1 holds everything the SQLite
// schema reached by its version 6.
constexpr const char* kMigrations[] = {
    // 1: users, customers and their records, contacts, notes, reference data, audit,
    // evaluations, agent assist, sessions.
    R"SQL(
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE users (
  id TEXT PRIMARY KEY, username TEXT UNIQUE NOT NULL, name TEXT NOT NULL, name_en TEXT,
  role TEXT NOT NULL, skills TEXT NOT NULL, extension TEXT, pw_hash TEXT NOT NULL,
  sip_ha1 TEXT, disabled BOOLEAN NOT NULL DEFAULT false);
CREATE TABLE customers (
  seq BIGSERIAL UNIQUE, id TEXT PRIMARY KEY, customer_no TEXT UNIQUE, name TEXT NOT NULL,
  name_en TEXT, email TEXT, birth_date TEXT, rrn TEXT, gender TEXT,
  grade TEXT NOT NULL DEFAULT 'NORMAL', vip BOOLEAN NOT NULL DEFAULT false,
  abusive BOOLEAN NOT NULL DEFAULT false, abusive_count INTEGER NOT NULL DEFAULT 0,
  address TEXT, preferred_lang TEXT NOT NULL DEFAULT 'ko', consents TEXT NOT NULL DEFAULT '{}',
  last_contact_reason TEXT, created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL,
  external_id TEXT UNIQUE);
CREATE INDEX customers_name ON customers(name);
CREATE INDEX customers_email ON customers(lower(email));
-- Part-of-a-name searches ("민준" in "김민준"): trigram indexes serve ILIKE '%…%'.
CREATE INDEX customers_name_trgm ON customers USING gin (name gin_trgm_ops);
CREATE INDEX customers_name_en_trgm ON customers USING gin (lower(name_en) gin_trgm_ops);
CREATE TABLE customer_phones (
  id BIGSERIAL PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  e164 TEXT NOT NULL, label TEXT, is_primary BOOLEAN NOT NULL DEFAULT false);
CREATE INDEX customer_phones_e164 ON customer_phones(e164);
CREATE INDEX customer_phones_customer ON customer_phones(customer_id);
CREATE TABLE products (
  id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  kind TEXT, name TEXT, number TEXT, status TEXT, started_at TEXT, monthly_fee BIGINT);
CREATE INDEX products_customer ON products(customer_id);
CREATE TABLE cases (
  id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  title TEXT, status TEXT, priority TEXT, queue TEXT, opened_at TEXT, updated_at TEXT);
CREATE INDEX cases_customer ON cases(customer_id);
CREATE TABLE interactions (
  id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  call_id TEXT, channel TEXT, direction TEXT, queue TEXT, started_ms BIGINT NOT NULL,
  duration_sec INTEGER, reason TEXT, end_reason TEXT, wrapup_code TEXT, agent_id TEXT,
  agent_name TEXT);
CREATE INDEX interactions_customer ON interactions(customer_id, started_ms DESC);
CREATE INDEX interactions_call ON interactions(call_id);
CREATE TABLE notes (
  id TEXT PRIMARY KEY, idempotency_key TEXT, call_id TEXT, interaction_id TEXT,
  customer_id TEXT NOT NULL, wrapup_code TEXT, text TEXT NOT NULL, author_id TEXT,
  version INTEGER NOT NULL DEFAULT 1, created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL,
  draft_kept DOUBLE PRECISION);
CREATE UNIQUE INDEX notes_idempotency ON notes(author_id, idempotency_key);
CREATE INDEX notes_interaction ON notes(interaction_id);
CREATE INDEX notes_call ON notes(call_id);
CREATE TABLE wrapup_codes (
  code TEXT PRIMARY KEY, category TEXT, label_ko TEXT, label_en TEXT, template_ko TEXT,
  template_en TEXT, sort INTEGER);
CREATE TABLE audit_log (
  id BIGSERIAL PRIMARY KEY, at_ms BIGINT NOT NULL, user_id TEXT, customer_id TEXT, action TEXT);
CREATE INDEX audit_customer ON audit_log(customer_id);
CREATE TABLE evaluations (
  id TEXT PRIMARY KEY, call_id TEXT, agent_id TEXT NOT NULL, evaluator_id TEXT,
  greeting INTEGER, attitude INTEGER, handling INTEGER, closing INTEGER, empathy INTEGER,
  comment TEXT, created_ms BIGINT NOT NULL);
CREATE INDEX evaluations_agent ON evaluations(agent_id);
CREATE TABLE call_assist (
  call_id TEXT NOT NULL, agent_id TEXT NOT NULL, lang TEXT NOT NULL, queue TEXT,
  analysis TEXT NOT NULL, draft_code TEXT, draft_text TEXT, at_ms BIGINT NOT NULL,
  PRIMARY KEY(call_id, agent_id));
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, role TEXT NOT NULL,
  expires_ms BIGINT NOT NULL, last_seen_ms BIGINT NOT NULL);
CREATE INDEX sessions_user ON sessions(user_id);
)SQL",
    // 2: which node runs the ACD of each routing group, with the fencing epoch
    // (server/cluster/lease_table.h). The times are the database's: nodes' clocks may differ.
    R"SQL(
CREATE TABLE acd_leases (
  routing_group TEXT PRIMARY KEY, owner TEXT NOT NULL, owner_instance TEXT NOT NULL,
  epoch BIGINT NOT NULL, expires_at TIMESTAMPTZ NOT NULL, acquired_at TIMESTAMPTZ NOT NULL);
)SQL",
    // 3: the ACD's durable state, written by the lease owner under its epoch
    // (server/cluster/acd_state_store.h): each agent's chosen state.
    R"SQL(
CREATE TABLE acd_agent_states (
  routing_group TEXT NOT NULL, agent_id TEXT NOT NULL, state TEXT NOT NULL,
  reason TEXT NOT NULL, since_ms BIGINT NOT NULL, epoch BIGINT NOT NULL,
  PRIMARY KEY(routing_group, agent_id));
)SQL",
    // 4: the rest of the ACD's durable state (server/acd/acd_durable.h): each agent's whole
    // record (after-call work, today's figures) and every call the ACD holds, as JSON.
    R"SQL(
ALTER TABLE acd_agent_states ADD COLUMN detail JSONB;
CREATE TABLE acd_calls (
  routing_group TEXT NOT NULL, call_id TEXT NOT NULL, detail JSONB NOT NULL,
  epoch BIGINT NOT NULL, PRIMARY KEY(routing_group, call_id));
)SQL",
};

// Held by the migrating transaction, so that two nodes starting at once migrate one after the
// other (the second finds nothing left to do).
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(7413001)";

}  // namespace

int PgCrmStore::latestSchemaVersion() {
    return static_cast<int>(std::size(kMigrations));
}

int PgCrmStore::schemaVersion() {
    auto exists = db_.exec("SELECT to_regclass('schema_migrations') IS NOT NULL");
    if (!exists.boolean(0, 0))
        return 0;
    auto r = db_.exec("SELECT coalesce(max(version), 0) FROM schema_migrations");
    return static_cast<int>(r.integer(0, 0));
}

void PgCrmStore::migrate() {
    {
        auto encoding = db_.exec(
            "SELECT pg_encoding_to_char(encoding), CASE datlocprovider WHEN 'c' THEN datcollate "
            "ELSE 'ICU ' || daticulocale END FROM pg_database "
            "WHERE datname = current_database()");
        if (encoding.text(0, 0) != "UTF8")
            throw PgError("the database is " + encoding.text(0, 0) +
                              "; AgentDesk needs a UTF-8 database (createdb -E UTF8)",
                          "");
        // Names and ids sort by code point, as on SQLite, only under the C collation.
        const std::string collate = encoding.text(0, 1);
        if (collate != "C" && collate != "C.UTF-8" && collate != "C.utf8" && collate != "POSIX")
            throw PgError("the database sorts text by " + collate +
                              "; AgentDesk needs the C collation (createdb -E UTF8 -l C.UTF-8 "
                              "-T template0)",
                          "");
    }
    const int latest = latestSchemaVersion();
    if (const int current = schemaVersion(); current > latest) {
        throw PgError("the database was written by a newer AgentDesk (schema " +
                          std::to_string(current) + ", this build knows " + std::to_string(latest) +
                          ")",
                      "");
    }
    for (;;) {
        bool done = false;
        db_.transaction([&] {
            db_.exec(kMigrationLock);
            db_.execScript(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                "applied_ms BIGINT NOT NULL)");
            const int current = schemaVersion();
            if (current >= latest) {
                done = true;
                return;
            }
            db_.execScript(kMigrations[current]);
            db_.exec("INSERT INTO schema_migrations(version, applied_ms) VALUES($1, $2)",
                     {current + 1, toUnixMs(std::chrono::system_clock::now())});
            logging::get("store")->info("database schema migrated to version {}", current + 1);
        });
        if (done)
            return;
    }
}

}  // namespace agentdesk::server::pg
