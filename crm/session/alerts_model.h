#pragma once
// The alerts a team lead or trainer receives (`alert` events: abuse warnings, calls ended for
// abuse, missed calls, long waits, service-level breaches) as a list model, newest first, with
// acknowledgement and a capped history. UI-free: the alerts panel binds to it.
//
// Threads: one thread (the GUI thread in the app).
#include <QAbstractListModel>
#include <QHash>
#include <QList>

#include "crm/model/agent.h"
#include "crm/model/session_info.h"

namespace agentdesk::crm {

class ClientSession;

struct AlertEntry {
    Alert alert;
    bool acknowledged = false;
    qint64 serial = 0;  // order of arrival, stable across removals
};

class AlertsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        KindRole = Qt::UserRole + 1,
        SeverityRole,
        MessageRole,
        QueueRole,
        AgentIdRole,
        AgentNameRole,
        CallIdRole,
        CustomerIdRole,
        TimeRole,
        AcknowledgedRole,
    };

    static constexpr int kDefaultCapacity = 500;

    explicit AlertsModel(QObject* parent = nullptr);

    // Follows the session's alerts and learns agents' names (GET /agents now, the snapshot's
    // agent list on every reconnect).
    void follow(ClientSession& session);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Newest first; the oldest is dropped when the capacity is reached.
    void add(const Alert& alert);
    const AlertEntry& entry(int row) const { return entries_.at(row); }
    int unacknowledgedCount() const { return unacknowledged_; }
    // False when the row does not exist or was acknowledged already.
    bool acknowledge(int row);
    void acknowledgeAll();
    void clear();

    int capacity() const { return capacity_; }
    void setCapacity(int capacity);

    // Agents' display names by id, in "ko" or "en"; the id itself when the agent is unknown.
    void setAgents(const QList<Agent>& agents);
    QString agentName(const QString& agentId, const QString& lang = QStringLiteral("ko")) const;

    // Severity as a rank for sorting and filters: info 0, warning 1, critical 2 (unknown 0).
    static int severityRank(const QString& severity);

signals:
    void alertAdded(const agentdesk::crm::Alert& alert);
    void unacknowledgedCountChanged(int count);

private:
    void trim();
    void setUnacknowledged(int count);

    QList<AlertEntry> entries_;
    QHash<QString, QPair<QString, QString>> agentNames_;  // id → (ko, en)
    int capacity_ = kDefaultCapacity;
    int unacknowledged_ = 0;
    qint64 serial_ = 0;
};

}  // namespace agentdesk::crm
