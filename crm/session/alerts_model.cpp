#include "crm/session/alerts_model.h"

#include <tuple>

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
    session.api().agents(this, [this](const QList<Agent>& agents, const ApiError& error) {
        // Without names the panel shows agent ids: nothing to report beyond that.
        if (error.ok())
            setAgents(agents);
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
            return e.severity;
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
        case CountRole:
            return e.count;
        case FirstTimeRole:
            return e.firstAt;
        default:
            return {};
    }
}

QHash<int, QByteArray> AlertsModel::roleNames() const {
    return {{KindRole, "kind"},       {SeverityRole, "severity"},
            {MessageRole, "message"}, {QueueRole, "queue"},
            {AgentIdRole, "agentId"}, {AgentNameRole, "agentName"},
            {CallIdRole, "callId"},   {CustomerIdRole, "customerId"},
            {TimeRole, "at"},         {AcknowledgedRole, "acknowledged"},
            {CountRole, "count"},     {FirstTimeRole, "firstAt"}};
}

QString AlertsModel::groupKey(const Alert& a) {
    // A long wait or a missed call is one of many calls: the row is the queue's (and the
    // counselor's who missed them). Every other kind is about one call or none, and shares a row
    // only with repeats about that call: an abuse alert is never folded into another call's row.
    const bool perCall =
        a.kind != QLatin1String("long_wait") && a.kind != QLatin1String("missed_call");
    const QChar separator(0x1f);
    return a.kind + separator + a.queue + separator + a.agentId + separator +
           (perCall ? a.callId : QString());
}

bool AlertsModel::isAbuse(const QString& kind) {
    return kind == QLatin1String("abuse_warning") || kind == QLatin1String("agent_ended_abuse") ||
           kind == QLatin1String("abuse_detected");
}

bool AlertsModel::mustStayVisible(const AlertEntry& e) {
    return !e.acknowledged && (severityRank(e.severity) >= 2 || isAbuse(e.alert.kind));
}

bool AlertsModel::comesBefore(const AlertEntry& a, const AlertEntry& b) {
    const bool aFirst = mustStayVisible(a);
    const bool bFirst = mustStayVisible(b);
    if (aFirst != bFirst)
        return aFirst;
    return a.serial > b.serial;
}

int AlertsModel::rowOf(const Alert& alert) const {
    const QString key = groupKey(alert);
    for (int row = 0; row < entries_.size(); ++row) {
        if (entries_[row].key == key)
            return row;
    }
    return -1;
}

void AlertsModel::add(const Alert& alert) {
    const AlertEntry::Item item{alert, ++serial_, false};
    ++kept_;
    const int row = rowOf(alert);
    if (row < 0) {
        AlertEntry e;
        e.alert = alert;
        e.serial = item.serial;
        e.firstAt = alert.at;
        e.severity = alert.severity;
        e.alerts = {item};
        e.key = groupKey(alert);
        int at = 0;
        while (at < entries_.size() && comesBefore(entries_[at], e))
            ++at;
        beginInsertRows({}, at, at);
        entries_.insert(at, std::move(e));
        endInsertRows();
        setUnacknowledged(unacknowledged_ + 1);
    } else {
        AlertEntry& e = entries_[row];
        const bool wasAcknowledged = e.acknowledged;
        e.alert = alert;
        e.serial = item.serial;
        e.acknowledged = false;
        ++e.count;
        e.sinceRaised = wasAcknowledged ? 1 : e.sinceRaised + 1;
        if (severityRank(alert.severity) > severityRank(e.severity))
            e.severity = alert.severity;
        e.alerts.prepend(item);
        const QModelIndex i = index(row);
        emit dataChanged(i, i);
        place(row);
        if (wasAcknowledged)
            setUnacknowledged(unacknowledged_ + 1);
    }
    trim();
    emit alertAdded(alert);
}

