#include "crm/session/agents_model.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "common/logging.h"
#include "crm/model/session_info.h"
#include "crm/session/client_session.h"

namespace agentdesk::crm {

namespace {

// Sort rank of a state: the ones a lead looks at first come first.
int stateRank(AgentState state) {
    switch (state) {
        case AgentState::OnCall:
            return 0;
        case AgentState::Ringing:
            return 1;
        case AgentState::AfterCallWork:
            return 2;
        case AgentState::Ready:
            return 3;
        case AgentState::NotReady:
            return 4;
        case AgentState::LoggedOut:
            return 5;
        case AgentState::Unknown:
            break;
    }
    return 6;
}

bool sameAgent(const Agent& a, const Agent& b) {
    return a.name == b.name && a.nameEn == b.nameEn && a.role == b.role &&
           a.extension == b.extension && a.state == b.state && a.reason == b.reason &&
           a.since == b.since && a.callId == b.callId && a.queue == b.queue &&
           a.customerName == b.customerName && a.callSince == b.callSince &&
           a.handledToday == b.handledToday && a.ahtTodaySec == b.ahtTodaySec;
}

}  // namespace

AgentsModel::AgentsModel(ClientSession& session, QObject* parent)
    : QAbstractTableModel(parent),
      session_(session),
      serverNow_([] { return QDateTime::currentDateTimeUtc(); }) {
    connect(&session_.events(), &EventStream::snapshotReceived, this, &AgentsModel::applySnapshot);
    connect(&session_.events(), &EventStream::eventReceived, this, [this](const StreamEvent& e) {
        if (e.type == QLatin1String("call.supervision"))
            applySupervisionEvent(e.data);
    });
    connect(&session_.agent(), &AgentSession::otherAgentChanged, this,
            &AgentsModel::applyStateChange);
    // The lead's own row (its agent.state does not come as otherAgentChanged).
    connect(&session_.agent(), &AgentSession::stateChanged, this,
            [this](AgentState state, const QString& reason, const QDateTime& since) {
                AgentStateChange change;
                change.agentId = session_.agent().agent().id;
                change.state = state;
                change.reason = reason;
                change.since = since;
                applyStateChange(change);
            });

    // Agent assist's mood of each live call: shown while the agent is still on that call.
    connect(&session_.assist(), &AssistSession::agentMoodChanged, this,
            [this](const AssistSentiment& s) {
                for (int i = 0; i < rows_.size(); ++i) {
                    if (rows_[i].agent.id == s.agentId)
                        emit dataChanged(index(i, MoodColumn), index(i, MoodColumn));
                }
            });
    connect(&ticker_, &QTimer::timeout, this, &AgentsModel::tick);
    ticker_.start(std::chrono::seconds(1));
    debounce_.setSingleShot(true);
    connect(&debounce_, &QTimer::timeout, this, &AgentsModel::refreshNow);
    if (session_.loggedIn())
        refreshNow();
}

int AgentsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int AgentsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 AgentsModel::secondsInState(const Agent& agent) const {
    if (!agent.since.isValid())
        return 0;
    return std::max<qint64>(0, agent.since.msecsTo(now()) / 1000);
}

qint64 AgentsModel::callSeconds(const Agent& agent) const {
    if (agent.state != AgentState::OnCall || !agent.callSince.isValid())
        return -1;
    return std::max<qint64>(0, agent.callSince.msecsTo(now()) / 1000);
}

QVariant AgentsModel::sortValue(const Row& row, int column) const {
    const Agent& a = row.agent;
    switch (column) {
        case NameColumn:
            return a.name;
        case StateColumn:
            return stateRank(a.state);
        case TimeInStateColumn:
            return secondsInState(a);
        case CallDurationColumn:
            return callSeconds(a);
        case QueueColumn:
            return a.queue;
        case CustomerColumn:
            return a.customerName;
        case HandledTodayColumn:
            return a.handledToday;
        case AhtTodayColumn:
            return a.ahtTodaySec;
        case SupervisionColumn:
            return row.supervision.mode;
        case MoodColumn:
            return moodOf(a);
        default:
            return {};
    }
}

QString AgentsModel::moodOf(const Agent& a) const {
    const auto mood = session_.assist().moodOfAgent(a.id);
    if (!mood || a.callId.isEmpty() || mood->callId != a.callId)
        return {};
    return mood->mood.overall;
}

QVariant AgentsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const Row& row = rows_.at(index.row());
    const Agent& a = row.agent;
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case StateColumn:
                    return agentStateToString(a.state);
                case AhtTodayColumn:
                    return a.ahtTodaySec;
                default:
                    return sortValue(row, index.column());
            }
        case SortRole:
            return sortValue(row, index.column());
        case AgentIdRole:
            return a.id;
        case StateRole:
            return static_cast<int>(a.state);
        case ReasonRole:
            return a.reason;
        case SinceRole:
            return a.since;
        case SecondsInStateRole:
            return secondsInState(a);
        case CallIdRole:
            return a.callId;
        case CallSecondsRole:
            return callSeconds(a);
        case UserRoleRole:
            return a.role;
        case NameEnRole:
            return a.nameEn;
        case ExtensionRole:
            return a.extension;
        case SupervisionModeRole:
            return row.supervision.mode;
        case SupervisorIdRole:
            return row.supervision.supervisorId;
        case SupervisorNameRole:
            return row.supervision.supervisorName;
        case SupervisorNameEnRole:
            return row.supervision.supervisorNameEn;
        case MoodRole:
            return moodOf(a);
        default:
            return {};
    }
}

