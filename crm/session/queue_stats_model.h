#pragma once
// Live queue figures as a list model (one row per queue, in the server's order), kept current
// by the snapshot and `queue.stats` events: no polling. Views bind to it directly.
//
// Threads: one thread (the GUI thread in the app).
#include <QAbstractListModel>
#include <QList>

#include "crm/events/event_stream.h"
#include "crm/model/queue_stats.h"

namespace agentdesk::crm {

class QueueStatsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        WaitingRole,
        LongestWaitRole,
        EwtRole,
        ServiceLevelRole,
        AbandonRateRole,
        AsaRole,
        AhtRole,
        OfferedRole,
        AnsweredRole,
        AbandonedRole,
        AgentsReadyRole,
        AgentsOnCallRole,
        AgentsAcwRole,
        AgentsNotReadyRole,
    };

    explicit QueueStatsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const QList<QueueStats>& queues() const { return queues_; }
    const QueueStats* find(const QString& id) const;
    qint64 updates() const { return updates_; }

    void applySnapshot(const Snapshot& snapshot);
    void applyEvent(const StreamEvent& event);
    void update(const QueueStats& stats);
    void clear();

signals:
    void queueUpdated(const agentdesk::crm::QueueStats& stats);

private:
    QList<QueueStats> queues_;
    qint64 updates_ = 0;
};

}  // namespace agentdesk::crm
