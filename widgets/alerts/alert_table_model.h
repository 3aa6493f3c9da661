#pragma once
// The alerts as table columns for the panel (time, alert, count, agent, queue, call, details,
// status): translated texts, severity icons and tints over crm::AlertsModel, which stays UI-free.
// A row groups repeats (AlertsModel::groupKey): it shows the latest alert, how many there were
// and since when, and lists them in its tooltip. Roles at or above Qt::UserRole are passed
// through to the crm model (AlertsModel::Role).
#include <QAbstractTableModel>

#include "crm/model/session_info.h"
#include "crm/session/alerts_model.h"

namespace agentdesk::widgets {

class AlertTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        AlertColumn,
        CountColumn,
        AgentColumn,
        QueueColumn,
        CallColumn,
        DetailsColumn,
        StatusColumn,
        ColumnCount
    };

    // `capabilities` gives queue names; it is the session's and outlives this model.
    AlertTableModel(crm::AlertsModel& alerts, const crm::Capabilities& capabilities,
                    QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    crm::AlertsModel& alerts() { return alerts_; }
    QString queueName(const QString& queueId) const;
    QString agentName(const QString& agentId) const;
    // The translated sentence for a row's latest alert.
    QString description(int row) const;
    // "121 alerts since 14:03:12." for a row of repeats, empty for a single alert.
    QString groupSummary(int row) const;
    // One alert of a row as a line of its list: time, call, counselor, and what happened when
    // that is not the row's own sentence (repeats mostly say the same).
    QString alertLine(int row, const crm::Alert& alert) const;
    // After a language change: every text is rebuilt.
    void retranslate();

private:
    // The row's summary and its latest alerts, one a line.
    QString groupToolTip(int row) const;

    crm::AlertsModel& alerts_;
    const crm::Capabilities& capabilities_;
};

}  // namespace agentdesk::widgets
