// tel: links (app/tel_link_dialer.h, app/single_instance.h): a second `agentdesk tel:…` hands the
// number to the running app, which dials it through the counselor's click-to-dial; during a
// call, or before the login, it does not dial at once.
#include <catch2/catch.hpp>

#include <atomic>
#include <future>

#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>

#include "app/app_controller.h"
#include "app/main_window.h"
#include "app/single_instance.h"
#include "app/tel_link_dialer.h"
#include "tests/gui/app_flow_support.h"
#include "tests/support/qt_wait.h"
#include "widgets/login/login_view.h"

using agentdesk::app::HandOverResult;
using agentdesk::app::SingleInstance;
using agentdesk::app::TelLinkDialer;
using agentdesk::crm::CallPhase;
using agentdesk::test::AppUnderTest;
using agentdesk::test::TestServer;
using agentdesk::test::waitUntil;

namespace {

QString uniqueSocketName() {
    static std::atomic<int> counter{0};
    return QDir::tempPath() + QStringLiteral("/agentdesk-test-%1-%2.sock")
                                  .arg(QCoreApplication::applicationPid())
                                  .arg(++counter);
}

// The second `agentdesk tel:…` process's part, on a thread of its own as in another process:
// it blocks on the socket while this thread runs the running app's event loop.
HandOverResult handOverFromSecondInstance(const QString& socketName, const QString& e164) {
    auto result = std::async(std::launch::async, [socketName, e164] {
        return agentdesk::app::handOverTelNumber(socketName, e164);
    });
    REQUIRE(waitUntil(
        [&] { return result.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }));
    return result.get();
}

// The running AgentDesk as main() wires it: the dialer behind the single-instance socket.
struct RunningApp {
    TestServer server;
    AppUnderTest app{server};
    TelLinkDialer dialer{app.controller()};
    QString socketName = uniqueSocketName();
    SingleInstance instance{socketName};
    RunningApp() {
        QObject::connect(&instance, &SingleInstance::telNumberReceived, &dialer,
                         &TelLinkDialer::request);
        REQUIRE(instance.listen());
    }
};

}  // namespace

TEST_CASE("tel: a second instance hands the number over and the ready counselor dials it",
          "[gui][tel]") {
    RunningApp running;
    auto& [server, app, dialer, socketName, instance] = running;
    // Another AgentDesk of the same user does not take the socket over.
    SingleInstance other(socketName);
    CHECK_FALSE(other.listen());

    app.loginAs(QStringLiteral("counselor1"));
    app.goReady();
    auto& session = *app.controller().session();
    REQUIRE(session.call().phase() == CallPhase::Idle);

    CHECK(handOverFromSecondInstance(socketName, QStringLiteral("+82212345678")) ==
          HandOverResult::Delivered);
    REQUIRE(waitUntil([&] { return session.call().phase() != CallPhase::Idle; }));
    CHECK(session.call().call().direction == QStringLiteral("outbound"));
    // The server placed the call to that number, for this counselor.
    const auto current = server.loggedIn("counselor1").get("/api/v1/calls/current").json();
    CHECK(current["direction"] == "outbound");
    CHECK(current["aniE164"] == "+82212345678");
    auto* window = app.controller().mainWindow();
    CHECK(window->statusBar()->currentMessage().contains(QStringLiteral("02-1234-5678")));
    CHECK(dialer.pendingNumber().isEmpty());
}

TEST_CASE("tel: during a call the number waits in the customer search box", "[gui][tel]") {
    RunningApp running;
    auto& [server, app, dialer, socketName, instance] = running;
    app.loginAs(QStringLiteral("counselor1"));
    app.goReady();
    const QString inbound = app.ringCall(server);
    app.answer();

    CHECK(handOverFromSecondInstance(socketName, QStringLiteral("+821012345678")) ==
          HandOverResult::Delivered);
    auto* window = app.controller().mainWindow();
    auto* search = window->findChild<QLineEdit*>(QStringLiteral("customerSearchEdit"));
    REQUIRE(search);
    REQUIRE(waitUntil([&] { return search->text() == QStringLiteral("010-1234-5678"); }));
    CHECK(window->statusBar()->currentMessage().contains(QStringLiteral("010-1234-5678")));
    // Still the caller's call: nothing was dialled.
    auto& session = *app.controller().session();
    CHECK(session.call().callId() == inbound);
    CHECK(session.call().phase() == CallPhase::Connected);
    const auto current = server.loggedIn("counselor1").get("/api/v1/calls/current").json();
    CHECK(current["id"] == inbound.toStdString());
    CHECK(current["direction"] == "inbound");
}

TEST_CASE("tel: a link before the login is dialled once the counselor is logged in", "[gui][tel]") {
    TestServer server;
    AppUnderTest app(server);
    TelLinkDialer dialer(app.controller());
    app.controller().start();
    // As `agentdesk tel:02-1234-5678` with no AgentDesk running: the login window says so.
    dialer.request(QStringLiteral("+82212345678"));
    auto* error = app.controller().loginView()->findChild<QLabel*>(QStringLiteral("loginError"));
    REQUIRE(error);
    CHECK(error->isVisible());
    CHECK(error->text().contains(QStringLiteral("02-1234-5678")));
    CHECK(dialer.pendingNumber() == QStringLiteral("+82212345678"));

    app.typeLogin(QStringLiteral("counselor1"), QStringLiteral("demo"));
    auto* controller = &app.controller();
    REQUIRE(waitUntil([&] {
        return controller->session() && controller->session()->call().phase() != CallPhase::Idle;
    }));
    CHECK(controller->session()->call().call().direction == QStringLiteral("outbound"));
    CHECK(server.loggedIn("counselor1").get("/api/v1/calls/current").json()["aniE164"] ==
          "+82212345678");
    CHECK(dialer.pendingNumber().isEmpty());
}
