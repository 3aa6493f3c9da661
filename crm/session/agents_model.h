#pragma once
// Every agent of the center as a table, for team leads and trainers: filled from GET /agents
// (and the snapshot's agents), kept current in place by other agents' agent.state events and
// call.supervision events, and re-read from GET /agents (debounced) when a state change means
// the call details (call, queue, customer, handled today) changed. Rows are never reset on
// events; one dataChanged per changed row, and one per second for the ticking time columns.
//
// Display values are raw (state codes, seconds, queue ids): the view formats and translates.
//
// Threads: one thread (the GUI thread in the app).
#include <chrono>
#include <functional>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QTimer>

#include "crm/model/agent.h"
#include "crm/net/api_error.h"

namespace agentdesk::crm {

class ClientSession;
struct Snapshot;

class AgentsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StateColumn,
        TimeInStateColumn,
        CallDurationColumn,
        QueueColumn,
        CustomerColumn,
        HandledTodayColumn,
        AhtTodayColumn,
        SupervisionColumn,
        MoodColumn,  // the customer's mood on the live call (agent assist)
        ColumnCount
    };
    enum Role {
        AgentIdRole = Qt::UserRole + 1,
        StateRole,  // int(AgentState)
        ReasonRole,
        SinceRole,
        SecondsInStateRole,
        CallIdRole,
        CallSecondsRole,  // -1 when not talking
        UserRoleRole,     // "counselor", "teamlead", "trainer"
        NameEnRole,
        ExtensionRole,
        SupervisionModeRole,  // "listen" | "whisper" | "barge" | empty
        SupervisorIdRole,
        SupervisorNameRole,
        SupervisorNameEnRole,
        MoodRole,  // "negative" | "neutral" | "positive", empty when not on a call or not known
        SortRole,  // a value that sorts the column sensibly (state by urgency, times as numbers)
    };

    // A lead on an agent's call (GET /agents "supervision", call.supervision events).
    using Supervision = crm::Supervision;
    struct Row {
        Agent agent;
        Supervision supervision;
    };

    // Follows the session (snapshot, agent.state, call.supervision) and reads GET /agents once.
    explicit AgentsModel(ClientSession& session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The server's "now" for the time columns (agents' `since` is server time; the demo clock
    // may be scaled or driven by hand). Default: this PC's UTC time.
    void setClock(std::function<QDateTime()> serverNow);
    QDateTime now() const { return serverNow_(); }
    // 0 stops the once-a-second dataChanged of the time columns.
    void setTickInterval(std::chrono::milliseconds interval);
    void setRefreshDelay(std::chrono::milliseconds delay) { refreshDelay_ = delay; }

    // GET /agents after the refresh delay; calls within the delay share one request.
    void refresh();
    void refreshNow();

    int rowOf(const QString& agentId) const { return index_.value(agentId, -1); }
    const Row* find(const QString& agentId) const;
    const QList<Row>& rows() const { return rows_; }
    qint64 refreshes() const { return refreshes_; }

    // Merges a list of agents (GET /agents body or snapshot agents) in place. `authoritative`:
    // the list is newer than any event seen so far (a snapshot); otherwise a state whose
    // `since` is older than the row's stays as the events made it.
    void applyAgents(const QList<Row>& agents, bool authoritative);
    void applyStateChange(const AgentStateChange& change);
    // Data of a call.supervision event.
    void applySupervisionEvent(const QJsonObject& data);

    static QList<Row> rowsFrom(const QList<Agent>& agents);
    static bool isCallState(AgentState state);

signals:
    void refreshed();
    void refreshFailed(const agentdesk::crm::ApiError& error);

private:
    QString moodOf(const Agent& agent) const;
    void applySnapshot(const Snapshot& snapshot);
    void tick();
    void rebuildIndex();
    void rowChanged(int row);
    qint64 secondsInState(const Agent& agent) const;
    qint64 callSeconds(const Agent& agent) const;
    QVariant sortValue(const Row& row, int column) const;

    ClientSession& session_;
    QList<Row> rows_;
    QHash<QString, int> index_;
    std::function<QDateTime()> serverNow_;
    QTimer ticker_;
    QTimer debounce_;
    std::chrono::milliseconds refreshDelay_{1000};
    bool inFlight_ = false;
    bool again_ = false;
    qint64 refreshes_ = 0;
};

}  // namespace agentdesk::crm
