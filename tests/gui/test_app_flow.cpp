// The whole app (AppController + MainWindow + every view) against a real server on loopback:
// login errors, the reconnect banner, a full inbound call through the widgets, and drafts that
// survive the app process being killed.
#include <catch2/catch.hpp>

#include <csignal>

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QTest>

#include "app/app_controller.h"
#include "app/main_window.h"
#include "crm/session/note_controller.h"
#include "tests/gui/app_flow_support.h"
#include "tests/gui/gui_fixture.h"
#include "tests/gui/typing.h"
#include "widgets/assist/assist_panel.h"
#include "widgets/common/connection_banner.h"
#include "widgets/common/error_text.h"
#include "widgets/customer/customer360_view.h"
#include "widgets/knowledge/article_view.h"
#include "widgets/knowledge/hit_list_model.h"
#include "widgets/knowledge/knowledge_panel.h"
#include "widgets/login/login_view.h"
#include "widgets/notes/note_editor.h"
#include "widgets/notes/wrapup_code_picker.h"
#include "widgets/settings/settings_dialog.h"
#include "widgets/softphone/softphone_bar.h"

using namespace std::chrono_literals;
using agentdesk::app::AppController;
using agentdesk::crm::AgentState;
using agentdesk::crm::ApiError;
using agentdesk::crm::CallPhase;
using agentdesk::crm::ConnectionStatus;
using agentdesk::test::AppUnderTest;
using agentdesk::test::TestServer;
using agentdesk::test::waitUntil;

TEST_CASE("Login: a wrong password is refused with a clear message and no window opens",
          "[gui][app]") {
    TestServer server;
    AppUnderTest app(server);
    app.controller().start();
    auto* view = app.controller().loginView();
    REQUIRE(view);
    REQUIRE(view->isVisible());
    app.typeLogin(QStringLiteral("counselor1"), QStringLiteral("wrong"));
    auto* error = view->findChild<QLabel*>(QStringLiteral("loginError"));
    REQUIRE(error);
    REQUIRE(waitUntil([&] { return error->isVisible(); }));
    CHECK(error->text() == agentdesk::widgets::errorText(ApiError::http(
                               401, R"({"error":{"code":"unauthorized","message":"wrong username )"
                                    R"(or password"}})")));
    CHECK(error->text() != agentdesk::widgets::errorText(ApiError::transport(7, "refused")));
    CHECK(app.controller().mainWindow() == nullptr);
    CHECK(view->findChild<QPushButton*>(QStringLiteral("loginButton"))->isEnabled());
}

TEST_CASE("Login: an unreachable server and a TLS failure are told apart", "[gui][app]") {
    // The discard port: nothing listens, the connection is refused.
    AppUnderTest app(agentdesk::test::serverOptions(QStringLiteral("http://127.0.0.1:9/api/v1")));
    app.controller().start();
    app.typeLogin(QStringLiteral("counselor1"), QStringLiteral("demo"));
    auto* error = app.controller().loginView()->findChild<QLabel*>(QStringLiteral("loginError"));
    REQUIRE(waitUntil([&] { return error->isVisible(); }));
    CHECK(error->text() == agentdesk::widgets::errorText(ApiError::transport(7, "refused")));
    CHECK(app.controller().mainWindow() == nullptr);
    // A certificate that cannot be verified says so, and is not the "unreachable" text.
    const QString tls = agentdesk::widgets::errorText(ApiError::transport(60, "peer cert"));
    CHECK(tls.contains(QStringLiteral("TLS")));
    CHECK(tls != error->text());
}

TEST_CASE("Login: the server and the user are remembered for the next start", "[gui][app]") {
    TestServer server;
    const QString settingsPath = agentdesk::test::tempSettingsPath();
    {
        AppUnderTest app(server, settingsPath);
        app.controller().start();
        app.typeLogin(QStringLiteral("counselor2"), QStringLiteral("demo"));
        REQUIRE(waitUntil([&] { return app.controller().mainWindow() != nullptr; }));
    }
    AppUnderTest again(
        agentdesk::test::savedSettingsOptions(settingsPath));  // no server option: the saved one
    again.controller().start();
    auto* view = again.controller().loginView();
    CHECK(view->findChild<QLineEdit*>(QStringLiteral("username"))->text() ==
          QStringLiteral("counselor2"));
    CHECK(view->form().serverUrl == QString::fromStdString(server.url()) + "/api/v1");
    CHECK_FALSE(view->form().embedded);
}

