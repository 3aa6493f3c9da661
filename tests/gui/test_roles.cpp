// The window follows the role (issue 6 "role gating"): a counselor gets the workstation and never
// the team lead's or trainer's views, whose endpoints the server refuses with 403; a team lead
// starts in the queue monitor, a trainer in the demo console.
#include <catch2/catch.hpp>

#include <QTabWidget>

#include "app/app_controller.h"
#include "app/main_window.h"
#include "app/supervisor_window.h"
#include "crm/session/agents_model.h"
#include "tests/gui/app_flow_support.h"
#include "tests/support/qt_wait.h"
#include "widgets/alerts/alerts_panel.h"
#include "widgets/evaluation/evaluation_form.h"
#include "widgets/evaluation/evaluation_view.h"
#include "widgets/supervisor/agent_grid_view.h"
#include "widgets/supervisor/queue_monitor_view.h"
#include "widgets/trainer/demo_console_view.h"

using agentdesk::test::AppUnderTest;
using agentdesk::test::TestServer;

TEST_CASE("Roles: a counselor gets the workstation and never the supervisor views",
          "[gui][roles]") {
    TestServer server;
    AppUnderTest app(server);
    app.loginAs(QStringLiteral("counselor1"));
    auto& controller = app.controller();
    CHECK(controller.mainWindow() != nullptr);
    CHECK(controller.supervisorWindow() == nullptr);
    auto* window = controller.mainWindow();
    CHECK(window->findChildren<agentdesk::widgets::QueueMonitorView*>().isEmpty());
    CHECK(window->findChildren<agentdesk::widgets::AgentGridView*>().isEmpty());
    CHECK(window->findChildren<agentdesk::widgets::AlertsPanel*>().isEmpty());
    CHECK(window->findChildren<agentdesk::widgets::DemoConsoleView*>().isEmpty());
    CHECK(window->findChildren<agentdesk::widgets::EvaluationView*>().isEmpty());

    // And the server refuses a counselor what these views use.
    const auto counselor = server.loggedIn("counselor1");
    CHECK(counselor.get("/api/v1/agents").status == 403);
    CHECK(counselor.get("/api/v1/evaluations").status == 403);
    CHECK(counselor.get("/api/v1/demo/status").status == 403);
    CHECK(counselor.get("/api/v1/demo/scenarios").status == 403);
    CHECK(counselor.post("/api/v1/demo/calls", {{"customerId", "C00001"}, {"queue", "general"}})
              .status == 403);
    CHECK(counselor.post("/api/v1/demo/reset").status == 403);
    CHECK(counselor
              .post("/api/v1/evaluations", {{"callId", "x"},
                                            {"agentId", "A1002"},
                                            {"scores",
                                             {{"greeting", 90},
                                              {"attitude", 90},
                                              {"handling", 90},
                                              {"closing", 90},
                                              {"empathy", 90}}}})
              .status == 403);
    CHECK(counselor.post("/api/v1/calls/any-call/supervise", {{"mode", "listen"}}).status == 403);
}

TEST_CASE("Roles: a team lead starts in the queue monitor, a trainer in the demo console",
          "[gui][roles]") {
    TestServer server;
    {
        AppUnderTest lead(server);
        lead.loginAs(QStringLiteral("lead1"));
        auto& controller = lead.controller();
        REQUIRE(controller.supervisorWindow() != nullptr);
        CHECK(controller.mainWindow() == nullptr);
        auto* window = controller.supervisorWindow();
        CHECK(window->tabs()->currentIndex() == 0);
        CHECK(window->tabs()->currentWidget()->isAncestorOf(window->queueMonitor()));
        CHECK(window->alerts() != nullptr);
        CHECK(window->agentGrid() != nullptr);
        CHECK(window->evaluation() != nullptr);
    }
    {
        AppUnderTest trainer(server);
        trainer.loginAs(QStringLiteral("trainer1"));
        auto* window = trainer.controller().supervisorWindow();
        REQUIRE(window != nullptr);
        REQUIRE(window->demoConsole() != nullptr);
        CHECK(window->tabs()->currentWidget() == window->demoConsole());
    }
}

TEST_CASE("Roles: a double-click on a counselor in the grid opens the evaluation of their call",
          "[gui][roles]") {
    TestServer server;
    const auto counselor = server.loggedIn("counselor1");
    REQUIRE(counselor.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string callId = server.injectCall({{"customerId", "C00001"}, {"queue", "general"}});
    REQUIRE(counselor.post("/api/v1/calls/" + callId + "/answer").status == 202);

    AppUnderTest trainer(server);
    trainer.loginAs(QStringLiteral("trainer1"));
    auto* window = trainer.controller().supervisorWindow();
    REQUIRE(window);
    auto& model = window->agentGrid()->model();
    REQUIRE(agentdesk::test::waitUntil([&] {
        const auto* row = model.find(QStringLiteral("A1001"));
        return row && row->agent.callId == QString::fromStdString(callId);
    }));
    emit window->agentGrid()->agentActivated(QStringLiteral("A1001"));
    CHECK(window->tabs()->currentWidget() == window->evaluation());
    CHECK(window->evaluation()->form()->traineeId() == QStringLiteral("A1001"));
    CHECK(window->evaluation()->form()->callId() == QString::fromStdString(callId));
}
