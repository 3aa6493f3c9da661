#include "app/tel_link_dialer.h"

#include <QStatusBar>

#include "app/app_controller.h"
#include "app/main_window.h"
#include "common/logging.h"
#include "common/phone.h"
#include "widgets/customer/customer360_view.h"

namespace agentdesk::app {

namespace {

auto telLog() {
    return logging::get("ui");
}

// A link clicked this long before the login is done is not dialled any more: the counselor
// may have forgotten it.
constexpr qint64 kPendingLimitMs = 10 * 60 * 1000;
constexpr int kStatusMessageMs = 30 * 1000;

QString localForm(const QString& e164) {
    return QString::fromStdString(phone::formatLocal(e164.toStdString()));
}

std::string maskedForLog(const QString& e164) {
    return phone::maskLocal(e164.toStdString());
}

}  // namespace

TelLinkDialer::TelLinkDialer(AppController& app, QObject* parent) : QObject(parent), app_(app) {
    connect(&app_, &AppController::loggedIn, this, &TelLinkDialer::tryPending);
}

void TelLinkDialer::request(const QString& e164) {
    telLog()->info("tel: link to {}", maskedForLog(e164));
    pending_ = e164;
    pendingSince_.start();
    tryPending();
}

void TelLinkDialer::bringToFront(QWidget* window) {
    if (!window)
        return;
    window->setWindowState((window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    window->show();
    window->raise();
    window->activateWindow();
}

void TelLinkDialer::tryPending() {
    if (pending_.isEmpty())
        return;
    QMainWindow* shown = app_.currentWindow();
    if (!shown) {
        // Not logged in: the login window says what will happen; loggedIn brings us back.
        if (widgets::LoginView* login = app_.loginView()) {
            bringToFront(login);
            login->showError(tr("Log in to call %1: the call starts once you are logged in.")
                                 .arg(localForm(pending_)));
        }
        return;
    }
    bringToFront(shown);
    MainWindow* window = app_.mainWindow();
    if (!window) {
        const QString number = localForm(pending_);
        shown->statusBar()->showMessage(
            tr("%1 was not dialled: calls from links are made in a counselor's window.")
                .arg(number),
            kStatusMessageMs);
        telLog()->info("tel: link not dialled: not a counselor's window");
        return finish();
    }
    if (pendingSince_.elapsed() > kPendingLimitMs)
        return offerInstead(tr("%1 was not dialled: the link was clicked more than 10 minutes "
                               "ago. The number is in the customer search box.")
                                .arg(localForm(pending_)));
    crm::ClientSession* session = app_.session();
    const crm::ConnectionStatus status = session->events().status();
    if (status == crm::ConnectionStatus::Disconnected ||
        status == crm::ConnectionStatus::Connecting ||
        (status == crm::ConnectionStatus::Connected &&
         session->agent().state() == crm::AgentState::Unknown))
        return waitForSession();  // just logged in: the snapshot tells whether a call is on
    if (status != crm::ConnectionStatus::Connected)
        return offerInstead(tr("%1 was not dialled: AgentDesk is not connected to the server. "
                               "The number is in the customer search box.")
                                .arg(localForm(pending_)));
    if (session->call().hasCall())
        return offerInstead(tr("%1 was not dialled: a call is in progress. The number is in the "
                               "customer search box; call it when you are done.")
                                .arg(localForm(pending_)));
    telLog()->info("dialling {} from a tel: link", maskedForLog(pending_));
    session->call().dial(pending_);
    window->statusBar()->showMessage(tr("Calling %1 (from a link).").arg(localForm(pending_)),
                                     kStatusMessageMs);
    finish();
}

void TelLinkDialer::waitForSession() {
    if (statusWatch_)
        return;
    crm::ClientSession* session = app_.session();
    statusWatch_ = connect(session, &crm::ClientSession::connectionStatusChanged, this,
                           &TelLinkDialer::tryPending);
    stateWatch_ = connect(&session->agent(), &crm::AgentSession::stateChanged, this,
                          &TelLinkDialer::tryPending);
}

void TelLinkDialer::offerInstead(const QString& why) {
    MainWindow* window = app_.mainWindow();
    window->customer()->prefillSearch(localForm(pending_));
    window->statusBar()->showMessage(why, kStatusMessageMs);
    telLog()->info("tel: link to {} not dialled; left in the customer search",
                   maskedForLog(pending_));
    finish();
}

void TelLinkDialer::finish() {
    pending_.clear();
    disconnect(statusWatch_);
    disconnect(stateWatch_);
    statusWatch_ = {};
    stateWatch_ = {};
}

}  // namespace agentdesk::app
