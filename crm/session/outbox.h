#pragma once
// Submissions that must reach the server exactly once, whatever happens to the network or to
// this process: each is written to the local store with an idempotency key first, then sent
// in order. Transport failures and 5xx keep it queued (retried with backoff, and at once when
// resume() is called, e.g. on reconnect); the server dedupes by key, so a retry after a lost
// answer never makes a second note. A 4xx answer moves it to "rejected", kept for the agent.
//
// Threads: one thread (the GUI thread in the app); store I/O runs on the store's thread.
#include <chrono>

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include "crm/api/api_client.h"
#include "crm/model/note.h"
#include "crm/store/local_store.h"

namespace agentdesk::crm {

class Outbox : public QObject {
    Q_OBJECT
public:
    Outbox(LocalStore& store, ApiClient& api, QObject* parent = nullptr);

    // Whose submissions to replay (the logged-in user); loads what an earlier run left.
    void setOwner(const QString& owner);
    QString owner() const { return owner_; }
    // Queues a note. Returns its idempotency key (generated when the submission has none).
    QString submitNote(NoteSubmission note);
    // Try the head of the queue now (the server is back).
    void resume();
    // Stop sending (logout, session expired); queued items stay in the store.
    void pause();

    int pendingCount() const { return static_cast<int>(queue_.size()); }
    qint64 deliveredCount() const { return delivered_; }

signals:
    void delivered(const QString& idempotencyKey, const agentdesk::crm::Note& note);
    void rejected(const QString& idempotencyKey, const agentdesk::crm::ApiError& error);
    void pendingCountChanged(int count);

private:
    void add(const OutboxItem& item);
    void pump();
    void onAnswer(const OutboxItem& item, const HttpResponse& response, const ApiError& error);

    LocalStore& store_;
    ApiClient& api_;
    QString owner_;
    QList<OutboxItem> queue_;
    bool sending_ = false;
    bool paused_ = true;
    int failures_ = 0;
    qint64 delivered_ = 0;
    quint64 generation_ = 0;
    QTimer retry_;
};

}  // namespace agentdesk::crm
