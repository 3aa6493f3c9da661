#include "tests/gui/app_flow_support.h"

#include <atomic>

#include <QAction>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>
#include <catch2/catch.hpp>

#include "app/main_window.h"
#include "tests/gui/gui_fixture.h"
#include "tests/support/qt_wait.h"
#include "widgets/softphone/softphone_bar.h"

namespace agentdesk::test {

QString tempSettingsPath() {
    static std::atomic<int> counter{0};
    const QString dir = qEnvironmentVariable("XDG_CONFIG_HOME", QDir::tempPath());
    return QStringLiteral("%1/app-settings-%2.conf").arg(dir).arg(++counter);
}

AppUnderTest::AppUnderTest(AppOptions options) {
    app::AppController::Options o;
    o.settingsPath = options.settingsPath.isEmpty() ? tempSettingsPath() : options.settingsPath;
    o.storePath = options.storePath.isEmpty() ? tempStorePath() : options.storePath;
    if (!options.serverUrl.isEmpty())
        o.server = options.serverUrl;
    o.language = options.language;
    controller_ = std::make_unique<app::AppController>(std::move(o));
}

AppUnderTest::AppUnderTest(TestServer& server, const QString& settingsPath)
    : AppUnderTest(AppOptions{QString::fromStdString(server.url()) + QStringLiteral("/api/v1"),
                              settingsPath,
                              {},
                              QStringLiteral("ko")}) {}

AppUnderTest::~AppUnderTest() = default;

void AppUnderTest::typeLogin(const QString& username, const QString& password) {
    auto* view = controller_->loginView();
    REQUIRE(view);
    auto* user = view->findChild<QLineEdit*>(QStringLiteral("username"));
    auto* pass = view->findChild<QLineEdit*>(QStringLiteral("password"));
    auto* button = view->findChild<QPushButton*>(QStringLiteral("loginButton"));
    REQUIRE(user);
    REQUIRE(pass);
    REQUIRE(button);
    user->clear();
    QTest::keyClicks(user, username);
    pass->clear();
    QTest::keyClicks(pass, password);
    QTest::mouseClick(button, Qt::LeftButton);
}

void AppUnderTest::loginAs(const QString& username) {
    controller_->start();
    typeLogin(username, QStringLiteral("demo"));
    REQUIRE(waitUntil([&] { return controller_->currentWindow() != nullptr; }));
    REQUIRE(waitUntil([&] {
        return controller_->session()->events().status() == crm::ConnectionStatus::Connected &&
               controller_->session()->agent().state() != crm::AgentState::Unknown;
    }));
}

namespace {
void triggerBarAction(app::AppController& controller, const char* id) {
    QAction* action = controller.mainWindow()->softphone()->action(QString::fromLatin1(id));
    REQUIRE(action);
    action->trigger();
}
}  // namespace

void AppUnderTest::goReady() {
    triggerBarAction(*controller_, "ready");
    REQUIRE(waitUntil(
        [&] { return controller_->session()->agent().state() == crm::AgentState::Ready; }));
}

QString AppUnderTest::ringCall(TestServer& server, const nlohmann::json& spec) {
    const nlohmann::json call = spec.empty() ? nlohmann::json{{"customerId", "C00001"},
                                                              {"queue", "general"},
                                                              {"intent", "billing_inquiry"}}
                                             : spec;
    const QString id = QString::fromStdString(server.injectCall(call));
    REQUIRE(waitUntil(
        [&] { return controller_->session()->call().phase() == crm::CallPhase::Ringing; }));
    return id;
}

void AppUnderTest::answer() {
    triggerBarAction(*controller_, "answer");
    REQUIRE(waitUntil(
        [&] { return controller_->session()->call().phase() == crm::CallPhase::Connected; }));
}

void AppUnderTest::hangUp() {
    triggerBarAction(*controller_, "hangup");
    REQUIRE(waitUntil(
        [&] { return controller_->session()->call().phase() == crm::CallPhase::AfterCallWork; }));
}

}  // namespace agentdesk::test
