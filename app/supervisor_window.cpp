#include "app/supervisor_window.h"

#include <QAction>
#include <QEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include "crm/session/agents_model.h"
#include "widgets/alerts/alerts_panel.h"
#include "widgets/common/connection_banner.h"
#include "widgets/evaluation/evaluation_view.h"
#include "widgets/supervisor/agent_grid_view.h"
#include "widgets/supervisor/login_lockouts_dialog.h"
#include "widgets/supervisor/queue_monitor_view.h"
#include "widgets/trainer/demo_console_view.h"

namespace agentdesk::app {

SupervisorWindow::SupervisorWindow(crm::ClientSession& session, QWidget* parent)
    : QMainWindow(parent),
      session_(session),
      banner_(new widgets::ConnectionBanner(this)),
      indicator_(new widgets::ConnectionIndicator(this)),
      tabs_(new QTabWidget(this)),
      monitorTab_(new QSplitter(Qt::Horizontal, this)),
      monitor_(new widgets::QueueMonitorView(session, monitorTab_)),
      alerts_(new widgets::AlertsPanel(session, monitorTab_)),
      grid_(new widgets::AgentGridView(session, this)),
      evaluation_(new widgets::EvaluationView(session, this)),
      userLabel_(new QLabel(this)) {
    setObjectName(QStringLiteral("supervisorWindow"));
    tabs_->setObjectName(QStringLiteral("supervisorTabs"));
    monitorTab_->addWidget(monitor_);
    monitorTab_->addWidget(alerts_);
    monitorTab_->setStretchFactor(0, 5);
    monitorTab_->setStretchFactor(1, 2);
    monitorTab_->setChildrenCollapsible(false);

    const bool trainer = session.agent().agent().role == QLatin1String("trainer");
    if (session.capabilities().demo)
        demo_ = new widgets::DemoConsoleView(session, this);
    // Trainers start in their console; team leads in the queue monitor.
    if (trainer && demo_)
        tabs_->addTab(demo_, QString());
    tabs_->addTab(monitorTab_, QString());
    tabs_->addTab(grid_, QString());
    if (!trainer && demo_)
        tabs_->addTab(demo_, QString());
    tabs_->addTab(evaluation_, QString());

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(banner_);
    layout->addWidget(tabs_, 1);
    setCentralWidget(central);
    statusBar()->addWidget(indicator_);
    statusBar()->addPermanentWidget(userLabel_);

    fileMenu_ = menuBar()->addMenu(QString());
    settingsAction_ = fileMenu_->addAction(QString(), this, &SupervisorWindow::settingsRequested);
    settingsAction_->setObjectName(QStringLiteral("settings"));
    settingsAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    // Login lockouts are the team lead's (the server refuses trainers and counselors).
    if (session.agent().agent().role == QLatin1String("teamlead")) {
        lockoutsAction_ =
            fileMenu_->addAction(QString(), this, &SupervisorWindow::openLoginLockouts);
        lockoutsAction_->setObjectName(QStringLiteral("loginLockouts"));
    }
    logoutAction_ = fileMenu_->addAction(QString(), this, &SupervisorWindow::logoutRequested);
    logoutAction_->setObjectName(QStringLiteral("logout"));
    fileMenu_->addSeparator();
    quitAction_ = fileMenu_->addAction(QString(), this, &QWidget::close);
    quitAction_->setObjectName(QStringLiteral("quit"));

    connect(alerts_, &widgets::AlertsPanel::notifyRequested, this,
            &SupervisorWindow::alertToNotify);
    connect(alerts_, &widgets::AlertsPanel::openAgentRequested, this,
            [this](const QString& agentId, const QString&) { openAgent(agentId); });
    connect(alerts_, &widgets::AlertsPanel::unacknowledgedCountChanged, this,
            &SupervisorWindow::retranslate);
    // Double-click on a counselor in the grid: evaluate their current (or last) call.
    connect(grid_, &widgets::AgentGridView::agentActivated, this, [this](const QString& agentId) {
        const crm::AgentsModel::Row* row = grid_->model().find(agentId);
        tabs_->setCurrentWidget(evaluation_);
        evaluation_->evaluateCall(row ? row->agent.callId : QString(), agentId);
    });
    if (demo_) {
        connect(demo_, &widgets::DemoConsoleView::presentationModeChanged, this,
                [this](bool on) { emit presentationModeChanged(on, demo_->presentationScale()); });
    }
    connect(banner_, &widgets::ConnectionBanner::loginAgainRequested, this,
            &SupervisorWindow::loginAgainRequested);
    connect(&session_, &crm::ClientSession::connectionStatusChanged, this,
            &SupervisorWindow::onConnectionStatus);
    onConnectionStatus(session_.events().status());
    retranslate();
    setMinimumSize(1024, 640);
}

SupervisorWindow::~SupervisorWindow() = default;

void SupervisorWindow::openAgent(const QString& agentId) {
    tabs_->setCurrentWidget(grid_);
    grid_->showAgent(agentId);
}

void SupervisorWindow::openLoginLockouts() {
    if (!lockoutsAction_)
        return;
    if (!lockouts_)
        lockouts_ = new widgets::LoginLockoutsDialog(session_.api(), this);
    else if (lockouts_->isVisible())
        lockouts_->refresh();
    lockouts_->show();
    lockouts_->raise();
    lockouts_->activateWindow();
}

void SupervisorWindow::onConnectionStatus(crm::ConnectionStatus status) {
    banner_->setStatus(status);
    indicator_->setStatus(status);
}

void SupervisorWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void SupervisorWindow::retranslate() {
    const crm::Agent& agent = session_.agent().agent();
    const bool trainer = agent.role == QLatin1String("trainer");
    setWindowTitle(trainer ? tr("AgentDesk — trainer — %1").arg(agent.name)
                           : tr("AgentDesk — team lead — %1").arg(agent.name));
    const int unacknowledged = alerts_->unacknowledgedCount();
    tabs_->setTabText(tabs_->indexOf(monitorTab_),
                      unacknowledged > 0 ? tr("Queues and alerts (%1)").arg(unacknowledged)
                                         : tr("Queues and alerts"));
    tabs_->setTabText(tabs_->indexOf(grid_), tr("Agents"));
    if (demo_)
        tabs_->setTabText(tabs_->indexOf(demo_), tr("Demo console"));
    tabs_->setTabText(tabs_->indexOf(evaluation_), tr("Evaluation"));
    fileMenu_->setTitle(tr("&AgentDesk"));
    settingsAction_->setText(tr("Settings…"));
    if (lockoutsAction_)
        lockoutsAction_->setText(tr("Login lockouts…"));
    logoutAction_->setText(tr("Log out"));
    quitAction_->setText(tr("Quit"));
    userLabel_->setText(trainer ? tr("%1 (%2) · trainer").arg(agent.name, agent.id)
                                : tr("%1 (%2) · team lead").arg(agent.name, agent.id));
}

}  // namespace agentdesk::app
