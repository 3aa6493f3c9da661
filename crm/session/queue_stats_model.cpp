#include "crm/session/queue_stats_model.h"

#include "crm/model/session_info.h"

namespace agentdesk::crm {

QueueStatsModel::QueueStatsModel(QObject* parent) : QAbstractListModel(parent) {}

int QueueStatsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(queues_.size());
}

QVariant QueueStatsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= queues_.size())
        return {};
    const QueueStats& q = queues_.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case NameRole:
            return q.name;
        case IdRole:
            return q.id;
        case WaitingRole:
            return q.waiting;
        case LongestWaitRole:
            return q.longestWaitSec;
        case EwtRole:
            return q.ewtSec;
        case ServiceLevelRole:
            return q.serviceLevelPct;
        case AbandonRateRole:
            return q.abandonRatePct;
        case AsaRole:
            return q.asaSec;
        case AhtRole:
            return q.ahtSec;
        case OfferedRole:
            return q.offered;
        case AnsweredRole:
            return q.answered;
        case AbandonedRole:
            return q.abandoned;
        case AgentsReadyRole:
            return q.agentsReady;
        case AgentsOnCallRole:
            return q.agentsOnCall;
        case AgentsAcwRole:
            return q.agentsAcw;
        case AgentsNotReadyRole:
            return q.agentsNotReady;
        default:
            return {};
    }
}

QHash<int, QByteArray> QueueStatsModel::roleNames() const {
    return {{IdRole, "id"},
            {NameRole, "name"},
            {WaitingRole, "waiting"},
            {LongestWaitRole, "longestWaitSec"},
            {EwtRole, "ewtSec"},
            {ServiceLevelRole, "serviceLevelPct"},
            {AbandonRateRole, "abandonRatePct"},
            {AsaRole, "asaSec"},
            {AhtRole, "ahtSec"},
            {OfferedRole, "offered"},
            {AnsweredRole, "answered"},
            {AbandonedRole, "abandoned"},
            {AgentsReadyRole, "agentsReady"},
            {AgentsOnCallRole, "agentsOnCall"},
            {AgentsAcwRole, "agentsAcw"},
            {AgentsNotReadyRole, "agentsNotReady"}};
}

const QueueStats* QueueStatsModel::find(const QString& id) const {
    for (const QueueStats& q : queues_) {
        if (q.id == id)
            return &q;
    }
    return nullptr;
}

void QueueStatsModel::applySnapshot(const Snapshot& snapshot) {
    beginResetModel();
    queues_ = snapshot.queues;
    endResetModel();
}

void QueueStatsModel::applyEvent(const StreamEvent& event) {
    if (event.type == QLatin1String("queue.stats"))
        update(QueueStats::fromJson(event.data));
}

void QueueStatsModel::update(const QueueStats& stats) {
    ++updates_;
    for (int row = 0; row < queues_.size(); ++row) {
        if (queues_[row].id == stats.id) {
            queues_[row] = stats;
            emit dataChanged(index(row), index(row));
            emit queueUpdated(stats);
            return;
        }
    }
    const int row = static_cast<int>(queues_.size());
    beginInsertRows({}, row, row);
    queues_.append(stats);
    endInsertRows();
    emit queueUpdated(stats);
}

void QueueStatsModel::clear() {
    beginResetModel();
    queues_.clear();
    endResetModel();
}

}  // namespace agentdesk::crm
