#include "crm/session/command_tracker.h"

namespace agentdesk::crm {

CommandTracker::CommandTracker(QObject* parent, std::chrono::milliseconds timeout)
    : QObject(parent), timeout_(timeout) {
    sweep_.setInterval(std::chrono::milliseconds(500));
    connect(&sweep_, &QTimer::timeout, this, &CommandTracker::expire);
}

void CommandTracker::track(const QString& requestId, const QString& what) {
    const auto now = std::chrono::steady_clock::now();
    pending_.insert(requestId, {what, false, now + timeout_, now});
    unanswered_.insert(requestId, {what, now});
    if (!sweep_.isActive())
        sweep_.start();
}

void CommandTracker::answered(const QString& requestId, const ApiError& error) {
    // Whether or not the event came first.
    if (auto sent = unanswered_.find(requestId); sent != unanswered_.end()) {
        if (!error) {
            emit acceptedAfter(sent->first, std::chrono::duration_cast<std::chrono::nanoseconds>(
                                                std::chrono::steady_clock::now() - sent->second));
        }
        unanswered_.erase(sent);
    }
    auto it = pending_.find(requestId);
    if (it == pending_.end())
        return;
    if (!error) {
        it->accepted = true;  // the 202: wait for the event
        return;
    }
    const QString what = it->what;
    pending_.erase(it);
    emit failed(requestId, what, error);
}

void CommandTracker::sawEvent(const QString& requestId) {
    if (requestId.isEmpty())
        return;
    auto it = pending_.find(requestId);
    if (it == pending_.end())
        return;
    const QString what = it->what;
    const auto roundTrip = std::chrono::steady_clock::now() - it->issued;
    pending_.erase(it);
    emit confirmed(requestId, what);
    emit confirmedAfter(what, std::chrono::duration_cast<std::chrono::nanoseconds>(roundTrip));
}

void CommandTracker::snapshotApplied() {
    QList<QPair<QString, QString>> done;
    for (auto it = pending_.begin(); it != pending_.end();) {
        if (it->accepted) {
            done.append({it.key(), it->what});
            it = pending_.erase(it);
        } else {
            ++it;
        }
    }
    for (const auto& [id, what] : done)
        emit confirmed(id, what);
}

void CommandTracker::clear() {
    pending_.clear();
    unanswered_.clear();
    sweep_.stop();
}

void CommandTracker::expire() {
    const auto now = std::chrono::steady_clock::now();
    for (auto it = pending_.begin(); it != pending_.end();) {
        if (it->deadline <= now) {
            const QString id = it.key();
            const QString what = it->what;
            it = pending_.erase(it);
            ApiError timeout = ApiError::protocol(202, QStringLiteral("no event confirmed it"));
            timeout.code = QStringLiteral("command_timeout");
            emit failed(id, what, timeout);
        } else {
            ++it;
        }
    }
    // A request cancelled before its answer is never answered.
    for (auto it = unanswered_.begin(); it != unanswered_.end();)
        it = it->second + timeout_ <= now ? unanswered_.erase(it) : std::next(it);
    if (pending_.isEmpty() && unanswered_.isEmpty())
        sweep_.stop();
}

}  // namespace agentdesk::crm
