#pragma once
// What the team lead's agent grid shows of crm::AgentsModel: translated states and headers,
// durations as m:ss, queue names, long ACW / long not-ready highlights, and the text, state
// and role filters. Sorts on the model's SortRole (states by urgency, times as numbers).
#include <QSortFilterProxyModel>

#include "crm/model/agent.h"

namespace agentdesk::crm {
class ClientSession;
}

namespace agentdesk::widgets {

class AgentGridProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    // Values of the state filter besides the AgentState ones.
    static constexpr int kAllStates = -1;
    static constexpr int kNeedsAttention = 100;  // long ACW or long not ready
    enum class Highlight { None, LongAcw, LongNotReady };

    explicit AgentGridProxy(crm::ClientSession& session, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setTextFilter(const QString& text);
    QString textFilter() const { return text_; }
    // kAllStates, an int(AgentState), or kNeedsAttention.
    void setStateFilter(int filter);
    int stateFilter() const { return state_; }
    // Team leads and trainers are agents too, but rarely what a lead watches.
    void setShowSupervisors(bool show);
    bool showSupervisors() const { return showSupervisors_; }
    void setLongAcwSec(int seconds);
    void setLongNotReadySec(int seconds);
    int longAcwSec() const { return longAcwSec_; }
    int longNotReadySec() const { return longNotReadySec_; }

    Highlight highlightOf(const QModelIndex& sourceIndex) const;
    // Headers after a language change.
    void retranslate();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString displayText(const QModelIndex& sourceIndex) const;

    crm::ClientSession& session_;
    QString text_;
    int state_ = kAllStates;
    bool showSupervisors_ = false;
    int longAcwSec_ = 60;
    int longNotReadySec_ = 600;
};

}  // namespace agentdesk::widgets
