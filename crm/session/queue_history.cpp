#include "crm/session/queue_history.h"

#include "crm/session/queue_stats_model.h"

namespace agentdesk::crm {

QueueHistory::QueueHistory(QueueStatsModel* model, QObject* parent)
    : QObject(parent), model_(model), clock_([] { return QDateTime::currentDateTime(); }) {
    if (model_) {
        connect(model_, &QueueStatsModel::queueUpdated, this, &QueueHistory::record);
        // A snapshot (login, resync) replaces the figures without queueUpdated.
        connect(model_, &QueueStatsModel::modelReset, this, [this] {
            for (const QueueStats& q : model_->queues())
                record(q);
        });
        for (const QueueStats& q : model_->queues())
            record(q);
    }
    connect(&sampler_, &QTimer::timeout, this, &QueueHistory::sampleNow);
    setSampleInterval(std::chrono::seconds(1));
}

void QueueHistory::setSampleInterval(std::chrono::milliseconds interval) {
    if (interval.count() <= 0) {
        sampler_.stop();
        return;
    }
    sampler_.start(interval);
}

void QueueHistory::record(const QueueStats& stats) {
    if (stats.id.isEmpty())
        return;
    const qint64 nowMs = now().toMSecsSinceEpoch();
    const Sample sample{nowMs, stats.waiting, stats.serviceLevelPct};
    latest_[stats.id] = sample;
    append(stats.id, sample);
    prune(nowMs);
    emit changed();
}

void QueueHistory::sampleNow() {
    if (latest_.empty())
        return;
    const qint64 nowMs = now().toMSecsSinceEpoch();
    for (auto& [id, last] : latest_) {
        Sample s = last;
        s.atMs = nowMs;
        append(id, s);
    }
    prune(nowMs);
    emit changed();
}

void QueueHistory::append(const QString& queueId, const Sample& sample) {
    auto [it, inserted] = samples_.try_emplace(queueId);
    if (inserted)
        order_.append(queueId);
    std::deque<Sample>& list = it->second;
    // The local clock may step back (NTP): keep the series ordered for the charts.
    if (!list.empty() && list.back().atMs > sample.atMs)
        list.clear();
    list.push_back(sample);
}

void QueueHistory::prune(qint64 nowMs) {
    const qint64 oldest = nowMs - std::chrono::milliseconds(window_).count();
    for (auto& [id, list] : samples_) {
        while (!list.empty() && list.front().atMs < oldest)
            list.pop_front();
    }
}

QStringList QueueHistory::queueIds() const {
    return order_;
}

const std::deque<QueueHistory::Sample>& QueueHistory::samples(const QString& queueId) const {
    static const std::deque<Sample> kNone;
    auto it = samples_.find(queueId);
    return it == samples_.end() ? kNone : it->second;
}

}  // namespace agentdesk::crm
