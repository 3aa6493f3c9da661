#pragma once
// The demo console's call generator and demo data: the arrival rate (0-600 calls a minute,
// with the rate the server runs now) and the reset of the demo data, asked for first.
#include <QGroupBox>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace agentdesk::crm {
class DemoController;
}

namespace agentdesk::widgets {

class GeneratorControls : public QGroupBox {
    Q_OBJECT
public:
    static constexpr int kMaxRate = 600;  // the server's limit (PUT /demo/rate)

    explicit GeneratorControls(crm::DemoController& controller, QWidget* parent = nullptr);

public slots:
    void applyRate();
    // Asks the trainer (a modal question: they pressed the button) and resets when confirmed.
    void requestReset();
    // The confirmed path: resets without asking.
    void resetConfirmed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateStatus();

    crm::DemoController& controller_;
    QLabel* rateLabel_;
    QSpinBox* rate_;
    QPushButton* apply_;
    QLabel* current_;
    QLabel* resetText_;
    QPushButton* reset_;
    QLabel* resetResult_;
    bool rateEdited_ = false;
};

}  // namespace agentdesk::widgets
