#pragma once
// The window of team leads and trainers (docs/architecture.md flows 5, 6), shown by role instead
// of the counselor's: the queue monitor with its charts and the alerts side by side, the agent
// grid (with listen / whisper / barge), and for trainers first the demo console, plus the
// evaluation form. Status bar and connection banner as in the counselor's window.
#include <QMainWindow>

#include "crm/session/client_session.h"

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;

namespace agentdesk::widgets {
class AgentGridView;
class AlertsPanel;
class ConnectionBanner;
class ConnectionIndicator;
class DemoConsoleView;
class EvaluationView;
class LoginLockoutsDialog;
class QueueMonitorView;
}  // namespace agentdesk::widgets

namespace agentdesk::app {

class SupervisorWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit SupervisorWindow(crm::ClientSession& session, QWidget* parent = nullptr);
    ~SupervisorWindow() override;

    widgets::QueueMonitorView* queueMonitor() const { return monitor_; }
    widgets::AgentGridView* agentGrid() const { return grid_; }
    widgets::AlertsPanel* alerts() const { return alerts_; }
    widgets::DemoConsoleView* demoConsole() const { return demo_; }
    widgets::EvaluationView* evaluation() const { return evaluation_; }
    widgets::ConnectionBanner* banner() const { return banner_; }
    QTabWidget* tabs() const { return tabs_; }
    // Team leads only (null for trainers): the menu entry and, once opened, its dialog.
    QAction* loginLockoutsAction() const { return lockoutsAction_; }
    widgets::LoginLockoutsDialog* loginLockoutsDialog() const { return lockouts_; }
    void openLoginLockouts();
    // Shows the agent an alert is about in the grid.
    void openAgent(const QString& agentId);

signals:
    void settingsRequested();
    void logoutRequested();
    void loginAgainRequested();
    void alertToNotify(const agentdesk::crm::Alert& alert);
    // The demo console's presentation mode (font scale for a projector).
    void presentationModeChanged(bool on, double scale);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void onConnectionStatus(crm::ConnectionStatus status);

    crm::ClientSession& session_;
    widgets::ConnectionBanner* banner_;
    widgets::ConnectionIndicator* indicator_;
    QTabWidget* tabs_;
    QSplitter* monitorTab_;
    widgets::QueueMonitorView* monitor_;
    widgets::AlertsPanel* alerts_;
    widgets::AgentGridView* grid_;
    widgets::DemoConsoleView* demo_ = nullptr;  // trainers and team leads (demo mode)
    widgets::EvaluationView* evaluation_;
    QLabel* userLabel_;
    QMenu* fileMenu_;
    QAction* settingsAction_;
    QAction* logoutAction_;
    QAction* lockoutsAction_ = nullptr;                 // team leads
    widgets::LoginLockoutsDialog* lockouts_ = nullptr;  // created on first use
    QAction* quitAction_;
};

}  // namespace agentdesk::app
