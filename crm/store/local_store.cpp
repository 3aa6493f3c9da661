#include "crm/store/local_store.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <iterator>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>

#include <spdlog/spdlog.h>

#include "common/logging.h"
#include "common/sqlite_db.h"

namespace agentdesk::crm {

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

std::string str(const QString& value) {
    return value.toStdString();
}
std::string_view bytes(const QByteArray& value) {
    return {value.constData(), static_cast<std::size_t>(value.size())};
}
QString qstr(const std::string& value) {
    return QString::fromStdString(value);
}
QByteArray qbytes(const std::string& value) {
    return QByteArray(value.data(), static_cast<qsizetype>(value.size()));
}

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

// Watches a context's destroyed() so the worker never posts to a dead object: the worker posts
// while holding `mutex`, and destroyed() (run on the context's thread, before the QObject is
// freed) clears `object` under the same mutex.
struct ContextGuard {
    std::mutex mutex;
    QObject* object = nullptr;
};

class ContextRegistry : public std::enable_shared_from_this<ContextRegistry> {
public:
    std::shared_ptr<ContextGuard> guardFor(QObject* context) {
        if (!context)
            return nullptr;
        {
            std::lock_guard lock(mutex_);
            if (auto it = entries_.find(context); it != entries_.end())
                return it->second.guard;
        }
        auto guard = std::make_shared<ContextGuard>();
        guard->object = context;
        auto connection = QObject::connect(context, &QObject::destroyed,
                                           [weak = weak_from_this(), guard](QObject* object) {
                                               {
                                                   std::lock_guard lock(guard->mutex);
                                                   guard->object = nullptr;
                                               }
                                               if (auto self = weak.lock())
                                                   self->forget(object, guard);
                                           });
        std::lock_guard lock(mutex_);
        auto [it, inserted] = entries_.try_emplace(context, Entry{guard, connection});
        if (!inserted)  // another thread registered it meanwhile
            QObject::disconnect(connection);
        return it->second.guard;
    }

    void disconnectAll() {
        std::lock_guard lock(mutex_);
        for (auto& [object, entry] : entries_)
            QObject::disconnect(entry.connection);
        entries_.clear();
    }

private:
    struct Entry {
        std::shared_ptr<ContextGuard> guard;
        QMetaObject::Connection connection;
    };

    void forget(QObject* object, const std::shared_ptr<ContextGuard>& guard) {
        std::lock_guard lock(mutex_);
        if (auto it = entries_.find(object); it != entries_.end() && it->second.guard == guard)
            entries_.erase(it);
    }

    std::mutex mutex_;
    std::unordered_map<QObject*, Entry> entries_;
};

// Runs fn on the context's thread unless the context is gone.
void deliver(const std::shared_ptr<ContextGuard>& guard, std::function<void()> fn) {
    if (!guard)
        return;
    std::lock_guard lock(guard->mutex);
    if (!guard->object)
        return;
    QMetaObject::invokeMethod(guard->object, std::move(fn), Qt::QueuedConnection);
}

// State of the worker thread; touched by no other thread.
struct Worker {
    std::unique_ptr<SqliteDb> db;
    qint64 lastUse = 0;  // the cache's LRU counter
    int cacheCapacity = 200;
    std::function<qint64()> clock;