TEST_CASE("Connection: a banner while the server is away, and recovery without the user",
          "[gui][app]") {
    TestServer server;
    AppUnderTest app(server);
    app.loginAs(QStringLiteral("counselor1"));
    auto* window = app.controller().mainWindow();
    auto* banner = window->banner();
    auto* indicator = window->findChild<agentdesk::widgets::ConnectionIndicator*>();
    REQUIRE(indicator);
    CHECK_FALSE(banner->isVisible());
    CHECK(indicator->status() == ConnectionStatus::Connected);

    server.stopListening();
    REQUIRE(waitUntil([&] { return banner->isVisible(); }, 15s));
    CHECK((banner->status() == ConnectionStatus::Reconnecting ||
           banner->status() == ConnectionStatus::Offline));
    CHECK_FALSE(banner->text().isEmpty());
    CHECK_FALSE(agentdesk::crm::isOnline(indicator->status()));

    server.startListening();
    REQUIRE(waitUntil([&] { return !banner->isVisible(); }, 20s));
    CHECK(indicator->status() == ConnectionStatus::Connected);
}

TEST_CASE("Drafts: a note being typed survives the app process being killed with SIGKILL",
          "[gui][app][drafts]") {
    TestServer server;
    const QString url = QString::fromStdString(server.url()) + QStringLiteral("/api/v1");
    const QString store = agentdesk::test::tempStorePath();
    const QString settings = agentdesk::test::tempSettingsPath();
    const QString text = QStringLiteral("고객 요청: 3월 요금 환불 검토, 회신 010-1234-5678");

    QProcess typist;
    typist.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    typist.start(QStringLiteral(AGENTDESK_APP_TYPIST),
                 {url, store, settings, QStringLiteral("C00001"), text});
    REQUIRE(typist.waitForStarted(10000));
    QByteArray out;
    REQUIRE(waitUntil(
        [&] {
            out += typist.readAllStandardOutput();
            return out.contains("typed") || typist.state() == QProcess::NotRunning;
        },
        30s));
    REQUIRE(out.contains("typed"));
    // The draft is in the store within a second of the last keystroke; then the process dies
    // without any chance to save (SIGKILL).
    agentdesk::test::processEventsFor(1200ms);
    ::kill(static_cast<pid_t>(typist.processId()), SIGKILL);
    REQUIRE(typist.waitForFinished(10000));
    CHECK(typist.exitStatus() == QProcess::CrashExit);

    AppUnderTest app(agentdesk::test::AppOptions{url, settings, store, QStringLiteral("ko")});
    app.loginAs(QStringLiteral("counselor1"));
    auto* editor = app.controller().mainWindow()->notes()->findChild<QPlainTextEdit*>();
    REQUIRE(editor);
    REQUIRE(waitUntil([&] { return editor->toPlainText() == text; }));
}

