#pragma once
// The demo console's "inject a call" form: a customer (searched by name, number or phone) or
// a typed phone number, the queue and its intent, optional transcript lines; Inject sends
// POST /demo/calls through the controller.
#include <optional>

#include <QGroupBox>

#include "crm/model/training.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTimer;

namespace agentdesk::crm {
class DemoController;
struct CustomerListItem;
}  // namespace agentdesk::crm

namespace agentdesk::widgets {

class InjectCallForm : public QGroupBox {
    Q_OBJECT
public:
    explicit InjectCallForm(crm::DemoController& controller, QWidget* parent = nullptr);

    // The request the form would send now; none (and a reason in `why`) when not valid yet.
    std::optional<crm::InjectCallRequest> request(QString* why = nullptr) const;
    // Queue and intent choices come from the capabilities: read again after a (re)login.
    void reloadQueues();

public slots:
    void inject();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void reloadIntents();
    void onCustomers(const QString& query, const QList<crm::CustomerListItem>& customers);
    void updateState();

    crm::DemoController& controller_;
    QRadioButton* customerMode_;
    QRadioButton* phoneMode_;
    QButtonGroup* modes_;
    QStackedWidget* callerStack_;
    QLineEdit* search_;
    QListWidget* results_;
    QTimer* searchDelay_;
    QLineEdit* phone_;
    QLabel* phoneHint_;
    QLabel* callerLabel_;
    QLabel* whoLabel_;
    QLabel* queueLabel_;
    QComboBox* queue_;
    QLabel* intentLabel_;
    QComboBox* intent_;
    QLabel* transcriptLabel_;
    QPlainTextEdit* transcript_;
    QLabel* transcriptHint_;
    QPushButton* inject_;
    QLabel* result_;
    bool busy_ = false;
};

}  // namespace agentdesk::widgets
