#include "crm/session/server_clock.h"

#include <QJsonObject>

namespace agentdesk::crm {

ServerClock::ServerClock(QObject* parent) : QObject(parent) {}

void ServerClock::follow(EventStream& stream) {
    connect(&stream, &EventStream::snapshotReceived, this,
            [this](const Snapshot& snapshot) { anchor(snapshot.serverTime); });
    connect(&stream, &EventStream::eventReceived, this, [this](const StreamEvent& e) {
        // Timestamps that mean "the server's now" when the event was made.
        if (e.type == QLatin1String("agent.state")) {
            observe(QDateTime::fromString(e.data.value(QLatin1String("since")).toString(),
                                          Qt::ISODateWithMs));
        } else if (e.type == QLatin1String("queue.stats")) {
            observe(QDateTime::fromString(e.data.value(QLatin1String("at")).toString(),
                                          Qt::ISODateWithMs));
        } else if (e.type == QLatin1String("call.state")) {
            const QJsonObject call = e.data.value(QLatin1String("call")).toObject();
            if (call.value(QLatin1String("state")).toString() == QLatin1String("connected"))
                observe(QDateTime::fromString(call.value(QLatin1String("answeredAt")).toString(),
                                              Qt::ISODateWithMs));
        }
    });
}

void ServerClock::anchor(const QDateTime& serverTime) {
    if (!serverTime.isValid())
        return;
    offsetMs_ = QDateTime::currentDateTimeUtc().msecsTo(serverTime);
    anchored_ = true;
}

void ServerClock::observe(const QDateTime& serverTime) {
    if (!serverTime.isValid())
        return;
    if (!anchored_ && !guessed_) {
        offsetMs_ = QDateTime::currentDateTimeUtc().msecsTo(serverTime);
        guessed_ = true;
        return;
    }
    const qint64 lag = now().msecsTo(serverTime);
    if (lag > 0)
        offsetMs_ += lag;
}

QDateTime ServerClock::now() const {
    return QDateTime::currentDateTimeUtc().addMSecs(offsetMs_);
}

qint64 ServerClock::secondsSince(const QDateTime& since) const {
    if (!since.isValid())
        return 0;
    return std::max<qint64>(0, since.msecsTo(now()) / 1000);
}

}  // namespace agentdesk::crm