TEST_CASE(
    "A whole inbound call through the widgets: ring, 360, answer, knowledge into the note, "
    "hang up, wrap up, ready",
    "[gui][app][call]") {
    TestServer server;
    AppUnderTest app(server);
    app.loginAs(QStringLiteral("counselor1"));
    auto& controller = app.controller();
    auto* window = controller.mainWindow();
    auto* session = controller.session();
    auto* bar = window->softphone();

    // The counselor is in another window when the call comes.
    QWidget elsewhere;
    elsewhere.show();
    QApplication::setActiveWindow(&elsewhere);

    // Ready from the bar.
    REQUIRE(bar->action(QStringLiteral("ready")));
    bar->action(QStringLiteral("ready"))->trigger();
    REQUIRE(waitUntil([&] { return session->agent().state() == AgentState::Ready; }));

    // The phone rings; the 360 is painted while it still rings.
    const QString callId = QString::fromStdString(server.injectCall(
        {{"customerId", "C00001"}, {"queue", "general"}, {"intent", "billing_inquiry"}}));
    REQUIRE(waitUntil([&] { return session->call().phase() == CallPhase::Ringing; }));
    auto* name = window->customer()->findChild<QLabel*>(QStringLiteral("customerNameLabel"));
    REQUIRE(name);
    REQUIRE(waitUntil([&] { return name->text().contains(QStringLiteral("김민준")); }));
    CHECK(session->call().phase() == CallPhase::Ringing);
    REQUIRE(waitUntil([&] { return !window->screenPopTimings().isEmpty(); }));
    CHECK(window->screenPopTimings().last().callId == callId);
    auto* timeline = window->customer()->findChild<QWidget*>(QStringLiteral("timelineView"));
    REQUIRE(timeline);
    CHECK_FALSE(timeline->findChildren<QLabel*>(QStringLiteral("interactionHeader")).isEmpty());
    // The window is not in front (offscreen): the counselor gets a desktop notification.
    CHECK(controller.notifier().notifications() == 1);
    // Suggestions for the intent are there before anything is typed.
    REQUIRE(waitUntil([&] { return window->knowledge()->hits().rowCount() > 0; }));

    // Answer with the bar's action (F5).
    bar->action(QStringLiteral("answer"))->trigger();
    REQUIRE(waitUntil([&] { return session->call().phase() == CallPhase::Connected; }));

    // Search the knowledge base as the caller speaks, open the best hit, insert it into the note.
    auto* box = window->knowledge()->findChild<QLineEdit*>(QStringLiteral("knowledgeSearchBox"));
    REQUIRE(box);
    box->setFocus();
    agentdesk::test::typeText(box, QStringLiteral("환불"));
    REQUIRE(waitUntil([&] {
        return session->knowledge().query() == QStringLiteral("환불") &&
               !session->knowledge().busy() && window->knowledge()->hits().rowCount() > 0;
    }));
    const QString articleId = window->knowledge()->hits().idAt(0);
    auto* list = window->knowledge()->findChild<QListView*>(QStringLiteral("knowledgeResults"));
    REQUIRE(list);
    list->setCurrentIndex(list->model()->index(0, 0));
    emit list->activated(list->model()->index(0, 0));
    REQUIRE(waitUntil(
        [&] {
            auto* view = window->knowledge()->articleView();
            return view && view->articleId() == articleId && view->loaded();
        },
        30s));
    const QString title = window->knowledge()->articleView()->article().title;
    REQUIRE_FALSE(title.isEmpty());
    window->knowledge()->insertSelectionAction()->trigger();  // nothing selected: the title
    auto* noteText = window->notes()->findChild<QPlainTextEdit*>(QStringLiteral("noteText"));
    REQUIRE(noteText);
    REQUIRE(waitUntil([&] { return noteText->toPlainText().contains(title); }));
    noteText->setFocus();
    agentdesk::test::typeText(noteText, QStringLiteral(" - 환불 절차 안내함"));

    // Hang up (F12): after-call work, the note stays.
    bar->action(QStringLiteral("hangup"))->trigger();
    REQUIRE(waitUntil([&] { return session->call().phase() == CallPhase::AfterCallWork; }));
    CHECK(noteText->toPlainText().contains(title));

    // Wrap up: the code is required; the IVR intent's code is already chosen, the counselor picks
    // a better one, saves (Ctrl+Return's action) → ready.
    auto* picker = window->notes()->findChild<agentdesk::widgets::WrapupCodePicker*>();
    REQUIRE(picker);
    auto* submit = window->notes()->findChild<QAction*>(QStringLiteral("submitNote"));
    REQUIRE(submit);
    REQUIRE(waitUntil([&] { return submit->isEnabled(); }));
    CHECK(window->notes()->controller().wrapupCode() == QStringLiteral("BILLING_INQUIRY"));
    // As a pick from the drop-down does.
    const int codeIndex = picker->indexOf(QStringLiteral("REFUND"));
    REQUIRE(codeIndex >= 0);
    picker->setCurrentIndex(codeIndex);
    emit picker->activated(codeIndex);
    REQUIRE(waitUntil(
        [&] { return window->notes()->controller().wrapupCode() == QStringLiteral("REFUND"); }));
    submit->trigger();
    REQUIRE(waitUntil([&] { return session->agent().state() == AgentState::Ready; }));
    CHECK(session->call().phase() == CallPhase::Idle);

    // The note is on the server, once, with the code and the inserted article title.
    REQUIRE(waitUntil([&] { return session->outbox()->pendingCount() == 0; }));
    const auto lead = server.loggedIn("lead1");
    auto history = lead.get("/api/v1/customers/C00001/interactions?limit=5");
    REQUIRE(history.status == 200);
    INFO(history.body);
    int notesForCall = 0;
    const nlohmann::json body = history.json();
    for (const auto& interaction : body["items"]) {
        for (const auto& note : interaction["notes"]) {
            if (!note["callId"].is_string() || note["callId"] != callId.toStdString())
                continue;
            ++notesForCall;
            CHECK(note.value("wrapupCode", "") == "REFUND");
            CHECK(QString::fromStdString(note.value("text", "")).contains(title));
        }
    }
    CHECK(notesForCall == 1);
}