    SqliteDb& database() {
        if (!db)
            throw std::runtime_error("the store is not open");
        return *db;
    }
    qint64 now() const { return clock ? clock() : QDateTime::currentMSecsSinceEpoch(); }
};

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

NoteDraft readDraft(const Statement& row) {
    NoteDraft draft;
    draft.owner = qstr(row.text(0));
    draft.key = qstr(row.text(1));
    draft.customerId = qstr(row.text(2));
    draft.callId = qstr(row.text(3));
    draft.wrapupCode = qstr(row.text(4));
    draft.text = qstr(row.text(5));
    draft.updatedAtMs = row.integer(6);
    return draft;
}
constexpr const char* kDraftColumns =
    "owner, key, customer_id, call_id, wrapup_code, text, updated_at_ms";

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

QString defaultLocalStorePath() {
    QString dataHome = qEnvironmentVariable("XDG_DATA_HOME");
    // The XDG spec says to ignore a relative path.
    if (dataHome.isEmpty() || QDir::isRelativePath(dataHome))
        dataHome = QDir::homePath() + QStringLiteral("/.local/share");
    const QString dir = dataHome + QStringLiteral("/agentdesk");
    if (!QDir().mkpath(dir))
        logging::get("store")->warn("cannot create the local store directory");
    return dir + QStringLiteral("/client.db");
}

struct LocalStore::Impl {
    struct Job {
        const char* op;
        std::function<void(Worker&)> run;
        std::function<void(const QString&)> failed;  // worker thread, after the error was reported
    };

    LocalStore* q;
    QString path;
    std::shared_ptr<spdlog::logger> log = logging::get("store");
    std::shared_ptr<ContextRegistry> contexts = std::make_shared<ContextRegistry>();

    std::mutex mutex;  // guards the queue and the counters
    std::condition_variable wake;
    std::condition_variable idle;
    std::deque<Job> queue;
    quint64 queued = 0;
    quint64 finished = 0;
    bool stopping = false;

    Worker worker;  // worker thread only
    std::thread thread;

    Impl(LocalStore* owner, QString dbPath, LocalStoreOptions options)
        : q(owner), path(std::move(dbPath)) {
        worker.cacheCapacity = std::max(1, options.cacheCapacity);
        worker.clock = std::move(options.clock);
    }

    void submit(const char* op, std::function<void(Worker&)> run,
                std::function<void(const QString&)> failed = {}) {
        {
            std::lock_guard lock(mutex);
            if (stopping) {
                log->error("{}: called while the store shuts down", op);
                return;
            }
            queue.push_back({op, std::move(run), std::move(failed)});
            ++queued;
        }
        wake.notify_one();
    }

    void runLoop() {
        for (;;) {
            Job job;
            {
                std::unique_lock lock(mutex);
                wake.wait(lock, [&] { return stopping || !queue.empty(); });
                if (queue.empty())
                    break;
                job = std::move(queue.front());
                queue.pop_front();
            }
            try {
                job.run(worker);
            } catch (const std::exception& e) {
                fail(job, e.what());
            }
            {
                std::lock_guard lock(mutex);
                ++finished;
            }
            idle.notify_all();
        }
        worker.db.reset();  // closed on the thread that owns it
    }

    void fail(const Job& job, const char* what) {
        log->error("{}: {}", job.op, what);
        const QString message =
            QString::fromUtf8(job.op) + QStringLiteral(": ") + QString::fromUtf8(what);
        LocalStore* store = q;
        QMetaObject::invokeMethod(
            store, [store, message] { emit store->storeError(message); }, Qt::QueuedConnection);
        if (job.failed) {
            try {
                job.failed(message);
            } catch (const std::exception& e) {
                log->error("{}: reporting the failure: {}", job.op, e.what());
            }
        }
    }

