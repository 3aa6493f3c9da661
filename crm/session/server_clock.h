#pragma once
// The server's "now", estimated on this PC so the bar's timers (time in state, talk, ACW) run
// on the server's clock (docs/api.md 3.2: the snapshot's serverTime is for this): anchored on each
// snapshot and moved forward when an event carries a later server time.
#include <QDateTime>
#include <QObject>

#include "crm/events/event_stream.h"

namespace agentdesk::crm {

class ServerClock : public QObject {
    Q_OBJECT
public:
    explicit ServerClock(QObject* parent = nullptr);

    // Follows a stream's snapshots and agent/call events.
    void follow(EventStream& stream);

    // Sets the estimate: the server said `serverTime` just now.
    void anchor(const QDateTime& serverTime);
    // The server was at `serverTime` at some moment up to now: never lets the estimate lag
    // behind it (events arrive late, never early). Before any snapshot (the clock was made
    // after login) the first such time is the best guess there is.
    void observe(const QDateTime& serverTime);
    bool anchored() const { return anchored_; }

    QDateTime now() const;
    // Whole seconds from `since` to now(); 0 when `since` is invalid or in the future.
    qint64 secondsSince(const QDateTime& since) const;

private:
    qint64 offsetMs_ = 0;  // server minus local
    bool anchored_ = false;
    bool guessed_ = false;
};

}  // namespace agentdesk::crm
