#include "crm/session/outbox.h"

#include <algorithm>
#include <chrono>
#include <limits>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include "common/logging.h"
#include "crm/net/thread_check.h"

namespace agentdesk::crm {

namespace {
std::shared_ptr<spdlog::logger> log() {
    static auto logger = logging::get("store");
    return logger;
}
constexpr qint64 kFirstRetryMs = 500;
constexpr qint64 kMaxRetryMs = 30000;

// 0.5 s, 1 s, 2 s, … up to 30 s for the n-th failure in a row (n >= 1).
qint64 backoffMs(int failures) {
    return std::min(kMaxRetryMs, kFirstRetryMs << std::min(std::max(failures, 1) - 1, 6));
}

qint64 steadyNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// The server answered and failed on this submission (a bug, a full disk, a broken row); not
// "unreachable" or "busy", which hold up everything alike.
bool isServerFailure(const ApiError& error) {
    return error.kind == ApiError::Kind::Http && error.httpStatus >= 500 && error.httpStatus != 503;
}
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
    recent_.clear();
    sending_ = false;
    paused_ = false;
    failures_ = 0;
    blockedUntilMs_ = 0;
    retry_.stop();
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

QString Outbox::submitNote(NoteSubmission note, const QString& draftKey) {
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
    item.draftKey = draftKey;
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
        remember(stored);
        emit queued(stored.idempotencyKey);
        add(stored);
    });
    return note.idempotencyKey;
}

void Outbox::add(const OutboxItem& item) {
    if (findQueued(item.seq))
        return;
    remember(item);
    Queued queued;
    queued.item = item;
    queue_.append(queued);
    std::sort(queue_.begin(), queue_.end(),
              [](const Queued& a, const Queued& b) { return a.item.seq < b.item.seq; });
    emit pendingCountChanged(pendingCount());
    pump();
}

void Outbox::resume() {
    paused_ = false;
    failures_ = 0;
    blockedUntilMs_ = 0;
    for (Queued& queued : queue_)
        queued.notBeforeMs = 0;  // one more attempt each now; their failure counts stay
    retry_.stop();
    pump();
}

void Outbox::pause() {
    paused_ = true;
    retry_.stop();
}

void Outbox::pump() {
    if (paused_ || sending_ || queue_.isEmpty())
        return;
    const qint64 now = steadyNowMs();
    if (blockedUntilMs_ > now) {
        scheduleRetry(blockedUntilMs_);
        return;
    }
    // The oldest submission that is not backing off; those that are wait their turn without
    // holding up the rest.
    const Queued* next = nullptr;
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const Queued& queued : queue_) {
        if (queued.notBeforeMs <= now) {
            next = &queued;
            break;
        }
        earliest = std::min(earliest, queued.notBeforeMs);
    }
    if (!next) {
        scheduleRetry(earliest);
        return;
    }
    retry_.stop();
    sending_ = true;
    const OutboxItem item = next->item;
    const quint64 generation = generation_;
    api_.sendRaw(this, item.method.toUtf8(), item.path, item.body,
                 [this, item, generation](const HttpResponse& response, const ApiError& error) {
                     if (generation != generation_)
                         return;
                     sending_ = false;
                     onAnswer(item, response, error);
                 });
}

void Outbox::scheduleRetry(qint64 atMs) {
    retry_.start(std::chrono::milliseconds(std::max<qint64>(0, atMs - steadyNowMs())));
}

void Outbox::onAnswer(const OutboxItem& item, const HttpResponse& response, const ApiError& error) {
    if (!error) {
        onDelivered(item, response);
    } else if (error.isUnauthorized()) {
        store_.markAttempt(item.seq, error.describe());
        if (OutboxEntry* entry = findEntry(item.idempotencyKey)) {
            entry->error = error;
            emit entryChanged(item.idempotencyKey);
        }
        pause();  // the next login resumes it
        return;
    } else if (!error.retryable()) {
        onRejected(item, error);
    } else if (isServerFailure(error)) {
        store_.markAttempt(item.seq, error.describe());
        failures_ = 0;  // the server is there; it failed on this one
        onServerFailure(item, error);
    } else {
        store_.markAttempt(item.seq, error.describe());
        if (OutboxEntry* entry = findEntry(item.idempotencyKey)) {
            entry->error = error;
            emit entryChanged(item.idempotencyKey);
        }
        ++failures_;
        const qint64 delay = backoffMs(failures_);
        blockedUntilMs_ = steadyNowMs() + delay;
        log()->info("outbox: {} not delivered ({}), retry in {} ms", item.kind.toStdString(),
                    error.describe().toStdString(), delay);
    }
    pump();
}

