#include "widgets/alerts/alert_table_model.h"

#include <QFont>
#include <QStringList>

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
    // A row moves up when a repeat arrives, and down once acknowledged.
    connect(&alerts_, &QAbstractItemModel::rowsAboutToBeMoved, this,
            [this](const QModelIndex&, int first, int last, const QModelIndex&, int to) {
                beginMoveRows({}, first, last, {}, to);
            });
    connect(&alerts_, &QAbstractItemModel::rowsMoved, this, [this] { endMoveRows(); });
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

QString AlertTableModel::groupSummary(int row) const {
    const crm::AlertEntry& e = alerts_.entry(row);
    if (e.count < 2)
        return {};
    return tr("%n alerts since %1.", "a row of repeated alerts: how many, since when", e.count)
        .arg(alertTime(e.firstAt));
}

QString AlertTableModel::alertLine(int row, const crm::Alert& a) const {
    QStringList parts{alertTime(a.at)};
    if (!a.callId.isEmpty())
        parts << a.callId;
    if (!a.agentId.isEmpty())
        parts << agentName(a.agentId);
    const QString what = alertDescription(a, agentName(a.agentId), queueName(a.queue));
    if (what != description(row))
        parts << what;
    return parts.join(QStringLiteral(" · "));
}

QString AlertTableModel::groupToolTip(int row) const {
    // A tooltip is no list to scroll: the latest few; the panel's detail lists them all.
    constexpr int kShown = 10;
    const crm::AlertEntry& e = alerts_.entry(row);
    QStringList lines{description(row), groupSummary(row)};
    for (int i = 0; i < e.alerts.size() && i < kShown; ++i)
        lines << alertLine(row, e.alerts.at(i).alert);
    if (e.count > kShown) {
        lines << tr("… and %n more", "tooltip of a row of repeated alerts", e.count - kShown);
    }
    return lines.join(QLatin1Char('\n'));
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
                case CountColumn:
                    return QString::number(e.count);
                case AgentColumn:
                    return agentName(a.agentId);
                case QueueColumn:
                    return queueName(a.queue);
                case CallColumn:
                    // A queue's long waits are as many calls as alerts, one alert a call.
                    return e.count > 1 && e.alerts.size() > 1 &&
                                   e.alerts.at(1).alert.callId != a.callId
                               ? tr("%n calls", "a row of alerts about several calls", e.count)
                               : a.callId;
                case DetailsColumn: {
                    const QString summary = groupSummary(index.row());
                    return summary.isEmpty()
                               ? description(index.row())
                               : description(index.row()) + QLatin1Char(' ') + summary;
                }
                case StatusColumn:
                    return e.acknowledged ? tr("Acknowledged", "alert status; 확인함")
                                          : tr("New", "alert status: not acknowledged yet; 신규");
            }
            return {};
        case Qt::ToolTipRole:
            if (e.count > 1 && index.column() != AgentColumn)
                return groupToolTip(index.row());
            if (index.column() == DetailsColumn || index.column() == AlertColumn)
                return a.message.isEmpty() ? description(index.row()) : a.message;
            if (index.column() == AgentColumn)
                return a.agentId;
            return {};
        case Qt::TextAlignmentRole:
            return index.column() == CountColumn
                       ? QVariant(static_cast<int>(Qt::AlignRight | Qt::AlignVCenter))
                       : QVariant();
        case Qt::DecorationRole:
            return index.column() == AlertColumn ? QVariant(severityIcon(e.severity)) : QVariant();
        case Qt::ForegroundRole:
            if (index.column() == AlertColumn)
                return severityColor(e.severity);
            if (index.column() == StatusColumn && !e.acknowledged)
                return severityColor(e.severity);
            return {};
        case Qt::BackgroundRole:
            return e.acknowledged ? QVariant() : QVariant(severityTint(e.severity));
        case Qt::FontRole:
            if (!e.acknowledged && index.column() != DetailsColumn) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        case Qt::AccessibleTextRole:
            return QStringLiteral("%1, %2, %3 %4")
                .arg(severityText(e.severity), alertTitle(a.kind), description(index.row()),
                     groupSummary(index.row()))
                .trimmed();
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
        case CountColumn:
            return tr("Count", "how many alerts a row groups (건수)");
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
