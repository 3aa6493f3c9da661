#include "widgets/trainer/demo_console_view.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include "crm/session/client_session.h"
#include "widgets/common/error_text.h"
#include "widgets/common/relative_font.h"
#include "widgets/trainer/generator_controls.h"
#include "widgets/trainer/inject_call_form.h"
#include "widgets/trainer/scenario_list.h"

namespace agentdesk::widgets {

using crm::DemoController;

namespace {
// Running flags and the generator's rate change on the server's clock, not through events.
constexpr int kPollMs = 5000;
}  // namespace

DemoConsoleView::DemoConsoleView(crm::ClientSession& session, QWidget* parent)
    : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("demoConsole"));
    controller_ = new DemoController(session_, this);

    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("demoTitle"));
    setRelativeFont(title_, 1.25, true);
    presentationButton_ = new QPushButton(this);
    presentationButton_->setObjectName(QStringLiteral("presentationMode"));
    presentationButton_->setCheckable(true);
    errorLabel_ = new QLabel(this);
    errorLabel_->setObjectName(QStringLiteral("demoError"));
    errorLabel_->setWordWrap(true);
    errorLabel_->setStyleSheet(QStringLiteral(
        "background: #fde8e8; color: #b71c1c; border: 1px solid #f5c2c2; border-radius: 4px; "
        "padding: 6px;"));
    errorLabel_->hide();

    scenarios_ = new ScenarioList(*controller_, this);
    inject_ = new InjectCallForm(*controller_, this);
    generator_ = new GeneratorControls(*controller_, this);

    auto* header = new QHBoxLayout;
    header->addWidget(title_);
    header->addStretch(1);
    header->addWidget(presentationButton_);

    // Scenarios and the generator on the left; the inject form, the tallest part, on the right
    // scrolls on small screens.
    auto* left = new QVBoxLayout;
    left->addWidget(scenarios_, 1);
    left->addWidget(generator_);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("injectScroll"));
    scroll->setWidget(inject_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(inject_->minimumSizeHint().width() + 16);

    auto* body = new QHBoxLayout;
    body->addLayout(left, 5);
    body->addWidget(scroll, 4);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(errorLabel_);
    layout->addLayout(body, 1);

    poll_ = new QTimer(this);
    poll_->setInterval(kPollMs);
    connect(poll_, &QTimer::timeout, this, &DemoConsoleView::refresh);
    connect(presentationButton_, &QPushButton::toggled, this,
            &DemoConsoleView::setPresentationMode);
    connect(controller_, &DemoController::failed, this, &DemoConsoleView::showError);
    connect(controller_, &DemoController::succeeded, this, [this](DemoController::Action action) {
        if (!lastError_.ok() && action == errorAction_) {
            lastError_ = crm::ApiError();
            errorLabel_->hide();
        }
    });
    connect(controller_, &DemoController::scenariosChanged, this, [this] {
        if (!lastError_.ok() && errorAction_ == DemoController::Action::LoadScenarios) {
            lastError_ = crm::ApiError();
            errorLabel_->hide();
        }
    });
    connect(&session_, &crm::ClientSession::loggedInChanged, this, [this](bool in) {
        if (!in)
            return;
        inject_->reloadQueues();
        refresh();
    });

    retranslate();
    if (session_.loggedIn())
        refresh();
}

DemoConsoleView::~DemoConsoleView() = default;

QString DemoConsoleView::errorMessage() const {
    return lastError_.ok() ? QString() : errorLabel_->text();
}

void DemoConsoleView::setPresentationMode(bool on) {
    if (presentationButton_->isChecked() != on) {
        presentationButton_->setChecked(on);  // comes back here through toggled
        return;
    }
    if (presentation_ == on)
        return;
    presentation_ = on;
    emit presentationModeChanged(on);
}

void DemoConsoleView::refresh() {
    controller_->refresh();
}

void DemoConsoleView::showError(DemoController::Action action, const crm::ApiError& error) {
    errorAction_ = action;
    lastError_ = error;
    errorLabel_->setText(
        tr("%1: %2", "what failed: why").arg(actionText(action), errorText(error)));
    errorLabel_->show();
}

QString DemoConsoleView::actionText(DemoController::Action action) const {
    switch (action) {
        case DemoController::Action::LoadScenarios:
            return tr("Loading the scenarios failed");
        case DemoController::Action::LoadStatus:
            return tr("Reading the generator's status failed");
        case DemoController::Action::Start:
            return tr("Starting the scenario failed");
        case DemoController::Action::Stop:
            return tr("Stopping the demo failed");
        case DemoController::Action::Inject:
            return tr("Injecting the call failed");
        case DemoController::Action::SetRate:
            return tr("Setting the arrival rate failed");
        case DemoController::Action::Reset:
            return tr("Resetting the demo data failed");
        case DemoController::Action::Search:
            return tr("Searching customers failed");
    }
    return {};
}

void DemoConsoleView::showEvent(QShowEvent* event) {
    poll_->start();
    QWidget::showEvent(event);
}

void DemoConsoleView::hideEvent(QHideEvent* event) {
    poll_->stop();
    QWidget::hideEvent(event);
}

void DemoConsoleView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DemoConsoleView::retranslate() {
    title_->setText(tr("Demo console", "trainer's console for demo calls (데모 콘솔)"));
    presentationButton_->setText(
        tr("&Presentation mode", "large text for a projector (발표 모드)"));
    presentationButton_->setToolTip(tr("Larger text for a projector, in the whole window"));
    if (!lastError_.ok())
        errorLabel_->setText(
            tr("%1: %2", "what failed: why").arg(actionText(errorAction_), errorText(lastError_)));
}

}  // namespace agentdesk::widgets
