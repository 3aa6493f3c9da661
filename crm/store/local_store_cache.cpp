// LocalStore: the offline cache of customers and articles (see local_store.h).
#include <algorithm>

#include "crm/store/local_store.h"
#include "crm/store/local_store_worker.h"

namespace agentdesk::crm {

using namespace local_store_detail;

// --- Offline cache ---

void LocalStore::putCache(const QString& owner, const QString& kind, const QString& id,
                          QByteArray json) {
    d_->submit("putCache", [owner, kind, id, json = std::move(json)](Worker& w) {
        SqliteDb& db = w.database();
        db.transaction([&] {
            db.prepare(
                  "INSERT INTO cache (owner, kind, id, json, stored_at_ms, used) "
                  "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (owner, kind, id) DO UPDATE SET "
                  "json = excluded.json, stored_at_ms = excluded.stored_at_ms, "
                  "used = excluded.used")
                .bind(1, str(owner))
                .bind(2, str(kind))
                .bind(3, str(id))
                .bind(4, bytes(json))
                .bind(5, w.now())
                .bind(6, w.lastUse + 1)
                .run();
            db.prepare(
                  "DELETE FROM cache WHERE owner = ?1 AND kind = ?2 AND id IN ("
                  "SELECT id FROM cache WHERE owner = ?1 AND kind = ?2 "
                  "ORDER BY used DESC LIMIT -1 OFFSET ?3)")
                .bind(1, str(owner))
                .bind(2, str(kind))
                .bind(3, w.cacheCapacity)
                .run();
        });
        ++w.lastUse;  // only once committed
    });
}

void LocalStore::getCache(const QString& owner, const QString& kind, const QString& id,
                          QObject* context,
                          std::function<void(std::optional<QByteArray>, qint64)> done) {
    auto gate = d_->contexts->gateFor(context);
    d_->submit(
        "getCache",
        [owner, kind, id, gate, done](Worker& w) {
            SqliteDb& db = w.database();
            auto query = db.prepare(
                "SELECT json, stored_at_ms FROM cache "
                "WHERE owner = ? AND kind = ? AND id = ? AND stored_at_ms >= ?");
            query.bind(1, str(owner)).bind(2, str(kind)).bind(3, str(id));
            query.bind(4, w.now() - kRetentionMs);
            std::optional<QByteArray> json;
            qint64 storedAt = 0;
            if (query.step()) {
                json = qbytes(query.text(0));
                storedAt = query.integer(1);
            }
            query.reset();
            if (json) {
                db.prepare("UPDATE cache SET used = ? WHERE owner = ? AND kind = ? AND id = ?")
                    .bind(1, w.lastUse + 1)
                    .bind(2, str(owner))
                    .bind(3, str(kind))
                    .bind(4, str(id))
                    .run();
                ++w.lastUse;
            }
            deliver(gate, [done, json = std::move(json), storedAt] { done(json, storedAt); });
        },
        [gate, done](const QString&) { deliver(gate, [done] { done(std::nullopt, 0); }); });
}

void LocalStore::recentCache(const QString& owner, const QString& kind, int limit, QObject* context,
                             std::function<void(QList<QPair<QString, QByteArray>>)> done) {
    d_->submitRead<QList<QPair<QString, QByteArray>>>(
        "recentCache", context, std::move(done), [owner, kind, limit](Worker& w) {
            auto query = w.database().prepare(
                "SELECT id, json FROM cache WHERE owner = ? AND kind = ? AND stored_at_ms >= ? "
                "ORDER BY used DESC LIMIT ?");
            query.bind(1, str(owner)).bind(2, str(kind)).bind(3, w.now() - kRetentionMs);
            query.bind(4, std::max(0, limit));
            QList<QPair<QString, QByteArray>> entries;
            while (query.step())
                entries.append({qstr(query.text(0)), qbytes(query.text(1))});
            return entries;
        });
}

void LocalStore::clearCache(const QString& owner) {
    d_->submit("clearCache", [owner](Worker& w) {
        SqliteDb& db = w.database();
        db.prepare("DELETE FROM cache WHERE owner = ?").bind(1, str(owner)).run();
        logging::get("store")->debug("cleared {} cache entries at logout", db.changes());
    });
}

}  // namespace agentdesk::crm
