#pragma once
// Submissions that must reach the server exactly once, whatever happens to the network or to
// this process: each is written to the local store with an idempotency key first, then sent
// in order. The server dedupes by key, so a retry after a lost answer never makes a second note.
// - No answer, 408, 429 or 503 (the server is unreachable or busy): the whole queue waits,
//   retried with backoff, and at once when resume() is called (e.g. on reconnect).
// - Any other 5xx (the server failed on this one submission): that submission alone backs off
//   and the ones behind it go ahead; after kAttentionAfter such failures in a row it is marked
//   needsAttention (shown to the counselor) and is still retried, never dropped.
// - A 4xx answer moves it to "rejected", kept for the agent.
//
// Threads: one thread (the GUI thread in the app); store I/O runs on the store's thread.
#include <chrono>
#include <optional>

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include "crm/api/api_client.h"
#include "crm/model/note.h"
#include "crm/store/local_store.h"

namespace agentdesk::crm {

// A submission as the UI shows it: what was sent and where it stands. Kept for the submissions
// of this session (and those replayed from an earlier run), newest last.
struct OutboxEntry {
    QString idempotencyKey, kind, callId, customerId, wrapupCode, text;
    OutboxItem::State state = OutboxItem::State::Pending;
    QString noteId;       // once delivered
    ApiError error;       // once rejected (or the last failed attempt while pending)
    QDateTime updatedAt;  // of the last change of state
    // Pending, but the server answered 5xx to it kAttentionAfter times in a row: the counselor
    // is told (it is kept and retried, and later submissions are not held up behind it).
    bool needsAttention = false;
    int serverFailures = 0;  // 5xx answers in a row
};

class Outbox : public QObject {
    Q_OBJECT
public:
    Outbox(LocalStore& store, ApiClient& api, QObject* parent = nullptr);

    // Whose submissions to replay (the logged-in user); loads what an earlier run left.
    void setOwner(const QString& owner);
    QString owner() const { return owner_; }
    // Queues a note. Returns its idempotency key (generated when the submission has none).
    // draftKey: the owner's local draft the note was typed in, removed atomically with queuing.
    QString submitNote(NoteSubmission note, const QString& draftKey = {});
    // Try the head of the queue now (the server is back).
    void resume();
    // Stop sending (logout, session expired); queued items stay in the store.
    void pause();

    int pendingCount() const { return static_cast<int>(queue_.size()); }
    qint64 deliveredCount() const { return delivered_; }

    // The latest submissions (at most kRecentLimit), oldest first.
    static constexpr int kRecentLimit = 20;
    static constexpr int kAttentionAfter = 3;
    const QList<OutboxEntry>& recent() const { return recent_; }
    std::optional<OutboxEntry> entry(const QString& idempotencyKey) const;

signals:
    // The submission is in the local store: from now on it survives a crash, so the UI may drop
    // its own copy (the note draft).
    void queued(const QString& idempotencyKey);
    // An entry of recent() was added or changed state.
    void entryChanged(const QString& idempotencyKey);
    void delivered(const QString& idempotencyKey, const agentdesk::crm::Note& note);
    void rejected(const QString& idempotencyKey, const agentdesk::crm::ApiError& error);
    // The server keeps failing on this submission (see OutboxEntry::needsAttention).
    void needsAttention(const QString& idempotencyKey, const agentdesk::crm::ApiError& error);
    void pendingCountChanged(int count);

private:
    void add(const OutboxItem& item);
    // A pending submission and when it may be tried next.
    struct Queued {
        OutboxItem item;
        int serverFailures = 0;  // 5xx answers in a row (other than 503)
        qint64 notBeforeMs = 0;  // steady clock; 0: at once
    };
    void pump();
    void scheduleRetry(qint64 atMs);
    void onAnswer(const OutboxItem& item, const HttpResponse& response, const ApiError& error);
    void onDelivered(const OutboxItem& item, const HttpResponse& response);
    void onServerFailure(const OutboxItem& item, const ApiError& error);
    void onRejected(const OutboxItem& item, const ApiError& error);
    Queued* findQueued(qint64 seq);
    void removeQueued(qint64 seq);
    void remember(const OutboxItem& item);
    OutboxEntry* findEntry(const QString& idempotencyKey);

    LocalStore& store_;
    ApiClient& api_;
    QString owner_;
    QList<Queued> queue_;  // in seq order
    QList<OutboxEntry> recent_;
    bool sending_ = false;
    bool paused_ = true;
    int failures_ = 0;           // whole-queue failures in a row (no answer, busy)
    qint64 blockedUntilMs_ = 0;  // steady clock: the whole queue waits until then
    qint64 delivered_ = 0;
    quint64 generation_ = 0;
    QTimer retry_;
};

}  // namespace agentdesk::crm
