#include <iterator>

#include "crm/store/local_store_worker.h"

namespace agentdesk::crm::local_store_detail {

namespace {

// Each step moves the schema from version (index) to (index + 1); PRAGMA user_version records
// where a database is. Never edit a step that has shipped: add one.
constexpr const char* kMigrations[] = {
    // 0 -> 1
    R"sql(
    CREATE TABLE drafts (
        owner TEXT NOT NULL,
        key TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        call_id TEXT NOT NULL,
        wrapup_code TEXT NOT NULL,
        text TEXT NOT NULL,
        updated_at_ms INTEGER NOT NULL,
        PRIMARY KEY (owner, key)
    ) WITHOUT ROWID;
    CREATE INDEX drafts_by_recency ON drafts (owner, updated_at_ms);

    -- AUTOINCREMENT: a seq is never reused, even after the newest rows were purged.
    CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        owner TEXT NOT NULL,
        kind TEXT NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        body BLOB NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL DEFAULT 'pending'
            CHECK (state IN ('pending', 'delivered', 'rejected')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT '',
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL,
        response BLOB
    );
    CREATE INDEX outbox_by_owner_state ON outbox (owner, state, seq);
    CREATE INDEX outbox_delivered_by_age ON outbox (updated_at_ms) WHERE state = 'delivered';

    -- used: a store-wide counter bumped on every put and hit (LRU order without clock ties).
    CREATE TABLE cache (
        owner TEXT NOT NULL,
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        json BLOB NOT NULL,
        stored_at_ms INTEGER NOT NULL,
        used INTEGER NOT NULL,
        PRIMARY KEY (owner, kind, id)
    ) WITHOUT ROWID;
    CREATE INDEX cache_by_use ON cache (owner, kind, used);
    CREATE INDEX cache_by_age ON cache (stored_at_ms);
    )sql",
};
constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));

}  // namespace

int schemaVersion() {
    return kSchemaVersion;
}

void migrate(SqliteDb& db) {
    auto query = db.prepare("PRAGMA user_version");
    query.step();
    const int version = static_cast<int>(query.integer(0));
    query.reset();
    if (version > kSchemaVersion) {
        throw std::runtime_error("the database has schema version " + std::to_string(version) +
                                 ", newer than this client's " + std::to_string(kSchemaVersion));
    }
    for (int step = version; step < kSchemaVersion; ++step) {
        db.transaction([&] {
            db.exec(kMigrations[step]);
            db.exec("PRAGMA user_version = " + std::to_string(step + 1));
        });
        logging::get("store")->info("local store schema migrated to version {}", step + 1);
    }
}

void purge(Worker& w) {
    SqliteDb& db = w.database();
    const qint64 cutoff = w.now() - LocalStore::kRetentionMs;
    int delivered = 0;
    int cached = 0;
    db.transaction([&] {
        db.prepare("DELETE FROM outbox WHERE state = 'delivered' AND updated_at_ms < ?")
            .bind(1, cutoff)
            .run();
        delivered = db.changes();
        db.prepare("DELETE FROM cache WHERE stored_at_ms < ?").bind(1, cutoff).run();
        cached = db.changes();
    });
    if (delivered > 0 || cached > 0) {
        logging::get("store")->debug("purged {} delivered outbox rows and {} cache entries",
                                     delivered, cached);
    }
}

}  // namespace agentdesk::crm::local_store_detail