bool AlertsModel::acknowledge(int row) {
    if (row < 0 || row >= entries_.size() || entries_[row].acknowledged)
        return false;
    AlertEntry& e = entries_[row];
    e.acknowledged = true;
    for (AlertEntry::Item& item : e.alerts)
        item.acknowledged = true;
    const QModelIndex i = index(row);
    emit dataChanged(i, i, {AcknowledgedRole});
    place(row);  // no longer ahead of the others if it was critical or about abuse
    setUnacknowledged(unacknowledged_ - 1);
    return true;
}

void AlertsModel::acknowledgeAll() {
    if (unacknowledged_ == 0)
        return;
    for (AlertEntry& e : entries_) {
        e.acknowledged = true;
        for (AlertEntry::Item& item : e.alerts)
            item.acknowledged = true;
    }
    emit dataChanged(index(0), index(static_cast<int>(entries_.size()) - 1), {AcknowledgedRole});
    sortRows();
    setUnacknowledged(0);
}

void AlertsModel::clear() {
    beginResetModel();
    entries_.clear();
    endResetModel();
    kept_ = 0;
    setUnacknowledged(0);
}

void AlertsModel::setCapacity(int capacity) {
    capacity_ = qMax(1, capacity);
    trim();
}

void AlertsModel::place(int row) {
    const AlertEntry& e = entries_.at(row);
    int to = 0;  // the number of other rows that come before it: its index once moved
    for (int other = 0; other < entries_.size(); ++other) {
        if (other != row && comesBefore(entries_[other], e))
            ++to;
    }
    if (to == row)
        return;
    // beginMoveRows wants the destination as an index before the move.
    beginMoveRows({}, row, row, {}, to > row ? to + 1 : to);
    entries_.move(row, to);
    endMoveRows();
}

void AlertsModel::sortRows() {
    // Insertion sort by single moves: the views keep their selection through rowsMoved.
    for (int row = 1; row < entries_.size(); ++row) {
        int to = 0;
        while (to < row && !comesBefore(entries_[row], entries_[to]))
            ++to;
        if (to == row)
            continue;
        beginMoveRows({}, row, row, {}, to);
        entries_.move(row, to);
        endMoveRows();
    }
}

void AlertsModel::trim() {
    // What goes first: (tier, severity, age). Old repeats of a row that stays (tier 0), then
    // acknowledged rows (1), then unacknowledged rows nobody must see (2), low severity and the
    // oldest first; repeats of the rows that must stay visible last (3). Such a row's latest
    // alert is never dropped, even over the capacity.
    struct Victim {
        int row = -1;
        bool wholeRow = false;
        std::tuple<int, int, qint64> rank{};
    };
    while (kept_ > capacity_) {
        Victim victim;
        auto consider = [&](int row, bool wholeRow, std::tuple<int, int, qint64> rank) {
            if (victim.row < 0 || rank < victim.rank)
                victim = {row, wholeRow, rank};
        };
        for (int row = 0; row < entries_.size(); ++row) {
            const AlertEntry& e = entries_[row];
            const bool stays = mustStayVisible(e);
            const int severity = severityRank(e.severity);
            if (e.alerts.size() > 1)
                consider(row, false, {stays ? 3 : 0, severity, e.alerts.last().serial});
            if (!stays)
                consider(row, true, {e.acknowledged ? 1 : 2, severity, e.serial});
        }
        if (victim.row < 0)
            return;  // only unacknowledged critical and abuse rows are left
        AlertEntry& e = entries_[victim.row];
        if (!victim.wholeRow) {
            e.alerts.removeLast();
            --kept_;
            const QModelIndex i = index(victim.row);
            emit dataChanged(i, i);  // its list of alerts is shorter
            continue;
        }
        const bool unacknowledged = !e.acknowledged;
        kept_ -= static_cast<int>(e.alerts.size());
        beginRemoveRows({}, victim.row, victim.row);
        entries_.removeAt(victim.row);
        endRemoveRows();
        if (unacknowledged)
            setUnacknowledged(unacknowledged_ - 1);
    }
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