QVariant AgentsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    // Untranslated ids: the view puts words on the columns.
    static const char* const kNames[ColumnCount] = {
        "name",     "state",        "timeInState", "callDuration", "queue",
        "customer", "handledToday", "ahtToday",    "supervision",  "mood"};
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    return QString::fromLatin1(kNames[section]);
}

void AgentsModel::setClock(std::function<QDateTime()> serverNow) {
    serverNow_ = std::move(serverNow);
}

void AgentsModel::setTickInterval(std::chrono::milliseconds interval) {
    if (interval.count() <= 0)
        ticker_.stop();
    else
        ticker_.start(interval);
}

void AgentsModel::tick() {
    if (rows_.isEmpty())
        return;
    // One signal for the whole block of time columns (the state cell too: its highlight
    // depends on the time in state).
    emit dataChanged(index(0, StateColumn),
                     index(static_cast<int>(rows_.size()) - 1, CallDurationColumn));
}

void AgentsModel::refresh() {
    if (!debounce_.isActive())
        debounce_.start(refreshDelay_);
}

void AgentsModel::refreshNow() {
    debounce_.stop();
    if (inFlight_) {
        again_ = true;
        return;
    }
    inFlight_ = true;
    ++refreshes_;
    session_.api().agents(this, [this](const QList<Agent>& agents, const ApiError& error) {
        inFlight_ = false;
        if (error) {
            logging::get("crm")->warn("agents: {}", error.describe().toStdString());
            emit refreshFailed(error);
        } else {
            applyAgents(rowsFrom(agents), false);
            emit refreshed();
        }
        if (again_) {
            again_ = false;
            refresh();
        }
    });
}

const AgentsModel::Row* AgentsModel::find(const QString& agentId) const {
    const int row = rowOf(agentId);
    return row < 0 ? nullptr : &rows_.at(row);
}

QList<AgentsModel::Row> AgentsModel::rowsFrom(const QList<Agent>& agents) {
    QList<Row> out;
    out.reserve(agents.size());
    for (const Agent& agent : agents) {
        // Absent on servers without supervision: then nobody is supervised.
        if (!agent.id.isEmpty())
            out.append({agent, agent.supervision});
    }
    return out;
}

