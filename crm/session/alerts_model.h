#pragma once
// The alerts a team lead or trainer receives (`alert` events: abuse warnings, calls ended for
// abuse, missed calls, long waits, service-level breaches) as a list model with acknowledgement
// and a capped history. UI-free: the alerts panel binds to it.
//
// Repeats share a row: one row per kind and subject (groupKey: a queue's long waits, a
// counselor's missed calls, everything else per call), showing how many arrived and the latest;
// the row keeps its alerts (AlertEntry::alerts). Rows that must not be missed (unacknowledged
// critical or abuse alerts) come first, then the rest, newest first. When the history is full,
// old repeats go first, then acknowledged and low-severity rows; an unacknowledged critical or
// abuse row is never dropped. A repeat after the row was acknowledged raises it again.
//
// Threads: one thread (the GUI thread in the app).
#include <QAbstractListModel>
#include <QHash>
#include <QList>

#include "crm/model/agent.h"
#include "crm/model/session_info.h"

namespace agentdesk::crm {

class ClientSession;

// One row: the alerts of one kind about one subject.
struct AlertEntry {
    struct Item {
        Alert alert;
        qint64 serial = 0;  // order of arrival
        bool acknowledged = false;
    };

    Alert alert;  // the latest
    bool acknowledged = false;
    qint64 serial = 0;    // order of the latest arrival, stable across removals
    int count = 1;        // alerts that arrived in this row, including trimmed ones
    int sinceRaised = 1;  // of them, since the row was new or last acknowledged
    QDateTime firstAt;    // when the first of them happened
    QString severity;     // the highest of theirs
    QList<Item> alerts;   // the ones kept, newest first
    QString key;          // AlertsModel::groupKey
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
        CountRole,
        FirstTimeRole,
    };

    // Alerts kept, counted one by one across the rows.
    static constexpr int kDefaultCapacity = 500;

    explicit AlertsModel(QObject* parent = nullptr);

    // Follows the session's alerts and learns agents' names (GET /agents now, the snapshot's
    // agent list on every reconnect).
    void follow(ClientSession& session);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Into its row (a new one, or the row of its kind and subject, which moves up and is
    // unacknowledged again); then the history is trimmed to the capacity.
    void add(const Alert& alert);
    const AlertEntry& entry(int row) const { return entries_.at(row); }
    // The row of an alert's kind and subject, -1 when there is none.
    int rowOf(const Alert& alert) const;
    // Rows not acknowledged yet.
    int unacknowledgedCount() const { return unacknowledged_; }
    // Every alert of the row. False when the row does not exist or was acknowledged already.
    bool acknowledge(int row);
    void acknowledgeAll();
    void clear();

    int capacity() const { return capacity_; }
    void setCapacity(int capacity);
    // Alerts kept in all rows (at most the capacity, unless unacknowledged critical or abuse
    // rows alone are more).
    int keptCount() const { return kept_; }

    // Agents' display names by id, in "ko" or "en"; the id itself when the agent is unknown.
    void setAgents(const QList<Agent>& agents);
    QString agentName(const QString& agentId, const QString& lang = QStringLiteral("ko")) const;

    // Severity as a rank for sorting and filters: info 0, warning 1, critical 2 (unknown 0).
    static int severityRank(const QString& severity);
    // Which alerts share a row.
    static QString groupKey(const Alert& alert);
    // Abuse warnings, calls ended for abuse, abuse detected by agent assist.
    static bool isAbuse(const QString& kind);
    // Not acknowledged and critical or about abuse: listed first, never trimmed.
    static bool mustStayVisible(const AlertEntry& entry);

signals:
    void alertAdded(const agentdesk::crm::Alert& alert);
    void unacknowledgedCountChanged(int count);

private:
    // Where a row belongs: rows that must stay visible first, then the newest.
    static bool comesBefore(const AlertEntry& a, const AlertEntry& b);
    // Moves one row to its place among the others (which are in order).
    void place(int row);
    void sortRows();
    void trim();
    void setUnacknowledged(int count);

    QList<AlertEntry> entries_;
    QHash<QString, QPair<QString, QString>> agentNames_;  // id → (ko, en)
    int capacity_ = kDefaultCapacity;
    int unacknowledged_ = 0;
    int kept_ = 0;
    qint64 serial_ = 0;
};

}  // namespace agentdesk::crm
