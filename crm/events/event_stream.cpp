#include "crm/events/event_stream.h"

#include <algorithm>

#include <QJsonDocument>
#include <QRandomGenerator>

#include "common/logging.h"
#include "crm/events/sse_parser.h"
#include "crm/net/thread_check.h"

namespace agentdesk::crm {

namespace {
std::shared_ptr<spdlog::logger> log() {
    static auto logger = logging::get("net");
    return logger;
}
}  // namespace

QString connectionStatusToString(ConnectionStatus status) {
    switch (status) {
        case ConnectionStatus::Disconnected:
            return QStringLiteral("disconnected");
        case ConnectionStatus::Connecting:
            return QStringLiteral("connecting");
        case ConnectionStatus::Connected:
            return QStringLiteral("connected");
        case ConnectionStatus::Reconnecting:
            return QStringLiteral("reconnecting");
        case ConnectionStatus::Offline:
            return QStringLiteral("offline");
        case ConnectionStatus::AuthExpired:
            return QStringLiteral("auth_expired");
    }
    return {};
}

bool isOnline(ConnectionStatus status) {
    return status == ConnectionStatus::Connected;
}

EventStream::EventStream(ApiClient& api, QObject* parent) : EventStream(api, Options{}, parent) {}

EventStream::EventStream(ApiClient& api, Options options, QObject* parent)
    : QObject(parent), api_(api), options_(options) {
    qRegisterMetaType<StreamEvent>();
    parser_ = std::make_unique<SseParser>([this](const SseEvent& e) {
        onSseEvent(QString::fromStdString(e.type), QByteArray::fromStdString(e.data),
                   QString::fromStdString(e.lastEventId));
    });
    reconnectTimer_.setSingleShot(true);
    connect(&reconnectTimer_, &QTimer::timeout, this, &EventStream::open);
    connect(&api_, &ApiClient::unauthorized, this, [this] {
        if (running_) {
            stop();
            setStatus(ConnectionStatus::AuthExpired);
        }
    });
}

EventStream::~EventStream() {
    api_.transport().cancelAll(this);
    // The snapshot after a resync is requested through api_ (its context), not this.
    if (snapshotRequest_)
        api_.transport().cancel(snapshotRequest_);
}

std::chrono::milliseconds EventStream::backoffFor(int failures, const Options& options) {
    if (failures <= 0)
        return std::chrono::milliseconds(0);
    const int shift = std::min(failures - 1, 20);
    const auto grown = options.initialBackoff * (1LL << shift);
    return std::min<std::chrono::milliseconds>(grown, options.maxBackoff);
}

void EventStream::start() {
    onOwnerThread(this, "EventStream::start");
    if (running_)
        return;
    running_ = true;
    failures_ = 0;
    setStatus(ConnectionStatus::Connecting);
    open();
}

void EventStream::stop() {
    running_ = false;
    reconnectTimer_.stop();
    if (streamId_)
        api_.transport().cancel(streamId_);
    if (snapshotRequest_)
        api_.transport().cancel(snapshotRequest_);
    streamId_ = snapshotRequest_ = 0;
    resyncing_ = false;
    heldDuringResync_.clear();
    setStatus(ConnectionStatus::Disconnected);
}

void EventStream::resetPosition() {
    lastEventId_ = 0;
}

void EventStream::open() {
    if (!running_)
        return;
    parser_->resetConnection();
    streamBase_ = api_.baseUrl();
    HttpRequest request = api_.makeRequest("GET", QStringLiteral("/events"));
    request.setHeader("Accept", "text/event-stream");
    if (lastEventId_ > 0)
        request.setHeader("Last-Event-ID", QByteArray::number(lastEventId_));
    StreamOptions streamOptions;
    streamOptions.lowSpeedTime = options_.lowSpeedTime;
    StreamHandlers handlers;
    handlers.opened = [this](int) { onOpened(); };
    handlers.data = [this](const QByteArray& chunk) { onChunk(chunk); };
    handlers.closed = [this](const ApiError& error) { onClosed(error); };
    streamId_ =
        api_.transport().openStream(std::move(request), streamOptions, this, std::move(handlers));
}

void EventStream::onOpened() {
    ++stats_.connects;
    failures_ = 0;
    nextDelay_ = std::chrono::milliseconds(0);
    log()->info("event stream open{}",
                lastEventId_ > 0 ? fmt::format(" (resuming after {})", lastEventId_) : "");
    setStatus(ConnectionStatus::Connected);
}

void EventStream::onChunk(const QByteArray& chunk) {
    parser_->feed(std::string_view(chunk.constData(), static_cast<size_t>(chunk.size())));
}

void EventStream::onClosed(const ApiError& error) {
    streamId_ = 0;
    if (!running_)
        return;
    if (error.isUnauthorized()) {
        log()->warn("event stream refused: the session has expired");
        running_ = false;
        reconnectTimer_.stop();
        setStatus(ConnectionStatus::AuthExpired);
        return;
    }
    if (error.kind == ApiError::Kind::Http && error.httpStatus == 400) {
        // The server did not accept our Last-Event-ID: start over with a snapshot.
        log()->warn("event stream: {}; starting over", error.describe().toStdString());
        lastEventId_ = 0;
    } else {
        log()->info("event stream closed: {}",
                    error.ok() ? std::string("by the server") : error.describe().toStdString());
    }
    // No answer from this node: the next attempt goes to the center's next one, which resumes
    // from the same Last-Event-ID (the nodes share event ids).
    if (error.kind == ApiError::Kind::Transport)
        api_.failover(streamBase_);
    scheduleReconnect();
}

void EventStream::scheduleReconnect() {
    ++failures_;
    const auto base = backoffFor(failures_, options_);
    // Equal jitter: half the backoff is fixed, half is random, so a center's clients that lost
    // the server together do not come back in lockstep.
    const auto half = base.count() / 2;
    const auto jitter =
        half > 0 ? QRandomGenerator::global()->bounded(static_cast<qint64>(half + 1)) : 0;
    nextDelay_ = std::chrono::milliseconds(base.count() - half + jitter);
    setStatus(failures_ >= options_.offlineAfterFailures ? ConnectionStatus::Offline
                                                         : ConnectionStatus::Reconnecting);
    reconnectTimer_.start(nextDelay_);
}

void EventStream::onSseEvent(const QString& type, const QByteArray& data, const QString& idText) {
    bool numeric = false;
    const qint64 id = idText.toLongLong(&numeric);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (!doc.isObject()) {
        ++stats_.protocolErrors;
        log()->warn("event {} ({}): data is not a JSON object", type.toStdString(),
                    idText.toStdString());
        return;
    }
    if (type == QLatin1String("snapshot")) {
        const Snapshot snapshot = Snapshot::fromJson(doc.object());
        lastEventId_ = std::max(lastEventId_, snapshot.lastEventId);
        resyncing_ = false;
        heldDuringResync_.clear();
        emit snapshotReceived(snapshot);
        return;
    }
    if (type == QLatin1String("resync")) {
        ++stats_.resyncs;
        const qint64 current =
            static_cast<qint64>(doc.object().value(QLatin1String("lastEventId")).toDouble());
        log()->info("event stream: resync ({}), fetching a snapshot",
                    doc.object().value(QLatin1String("reason")).toString().toStdString());
        lastEventId_ = current;
        resyncing_ = true;
        heldDuringResync_.clear();
        requestSnapshot();
        return;
    }
    StreamEvent event{numeric ? id : 0, type, doc.object()};
    if (numeric && id <= lastEventId_) {
        ++stats_.duplicates;
        return;
    }
    if (numeric)
        lastEventId_ = id;
    if (resyncing_) {
        heldDuringResync_.append(std::move(event));
        return;
    }
    deliver(event);
}

void EventStream::requestSnapshot() {
    if (snapshotRequest_)
        api_.transport().cancel(snapshotRequest_);
    snapshotRequest_ = api_.snapshot(this, [this](const Snapshot& snapshot, const ApiError& error) {
        snapshotRequest_ = 0;
        if (!running_)
            return;
        if (error) {
            if (error.isUnauthorized())
                return;  // unauthorized() already stopped us
            log()->warn("snapshot after resync failed: {}", error.describe().toStdString());
            QTimer::singleShot(backoffFor(std::max(failures_, 1), options_), this, [this] {
                if (running_ && resyncing_)
                    requestSnapshot();
            });
            return;
        }
        const QList<StreamEvent> held = std::exchange(heldDuringResync_, {});
        resyncing_ = false;
        lastEventId_ = std::max(lastEventId_, snapshot.lastEventId);
        emit snapshotReceived(snapshot);
        for (const StreamEvent& e : held) {
            if (e.id == 0 || e.id > snapshot.lastEventId)
                deliver(e);
        }
    });
}

void EventStream::deliver(const StreamEvent& event) {
    ++stats_.events;
    emit eventReceived(event);
}

void EventStream::setStatus(ConnectionStatus status) {
    if (status_ == status)
        return;
    status_ = status;
    emit statusChanged(status);
}

}  // namespace agentdesk::crm