bool AgentsModel::isCallState(AgentState state) {
    return state == AgentState::Ringing || state == AgentState::OnCall ||
           state == AgentState::AfterCallWork;
}

void AgentsModel::applySnapshot(const Snapshot& snapshot) {
    if (snapshot.agents.isEmpty())
        return;
    QList<Row> list;
    list.reserve(snapshot.agents.size());
    for (const Agent& a : snapshot.agents) {
        const Row* old = find(a.id);
        list.append(Row{a, old ? old->supervision : Supervision{}});
    }
    applyAgents(list, true);
    // The snapshot's agents do not say who is supervised.
    refresh();
}

void AgentsModel::applyAgents(const QList<Row>& agents, bool authoritative) {
    QSet<QString> seen;
    int firstChanged = -1;
    int lastChanged = -1;
    for (const Row& incoming : agents) {
        seen.insert(incoming.agent.id);
        const int row = rowOf(incoming.agent.id);
        if (row < 0) {
            const int at = static_cast<int>(rows_.size());
            beginInsertRows({}, at, at);
            rows_.append(incoming);
            index_.insert(incoming.agent.id, at);
            endInsertRows();
            continue;
        }
        Row merged = incoming;
        const Row& current = rows_.at(row);
        // An agent.state that arrived while the request was out is newer than the answer.
        if (!authoritative && current.agent.since.isValid() && merged.agent.since.isValid() &&
            current.agent.since > merged.agent.since) {
            merged.agent.state = current.agent.state;
            merged.agent.reason = current.agent.reason;
            merged.agent.since = current.agent.since;
        }
        if (sameAgent(current.agent, merged.agent) && current.supervision == merged.supervision)
            continue;
        rows_[row] = merged;
        firstChanged = firstChanged < 0 ? row : std::min(firstChanged, row);
        lastChanged = std::max(lastChanged, row);
    }
    if (firstChanged >= 0)
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    // Agents the server no longer lists (deleted users); rare, so row by row.
    for (int row = static_cast<int>(rows_.size()) - 1; row >= 0; --row) {
        if (seen.contains(rows_.at(row).agent.id))
            continue;
        beginRemoveRows({}, row, row);
        rows_.removeAt(row);
        endRemoveRows();
        rebuildIndex();
    }
}

void AgentsModel::applyStateChange(const AgentStateChange& change) {
    const int row = rowOf(change.agentId);
    if (row < 0) {
        refresh();  // someone new (a synthetic agent logging in): GET /agents has the details
        return;
    }
    Agent& a = rows_[row].agent;
    if (a.since.isValid() && change.since.isValid() && change.since < a.since)
        return;  // older than what the row shows (a refresh raced it)
    const AgentState before = a.state;
    a.state = change.state;
    a.reason = change.reason;
    a.since = change.since;
    if (change.state == AgentState::OnCall && before != AgentState::OnCall)
        a.callSince = change.since;  // the answer; GET /agents will confirm it
    if (!isCallState(change.state)) {
        a.callId.clear();
        a.queue.clear();
        a.customerName.clear();
        a.callSince = {};
        rows_[row].supervision = {};
    }
    rowChanged(row);
    if (isCallState(before) || isCallState(change.state))
        refresh();
}

void AgentsModel::applySupervisionEvent(const QJsonObject& data) {
    const int row = rowOf(data.value(QLatin1String("agentId")).toString());
    if (row < 0)
        return;
    const Supervision s =
        Supervision::fromJson(data.value(QLatin1String("supervision")).toObject());
    if (rows_.at(row).supervision == s)
        return;
    rows_[row].supervision = s;
    rowChanged(row);
}

void AgentsModel::rowChanged(int row) {
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void AgentsModel::rebuildIndex() {
    index_.clear();
    for (int i = 0; i < rows_.size(); ++i)
        index_.insert(rows_.at(i).agent.id, i);
}

}  // namespace agentdesk::crm
