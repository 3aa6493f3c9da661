#include "widgets/alerts/alert_table_model.h"

#include <QFont>

#include "widgets/alerts/alert_texts.h"

namespace agentdesk::widgets {

AlertTableModel::AlertTableModel(crm::AlertsModel& alerts, const crm::Capabilities& capabilities,
                                 QObject* parent)
    : QAbstractTableModel(parent), alerts_(alerts), capabilities_(capabilities) {
    // Rows are the crm model's rows: pass its changes on with the columns widened.
    connect(&alerts_, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex&, int first, int last) { beginInsertRows({}, first, last); });
    connect(&alerts_, &QAbstractItemModel::rowsInserted, this, [this] { endInsertRows(); });
    connect(&alerts_, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex&, int first, int last) { beginRemoveRows({}, first, last); });
    connect(&alerts_, &QAbstractItemModel::rowsRemoved, this, [this] { endRemoveRows(); });
    connect(&alerts_, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { beginResetModel(); });
    connect(&alerts_, &QAbstractItemModel::modelReset, this, [this] { endResetModel(); });
    connect(&alerts_, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& from, const QModelIndex& to) {
                emit dataChanged(index(from.row(), 0), index(to.row(), ColumnCount - 1));
            });
}

int AlertTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : alerts_.rowCount();
}

int AlertTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlertTableModel::queueName(const QString& queueId) const {
    for (const crm::QueueConfig& q : capabilities_.queues) {
        if (q.id == queueId)
            return uiLanguage() == QLatin1String("en") && !q.nameEn.isEmpty() ? q.nameEn : q.name;
    }
    return queueId;
}

QString AlertTableModel::agentName(const QString& agentId) const {
    return alerts_.agentName(agentId, uiLanguage());
}

QString AlertTableModel::description(int row) const {
    const crm::Alert& a = alerts_.entry(row).alert;
    return alertDescription(a, agentName(a.agentId), queueName(a.queue));
}

QVariant AlertTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= alerts_.rowCount())
        return {};
    if (role >= Qt::UserRole)
        return alerts_.data(alerts_.index(index.row()), role);
    const crm::AlertEntry& e = alerts_.entry(index.row());
    const crm::Alert& a = e.alert;
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case TimeColumn:
                    return alertTime(a.at);
                case AlertColumn:
                    return alertTitle(a.kind);
                case AgentColumn:
                    return agentName(a.agentId);
                case QueueColumn:
                    return queueName(a.queue);
                case CallColumn:
                    return a.callId;
                case DetailsColumn:
                    return description(index.row());
                case StatusColumn:
                    return e.acknowledged ? tr("Acknowledged", "alert status; 확인함")
                                          : tr("New", "alert status: not acknowledged yet; 신규");
            }
            return {};
        case Qt::ToolTipRole:
            if (index.column() == DetailsColumn || index.column() == AlertColumn)
                return a.message.isEmpty() ? description(index.row()) : a.message;
            if (index.column() == AgentColumn)
                return a.agentId;
            return {};
        case Qt::DecorationRole:
            return index.column() == AlertColumn ? QVariant(severityIcon(a.severity)) : QVariant();
        case Qt::ForegroundRole:
            if (index.column() == AlertColumn)
                return severityColor(a.severity);
            if (index.column() == StatusColumn && !e.acknowledged)
                return severityColor(a.severity);
            return {};
        case Qt::BackgroundRole:
            return e.acknowledged ? QVariant() : QVariant(severityTint(a.severity));
        case Qt::FontRole:
            if (!e.acknowledged && index.column() != DetailsColumn) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        case Qt::AccessibleTextRole:
            return QStringLiteral("%1, %2, %3")
                .arg(severityText(a.severity), alertTitle(a.kind), description(index.row()));
        default:
            return {};
    }
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
        case TimeColumn:
            return tr("Time");
        case AlertColumn:
            return tr("Alert");
        case AgentColumn:
            return tr("Counselor", "상담사");
        case QueueColumn:
            return tr("Queue", "대기열");
        case CallColumn:
            return tr("Call");
        case DetailsColumn:
            return tr("Details");
        case StatusColumn:
            return tr("Status");
    }
    return {};
}

void AlertTableModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

}  // namespace agentdesk::widgets
