// The team lead's login lockouts (docs/api.md "GET /login-lockouts") through the whole app: a
// real lockout made by failed logins over HTTP, seen and cleared in the lead's dialog, after
// which the user logs in again; counselors and trainers have no way to it. The Korean dialog is
// saved to /tmp/login-lockouts.png (docs/screenshots/login-lockouts.png).
#include <catch2/catch.hpp>

#include <QAction>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

#include "app/app_controller.h"
#include "app/main_window.h"
#include "app/supervisor_window.h"
#include "tests/gui/app_flow_support.h"
#include "tests/gui/gui_fixture.h"
#include "tests/support/qt_wait.h"
#include "widgets/supervisor/login_lockouts_dialog.h"

using agentdesk::test::AppUnderTest;
using agentdesk::test::TestServer;
using agentdesk::test::waitUntil;
using agentdesk::widgets::LoginLockoutsDialog;

namespace {

long tryLogin(const TestServer& server, const std::string& user, const std::string& password) {
    return server.client()
        .post("/api/v1/sessions", {{"username", user}, {"password", password}})
        .status;
}

}  // namespace

TEST_CASE("Login lockouts: a team lead sees a real lockout and clears it, the user logs in again",
          "[gui][lockouts]") {
    TestServer server;
    // Five wrong passwords lock the username (test_session_security.cpp), even for the right one.
    for (int i = 0; i < 5; ++i)
        REQUIRE(tryLogin(server, "counselor1", "wrong") == 401);
    REQUIRE(tryLogin(server, "counselor1", "demo") == 429);
    const auto listed = server.loggedIn("lead1").get("/api/v1/login-lockouts").json();
    REQUIRE(listed.size() == 1);
    const QDateTime until = QDateTime::fromString(
        QString::fromStdString(listed[0]["lockedUntil"].get<std::string>()), Qt::ISODateWithMs);
    REQUIRE(until.isValid());

    AppUnderTest app(server);  // Korean UI
    app.loginAs(QStringLiteral("lead1"));
    auto* window = app.controller().supervisorWindow();
    REQUIRE(window);
    QAction* open = window->findChild<QAction*>(QStringLiteral("loginLockouts"));
    REQUIRE(open);
    CHECK(open == window->loginLockoutsAction());
    CHECK(open->text() == QStringLiteral("로그인 잠금…"));
    open->trigger();
    LoginLockoutsDialog* dialog = window->loginLockoutsDialog();
    REQUIRE(dialog);
    REQUIRE(waitUntil([&] { return dialog->isVisible() && !dialog->lockouts().isEmpty(); }));

    auto* table = dialog->findChild<QTableWidget*>(QStringLiteral("lockoutsTable"));
    auto* clear = dialog->findChild<QPushButton*>(QStringLiteral("clearLockout"));
    auto* status = dialog->findChild<QLabel*>(QStringLiteral("lockoutsStatus"));
    REQUIRE(table);
    REQUIRE(clear);
    REQUIRE(status);
    REQUIRE(table->rowCount() == 1);
    CHECK(table->item(0, 0)->text() == QStringLiteral("아이디"));
    CHECK(table->item(0, 1)->text() == QStringLiteral("counselor1"));
    CHECK(table->item(0, 2)->text() == QStringLiteral("5"));
    // Local time, to the second, of the server's instant.
    CHECK(table->item(0, 3)->text() ==
          until.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    CHECK(dialog->windowTitle() == QStringLiteral("로그인 잠금"));
    CHECK_FALSE(clear->isEnabled());  // nothing selected yet

    // The row chosen with the mouse, as a lead would.
    const QRect cell = table->visualItemRect(table->item(0, 1));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    REQUIRE(clear->isEnabled());
    // Nothing is clipped: every column's text fits its column.
    for (int column = 0; column < table->columnCount(); ++column) {
        const QFontMetrics metrics(table->font());
        CHECK(metrics.horizontalAdvance(table->item(0, column)->text()) <
              table->columnWidth(column));
    }
    dialog->grab().save(agentdesk::test::screenshotPath(QStringLiteral("login-lockouts.png")));

    QTest::mouseClick(clear, Qt::LeftButton);
    REQUIRE(waitUntil([&] { return !dialog->busy() && dialog->lockouts().isEmpty(); }));
    CHECK(table->rowCount() == 0);
    CHECK_FALSE(dialog->messageIsError());
    CHECK(status->isVisible());
    CHECK(status->text() == QStringLiteral("counselor1의 잠금을 해제했습니다."));

    // The server agrees: nothing listed, and counselor1 logs in with the right password.
    CHECK(server.loggedIn("lead1").get("/api/v1/login-lockouts").json().empty());
    CHECK(tryLogin(server, "counselor1", "demo") == 201);
}

TEST_CASE("Login lockouts: an error from the server is shown in the dialog", "[gui][lockouts]") {
    TestServer server;
    AppUnderTest app(server);
    app.loginAs(QStringLiteral("lead1"));
    auto* window = app.controller().supervisorWindow();
    REQUIRE(window);
    window->openLoginLockouts();
    LoginLockoutsDialog* dialog = window->loginLockoutsDialog();
    REQUIRE(dialog);
    REQUIRE(waitUntil([&] { return !dialog->busy(); }));
    CHECK_FALSE(dialog->messageIsError());
    CHECK(dialog->message() == QStringLiteral("잠긴 아이디나 주소가 없습니다."));

    // The server goes away: Refresh says the list could not be loaded, in the dialog.
    server.stop();
    auto* refresh = dialog->findChild<QPushButton*>(QStringLiteral("refreshLockouts"));
    REQUIRE(refresh);
    QTest::mouseClick(refresh, Qt::LeftButton);
    REQUIRE(waitUntil([&] { return !dialog->busy(); }));
    CHECK(dialog->messageIsError());
    CHECK(dialog->message().startsWith(QStringLiteral("잠금 목록을 불러오지 못했습니다: ")));
    auto* status = dialog->findChild<QLabel*>(QStringLiteral("lockoutsStatus"));
    REQUIRE(status);
    CHECK(status->isVisible());
    CHECK(status->text() == dialog->message());
}

TEST_CASE("Login lockouts: counselors and trainers have no way to the lockouts",
          "[gui][lockouts][roles]") {
    TestServer server;
    {
        AppUnderTest counselor(server);
        counselor.loginAs(QStringLiteral("counselor1"));
        auto* window = counselor.controller().mainWindow();
        REQUIRE(window);
        CHECK(window->findChild<QAction*>(QStringLiteral("loginLockouts")) == nullptr);
        CHECK(window->findChildren<LoginLockoutsDialog*>().isEmpty());
    }
    {
        AppUnderTest trainer(server);
        trainer.loginAs(QStringLiteral("trainer1"));
        auto* window = trainer.controller().supervisorWindow();
        REQUIRE(window);
        CHECK(window->loginLockoutsAction() == nullptr);
        CHECK(window->findChild<QAction*>(QStringLiteral("loginLockouts")) == nullptr);
        window->openLoginLockouts();  // does nothing for a trainer
        CHECK(window->loginLockoutsDialog() == nullptr);
    }
    // And the server refuses them the list.
    CHECK(server.loggedIn("counselor1").get("/api/v1/login-lockouts").status == 403);
    CHECK(server.loggedIn("trainer1").get("/api/v1/login-lockouts").status == 403);
}
