#include "widgets/supervisor/agent_grid_proxy.h"

#include <QBrush>
#include <QColor>

#include "crm/session/agents_model.h"
#include "crm/session/client_session.h"
#include "widgets/assist/assist_texts.h"
#include "widgets/common/format.h"
#include "widgets/softphone/softphone_texts.h"
#include "widgets/supervisor/monitor_texts.h"

namespace agentdesk::widgets {

using crm::AgentsModel;
using crm::AgentState;

AgentGridProxy::AgentGridProxy(crm::ClientSession& session, QObject* parent)
    : QSortFilterProxyModel(parent), session_(session) {
    setSortRole(AgentsModel::SortRole);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void AgentGridProxy::setTextFilter(const QString& text) {
    if (text.trimmed() == text_)
        return;
    text_ = text.trimmed();
    invalidateFilter();
}

void AgentGridProxy::setStateFilter(int filter) {
    if (filter == state_)
        return;
    state_ = filter;
    invalidateFilter();
}

void AgentGridProxy::setShowSupervisors(bool show) {
    if (show == showSupervisors_)
        return;
    showSupervisors_ = show;
    invalidateFilter();
}

void AgentGridProxy::setLongAcwSec(int seconds) {
    longAcwSec_ = seconds;
    if (state_ == kNeedsAttention)
        invalidateFilter();
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void AgentGridProxy::setLongNotReadySec(int seconds) {
    longNotReadySec_ = seconds;
    if (state_ == kNeedsAttention)
        invalidateFilter();
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

AgentGridProxy::Highlight AgentGridProxy::highlightOf(const QModelIndex& sourceIndex) const {
    const auto state = static_cast<AgentState>(sourceIndex.data(AgentsModel::StateRole).toInt());
    const qint64 seconds = sourceIndex.data(AgentsModel::SecondsInStateRole).toLongLong();
    if (state == AgentState::AfterCallWork && seconds > longAcwSec_)
        return Highlight::LongAcw;
    if (state == AgentState::NotReady && seconds > longNotReadySec_)
        return Highlight::LongNotReady;
    return Highlight::None;
}

bool AgentGridProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!showSupervisors_) {
        const QString role = idx.data(AgentsModel::UserRoleRole).toString();
        if (role == QLatin1String("teamlead") || role == QLatin1String("trainer"))
            return false;
    }
    if (state_ == kNeedsAttention) {
        if (highlightOf(idx) == Highlight::None)
            return false;
    } else if (state_ != kAllStates && idx.data(AgentsModel::StateRole).toInt() != state_) {
        return false;
    }
    if (text_.isEmpty())
        return true;
    const QModelIndex customer =
        sourceModel()->index(sourceRow, AgentsModel::CustomerColumn, sourceParent);
    for (const QString& s :
         {idx.data(Qt::DisplayRole).toString(), idx.data(AgentsModel::NameEnRole).toString(),
          idx.data(AgentsModel::AgentIdRole).toString(),
          idx.data(AgentsModel::ExtensionRole).toString(), customer.data().toString()}) {
        if (s.contains(text_, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString AgentGridProxy::displayText(const QModelIndex& src) const {
    switch (src.column()) {
        case AgentsModel::NameColumn: {
            const QString en = src.data(AgentsModel::NameEnRole).toString();
            return !SoftphoneTexts::koreanUi() && !en.isEmpty() ? en : src.data().toString();
        }
        case AgentsModel::StateColumn: {
            const auto state = static_cast<AgentState>(src.data(AgentsModel::StateRole).toInt());
            const QString reason = src.data(AgentsModel::ReasonRole).toString();
            QString text = SoftphoneTexts::agentState(state);
            if (state == AgentState::NotReady && !reason.isEmpty())
                text +=
                    QStringLiteral(" · ") + SoftphoneTexts::reason(session_.capabilities(), reason);
            return text;
        }
        case AgentsModel::TimeInStateColumn:
            return formatDuration(src.data(AgentsModel::SecondsInStateRole).toLongLong());
        case AgentsModel::CallDurationColumn: {
            const qint64 s = src.data(AgentsModel::CallSecondsRole).toLongLong();
            return s < 0 ? QString() : formatDuration(s);
        }
        case AgentsModel::QueueColumn:
            return MonitorTexts::queueName(session_.capabilities(), src.data().toString());
        case AgentsModel::CustomerColumn:
            return src.data().toString();
        case AgentsModel::HandledTodayColumn:
            return QString::number(src.data().toInt());
        case AgentsModel::AhtTodayColumn:
            return MonitorTexts::seconds(src.data().toDouble());
        case AgentsModel::SupervisionColumn: {
            const QString mode = src.data(AgentsModel::SupervisionModeRole).toString();
            if (mode.isEmpty())
                return {};
            const QString en = src.data(AgentsModel::SupervisorNameEnRole).toString();
            const QString who = !SoftphoneTexts::koreanUi() && !en.isEmpty()
                                    ? en
                                    : src.data(AgentsModel::SupervisorNameRole).toString();
            return who.isEmpty()
                       ? MonitorTexts::supervisionMode(mode)
                       : QStringLiteral("%1 · %2").arg(MonitorTexts::supervisionMode(mode), who);
        }
        case AgentsModel::MoodColumn: {
            const QString mood = src.data(AgentsModel::MoodRole).toString();
            return mood.isEmpty() ? QString() : AssistTexts::mood(mood);
        }
        default:
            return src.data().toString();
    }
}

QVariant AgentGridProxy::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    const QModelIndex src = mapToSource(index);
    const int column = src.column();
    switch (role) {
        case Qt::DisplayRole:
            return displayText(src);
        case Qt::BackgroundRole:
        case Qt::ForegroundRole: {
            if (column == AgentsModel::MoodColumn) {
                const QString mood = src.data(AgentsModel::MoodRole).toString();
                if (role == Qt::ForegroundRole && !mood.isEmpty())
                    return QBrush(AssistTexts::moodColor(mood));
                return {};
            }
            if (column != AgentsModel::StateColumn && column != AgentsModel::TimeInStateColumn)
                return {};
            const Highlight h = highlightOf(src);
            if (h == Highlight::None)
                return {};
            const bool acw = h == Highlight::LongAcw;
            if (role == Qt::BackgroundRole)
                return QBrush(acw ? QColor(0xff, 0xe0, 0x8a) : QColor(0xf8, 0xc9, 0xc5));
            return QBrush(acw ? QColor(0x6b, 0x45, 0x00) : QColor(0x8a, 0x12, 0x0b));
        }
        case Qt::ToolTipRole: {
            const Highlight h = highlightOf(src);
            if (h == Highlight::LongAcw)
                return tr("After-call work for longer than %1", "후처리 too long")
                    .arg(formatDuration(longAcwSec_));
            if (h == Highlight::LongNotReady)
                return tr("Not ready for longer than %1", "이석 too long")
                    .arg(formatDuration(longNotReadySec_));
            return {};
        }
        case Qt::TextAlignmentRole:
            switch (column) {
                case AgentsModel::TimeInStateColumn:
                case AgentsModel::CallDurationColumn:
                case AgentsModel::HandledTodayColumn:
                case AgentsModel::AhtTodayColumn:
                    return QVariant(Qt::AlignRight | Qt::AlignVCenter);
                default:
                    return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
            }
        default:
            return QSortFilterProxyModel::data(index, role);
    }
}

QVariant AgentGridProxy::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QSortFilterProxyModel::headerData(section, orientation, role);
    switch (section) {
        case AgentsModel::NameColumn:
            return tr("Agent", "column: 상담사");
        case AgentsModel::StateColumn:
            return tr("State", "column: 상태");
        case AgentsModel::TimeInStateColumn:
            return tr("In state", "column: time in the current state (상태 유지 시간)");
        case AgentsModel::CallDurationColumn:
            return tr("Call", "column: duration of the current call (통화 시간)");
        case AgentsModel::QueueColumn:
            return tr("Queue", "column: 큐");
        case AgentsModel::CustomerColumn:
            return tr("Customer", "column: 고객");
        case AgentsModel::HandledTodayColumn:
            return tr("Handled today", "column: calls handled today (금일 처리 호)");
        case AgentsModel::AhtTodayColumn:
            return tr("AHT today", "column: average handle time today (금일 평균 처리 시간)");
        case AgentsModel::SupervisionColumn:
            return tr("Supervision", "column: listen/whisper/barge by a lead (모니터링)");
        case AgentsModel::MoodColumn:
            return tr("Customer mood", "column: live call's customer sentiment (고객 감정)");
        default:
            return {};
    }
}

void AgentGridProxy::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, AgentsModel::ColumnCount - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

}  // namespace agentdesk::widgets
