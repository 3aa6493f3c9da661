#pragma once
// The whole app under test: an AppController with its own settings file and local store in the
// test's temp dir, pointed at a server (or at the saved settings), driven through its login
// window like a counselor would.
#include <memory>

#include <QString>

#include "app/app_controller.h"
#include "tests/support/test_server.h"

namespace agentdesk::test {

QString tempSettingsPath();

struct AppOptions {
    QString serverUrl;     // with /api/v1; empty: whatever the settings say
    QString settingsPath;  // empty: a new temp file
    QString storePath;     // empty: a new temp file
    QString language = QStringLiteral("ko");
};

inline AppOptions serverOptions(const QString& url) {
    AppOptions o;
    o.serverUrl = url;
    return o;
}
inline AppOptions savedSettingsOptions(const QString& settingsPath) {
    AppOptions o;
    o.settingsPath = settingsPath;
    return o;
}

class AppUnderTest {
public:
    explicit AppUnderTest(AppOptions options);
    explicit AppUnderTest(TestServer& server, const QString& settingsPath = {});
    ~AppUnderTest();

    app::AppController& controller() { return *controller_; }
    // Fills the login window and presses the button (does not wait for the outcome).
    void typeLogin(const QString& username, const QString& password);
    // start() + typeLogin(username, "demo") + waits for the window (by role) with an open stream.
    void loginAs(const QString& username);

    // The counselor's call steps through the bar's own actions (as a click does); each waits
    // until the server's event has arrived. ringCall injects a call (C00001 on "general" with
    // the billing intent unless `spec` says otherwise) and returns its id.
    void goReady();
    QString ringCall(TestServer& server, const nlohmann::json& spec = {});
    void answer();
    void hangUp();

private:
    std::unique_ptr<app::AppController> controller_;
};

}  // namespace agentdesk::test
