#pragma once
// Commands answer 202 and their result arrives later as an event carrying the same requestId
// (docs/api.md 1.4). The tracker remembers what was asked, and reports each command once: confirmed
// by its event, failed by its HTTP answer, or timed out when no event came.
//
// Threads: one thread (the owner's); not thread-safe.
#include <chrono>
#include <memory>

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include "crm/net/api_error.h"

namespace agentdesk::crm {

class CommandTracker : public QObject {
    Q_OBJECT
public:
    explicit CommandTracker(QObject* parent = nullptr,
                            std::chrono::milliseconds timeout = std::chrono::seconds(10));

    void track(const QString& requestId, const QString& what);

    // Sends a command and tracks it: `send` gets the completion handler to pass to ApiClient
    // and returns the request id ApiClient gave the command.
    template <typename Send>
    QString issue(const QString& what, Send send) {
        auto id = std::make_shared<QString>();
        *id = send([this, id](const ApiError& error) { answered(*id, error); });
        track(*id, what);
        return *id;
    }
    // The 202 arrived (or an error). Errors end the command as failed.
    void answered(const QString& requestId, const ApiError& error);
    // An event carried this request id: the command took effect.
    void sawEvent(const QString& requestId);
    // A snapshot replaced the state: commands the server had accepted (202) are in it, even
    // though their events were never seen on this stream (they came before it opened).
    void snapshotApplied();
    bool isPending(const QString& requestId) const { return pending_.contains(requestId); }
    int pendingCount() const { return static_cast<int>(pending_.size()); }
    void clear();

signals:
    void confirmed(const QString& requestId, const QString& what);
    // The same, with the time from issue() to the confirming event: the command's whole round
    // trip as the counselor lives it (load runs collect these).
    void confirmedAfter(const QString& what, std::chrono::nanoseconds roundTrip);
    // The time from issue() to the server's 202, for load runs: beside the round trip it tells
    // a request that was late to the server from an event that was late from it.
    void acceptedAfter(const QString& what, std::chrono::nanoseconds untilAccepted);
    void failed(const QString& requestId, const QString& what,
                const agentdesk::crm::ApiError& error);

private:
    void expire();

    struct Pending {
        QString what;
        bool accepted = false;
        std::chrono::steady_clock::time_point deadline;
        std::chrono::steady_clock::time_point issued;
    };
    QHash<QString, Pending> pending_;
    // Sent and not answered yet (the transport answers every request, an error at the latest).
    QHash<QString, QPair<QString, std::chrono::steady_clock::time_point>> unanswered_;
    std::chrono::milliseconds timeout_;
    QTimer sweep_;
};

}  // namespace agentdesk::crm
