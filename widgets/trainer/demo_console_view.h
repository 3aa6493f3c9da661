#pragma once
// The trainer's demo console: bundled scenarios with start/stop, a form to inject one call, the
// demo generator's arrival rate, reset of the demo data (asked first) and presentation mode,
// a larger font for a projector that the window applies app-wide (presentationModeChanged).
// Failures show in a line at the top of the view.
#include <QWidget>

#include "crm/net/api_error.h"
#include "crm/session/demo_controller.h"

class QLabel;
class QPushButton;
class QTimer;

namespace agentdesk::crm {
class ClientSession;
}

namespace agentdesk::widgets {

class GeneratorControls;
class InjectCallForm;
class ScenarioList;

class DemoConsoleView : public QWidget {
    Q_OBJECT
public:
    static constexpr double kPresentationScale = 1.6;

    explicit DemoConsoleView(crm::ClientSession& session, QWidget* parent = nullptr);
    ~DemoConsoleView() override;

    crm::DemoController& controller() { return *controller_; }
    ScenarioList& scenarios() { return *scenarios_; }
    InjectCallForm& injectForm() { return *inject_; }
    GeneratorControls& generator() { return *generator_; }

    bool presentationMode() const { return presentation_; }
    // The font scale the window applies while presentation mode is on (1.0 when off is the
    // window's own setting, not this view's business).
    double presentationScale() const { return kPresentationScale; }
    // The last failure as shown, empty when none.
    QString errorMessage() const;

public slots:
    void setPresentationMode(bool on);
    // Reloads scenarios and the generator's status (also every few seconds while shown).
    void refresh();

signals:
    void presentationModeChanged(bool on);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void retranslate();
    void showError(crm::DemoController::Action action, const crm::ApiError& error);
    QString actionText(crm::DemoController::Action action) const;

    crm::ClientSession& session_;
    crm::DemoController* controller_;
    QLabel* title_;
    QLabel* errorLabel_;
    QPushButton* presentationButton_;
    ScenarioList* scenarios_;
    InjectCallForm* inject_;
    GeneratorControls* generator_;
    QTimer* poll_;
    bool presentation_ = false;
    crm::DemoController::Action errorAction_ = crm::DemoController::Action::LoadScenarios;
    crm::ApiError lastError_;
};

}  // namespace agentdesk::widgets
