#pragma once
// The last hour of each queue's waiting calls and service level, for the team lead's charts:
// a sample from every queue.stats update plus a steady sampler (1 s) that repeats the latest
// figures, so a quiet queue still draws a line. Samples carry the local receive time (the demo
// server's clock may be scaled or driven by hand; a chart of the last 60 minutes is about this
// PC's minutes). UI-free.
//
// Threads: one thread (the GUI thread in the app).
#include <chrono>
#include <deque>
#include <functional>
#include <map>

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include "crm/model/queue_stats.h"

namespace agentdesk::crm {

class QueueStatsModel;

class QueueHistory : public QObject {
    Q_OBJECT
public:
    struct Sample {
        qint64 atMs = 0;  // local time, ms since the epoch
        int waiting = 0;
        double slPct = -1;  // -1: no calls in the KPI window yet
    };
    using Clock = std::function<QDateTime()>;

    // Follows `model` (may be null: feed it with record()); the sampler starts at once.
    explicit QueueHistory(QueueStatsModel* model, QObject* parent = nullptr);

    void setWindow(std::chrono::seconds window) { window_ = window; }
    std::chrono::seconds window() const { return window_; }
    // 0 stops the sampler (tests drive sampleNow() themselves).
    void setSampleInterval(std::chrono::milliseconds interval);
    // For tests: where "now" comes from (default: QDateTime::currentDateTime).
    void setClock(Clock clock) { clock_ = std::move(clock); }

    void record(const QueueStats& stats);
    // Repeats every queue's latest figures at now().
    void sampleNow();

    QStringList queueIds() const;
    const std::deque<Sample>& samples(const QString& queueId) const;
    QDateTime now() const { return clock_(); }

signals:
    // New samples were taken (one signal per record() or sampler tick).
    void changed();

private:
    void append(const QString& queueId, const Sample& sample);
    void prune(qint64 nowMs);

    QueueStatsModel* model_;
    QTimer sampler_;
    Clock clock_;
    std::chrono::seconds window_{3600};
    std::map<QString, std::deque<Sample>> samples_;
    std::map<QString, Sample> latest_;
    QStringList order_;  // queue ids in the order they first appeared
};

}  // namespace agentdesk::crm
