#pragma once
// The client's local SQLite database: note drafts (nothing an agent types is lost), the outbox
// of submissions replayed when the server is back, and an offline cache of recently viewed
// customers and articles. Everything is keyed by owner (the logged-in username), so on a shared
// PC one counselor never reads another's data.
//
// Threads and ownership:
// - LocalStore owns one worker thread, and only that thread touches the SqliteDb (it opens,
//   uses and closes it). Every public call may come from any thread: it queues a job (run in
//   FIFO order) and returns at once. No SQL runs on the caller's thread.
// - Results come back one way: QMetaObject::invokeMethod(context, ..., Qt::QueuedConnection),
//   so a callback runs in the context's thread's event loop. A result whose context is null or
//   has been destroyed is dropped (the context's destroyed() is watched, so this is race-free).
//   After an error the callback still runs, with an empty result.
// - Errors never throw to callers: they are logged to the "store" logger (never with note text
//   or personal data) and storeError() is emitted, queued, on the thread the LocalStore lives in.
// - flush() blocks until every job queued before it has run; the destructor flushes, closes the
//   database on the worker thread and joins it.
#include <functional>
#include <memory>
#include <optional>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

namespace agentdesk::crm {

struct NoteDraft {
    QString owner;  // logged-in username
    QString key;    // what the note is for: a call id, or "customer:<id>"
    QString customerId, callId, wrapupCode, text;
    qint64 updatedAtMs = 0;  // ms since the epoch; 0 on save: stamped by the store
};

struct OutboxItem {
    qint64 seq = 0;  // assigned by enqueue(); replay in seq order
    QString owner, kind, method, path;
    QByteArray body;
    QString idempotencyKey;  // unique; the server dedupes by it
    enum class State { Pending, Delivered, Rejected } state = State::Pending;
    int attempts = 0;  // outcomes recorded by markAttempt/markDelivered/markRejected
    QString lastError;
    qint64 createdAtMs = 0, updatedAtMs = 0;
    QByteArray response;  // the server's answer once delivered
    // enqueue() only, not stored: the key of the owner's draft this submission was typed in;
    // the draft is removed in the same transaction that stores the submission.
    QString draftKey;
};

struct LocalStoreOptions {
    // Cache entries kept per (owner, kind); the least recently used go first.
    int cacheCapacity = 200;
    // Wall clock in ms since the epoch, called on the worker thread; empty: the system clock.
    // Tests move time with it.
    std::function<qint64()> clock;
};

// $XDG_DATA_HOME/agentdesk/client.db, else ~/.local/share/agentdesk/client.db. Creates the
// directory.
QString defaultLocalStorePath();

class LocalStore : public QObject {
    Q_OBJECT
public:
    // Delivered outbox rows and cache entries older than this are purged (personal data is kept
    // no longer than it is useful).
    static constexpr qint64 kRetentionMs = 7LL * 24 * 60 * 60 * 1000;

    explicit LocalStore(const QString& path, LocalStoreOptions options = {},
                        QObject* parent = nullptr);
    ~LocalStore() override;
    LocalStore(const LocalStore&) = delete;
    LocalStore& operator=(const LocalStore&) = delete;

    QString path() const;

    // --- Drafts ---
    // Insert or replace the draft for (owner, key). `done` (optional) reports whether it was
    // written.
    void saveDraft(NoteDraft draft, QObject* context = nullptr,
                   std::function<void(bool ok)> done = {});
    void removeDraft(const QString& owner, const QString& key);
    // Newest first.
    void loadDrafts(const QString& owner, QObject* context,
                    std::function<void(QList<NoteDraft>)> done);
    void loadDraft(const QString& owner, const QString& key, QObject* context,
                   std::function<void(std::optional<NoteDraft>)> done);

    // --- Outbox ---
    // Appends a Pending item; seq, state, attempts, lastError and response of `item` are
    // ignored. The same idempotency key again gives the existing seq and no second row.
    // On failure seq is 0 and error says why.
    void enqueue(OutboxItem item, QObject* context,
                 std::function<void(qint64 seq, QString error)> done);
    // Pending items of owner in seq order.
    void pending(const QString& owner, QObject* context,
                 std::function<void(QList<OutboxItem>)> done);
    // Rejected items of owner in seq order: kept for good, so the UI can show them.
    void rejected(const QString& owner, QObject* context,
                  std::function<void(QList<OutboxItem>)> done);
    // Each records the outcome of one attempt (attempts + 1) of a Pending item.
    void markDelivered(qint64 seq, QByteArray response);
    void markAttempt(qint64 seq, QString error);  // stays Pending
    void markRejected(qint64 seq, QString error);

    // --- Offline cache ---
    void putCache(const QString& owner, const QString& kind, const QString& id, QByteArray json);
    // A hit counts as a use for the LRU order. storedAtMs is 0 on a miss.
    void getCache(const QString& owner, const QString& kind, const QString& id, QObject* context,
                  std::function<void(std::optional<QByteArray> json, qint64 storedAtMs)> done);
    // Most recently used first, at most `limit`.
    void recentCache(const QString& owner, const QString& kind, int limit, QObject* context,
                     std::function<void(QList<QPair<QString, QByteArray>>)> done);

    // Forgets everything cached for this owner (at logout: no customer stays on the computer
    // after the counselor leaves it). Drafts and the outbox are kept: they are the agent's work.
    void clearCache(const QString& owner);

    // Drops delivered outbox rows and cache entries older than kRetentionMs. Also run on open.
    void purgeExpired();

    // Blocks until every job queued before this call has run.
    void flush();

signals:
    void storeError(const QString& what);

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

}  // namespace agentdesk::crm
