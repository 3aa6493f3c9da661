#include "app/app_controller.h"

#include <algorithm>

#include <QApplication>
#include <QFont>
#include <QScreen>

#include "app/main_window.h"
#include "app/shortcut_table.h"
#include "app/supervisor_window.h"
#include "common/logging.h"
#include "crm/net/server_url.h"
#include "widgets/common/connection_banner.h"
#include "widgets/common/error_text.h"
#include "widgets/common/relative_font.h"
#include "widgets/notes/note_editor.h"
#include "widgets/settings/settings_dialog.h"
#include "widgets/supervisor/agent_grid_view.h"
#include "widgets/supervisor/queue_monitor_view.h"

namespace agentdesk::app {

namespace {
auto log() {
    return logging::get("ui");
}
}  // namespace

AppController::AppController(Options options, QObject* parent)
    : QObject(parent),
      options_(std::move(options)),
      settings_(std::make_unique<AppSettings>(options_.settingsPath)),
      language_(std::make_unique<Language>()) {
    const QString caFile = settings_->get(settings::caFile);
    transport_ = std::make_unique<crm::HttpTransport>(crm::TlsSettings{true, caFile});
    store_ = std::make_unique<crm::LocalStore>(
        options_.storePath.isEmpty() ? crm::defaultLocalStorePath() : options_.storePath);
    autosaver_ = std::make_unique<crm::DraftAutosaver>(*store_);
    notifier_ = std::make_unique<DesktopNotifier>();
    baseFontPointSize_ = QApplication::font().pointSizeF();
}

AppController::~AppController() {
    window_.reset();
    supervisorWindow_.reset();
    loginView_.reset();
    autosaver_->flushNow();
    autosaver_.reset();
    session_.reset();
    transport_->shutdown();
    store_.reset();
    embedded_.reset();
}

void AppController::start() {
    applyLanguage(options_.language.isEmpty() ? settings_->get(settings::language)
                                              : options_.language);
    applyFontScale(settings_->get(settings::fontScale));
    applyTheme(settings_->get(settings::theme));

    QString server = settings_->get(settings::server);
    if (options_.server)
        server = *options_.server == QLatin1String("demo") ? QString() : *options_.server;
    const bool embedded = server.isEmpty();

    loginView_ = std::make_unique<widgets::LoginView>();
    loginView_->setLanguage(language_->current());
    loginView_->setForm(
        embedded, server,
        options_.user.isEmpty() ? settings_->get(settings::lastUser) : options_.user);
    connect(loginView_.get(), &widgets::LoginView::submitted, this, &AppController::login);
    connect(loginView_.get(), &widgets::LoginView::languageRequested, this,
            [this](const QString& c) {
                settings_->set(settings::language, c);
                applyLanguage(c);
            });
    if (embedded)
        ensureEmbedded();  // seeding the demo center takes a moment: start it while they type
    showLogin();
}

void AppController::ensureEmbedded() {
    if (embedded_)
        return;
    embedded_ = std::make_unique<EmbeddedServer>(options_.embedded);
    connect(embedded_.get(), &EmbeddedServer::ready, this, [this](const QString& url) {
        if (loginView_)
            loginView_->setEmbeddedStatus(tr("Demo contact center ready."));
        if (waitingForEmbedded_) {
            const auto form = *waitingForEmbedded_;
            waitingForEmbedded_.reset();
            loginTo(url, form);
        }
    });
    connect(embedded_.get(), &EmbeddedServer::failed, this, [this](const QString& why) {
        const QString message = tr("The demo contact center could not start: %1").arg(why);
        waitingForEmbedded_.reset();
        if (loginView_) {
            loginView_->setEmbeddedStatus(message);
            showLogin(message);
        }
    });
    if (loginView_)
        loginView_->setEmbeddedStatus(tr("Starting the demo contact center…"));
    embedded_->start();
}

void AppController::showLogin(const QString& error) {
    if (!loginView_)
        return;
    loginView_->setBusy(false);
    loginView_->showError(error);
    loginView_->show();
    loginView_->raise();
    loginView_->activateWindow();
}

void AppController::login(const widgets::LoginForm& form) {
    if (!form.embedded) {
        if (crm::isPlainHttpToRemote(form.serverUrl)) {
            if (!settings_->get(settings::allowPlainHttp)) {
                showLogin(
                    tr("This server address is not encrypted (http://). Use https://, or "
                       "allow unencrypted connections in Settings."));
                return;
            }
            log()->warn(
                "logging in over unencrypted http to another computer (allowed in "
                "settings)");
        }
        loginView_->setBusy(true);
        loginTo(form.serverUrl, form);
        return;
    }
    loginView_->setBusy(true);
    ensureEmbedded();
    if (!embedded_->isReady() && !embedded_->isStarting())
        embedded_->start();  // it failed before: try again
    if (embedded_->isReady()) {
        loginTo(embedded_->baseUrl(), form);
    } else {
        waitingForEmbedded_ = form;
        loginView_->setEmbeddedStatus(tr("Starting the demo contact center…"));
    }
}

void AppController::loginTo(const QString& baseUrl, const widgets::LoginForm& form) {
    // The same user on the same server again (session expired): keep the window and the
    // session's state, only get a new token. Anyone or anything else: a new session.
    const bool sameSession = session_ && session_->api().serverList() == baseUrl &&
                             session_->username() == form.username;
    if (!sameSession) {
        dropSession();
        session_ = std::make_unique<crm::ClientSession>(*transport_, baseUrl, store_.get());
    }
    auto* session = session_.get();
    session->login(form.username, form.password, [this, session, form](const crm::ApiError& e) {
        if (session != session_.get())
            return;  // superseded by another login
        if (e) {
            log()->warn("login failed: {}", e.describe().toStdString());
            const QString message = widgets::errorText(e);
            showLogin(message);
            emit loginFailed(message);
            return;
        }
        onLoggedIn(form);
    });
}

void AppController::onLoggedIn(const widgets::LoginForm& form) {
    settings_->set(settings::server, form.embedded ? QString() : form.serverUrl);
    settings_->set(settings::lastUser, form.username);
    loginView_->setBusy(false);
    loginView_->clearPassword();
    loginView_->hide();
    session_->knowledge().setLanguage(language_->current());
    QMainWindow* shown = currentWindow();
    if (!shown) {
        // Shown by role: counselors get the workstation, team leads and trainers the monitor.
        if (session_->agent().agent().isSupervisor())
            shown = createSupervisorWindow();
        else
            shown = createCounselorWindow();
        connect(session_.get(), &crm::ClientSession::sessionExpired, this, [this] {
            if (loginView_)
                loginView_->setForm(settings_->get(settings::server).isEmpty(),
                                    settings_->get(settings::server),
                                    settings_->get(settings::lastUser));
        });
        notifier_->setWindow(shown);
        const QByteArray geometry = settings_->get(settings::windowGeometry);
        if (geometry.isEmpty() || !shown->restoreGeometry(geometry))
            shown->resize(1366, 768);
        shown->show();
        if (window_)
            window_->notes()->restoreDrafts();
    } else {
        shown->raise();
        shown->activateWindow();
    }
    log()->info("logged in as {}", form.username.toStdString());
    emit loggedIn();
}

QMainWindow* AppController::currentWindow() const {
    if (window_)
        return window_.get();
    return supervisorWindow_.get();
}

QMainWindow* AppController::createCounselorWindow() {
    window_ = std::make_unique<MainWindow>(*session_, *autosaver_);
    connect(window_.get(), &MainWindow::settingsRequested, this, &AppController::openSettings);
    // Queued: the menu that triggers it belongs to the window logout() deletes; deleting it
    // inside the menu's own key or mouse handler corrupted the heap.
    connect(window_.get(), &MainWindow::logoutRequested, this, &AppController::logout,
            Qt::QueuedConnection);
    connect(window_.get(), &MainWindow::loginAgainRequested, this, [this] { showLogin(); });
    connect(window_.get(), &MainWindow::ringing, notifier_.get(), &DesktopNotifier::notify);
    window_->notes()->setAfterWrapupState(settings_->get(settings::afterWrapup));
    applyShortcuts(window_.get(), *settings_);
    return window_.get();
}

QMainWindow* AppController::createSupervisorWindow() {
    supervisorWindow_ = std::make_unique<SupervisorWindow>(*session_);
    auto* w = supervisorWindow_.get();
    connect(w, &SupervisorWindow::settingsRequested, this, &AppController::openSettings);
    connect(w, &SupervisorWindow::logoutRequested, this, &AppController::logout,
            Qt::QueuedConnection);  // as for the counselor's window
    connect(w, &SupervisorWindow::loginAgainRequested, this, [this] { showLogin(); });
    connect(w, &SupervisorWindow::alertToNotify, this, [this](const crm::Alert& alert) {
        notifier_->notifyAlert(alert, tr("AgentDesk alert"));
    });
    // The monitor's limits are the lead's own: read from and written to the settings.
    widgets::MonitorThresholds limits;
    limits.slBelowPct = settings_->get(settings::monitorSlBelowPct);
    limits.longestWaitAboveSec = settings_->get(settings::monitorLongestWaitSec);
    limits.waitingAbove = settings_->get(settings::monitorWaitingAbove);
    limits.abandonAbovePct = settings_->get(settings::monitorAbandonAbovePct);
    w->queueMonitor()->setThresholds(limits);
    w->agentGrid()->setLongAcwSec(settings_->get(settings::monitorLongAcwSec));
    w->agentGrid()->setLongNotReadySec(settings_->get(settings::monitorLongNotReadySec));
    connect(w->queueMonitor(), &widgets::QueueMonitorView::thresholdsChanged, this,
            [this](const widgets::MonitorThresholds& t) {
                settings_->set(settings::monitorSlBelowPct, t.slBelowPct);
                settings_->set(settings::monitorLongestWaitSec, t.longestWaitAboveSec);
                settings_->set(settings::monitorWaitingAbove, t.waitingAbove);
                settings_->set(settings::monitorAbandonAbovePct, t.abandonAbovePct);
            });
    connect(w, &SupervisorWindow::presentationModeChanged, this, [this](bool on, double scale) {
        applyFontScale(on ? scale : settings_->get(settings::fontScale));
    });
    return w;
}

void AppController::dropSession() {
    if (QMainWindow* w = currentWindow())
        settings_->set(settings::windowGeometry, w->saveGeometry());
    window_.reset();
    supervisorWindow_.reset();
    autosaver_->flushNow();
    session_.reset();
}

void AppController::logout() {
    if (!session_)
        return;
    autosaver_->flushNow();
    // The DELETE ends the token on the server, so it must not be cancelled with the session:
    // the window goes at once, the session object lives on until the server has answered (or
    // the request timed out).
    crm::ClientSession* closing = session_.get();
    closing->logout([this, closing](const crm::ApiError& e) {
        if (e)
            log()->warn("logout: {}", e.describe().toStdString());
        QMetaObject::invokeMethod(
            this,
            [this, closing] {
                closing_.erase(
                    std::remove_if(closing_.begin(), closing_.end(),
                                   [closing](const auto& s) { return s.get() == closing; }),
                    closing_.end());
            },
            Qt::QueuedConnection);
    });
    closing_.push_back(std::move(session_));
    dropSession();
    showLogin();
    emit loggedOut();
}

void AppController::openSettings() {
    widgets::SettingsValues values;
    values.serverUrl = settings_->get(settings::server);
    values.embedded = values.serverUrl.isEmpty();
    values.allowPlainHttp = settings_->get(settings::allowPlainHttp);
    values.language = language_->current();
    values.fontScale = settings_->get(settings::fontScale);
    values.theme = settings_->get(settings::theme);
    values.afterWrapup = settings_->get(settings::afterWrapup);
    for (const ShortcutEntry& entry : shortcutTable()) {
        const QString id = QString::fromLatin1(entry.id);
        const QKeySequence fallback = QKeySequence::fromString(
            QString::fromLatin1(entry.defaultKey), QKeySequence::PortableText);
        values.shortcuts.append(
            {id, shortcutDescription(entry), settings_->shortcut(id, fallback), fallback});
    }
    auto* dialog = new widgets::SettingsDialog(values, currentWindow());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &widgets::SettingsDialog::applied, this,
            [this](const widgets::SettingsValues& v) {
                settings_->set(settings::server, v.embedded ? QString() : v.serverUrl);
                settings_->set(settings::allowPlainHttp, v.allowPlainHttp);
                settings_->set(settings::language, v.language);
                settings_->set(settings::fontScale, AppSettings::clampFontScale(v.fontScale));
                settings_->set(settings::afterWrapup, v.afterWrapup);
                settings_->set(settings::theme, themeToString(themeFromString(v.theme)));
                for (const widgets::ShortcutRow& row : v.shortcuts)
                    settings_->setShortcut(row.id, row.key);
                applyLanguage(v.language);
                applyFontScale(v.fontScale);
                applyTheme(v.theme);
                if (window_) {
                    window_->notes()->setAfterWrapupState(v.afterWrapup);
                    applyShortcuts(window_.get(), *settings_);
                }
            });
    dialog->show();
}

void AppController::applyLanguage(const QString& code) {
    language_->apply(code);
    // Knowledge in the counselor's language: Korean articles for the Korean UI.
    if (session_)
        session_->knowledge().setLanguage(language_->current());
}

void AppController::applyTheme(const QString& theme) {
    if (!theme_)
        theme_ = std::make_unique<ThemeApplier>(*qApp);
    theme_->apply(themeFromString(theme));
}

void AppController::applyFontScale(double scale) {
    QFont font = QApplication::font();
    if (baseFontPointSize_ > 0)
        font.setPointSizeF(baseFontPointSize_ * AppSettings::clampFontScale(scale));
    QApplication::setFont(font);
    widgets::refreshAfterApplicationFontChange();
}

}  // namespace agentdesk::app
