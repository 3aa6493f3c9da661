#pragma once
// The agent's live connection to the server: GET /events (SSE) kept open for the whole session.
// Reconnects with exponential backoff and jitter (100 ms doubling to a 10 s cap), resumes with
// Last-Event-ID, drops events it has already seen (by id), and answers `resync` by fetching
// GET /snapshot. A stream that goes quiet for longer than the low-speed limit (25 s; the server
// sends a heartbeat every 10 s) is treated as dead and reopened, so a dead connection is noticed
// within 30 s. With several server addresses (the nodes of one center), a stream that gets no
// answer moves the client to the next node and resumes there with the same Last-Event-ID.
//
// Threads: lives on one thread (the GUI thread in the app); the transport delivers chunks to it
// by queued invocation. Every signal is emitted on that thread.
#include <chrono>
#include <memory>

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include "crm/api/api_client.h"
#include "crm/model/session_info.h"

namespace agentdesk::crm {

class SseParser;

enum class ConnectionStatus {
    Disconnected,  // not started, or stopped
    Connecting,    // first connection attempt of this session
    Connected,     // the stream is open
    Reconnecting,  // lost; trying again (the first few attempts)
    Offline,       // several attempts failed in a row; still trying at the capped interval
    AuthExpired,   // the server refused the token (401); a new login is needed
};

QString connectionStatusToString(ConnectionStatus status);
// The stream is open: commands and saves can go to the server now.
bool isOnline(ConnectionStatus status);

struct StreamEvent {
    qint64 id = 0;  // 0 when the event carried no numeric id
    QString type;
    QJsonObject data;
};

struct EventStreamStats {
    qint64 events = 0;      // delivered through eventReceived
    qint64 duplicates = 0;  // dropped because their id was already seen
    qint64 connects = 0;    // successful opens
    qint64 resyncs = 0;
    qint64 protocolErrors = 0;  // events whose data was not a JSON object
};

class EventStream : public QObject {
    Q_OBJECT
public:
    struct Options {
        std::chrono::milliseconds initialBackoff{100};
        std::chrono::milliseconds maxBackoff{10000};
        std::chrono::seconds lowSpeedTime{25};
        int offlineAfterFailures = 4;  // consecutive failed attempts before "offline"
    };

    explicit EventStream(ApiClient& api, QObject* parent = nullptr);
    EventStream(ApiClient& api, Options options, QObject* parent = nullptr);
    ~EventStream() override;

    // Opens the stream. Without a last event id the server starts with a snapshot.
    void start();
    void stop();
    // Forgets where the stream was, so the next start() begins with a snapshot: for another
    // user (or server) on the same stream, whose Last-Event-ID must not be the previous one's.
    void resetPosition();
    ConnectionStatus status() const { return status_; }
    qint64 lastEventId() const { return lastEventId_; }
    const EventStreamStats& stats() const { return stats_; }
    // The delay before the next attempt, for the UI ("reconnecting in 3 s").
    std::chrono::milliseconds nextRetryDelay() const { return nextDelay_; }

    // For tests: the backoff for the n-th consecutive failure, before jitter is applied.
    static std::chrono::milliseconds backoffFor(int failures, const Options& options);

signals:
    void statusChanged(agentdesk::crm::ConnectionStatus status);
    // A full state to rebuild from: the stream's first event, or the answer to a resync.
    void snapshotReceived(const agentdesk::crm::Snapshot& snapshot);
    // Every other event, in id order, each exactly once.
    void eventReceived(const agentdesk::crm::StreamEvent& event);

private:
    void open();
    void onOpened();
    void onChunk(const QByteArray& chunk);
    void onClosed(const ApiError& error);
    void onSseEvent(const QString& type, const QByteArray& data, const QString& id);
    void scheduleReconnect();
    void requestSnapshot();
    void deliver(const StreamEvent& event);
    void setStatus(ConnectionStatus status);

    ApiClient& api_;
    Options options_;
    std::unique_ptr<SseParser> parser_;
    HttpTransport::RequestId streamId_ = 0;
    HttpTransport::RequestId snapshotRequest_ = 0;
    bool running_ = false;
    bool resyncing_ = false;
    QList<StreamEvent> heldDuringResync_;
    QString streamBase_;  // the address the open stream went to
    qint64 lastEventId_ = 0;
    int failures_ = 0;
    std::chrono::milliseconds nextDelay_{0};
    QTimer reconnectTimer_;
    ConnectionStatus status_ = ConnectionStatus::Disconnected;
    EventStreamStats stats_;
};

}  // namespace agentdesk::crm

Q_DECLARE_METATYPE(agentdesk::crm::StreamEvent)
