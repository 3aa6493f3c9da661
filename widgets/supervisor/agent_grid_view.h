#pragma once
// The team lead's agent grid: every agent with state, time in state (ticking), current call,
// queue, customer, calls handled and AHT today, and who supervises the call; sorting, a text
// and a state filter, long ACW and long not-ready highlighted; listen / whisper / barge on the
// selected agent's call.
#include <QWidget>

#include "crm/session/agents_model.h"
#include "crm/session/client_session.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;

namespace agentdesk::crm {
class ServerClock;
}

namespace agentdesk::widgets {

class AgentGridProxy;
class AssistPanel;
class SupervisionBar;

class AgentGridView : public QWidget {
    Q_OBJECT
public:
    AgentGridView(crm::ClientSession& session, QWidget* parent = nullptr);
    ~AgentGridView() override;

    // Selects the agent and scrolls to it (alerts open the agent); clears filters that hide it.
    void showAgent(const QString& agentId);
    QString selectedAgentId() const;

    void setLongAcwSec(int seconds);
    void setLongNotReadySec(int seconds);

    crm::AgentsModel& model() { return model_; }
    AgentGridProxy* proxy() const { return proxy_; }
    QTableView* table() const { return table_; }
    SupervisionBar* supervisionBar() const { return bar_; }
    // The listened call's transcript (agent assist).
    AssistPanel* listeningPanel() const { return listening_; }

signals:
    // Double-click or Enter on an agent.
    void agentActivated(const QString& agentId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onSelectionChanged();
    void updateCount();
    void retranslate();
    void fitColumns();

    crm::ClientSession& session_;
    crm::ServerClock* clock_;
    crm::AgentsModel model_;
    AgentGridProxy* proxy_;
    QLineEdit* filter_;
    QComboBox* stateFilter_;
    QCheckBox* supervisors_;
    QLabel* acwLabel_;
    QSpinBox* longAcw_;
    QLabel* notReadyLabel_;
    QSpinBox* longNotReady_;
    QLabel* count_;
    QTableView* table_;
    SupervisionBar* bar_;
    AssistPanel* listening_ = nullptr;
};

}  // namespace agentdesk::widgets