TEST_CASE("Settings: language, font size, the state after wrap-up and shortcuts apply at once",
          "[gui][app][settings]") {
    TestServer server;
    AppUnderTest app(server);
    app.loginAs(QStringLiteral("counselor1"));
    auto& controller = app.controller();
    auto* window = controller.mainWindow();
    auto* answer = window->softphone()->action(QStringLiteral("answer"));
    REQUIRE(answer);
    CHECK(answer->shortcut() == QKeySequence(Qt::Key_F5));  // the documented default
    auto* settingsAction = window->findChild<QAction*>(QStringLiteral("settings"));
    REQUIRE(settingsAction);
    const QString koText = settingsAction->text();
    const double fontBefore = QApplication::font().pointSizeF();

    controller.openSettings();
    auto* dialog = window->findChild<agentdesk::widgets::SettingsDialog*>();
    REQUIRE(dialog);
    auto* language = dialog->findChild<QComboBox*>(QStringLiteral("languageSetting"));
    auto* font = dialog->findChild<QDoubleSpinBox*>(QStringLiteral("fontScaleSetting"));
    auto* after = dialog->findChild<QComboBox*>(QStringLiteral("afterWrapupSetting"));
    auto* answerKey = dialog->findChild<QKeySequenceEdit*>(QStringLiteral("shortcut_answer"));
    auto* hangupKey = dialog->findChild<QKeySequenceEdit*>(QStringLiteral("shortcut_hangup"));
    REQUIRE(language);
    REQUIRE(font);
    REQUIRE(after);
    REQUIRE(answerKey);
    REQUIRE(hangupKey);
    auto* buttons = dialog->findChild<QDialogButtonBox*>();
    REQUIRE(buttons);

    // Two actions on one key: refused with a message, nothing applied.
    answerKey->setKeySequence(QKeySequence(Qt::Key_F12));
    buttons->button(QDialogButtonBox::Apply)->click();
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("settingsError"));
    REQUIRE(error);
    CHECK(error->isVisible());
    CHECK(answer->shortcut() == QKeySequence(Qt::Key_F5));

    answerKey->setKeySequence(QKeySequence(Qt::Key_F4));
    language->setCurrentIndex(language->findData(QStringLiteral("en")));
    font->setValue(1.5);
    after->setCurrentIndex(after->findData(QStringLiteral("not_ready")));
    buttons->button(QDialogButtonBox::Ok)->click();

    CHECK_FALSE(error->isVisible());
    CHECK(answer->shortcut() == QKeySequence(Qt::Key_F4));
    CHECK(controller.language().current() == QStringLiteral("en"));
    // Widgets retranslate on the LanguageChange event the new translator posts.
    CHECK(waitUntil([&] { return settingsAction->text() == QStringLiteral("Settings…"); }));
    CHECK(settingsAction->text() != koText);
    CHECK(QApplication::font().pointSizeF() == Approx(fontBefore * 1.5).epsilon(0.02));
    CHECK(window->notes()->controller().afterWrapupState() == QStringLiteral("not_ready"));
    // Stored for the next start.
    CHECK(controller.settings().get(agentdesk::app::settings::language) == QStringLiteral("en"));
    CHECK(controller.settings().shortcut(QStringLiteral("answer"), {}) == QKeySequence(Qt::Key_F4));
    controller.applyFontScale(1.0);
    controller.applyLanguage(QStringLiteral("ko"));

    // A key press reaches the action: F2 makes the agent ready.
    QApplication::setActiveWindow(window);
    REQUIRE(waitUntil([&] { return window->isActiveWindow(); }));
    QTest::keyClick(window, Qt::Key_F2);
    REQUIRE(waitUntil([&] { return controller.session()->agent().state() == AgentState::Ready; }));
}

TEST_CASE("Agent assist in the window: the abuse prompt names F11, and F11 plays the warning",
          "[gui][app][assist]") {
    TestServer server;
    AppUnderTest app(server);
    app.loginAs(QStringLiteral("counselor1"));
    auto& controller = app.controller();
    auto* window = controller.mainWindow();
    auto* session = controller.session();
    window->softphone()->action(QStringLiteral("ready"))->trigger();
    REQUIRE(waitUntil([&] { return session->agent().state() == AgentState::Ready; }));
    server.injectCall(
        {{"customerId", "C00001"},
         {"queue", "general"},
         {"transcript",
          {{{"speaker", "customer"}, {"text", "ㅅㅂ 진짜 최악이네"}, {"atSec", 1}}}}});
    REQUIRE(waitUntil([&] { return session->call().phase() == CallPhase::Ringing; }));
    window->softphone()->action(QStringLiteral("answer"))->trigger();
    REQUIRE(waitUntil([&] { return session->call().phase() == CallPhase::Connected; }));
    server.advanceSec(2);
    auto* bar = window->assist()->findChild<QWidget*>(QStringLiteral("assistAbuseBar"));
    auto* play = window->assist()->findChild<QPushButton*>(QStringLiteral("assistPlayWarning"));
    REQUIRE(bar);
    REQUIRE(play);
    REQUIRE(waitUntil([&] { return bar->isVisible(); }));
    CHECK(play->text().contains(QStringLiteral("F11")));

    // The key itself, pressed on the window.
    QApplication::setActiveWindow(window);
    REQUIRE(waitUntil([&] { return window->isActiveWindow(); }));
    QTest::keyClick(window, Qt::Key_F11);
    REQUIRE(waitUntil([&] { return session->call().call().abuseWarnings == 1; }));
}
