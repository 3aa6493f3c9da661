#include "crm/session/alerts_model.h"

#include <QPointer>

#include "crm/session/client_session.h"

namespace agentdesk::crm {

AlertsModel::AlertsModel(QObject* parent) : QAbstractListModel(parent) {}

void AlertsModel::follow(ClientSession& session) {
    connect(&session, &ClientSession::alertReceived, this, &AlertsModel::add);
    connect(&session.events(), &EventStream::snapshotReceived, this,
            [this](const Snapshot& snapshot) {
                if (!snapshot.agents.isEmpty())
                    setAgents(snapshot.agents);
            });
    QPointer<AlertsModel> self(this);
    session.api().agents([self](const QList<Agent>& agents, const ApiError& error) {
        // Without names the panel shows agent ids: nothing to report beyond that.
        if (self && error.ok())
            self->setAgents(agents);
    });
}

int AlertsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

QVariant AlertsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= entries_.size())
        return {};
    const AlertEntry& e = entries_.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case MessageRole:
            return e.alert.message;
        case KindRole:
            return e.alert.kind;
        case SeverityRole:
            return e.alert.severity;
        case QueueRole:
            return e.alert.queue;
        case AgentIdRole:
            return e.alert.agentId;
        case AgentNameRole:
            return agentName(e.alert.agentId);
        case CallIdRole:
            return e.alert.callId;
        case CustomerIdRole:
            return e.alert.customerId;
        case TimeRole:
            return e.alert.at;
        case AcknowledgedRole:
            return e.acknowledged;
        default:
            return {};
    }
}

QHash<int, QByteArray> AlertsModel::roleNames() const {
    return {{KindRole, "kind"},       {SeverityRole, "severity"},
            {MessageRole, "message"}, {QueueRole, "queue"},
            {AgentIdRole, "agentId"}, {AgentNameRole, "agentName"},
            {CallIdRole, "callId"},   {CustomerIdRole, "customerId"},
            {TimeRole, "at"},         {AcknowledgedRole, "acknowledged"}};
}

void AlertsModel::add(const Alert& alert) {
    beginInsertRows({}, 0, 0);
    entries_.prepend({alert, false, ++serial_});
    endInsertRows();
    setUnacknowledged(unacknowledged_ + 1);
    trim();
    emit alertAdded(alert);
}

bool AlertsModel::acknowledge(int row) {
    if (row < 0 || row >= entries_.size() || entries_[row].acknowledged)
        return false;
    entries_[row].acknowledged = true;
    const QModelIndex i = index(row);
    emit dataChanged(i, i, {AcknowledgedRole});
    setUnacknowledged(unacknowledged_ - 1);
    return true;
}

void AlertsModel::acknowledgeAll() {
    if (unacknowledged_ == 0)
        return;
    for (AlertEntry& e : entries_)
        e.acknowledged = true;
    emit dataChanged(index(0), index(static_cast<int>(entries_.size()) - 1), {AcknowledgedRole});
    setUnacknowledged(0);
}

void AlertsModel::clear() {
    beginResetModel();
    entries_.clear();
    endResetModel();
    setUnacknowledged(0);
}

void AlertsModel::setCapacity(int capacity) {
    capacity_ = qMax(1, capacity);
    trim();
}

void AlertsModel::trim() {
    const int over = static_cast<int>(entries_.size()) - capacity_;
    if (over <= 0)
        return;
    const int first = capacity_;
    int droppedUnacknowledged = 0;
    for (int i = first; i < entries_.size(); ++i)
        droppedUnacknowledged += entries_[i].acknowledged ? 0 : 1;
    beginRemoveRows({}, first, static_cast<int>(entries_.size()) - 1);
    entries_.erase(entries_.begin() + first, entries_.end());
    endRemoveRows();
    setUnacknowledged(unacknowledged_ - droppedUnacknowledged);
}

void AlertsModel::setUnacknowledged(int count) {
    if (count == unacknowledged_)
        return;
    unacknowledged_ = count;
    emit unacknowledgedCountChanged(count);
}

void AlertsModel::setAgents(const QList<Agent>& agents) {
    for (const Agent& a : agents)
        agentNames_.insert(a.id, {a.name, a.nameEn});
    if (!entries_.isEmpty())
        emit dataChanged(index(0), index(static_cast<int>(entries_.size()) - 1), {AgentNameRole});
}

QString AlertsModel::agentName(const QString& agentId, const QString& lang) const {
    const auto it = agentNames_.constFind(agentId);
    if (it == agentNames_.constEnd())
        return agentId;
    if (lang == QLatin1String("en") && !it->second.isEmpty())
        return it->second;
    return it->first.isEmpty() ? agentId : it->first;
}

int AlertsModel::severityRank(const QString& severity) {
    if (severity == QLatin1String("critical"))
        return 2;
    if (severity == QLatin1String("warning"))
        return 1;
    return 0;
}

}  // namespace agentdesk::crm
