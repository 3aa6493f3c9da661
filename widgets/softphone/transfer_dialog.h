#pragma once
// The non-modal transfer dialog of the softphone bar (호전환): target queue, agent ID or phone
// number; blind or consult. A consult keeps the dialog open while the target is offered the
// call: it completes when the target answers (docs/api.md "transfer": there is no complete command)
// and is cancelled by going back to the caller (resume).
#include <QDialog>
#include <QString>

#include "crm/session/client_session.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace agentdesk::widgets {

class TransferDialog : public QDialog {
    Q_OBJECT
public:
    explicit TransferDialog(crm::ClientSession& session, QWidget* parent = nullptr);

    void setOnline(bool online);
    // Before showing it again: forgets the last message and request.
    void prepare();
    // The request id of the last transfer sent (empty when none or refused).
    QString lastRequestId() const { return requestId_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refill();
    void refresh();
    void send();
    void cancelConsult();
    // The target as typed, checked: kind "queue" | "agent" | "number" and the value to send;
    // an empty value and `problem` when it cannot be sent.
    bool target(QString& kind, QString& value, QString& problem) const;
    void showMessage(const QString& text, bool error);

    crm::ClientSession& session_;
    bool online_ = true;
    QString requestId_;
    QString message_;
    bool messageIsError_ = false;

    QLabel* kindTitle_;
    QRadioButton* toQueue_;
    QRadioButton* toAgent_;
    QRadioButton* toNumber_;
    QButtonGroup* kinds_;
    QComboBox* queue_;
    QLineEdit* agent_;
    QLineEdit* number_;
    QLabel* numberCheck_;
    QLabel* modeTitle_;
    QRadioButton* blind_;
    QRadioButton* attended_ = nullptr;
    QPushButton* complete_ = nullptr;
    QRadioButton* consult_;
    QLabel* status_;
    QPushButton* send_;
    QPushButton* cancelConsult_;
    QPushButton* close_;
};

}  // namespace agentdesk::widgets
