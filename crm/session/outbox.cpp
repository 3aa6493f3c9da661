#include "crm/session/outbox.h"

#include <algorithm>

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

#include "common/logging.h"
#include "crm/net/thread_check.h"

namespace agentdesk::crm {

namespace {
std::shared_ptr<spdlog::logger> log() {
    static auto logger = logging::get("store");
    return logger;
}
constexpr std::chrono::milliseconds kFirstRetry{500};
constexpr std::chrono::milliseconds kMaxRetry{30000};
}  // namespace

Outbox::Outbox(LocalStore& store, ApiClient& api, QObject* parent)
    : QObject(parent), store_(store), api_(api) {
    retry_.setSingleShot(true);
    connect(&retry_, &QTimer::timeout, this, &Outbox::pump);
}

void Outbox::setOwner(const QString& owner) {
    ++generation_;
    owner_ = owner;
    queue_.clear();
    sending_ = false;
    paused_ = false;
    failures_ = 0;
    const quint64 generation = generation_;
    store_.pending(owner, this, [this, generation](QList<OutboxItem> items) {
        if (generation != generation_)
            return;
        if (!items.isEmpty())
            log()->info("outbox: {} submissions left from before, replaying", items.size());
        for (const OutboxItem& item : items)
            add(item);
    });
}

QString Outbox::submitNote(NoteSubmission note) {
    onOwnerThread(this, "Outbox::submitNote");
    if (note.idempotencyKey.isEmpty())
        note.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    OutboxItem item;
    item.owner = owner_;
    item.kind = QStringLiteral("note");
    item.method = QStringLiteral("POST");
    item.path = QStringLiteral("/notes");
    item.body = QJsonDocument(note.toJson()).toJson(QJsonDocument::Compact);
    item.idempotencyKey = note.idempotencyKey;
    const quint64 generation = generation_;
    store_.enqueue(item, this, [this, item, generation](qint64 seq, const QString& error) {
        if (generation != generation_)
            return;  // another user logged in meanwhile; it is replayed at their next login
        if (seq == 0) {
            log()->error("outbox: could not store a submission: {}", error.toStdString());
            ApiError e = ApiError::protocol(0, error);
            e.code = QStringLiteral("store_failed");
            emit rejected(item.idempotencyKey, e);
            return;
        }
        OutboxItem stored = item;
        stored.seq = seq;
        add(stored);
    });
    return note.idempotencyKey;
}

void Outbox::add(const OutboxItem& item) {
    const bool known = std::any_of(queue_.begin(), queue_.end(),
                                   [&](const OutboxItem& q) { return q.seq == item.seq; });
    if (known)
        return;
    queue_.append(item);
    std::sort(queue_.begin(), queue_.end(),
              [](const OutboxItem& a, const OutboxItem& b) { return a.seq < b.seq; });
    emit pendingCountChanged(pendingCount());
    pump();
}

void Outbox::resume() {
    paused_ = false;
    failures_ = 0;
    retry_.stop();
    pump();
}

void Outbox::pause() {
    paused_ = true;
    retry_.stop();
}

void Outbox::pump() {
    if (paused_ || sending_ || queue_.isEmpty() || retry_.isActive())
        return;
    sending_ = true;
    const OutboxItem item = queue_.front();
    const quint64 generation = generation_;
    api_.sendRaw(item.method.toUtf8(), item.path, item.body,
                 [this, item, generation](const HttpResponse& response, const ApiError& error) {
                     if (generation != generation_)
                         return;
                     sending_ = false;
                     onAnswer(item, response, error);
                 });
}

void Outbox::onAnswer(const OutboxItem& item, const HttpResponse& response, const ApiError& error) {
    if (!error) {
        store_.markDelivered(item.seq, response.body);
        queue_.removeFirst();
        failures_ = 0;
        ++delivered_;
        emit pendingCountChanged(pendingCount());
        emit delivered(item.idempotencyKey,
                       Note::fromJson(QJsonDocument::fromJson(response.body).object()));
        pump();
        return;
    }
    if (error.retryable() || error.isUnauthorized()) {
        store_.markAttempt(item.seq, error.describe());
        if (error.isUnauthorized()) {
            pause();  // the next login resumes it
            return;
        }
        ++failures_;
        const auto delay = std::min(kMaxRetry, kFirstRetry * (1 << std::min(failures_ - 1, 6)));
        log()->info("outbox: {} not delivered ({}), retry in {} ms", item.kind.toStdString(),
                    error.describe().toStdString(), delay.count());
        retry_.start(delay);
        return;
    }
    log()->warn("outbox: {} rejected by the server: {}", item.kind.toStdString(),
                error.describe().toStdString());
    store_.markRejected(item.seq, error.describe());
    queue_.removeFirst();
    emit pendingCountChanged(pendingCount());
    emit rejected(item.idempotencyKey, error);
    pump();
}

}  // namespace agentdesk::crm
