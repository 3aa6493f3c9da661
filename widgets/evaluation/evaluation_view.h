#pragma once
// The trainer's (and team lead's) call evaluation tab: the form for a trainee's call on the
// left, the call's transcript and compliance checklist (agent assist) beside it, that trainee's
// history with averages, trend chart and CSV export on the right.
// The hosting window shows it to trainers and team leads only; the server refuses others (403).
#include <QWidget>

#include "crm/session/assist_session.h"
#include "crm/session/client_session.h"

class QLabel;

namespace agentdesk::crm {
class EvaluationsModel;
}

namespace agentdesk::widgets {

class EvaluationForm;
class EvaluationHistory;

class AssistPanel;

class EvaluationView : public QWidget {
    Q_OBJECT
public:
    EvaluationView(crm::ClientSession& session, QWidget* parent = nullptr);
    ~EvaluationView() override;

    // Opens the form on this call of this agent (from the agent grid or an alert).
    void evaluateCall(const QString& callId, const QString& agentId);
    // Writes the shown trainee's history as CSV (crm::evaluationsCsv) to `path`, no dialog.
    bool exportCsv(const QString& path);

    crm::EvaluationsModel& model() { return *model_; }
    EvaluationForm* form() const { return form_; }
    EvaluationHistory* history() const { return history_; }
    // The evaluated call's transcript and checklist (agent assist).
    AssistPanel* transcript() const { return transcript_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void onTraineeChanged(const QString& agentId);
    void prefillCall();
    void showHistory();
    void chooseExportFile();

    crm::ClientSession& session_;
    crm::EvaluationsModel* model_;
    EvaluationForm* form_;
    EvaluationHistory* history_;
    crm::AssistSession* callAssist_;  // the evaluated call's, not the trainer's own calls'
    AssistPanel* transcript_;
    QString autoCallId_;  // the call id we filled in ourselves (replaced when the trainee changes)
    QString lastExportDir_;
};

}  // namespace agentdesk::widgets
