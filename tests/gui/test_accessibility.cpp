// What a screen reader user meets: every interactive element of each main view has a name (in
// Korean and in English), tables say what their columns are, and the softphone's state changes
// are announced to assistive technology as they happen.
#include <catch2/catch.hpp>

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLineEdit>
#include <QTabWidget>

#include "app/app_controller.h"
#include "app/main_window.h"
#include "tests/gui/accessibility_check.h"
#include "tests/gui/app_flow_support.h"
#include "tests/gui/gui_fixture.h"
#include "widgets/settings/settings_dialog.h"
#include "widgets/softphone/softphone_bar.h"

using agentdesk::crm::AgentState;
using agentdesk::crm::CallPhase;
using agentdesk::test::AppUnderTest;
using agentdesk::test::TestServer;
using agentdesk::test::unnamedColumns;
using agentdesk::test::unnamedInteractive;
using agentdesk::test::waitUntil;

namespace {

void checkVisible(QWidget* root, const char* where) {
    INFO(where);
    const QStringList unnamed = unnamedInteractive(root);
    INFO("unnamed: " << unnamed.join(QStringLiteral("\n  ")).toStdString());
    CHECK(unnamed.isEmpty());
    const QStringList columns = unnamedColumns(root);
    INFO("columns without a header: " << columns.join(QStringLiteral(", ")).toStdString());
    CHECK(columns.isEmpty());
}

// The view as it is, then each page of each of its tab widgets, as the user opens them.
void checkNamed(QWidget* root, const char* where) {
    checkVisible(root, where);
    for (QTabWidget* tabs : root->findChildren<QTabWidget*>()) {
        if (!tabs->isVisibleTo(root))
            continue;
        const int shown = tabs->currentIndex();
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            INFO("tab " << tabs->tabText(i).toStdString());
            checkVisible(root, where);
        }
        tabs->setCurrentIndex(shown);
    }
}

// What assistive technology reads for the softphone bar: its accessible name, which carries the
// state (Qt sends NameChanged to the platform bridge when it changes; the offscreen platform of
// the tests has no bridge to record it).
QString barName(QWidget* bar) {
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(bar);
    return iface ? iface->text(QAccessible::Name) : QString();
}

}  // namespace

TEST_CASE("Accessibility: the counselor's window names every control in each phase, ko and en",
          "[gui][app][accessibility]") {
    TestServer server;
    AppUnderTest app(server);
    auto& controller = app.controller();
    controller.start();
    REQUIRE(controller.loginView());
    checkNamed(controller.loginView(), "login");
    app.typeLogin(QStringLiteral("counselor1"), QStringLiteral("demo"));
    REQUIRE(waitUntil([&] { return controller.currentWindow() != nullptr; }));
    REQUIRE(
        waitUntil([&] { return controller.session()->agent().state() != AgentState::Unknown; }));
    auto* window = controller.mainWindow();
    // The password does not stay in the (hidden) login form for the shift.
    auto* password = controller.loginView()->findChild<QLineEdit*>(QStringLiteral("password"));
    REQUIRE(password);
    CHECK(password->text().isEmpty());
    checkNamed(window, "not ready");

    app.goReady();
    app.ringCall(server);
    checkNamed(window, "ringing");
    app.answer();
    checkNamed(window, "connected");
    app.hangUp();
    checkNamed(window, "after-call work");

    controller.applyLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
    checkNamed(window, "after-call work, English");

    controller.openSettings();
    auto* dialog = window->findChild<agentdesk::widgets::SettingsDialog*>();
    REQUIRE(dialog);
    checkNamed(dialog, "settings, English");
    dialog->close();
    controller.applyLanguage(QStringLiteral("ko"));
}

TEST_CASE("Accessibility: the lead's and the trainer's windows name every control",
          "[gui][app][accessibility]") {
    TestServer server;
    for (const char* user : {"lead1", "trainer1"}) {
        AppUnderTest app(server);
        app.loginAs(QString::fromLatin1(user));
        QWidget* window = app.controller().currentWindow();
        REQUIRE(window);
        INFO(user);
        checkNamed(window, user);
    }
}

TEST_CASE("Accessibility: the softphone's state is announced as it changes",
          "[gui][app][accessibility]") {
    TestServer server;
    AppUnderTest app(server);
    app.loginAs(QStringLiteral("counselor1"));
    auto* window = app.controller().mainWindow();
    QWidget* bar = window->softphone();

    app.goReady();
    CHECK(barName(bar).contains(QStringLiteral("수신 대기")));
    app.ringCall(server);
    // Ringing names the caller and the queue.
    REQUIRE(waitUntil([&] { return barName(bar).contains(QStringLiteral("호 수신 중")); }));
    CHECK(barName(bar).contains(QStringLiteral("김민준")));
    app.answer();
    REQUIRE(waitUntil([&] { return barName(bar).contains(QStringLiteral("통화 중")); }));
    app.hangUp();
    REQUIRE(waitUntil([&] { return barName(bar).contains(QStringLiteral("후처리")); }));
    // The clocks are named, so their value is read with what it means.
    auto* clock = window->softphone()->findChild<QWidget*>(QStringLiteral("stateClock"));
    REQUIRE(clock);
    CHECK_FALSE(clock->accessibleName().isEmpty());
}
