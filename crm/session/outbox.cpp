#include "crm/session/outbox.h"

#include <algorithm>

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
    recent_.clear();
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
        remember(stored);
        emit queued(stored.idempotencyKey);
        add(stored);
    });
    return note.idempotencyKey;
}

void Outbox::add(const OutboxItem& item) {
    const bool known = std::any_of(queue_.begin(), queue_.end(),
                                   [&](const OutboxItem& q) { return q.seq == item.seq; });
    if (known)
        return;
    remember(item);
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
        const Note note = Note::fromJson(QJsonDocument::fromJson(response.body).object());
        if (OutboxEntry* entry = findEntry(item.idempotencyKey)) {
            entry->state = OutboxItem::State::Delivered;
            entry->noteId = note.id;
            entry->error = {};
            entry->updatedAt = QDateTime::currentDateTime();
        }
        emit pendingCountChanged(pendingCount());
        emit entryChanged(item.idempotencyKey);
        emit delivered(item.idempotencyKey, note);
        pump();
        return;
    }
    if (error.retryable() || error.isUnauthorized()) {
        store_.markAttempt(item.seq, error.describe());
        if (OutboxEntry* entry = findEntry(item.idempotencyKey)) {
            entry->error = error;
            emit entryChanged(item.idempotencyKey);
        }
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
    if (OutboxEntry* entry = findEntry(item.idempotencyKey)) {
        entry->state = OutboxItem::State::Rejected;
        entry->error = error;
        entry->updatedAt = QDateTime::currentDateTime();
    }
    emit pendingCountChanged(pendingCount());
    emit entryChanged(item.idempotencyKey);
    emit rejected(item.idempotencyKey, error);
    pump();
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
    while (recent_.size() > kRecentLimit)
        recent_.removeFirst();
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
