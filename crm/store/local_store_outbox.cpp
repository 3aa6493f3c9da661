// LocalStore: the outbox of submissions (see local_store.h).
#include "crm/store/local_store.h"
#include "crm/store/local_store_worker.h"

namespace agentdesk::crm {

using namespace local_store_detail;

namespace {

const char* stateName(OutboxItem::State state) {
    switch (state) {
        case OutboxItem::State::Pending:
            return "pending";
        case OutboxItem::State::Delivered:
            return "delivered";
        case OutboxItem::State::Rejected:
            return "rejected";
    }
    return "pending";
}
OutboxItem::State stateFromName(const std::string& name) {
    if (name == "delivered")
        return OutboxItem::State::Delivered;
    if (name == "rejected")
        return OutboxItem::State::Rejected;
    return OutboxItem::State::Pending;
}

OutboxItem readOutboxItem(const Statement& row) {
    OutboxItem item;
    item.seq = row.integer(0);
    item.owner = qstr(row.text(1));
    item.kind = qstr(row.text(2));
    item.method = qstr(row.text(3));
    item.path = qstr(row.text(4));
    item.body = qbytes(row.text(5));
    item.idempotencyKey = qstr(row.text(6));
    item.state = stateFromName(row.text(7));
    item.attempts = static_cast<int>(row.integer(8));
    item.lastError = qstr(row.text(9));
    item.createdAtMs = row.integer(10);
    item.updatedAtMs = row.integer(11);
    item.response = qbytes(row.text(12));
    return item;
}

QList<OutboxItem> outboxItems(Worker& w, const QString& owner, OutboxItem::State state) {
    auto query = w.database().prepare(
        "SELECT seq, owner, kind, method, path, body, idempotency_key, state, attempts, "
        "last_error, created_at_ms, updated_at_ms, response FROM outbox "
        "WHERE owner = ? AND state = ? ORDER BY seq");
    query.bind(1, str(owner)).bind(2, stateName(state));
    QList<OutboxItem> items;
    while (query.step())
        items.append(readOutboxItem(query));
    return items;
}

}  // namespace

// --- Outbox ---

void LocalStore::enqueue(OutboxItem item, QObject* context,
                         std::function<void(qint64, QString)> done) {
    auto gate = d_->contexts->gateFor(context);
    auto report = [gate, done](qint64 seq, const QString& error) {
        if (done)
            deliver(gate, [done, seq, error] { done(seq, error); });
    };
    d_->submit(
        "enqueue",
        [item = std::move(item), report](Worker& w) {
            if (item.owner.isEmpty() || item.idempotencyKey.isEmpty())
                throw std::invalid_argument("an outbox item needs an owner and an idempotency key");
            SqliteDb& db = w.database();
            const qint64 now = w.now();
            qint64 seq = 0;
            db.transaction([&] {
                db.prepare(
                      "INSERT INTO outbox (owner, kind, method, path, body, idempotency_key, "
                      "created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                      "ON CONFLICT (idempotency_key) DO NOTHING")
                    .bind(1, str(item.owner))
                    .bind(2, str(item.kind))
                    .bind(3, str(item.method))
                    .bind(4, str(item.path))
                    .bind(5, bytes(item.body))
                    .bind(6, str(item.idempotencyKey))
                    .bind(7, item.createdAtMs != 0 ? item.createdAtMs : now)
                    .bind(8, now)
                    .run();
                if (db.changes() == 1) {
                    seq = db.lastInsertRowId();
                } else {
                    auto query = db.prepare("SELECT seq FROM outbox WHERE idempotency_key = ?");
                    query.bind(1, str(item.idempotencyKey));
                    if (query.step())
                        seq = query.integer(0);
                    query.reset();
                    logging::get("store")->debug("enqueue: key already in the outbox as seq {}",
                                                 seq);
                }
                // The note now lives in the outbox: the draft it was typed in goes in the same
                // transaction, so a crash leaves one or the other, never both (a draft that came
                // back would be offered for a second submission).
                if (!item.draftKey.isEmpty()) {
                    db.prepare("DELETE FROM drafts WHERE owner = ? AND key = ?")
                        .bind(1, str(item.owner))
                        .bind(2, str(item.draftKey))
                        .run();
                }
            });
            report(seq, {});
        },
        [report](const QString& error) { report(0, error); });
}

void LocalStore::pending(const QString& owner, QObject* context,
                         std::function<void(QList<OutboxItem>)> done) {
    d_->submitRead<QList<OutboxItem>>("pending", context, std::move(done), [owner](Worker& w) {
        return outboxItems(w, owner, OutboxItem::State::Pending);
    });
}

void LocalStore::rejected(const QString& owner, QObject* context,
                          std::function<void(QList<OutboxItem>)> done) {
    d_->submitRead<QList<OutboxItem>>("rejected", context, std::move(done), [owner](Worker& w) {
        return outboxItems(w, owner, OutboxItem::State::Rejected);
    });
}

void LocalStore::markDelivered(qint64 seq, QByteArray response) {
    d_->submit("markDelivered", [seq, response = std::move(response)](Worker& w) {
        SqliteDb& db = w.database();
        db.prepare(
              "UPDATE outbox SET state = 'delivered', attempts = attempts + 1, response = ?, "
              "updated_at_ms = ? WHERE seq = ? AND state = 'pending'")
            .bind(1, bytes(response))
            .bind(2, w.now())
            .bind(3, seq)
            .run();
        if (db.changes() == 0)
            logging::get("store")->warn("markDelivered: outbox item {} is not pending", seq);
    });
}

void LocalStore::markAttempt(qint64 seq, QString error) {
    d_->submit("markAttempt", [seq, error = std::move(error)](Worker& w) {
        SqliteDb& db = w.database();
        db.prepare(
              "UPDATE outbox SET attempts = attempts + 1, last_error = ?, updated_at_ms = ? "
              "WHERE seq = ? AND state = 'pending'")
            .bind(1, str(error))
            .bind(2, w.now())
            .bind(3, seq)
            .run();
        if (db.changes() == 0)
            logging::get("store")->warn("markAttempt: outbox item {} is not pending", seq);
    });
}

void LocalStore::markRejected(qint64 seq, QString error) {
    d_->submit("markRejected", [seq, error = std::move(error)](Worker& w) {
        SqliteDb& db = w.database();
        db.prepare(
              "UPDATE outbox SET state = 'rejected', attempts = attempts + 1, last_error = ?, "
              "updated_at_ms = ? WHERE seq = ? AND state = 'pending'")
            .bind(1, str(error))
            .bind(2, w.now())
            .bind(3, seq)
            .run();
        if (db.changes() == 0)
            logging::get("store")->warn("markRejected: outbox item {} is not pending", seq);
    });
}

}  // namespace agentdesk::crm