void Outbox::onDelivered(const OutboxItem& item, const HttpResponse& response) {
    store_.markDelivered(item.seq, response.body);
    removeQueued(item.seq);
    failures_ = 0;
    ++delivered_;
    const Note note = Note::fromJson(QJsonDocument::fromJson(response.body).object());
    if (OutboxEntry* entry = findEntry(item.idempotencyKey)) {
        entry->state = OutboxItem::State::Delivered;
        entry->noteId = note.id;
        entry->error = {};
        entry->needsAttention = false;
        entry->serverFailures = 0;
        entry->updatedAt = QDateTime::currentDateTime();
    }
    emit pendingCountChanged(pendingCount());
    emit entryChanged(item.idempotencyKey);
    emit delivered(item.idempotencyKey, note);
}

void Outbox::onServerFailure(const OutboxItem& item, const ApiError& error) {
    Queued* queued = findQueued(item.seq);
    if (!queued)
        return;
    ++queued->serverFailures;
    const qint64 delay = backoffMs(queued->serverFailures);
    queued->notBeforeMs = steadyNowMs() + delay;
    log()->warn(
        "outbox: the server failed on {} #{} ({} in a row: {}), retry in {} ms; the "
        "rest go ahead",
        item.kind.toStdString(), item.seq, queued->serverFailures, error.describe().toStdString(),
        delay);
    OutboxEntry* entry = findEntry(item.idempotencyKey);
    if (entry) {
        entry->error = error;
        entry->serverFailures = queued->serverFailures;
    }
    const bool attention = queued->serverFailures >= kAttentionAfter;
    if (entry && attention && !entry->needsAttention) {
        entry->needsAttention = true;
        entry->updatedAt = QDateTime::currentDateTime();
    }
    emit entryChanged(item.idempotencyKey);
    if (queued->serverFailures == kAttentionAfter)
        emit needsAttention(item.idempotencyKey, error);
}

void Outbox::onRejected(const OutboxItem& item, const ApiError& error) {
    log()->warn("outbox: {} rejected by the server: {}", item.kind.toStdString(),
                error.describe().toStdString());
    store_.markRejected(item.seq, error.describe());
    removeQueued(item.seq);
    if (OutboxEntry* entry = findEntry(item.idempotencyKey)) {
        entry->state = OutboxItem::State::Rejected;
        entry->error = error;
        entry->needsAttention = false;
        entry->updatedAt = QDateTime::currentDateTime();
    }
    emit pendingCountChanged(pendingCount());
    emit entryChanged(item.idempotencyKey);
    emit rejected(item.idempotencyKey, error);
}

Outbox::Queued* Outbox::findQueued(qint64 seq) {
    for (Queued& queued : queue_) {
        if (queued.item.seq == seq)
            return &queued;
    }
    return nullptr;
}

void Outbox::removeQueued(qint64 seq) {
    queue_.removeIf([seq](const Queued& queued) { return queued.item.seq == seq; });
}

void Outbox::remember(const OutboxItem& item) {
    if (findEntry(item.idempotencyKey))
        return;
    OutboxEntry entry;
    entry.idempotencyKey = item.idempotencyKey;
    entry.kind = item.kind;
    const QJsonObject body = QJsonDocument::fromJson(item.body).object();
    entry.callId = body.value(QLatin1String("callId")).toString();
    entry.customerId = body.value(QLatin1String("customerId")).toString();
    entry.wrapupCode = body.value(QLatin1String("wrapupCode")).toString();
    entry.text = body.value(QLatin1String("text")).toString();
    entry.updatedAt = QDateTime::currentDateTime();
    recent_.append(entry);
    while (recent_.size() > kRecentLimit) {
        // The oldest goes, unless it still needs the counselor's attention.
        auto oldest = std::find_if(recent_.begin(), recent_.end(), [](const OutboxEntry& e) {
            return !(e.state == OutboxItem::State::Pending && e.needsAttention);
        });
        recent_.erase(oldest == recent_.end() ? recent_.begin() : oldest);
    }
    emit entryChanged(entry.idempotencyKey);
}

OutboxEntry* Outbox::findEntry(const QString& idempotencyKey) {
    for (OutboxEntry& entry : recent_) {
        if (entry.idempotencyKey == idempotencyKey)
            return &entry;
    }
    return nullptr;
}

std::optional<OutboxEntry> Outbox::entry(const QString& idempotencyKey) const {
    for (const OutboxEntry& entry : recent_) {
        if (entry.idempotencyKey == idempotencyKey)
            return entry;
    }
    return std::nullopt;
}

}  // namespace agentdesk::crm
