#pragma once
// Listen / whisper / barge / stop for the agent selected in the team lead's grid, with a
// status line: what was asked, what the server answered, and what it reports on the call.
#include <optional>

#include <QWidget>

#include "crm/net/api_error.h"
#include "crm/session/agents_model.h"

class QLabel;
class QPushButton;

namespace agentdesk::crm {
class ClientSession;
}

namespace agentdesk::widgets {

class SupervisionBar : public QWidget {
    Q_OBJECT
public:
    explicit SupervisionBar(crm::ClientSession& session, QWidget* parent = nullptr);

    // The selected agent as the grid has it now (nullopt: nothing selected).
    void setAgent(const std::optional<crm::AgentsModel::Row>& row);
    QString statusText() const;

signals:
    // The server's answer to a supervise ("listen" | "whisper" | "barge") or stop ("stop").
    void requestFinished(const QString& callId, const QString& mode,
                         const agentdesk::crm::ApiError& error);

protected:
    void changeEvent(QEvent* event) override;

private:
    void request(const QString& mode);
    void stop();
    void updateButtons();
    void updateStatusFromRow();
    QString agentName() const;
    bool supervisedByMe() const;
    void retranslate();

    crm::ClientSession& session_;
    std::optional<crm::AgentsModel::Row> row_;
    QLabel* agent_;
    QPushButton* listen_;
    QPushButton* whisper_;
    QPushButton* barge_;
    QPushButton* stop_;
    QLabel* status_;
    QString activeCallId_;  // the call this lead asked to supervise and was accepted
    QString activeMode_;
    QString pendingMode_;
    bool pending_ = false;
};

}  // namespace agentdesk::widgets
