#pragma once
// The app's wiring (docs/architecture.md, flow 1): settings and language, the embedded demo server
// when no server is configured, one HttpTransport and one LocalStore for the whole run, the
// login window, and — once logged in — a ClientSession with the counselor's MainWindow. Also
// session expiry (log in again, keeping the window and everything typed), logout and settings.
//
// Threads: GUI thread. Owns everything it creates; the destructor tears down in dependency
// order (window, autosaver flush, session, transport, store, embedded server).
#include <memory>
#include <optional>
#include <vector>

#include <QMainWindow>
#include <QObject>
#include <QString>

#include "app/app_settings.h"
#include "app/desktop_notifier.h"
#include "app/embedded_server.h"
#include "app/language.h"
#include "app/theme.h"
#include "crm/net/http_transport.h"
#include "crm/session/client_session.h"
#include "crm/store/draft_autosaver.h"
#include "crm/store/local_store.h"
#include "widgets/login/login_view.h"

namespace agentdesk::app {

class MainWindow;
class SupervisorWindow;

class AppController : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString settingsPath;           // empty: the user's config file
        QString storePath;              // empty: defaultLocalStorePath()
        std::optional<QString> server;  // overrides the setting: "demo" or a URL
        QString user;
        QString language;  // overrides the setting
        EmbeddedServer::Options embedded;
    };

    explicit AppController(Options options, QObject* parent = nullptr);
    ~AppController() override;

    // Applies language and font, starts the embedded server if needed, shows the login window.
    void start();
    // What the login window's button does.
    void login(const widgets::LoginForm& form);
    void logout();

    AppSettings& settings() { return *settings_; }
    Language& language() { return *language_; }
    EmbeddedServer* embedded() { return embedded_.get(); }
    widgets::LoginView* loginView() { return loginView_.get(); }
    // The counselor's window, or null (not logged in, or a team lead / trainer).
    MainWindow* mainWindow() { return window_.get(); }
    // The team lead's or trainer's window, or null.
    SupervisorWindow* supervisorWindow() { return supervisorWindow_.get(); }
    QMainWindow* currentWindow() const;
    crm::ClientSession* session() { return session_.get(); }
    crm::LocalStore& store() { return *store_; }
    crm::DraftAutosaver& autosaver() { return *autosaver_; }
    DesktopNotifier& notifier() { return *notifier_; }

    void openSettings();
    void applyLanguage(const QString& code);
    void applyFontScale(double scale);
    // "system", "light", "dark" or "highContrast" (app/theme.h).
    void applyTheme(const QString& theme);

signals:
    void loggedIn();
    void loginFailed(const QString& message);
    void loggedOut();

private:
    void ensureEmbedded();
    void showLogin(const QString& error = {});
    void loginTo(const QString& baseUrl, const widgets::LoginForm& form);
    void onLoggedIn(const widgets::LoginForm& form);
    void dropSession();
    QMainWindow* createCounselorWindow();
    QMainWindow* createSupervisorWindow();

    Options options_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<Language> language_;
    std::unique_ptr<ThemeApplier> theme_;
    std::unique_ptr<EmbeddedServer> embedded_;
    std::unique_ptr<crm::HttpTransport> transport_;
    std::unique_ptr<crm::LocalStore> store_;
    std::unique_ptr<crm::DraftAutosaver> autosaver_;
    std::unique_ptr<DesktopNotifier> notifier_;
    std::unique_ptr<widgets::LoginView> loginView_;
    std::unique_ptr<crm::ClientSession> session_;
    // Sessions logging out: kept until the server has answered their DELETE /sessions/current.
    std::vector<std::unique_ptr<crm::ClientSession>> closing_;
    std::unique_ptr<MainWindow> window_;
    std::unique_ptr<SupervisorWindow> supervisorWindow_;
    std::optional<widgets::LoginForm> waitingForEmbedded_;
    double baseFontPointSize_ = 0;
};

}  // namespace agentdesk::app