    void open(Worker& w) {
        const QFileInfo info(path);
        QDir().mkpath(info.absolutePath());
        // Drafts, the outbox and cached customers are personal data: owner only (the files
        // themselves are created 0600 by SqliteDb).
        QFile::setPermissions(info.absolutePath(), QFileDevice::ReadOwner |
                                                       QFileDevice::WriteOwner |
                                                       QFileDevice::ExeOwner);
        auto db = std::make_unique<SqliteDb>(QFile::encodeName(path).toStdString());
        // SqliteDb already sets WAL, synchronous=FULL, foreign_keys, a 5 s busy timeout and
        // owner-only file modes; they are stated here too because the store's durability (the
        // outbox, drafts) depends on them.
        db->exec("PRAGMA journal_mode=WAL");
        db->exec("PRAGMA synchronous=FULL");
        db->exec("PRAGMA foreign_keys=ON");
        db->exec("PRAGMA busy_timeout=5000");
        migrate(*db);
        w.db = std::move(db);
        purge(w);
        auto query = w.db->prepare("SELECT coalesce(max(used), 0) FROM cache");
        query.step();
        w.lastUse = query.integer(0);
        query.reset();
        log->debug("local store open (schema version {})", kSchemaVersion);
    }
};

LocalStore::LocalStore(const QString& path, LocalStoreOptions options, QObject* parent)
    : QObject(parent), d_(std::make_unique<Impl>(this, path, std::move(options))) {
    d_->submit("open", [d = d_.get()](Worker& w) { d->open(w); });
    d_->thread = std::thread([d = d_.get()] { d->runLoop(); });
}

LocalStore::~LocalStore() {
    flush();
    {
        std::lock_guard lock(d_->mutex);
        d_->stopping = true;
    }
    d_->wake.notify_one();
    d_->thread.join();
    d_->contexts->disconnectAll();
}

QString LocalStore::path() const {
    return d_->path;
}

void LocalStore::flush() {
    if (std::this_thread::get_id() == d_->thread.get_id()) {
        d_->log->error("flush() called on the store's own thread; ignored");
        return;
    }
    std::unique_lock lock(d_->mutex);
    const quint64 target = d_->queued;
    d_->idle.wait(lock, [&] { return d_->finished >= target; });
}

// --- Drafts ---

void LocalStore::saveDraft(NoteDraft draft, QObject* context, std::function<void(bool)> done) {
    auto guard = d_->contexts->guardFor(context);
    auto report = [guard, done](bool ok) {
        if (done)
            deliver(guard, [done, ok] { done(ok); });
    };
    d_->submit(
        "saveDraft",
        [draft = std::move(draft), report](Worker& w) {
            if (draft.owner.isEmpty() || draft.key.isEmpty())
                throw std::invalid_argument("a draft needs an owner and a key");
            const qint64 updatedAt = draft.updatedAtMs != 0 ? draft.updatedAtMs : w.now();
            // No "newer wins" guard: jobs run in call order, and a clock set back must not
            // make the latest keystrokes lose.
            w.database()
                .prepare(
                    "INSERT INTO drafts (owner, key, customer_id, call_id, wrapup_code, text, "
                    "updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (owner, key) DO UPDATE SET customer_id = excluded.customer_id, "
                    "call_id = excluded.call_id, wrapup_code = excluded.wrapup_code, "
                    "text = excluded.text, updated_at_ms = excluded.updated_at_ms")
                .bind(1, str(draft.owner))
                .bind(2, str(draft.key))
                .bind(3, str(draft.customerId))
                .bind(4, str(draft.callId))
                .bind(5, str(draft.wrapupCode))
                .bind(6, str(draft.text))
                .bind(7, updatedAt)
                .run();
            report(true);
        },
        [report](const QString&) { report(false); });
}

void LocalStore::removeDraft(const QString& owner, const QString& key) {
    d_->submit("removeDraft", [owner, key](Worker& w) {
        w.database()
            .prepare("DELETE FROM drafts WHERE owner = ? AND key = ?")
            .bind(1, str(owner))
            .bind(2, str(key))
            .run();
    });
}

void LocalStore::loadDrafts(const QString& owner, QObject* context,
                            std::function<void(QList<NoteDraft>)> done) {
    auto guard = d_->contexts->guardFor(context);
    d_->submit(
        "loadDrafts",
        [owner, guard, done](Worker& w) {
            auto query = w.database().prepare(
                std::string("SELECT ") + kDraftColumns +
                " FROM drafts WHERE owner = ? ORDER BY updated_at_ms DESC, key");
            query.bind(1, str(owner));
            QList<NoteDraft> drafts;
            while (query.step())
                drafts.append(readDraft(query));
            deliver(guard, [done, drafts = std::move(drafts)] { done(drafts); });
        },
        [guard, done](const QString&) { deliver(guard, [done] { done({}); }); });
}

void LocalStore::loadDraft(const QString& owner, const QString& key, QObject* context,
                           std::function<void(std::optional<NoteDraft>)> done) {
    auto guard = d_->contexts->guardFor(context);
    d_->submit(
        "loadDraft",
        [owner, key, guard, done](Worker& w) {
            auto query = w.database().prepare(std::string("SELECT ") + kDraftColumns +
                                              " FROM drafts WHERE owner = ? AND key = ?");
            query.bind(1, str(owner)).bind(2, str(key));
            std::optional<NoteDraft> draft;
            if (query.step())
                draft = readDraft(query);
            query.reset();
            deliver(guard, [done, draft = std::move(draft)] { done(draft); });
        },
        [guard, done](const QString&) { deliver(guard, [done] { done(std::nullopt); }); });
}

// --- Outbox ---

void LocalStore::enqueue(OutboxItem item, QObject* context,
                         std::function<void(qint64, QString)> done) {
    auto guard = d_->contexts->guardFor(context);
    auto report = [guard, done](qint64 seq, const QString& error) {
        if (done)
            deliver(guard, [done, seq, error] { done(seq, error); });
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
    auto guard = d_->contexts->guardFor(context);
    d_->submit(
        "pending",
        [owner, guard, done](Worker& w) {
            auto items = outboxItems(w, owner, OutboxItem::State::Pending);
            deliver(guard, [done, items = std::move(items)] { done(items); });
        },
        [guard, done](const QString&) { deliver(guard, [done] { done({}); }); });
}

void LocalStore::rejected(const QString& owner, QObject* context,
                          std::function<void(QList<OutboxItem>)> done) {
    auto guard = d_->contexts->guardFor(context);
    d_->submit(
        "rejected",
        [owner, guard, done](Worker& w) {
            auto items = outboxItems(w, owner, OutboxItem::State::Rejected);
            deliver(guard, [done, items = std::move(items)] { done(items); });
        },
        [guard, done](const QString&) { deliver(guard, [done] { done({}); }); });
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
    auto guard = d_->contexts->guardFor(context);
    d_->submit(
        "getCache",
        [owner, kind, id, guard, done](Worker& w) {
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
            deliver(guard, [done, json = std::move(json), storedAt] { done(json, storedAt); });
        },
        [guard, done](const QString&) { deliver(guard, [done] { done(std::nullopt, 0); }); });
}

void LocalStore::recentCache(const QString& owner, const QString& kind, int limit, QObject* context,
                             std::function<void(QList<QPair<QString, QByteArray>>)> done) {
    auto guard = d_->contexts->guardFor(context);
    d_->submit(
        "recentCache",
        [owner, kind, limit, guard, done](Worker& w) {
            auto query = w.database().prepare(
                "SELECT id, json FROM cache WHERE owner = ? AND kind = ? AND stored_at_ms >= ? "
                "ORDER BY used DESC LIMIT ?");
            query.bind(1, str(owner)).bind(2, str(kind)).bind(3, w.now() - kRetentionMs);
            query.bind(4, std::max(0, limit));
            QList<QPair<QString, QByteArray>> entries;
            while (query.step())
                entries.append({qstr(query.text(0)), qbytes(query.text(1))});
            deliver(guard, [done, entries = std::move(entries)] { done(entries); });
        },
        [guard, done](const QString&) { deliver(guard, [done] { done({}); }); });
}

void LocalStore::clearCache(const QString& owner) {
    d_->submit("clearCache", [owner](Worker& w) {
        SqliteDb& db = w.database();
        db.prepare("DELETE FROM cache WHERE owner = ?").bind(1, str(owner)).run();
        logging::get("store")->debug("cleared {} cache entries at logout", db.changes());
    });
}

void LocalStore::purgeExpired() {
    d_->submit("purgeExpired", [](Worker& w) { purge(w); });
}

}  // namespace agentdesk::crm
