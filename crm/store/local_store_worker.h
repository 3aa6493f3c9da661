#pragma once
// Internals of LocalStore shared by its source files (local_store*.cpp): the worker thread and
// its job queue, delivery of results to a context's thread, conversions. Not for other code.
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QObject>
#include <QString>

#include <spdlog/spdlog.h>

#include "common/logging.h"
#include "common/sqlite_db.h"
#include "crm/net/delivery_gate.h"
#include "crm/store/local_store.h"

namespace agentdesk::crm::local_store_detail {

inline std::string str(const QString& value) {
    return value.toStdString();
}
inline std::string_view bytes(const QByteArray& value) {
    return {value.constData(), static_cast<std::size_t>(value.size())};
}
inline QString qstr(const std::string& value) {
    return QString::fromStdString(value);
}
inline QByteArray qbytes(const std::string& value) {
    return QByteArray(value.data(), static_cast<qsizetype>(value.size()));
}

// One DeliveryGate per context (crm/net/delivery_gate.h), closed by the context's destroyed(),
// so the worker never posts to a dead object. The registry forgets a context when it goes.
class ContextRegistry : public std::enable_shared_from_this<ContextRegistry> {
public:
    std::shared_ptr<DeliveryGate> gateFor(QObject* context) {
        if (!context)
            return nullptr;
        {
            std::lock_guard lock(mutex_);
            if (auto it = entries_.find(context); it != entries_.end())
                return it->second.gate;
        }
        auto gate = DeliveryGate::closeOnDestroyed(context);
        auto connection = QObject::connect(context, &QObject::destroyed,
                                           [weak = weak_from_this(), gate](QObject* object) {
                                               if (auto self = weak.lock())
                                                   self->forget(object, gate);
                                           });
        std::lock_guard lock(mutex_);
        auto [it, inserted] = entries_.try_emplace(context, Entry{gate, connection});
        if (!inserted)  // another thread registered it meanwhile
            QObject::disconnect(connection);
        return it->second.gate;
    }

    void disconnectAll() {
        std::lock_guard lock(mutex_);
        for (auto& [object, entry] : entries_)
            QObject::disconnect(entry.connection);
        entries_.clear();
    }

private:
    struct Entry {
        std::shared_ptr<DeliveryGate> gate;
        QMetaObject::Connection connection;
    };

    void forget(QObject* object, const std::shared_ptr<DeliveryGate>& gate) {
        std::lock_guard lock(mutex_);
        if (auto it = entries_.find(object); it != entries_.end() && it->second.gate == gate)
            entries_.erase(it);
    }

    std::mutex mutex_;
    std::unordered_map<QObject*, Entry> entries_;
};

// Runs fn on the context's thread unless the context is gone (no gate: no one to tell).
inline void deliver(const std::shared_ptr<DeliveryGate>& gate, std::function<void()> fn) {
    if (gate)
        gate->post(std::move(fn));
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

// The schema version this client writes.
int schemaVersion();
// Creates or upgrades the schema (PRAGMA user_version); throws when the file is newer.
void migrate(SqliteDb& db);
// Drops delivered outbox rows and cache entries older than LocalStore::kRetentionMs.
void purge(Worker& w);

}  // namespace agentdesk::crm::local_store_detail

namespace agentdesk::crm {

struct LocalStore::Impl {
    using Worker = local_store_detail::Worker;
    using ContextRegistry = local_store_detail::ContextRegistry;

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

    // A job that reads: compute(worker) on the store's thread, its result handed to `done` on the
    // context's thread (not at all once the context is gone); `onError` instead when it fails.
    template <class T>
    void submitRead(const char* op, QObject* context, std::function<void(T)> done,
                    std::function<T(Worker&)> compute, T onError = T{}) {
        auto gate = contexts->gateFor(context);
        submit(
            op,
            [gate, done, compute = std::move(compute)](Worker& w) {
                T result = compute(w);
                local_store_detail::deliver(gate,
                                            [done, result = std::move(result)] { done(result); });
            },
            [gate, done, onError = std::move(onError)](const QString&) {
                local_store_detail::deliver(gate, [done, onError] { done(onError); });
            });
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
        queueCall(store, [store, message] { emit store->storeError(message); });
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
        local_store_detail::migrate(*db);
        w.db = std::move(db);
        local_store_detail::purge(w);
        auto query = w.db->prepare("SELECT coalesce(max(used), 0) FROM cache");
        query.step();
        w.lastUse = query.integer(0);
        query.reset();
        log->debug("local store open (schema version {})", local_store_detail::schemaVersion());
    }
};

}  // namespace agentdesk::crm
