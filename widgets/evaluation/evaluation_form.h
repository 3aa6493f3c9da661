#pragma once
// The evaluation form for one trainee's call: trainee, call id, the five KSQI scores (slider and
// spin box each), comment, a live service/empathy/grade preview, and inline errors from local
// checks or the server's 422 fields. It only collects and checks; the view saves.
#include <QList>
#include <QMap>
#include <QWidget>

#include "crm/model/agent.h"
#include "crm/net/api_error.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace agentdesk::widgets {

class ScoreInput;

class EvaluationForm : public QWidget {
    Q_OBJECT
public:
    explicit EvaluationForm(QWidget* parent = nullptr);

    // Counselors to choose from; keeps the current choice when it is still there.
    void setTrainees(const QList<crm::Agent>& trainees);
    QString traineeId() const;
    // Selects the trainee (an id not in the list is added as is, so the lead can open the form
    // for an agent before the list has loaded).
    void setTraineeId(const QString& agentId);

    QString callId() const;
    void setCallId(const QString& callId);
    // Set scores by dimension (not-set ones are left out).
    QMap<QString, int> scores() const;
    void setScore(const QString& dimension, int score);
    ScoreInput* scoreInput(const QString& dimension) const;
    QString comment() const;
    void setComment(const QString& comment);

    // Local checks (trainee, call id, every score 0–100); marks what is wrong inline.
    bool validate();
    void clearErrors();
    // Shows a failed save: field errors inline, the rest as one line under the buttons.
    void showSaveError(const crm::ApiError& error);
    void showSaved();
    // Scores and comment back to empty for the next call (trainee and call id stay).
    void clearScores();
    void setBusy(bool busy);
    void setReadOnlyReason(const QString& reason);

signals:
    void traineeChanged(const QString& agentId);
    // The call id was set, or the trainer finished typing one.
    void callIdChanged(const QString& callId);
    void saveRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updatePreview();
    void setStatus(const QString& text, bool error);

    QComboBox* trainee_;
    QLabel* traineeError_;
    QLineEdit* callId_;
    QLabel* callIdError_;
    QList<ScoreInput*> inputs_;
    QPlainTextEdit* comment_;
    QLabel* preview_;
    QLabel* grade_;
    QPushButton* save_;
    QPushButton* clear_;
    QLabel* status_;
    QFormLayout* form_;
    QLabel* title_;
    QLabel* scoresTitle_;
    bool busy_ = false;
    bool statusIsError_ = false;
    bool readOnly_ = false;
};

}  // namespace agentdesk::widgets
