#pragma once
// The alerts as table columns for the panel (time, alert, agent, queue, call, details, status):
// translated texts, severity icons and tints over crm::AlertsModel, which stays UI-free. Roles
// at or above Qt::UserRole are passed through to the crm model (AlertsModel::Role).
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
    // The translated sentence for a row (the Details column).
    QString description(int row) const;
    // After a language change: every text is rebuilt.
    void retranslate();

private:
    crm::AlertsModel& alerts_;
    const crm::Capabilities& capabilities_;
};

}  // namespace agentdesk::widgets
