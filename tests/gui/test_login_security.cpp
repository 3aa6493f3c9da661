// The whole app's security edges driven with real input: logging out from the keyboard ends the
// session on the server, and plain http:// to another computer is refused at the login window
// before any request unless the setting allows it (and then it is warned about).
#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

#include "app/app_controller.h"
#include "app/main_window.h"
#include "tests/gui/app_flow_support.h"
#include "tests/support/qt_wait.h"
#include "widgets/login/login_view.h"
#include "widgets/settings/settings_dialog.h"

using agentdesk::app::AppController;
using agentdesk::test::AppUnderTest;
using agentdesk::test::TestServer;
using agentdesk::test::waitUntil;

TEST_CASE("Logout: the keyboard logs out (Alt+A, Down, Enter) and the server ends the session",
          "[gui][app][logout]") {
    TestServer server;
    AppUnderTest app(server);
    app.loginAs(QStringLiteral("counselor1"));
    AppController& controller = app.controller();
    auto* window = controller.mainWindow();
    REQUIRE(window);
    agentdesk::test::HttpClient old = server.client();
    old.setToken(controller.session()->api().token().toStdString());
    REQUIRE(old.get("/api/v1/agents/me").status == 200);

    // The app has no logout shortcut of its own: the key route is the menu's mnemonic
    // ("&AgentDesk"), then "로그아웃" (second entry after "설정…") and Enter.
    QApplication::setActiveWindow(window);
    REQUIRE(waitUntil([&] { return window->isActiveWindow(); }));
    QTest::keyClick(window, Qt::Key_A, Qt::AltModifier);
    QMenu* menu = nullptr;
    REQUIRE(waitUntil([&] {
        menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        return menu != nullptr && menu->activeAction() != nullptr;
    }));
    CHECK(menu->activeAction()->objectName() == QStringLiteral("settings"));
    QTest::keyClick(menu, Qt::Key_Down);
    REQUIRE(menu->activeAction());
    REQUIRE(menu->activeAction()->objectName() == QStringLiteral("logout"));
    CHECK(menu->activeAction()->text() == QStringLiteral("로그아웃"));
    QTest::keyClick(menu, Qt::Key_Return);

    // No confirmation is asked: the window goes and the login window comes back.
    REQUIRE(waitUntil([&] { return controller.mainWindow() == nullptr; }));
    CHECK(controller.loginView()->isVisible());
    // The server has ended the token (the DELETE runs after the window has gone).
    CHECK(waitUntil([&] { return old.get("/api/v1/agents/me").status == 401; }));
}

TEST_CASE(
    "Login: plain http:// to another computer is refused before any request, allowed in the "
    "settings, it is warned about",
    "[gui][app][plainhttp]") {
    // Nothing listens on the discard port; the typed address below is what counts.
    AppUnderTest app(agentdesk::test::serverOptions(QStringLiteral("http://127.0.0.1:9/api/v1")));
    AppController& controller = app.controller();
    controller.start();
    auto* view = controller.loginView();
    REQUIRE(view);
    auto* remote = view->findChild<QRadioButton*>(QStringLiteral("remoteOption"));
    auto* url = view->findChild<QLineEdit*>(QStringLiteral("serverUrl"));
    auto* warning = view->findChild<QLabel*>(QStringLiteral("plainHttpWarning"));
    auto* error = view->findChild<QLabel*>(QStringLiteral("loginError"));
    auto* button = view->findChild<QPushButton*>(QStringLiteral("loginButton"));
    REQUIRE(remote);
    REQUIRE(url);
    REQUIRE(warning);
    REQUIRE(error);
    REQUIRE(button);
    REQUIRE(remote->isChecked());
    CHECK_FALSE(warning->isVisible());  // loopback http is fine

    url->clear();
    QTest::keyClicks(url, QStringLiteral("http://10.255.255.1:8780"));
    CHECK(warning->isVisible());  // told while typing, before pressing anything
    QSignalSpy failed(&controller, &AppController::loginFailed);
    app.typeLogin(QStringLiteral("counselor1"), QStringLiteral("demo"));
    // Refused at once, inside the click: no event loop ran, so no answer could have come
    // back; and no session (the only thing that sends requests) was made.
    CHECK(error->isVisible());
    CHECK(error->text() ==
          QStringLiteral("이 서버 주소는 암호화되지 않았습니다(http://). https:// 주소를 "
                         "사용하거나 설정에서 암호화되지 않은 연결을 허용하세요."));
    CHECK(controller.session() == nullptr);
    CHECK(button->isEnabled());
    CHECK(controller.mainWindow() == nullptr);
    CHECK(failed.isEmpty());  // not a failed login: none was tried
    CHECK(controller.settings().get(agentdesk::app::settings::server).isEmpty());

    // Allowed in the settings dialog: its own warning shows with the box ticked.
    controller.openSettings();
    agentdesk::widgets::SettingsDialog* dialog = nullptr;
    REQUIRE(waitUntil([&] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* d = qobject_cast<agentdesk::widgets::SettingsDialog*>(w); d && d->isVisible())
                dialog = d;
        return dialog != nullptr;
    }));
    auto* allow = dialog->findChild<QCheckBox*>(QStringLiteral("allowPlainHttpSetting"));
    auto* settingsWarning = dialog->findChild<QLabel*>(QStringLiteral("plainHttpWarning"));
    REQUIRE(allow);
    REQUIRE(settingsWarning);
    CHECK(allow->text() == QStringLiteral("다른 컴퓨터로의 암호화되지 않은 http:// 연결 허용"));
    CHECK_FALSE(allow->isChecked());
    CHECK_FALSE(settingsWarning->isVisible());
    // On the box itself (the row is wider than the box and its text).
    QTest::mouseClick(allow, Qt::LeftButton, {}, QPoint(8, allow->height() / 2));
    CHECK(allow->isChecked());
    CHECK(settingsWarning->isVisible());
    CHECK_FALSE(settingsWarning->text().isEmpty());
    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    CHECK(controller.settings().get(agentdesk::app::settings::allowPlainHttp));

    // The login window still warns, and now the login goes ahead (a session, a request).
    CHECK(warning->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    CHECK(controller.session() != nullptr);
    CHECK_FALSE(error->isVisible());
    CHECK(warning->isVisible());
}
