// The keyboard, pressed for real: every default shortcut of app/shortcut_table.cpp as a key event
// on the counselor's window in each phase of a call (it must reach exactly its own action), and
// a whole call — ready, answer, knowledge search, an article, the note, wrap-up — with the
// keyboard alone.
#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QShortcutEvent>
#include <QTest>

#include "app/app_controller.h"
#include "app/main_window.h"
#include "app/shortcut_table.h"
#include "crm/session/note_controller.h"
#include "tests/gui/app_flow_support.h"
#include "tests/gui/gui_fixture.h"
#include "tests/gui/typing.h"
#include "widgets/knowledge/article_view.h"
#include "widgets/knowledge/hit_list_model.h"
#include "widgets/knowledge/knowledge_panel.h"
#include "widgets/notes/note_editor.h"
#include "widgets/softphone/softphone_bar.h"

using namespace std::chrono_literals;
using agentdesk::crm::AgentState;
using agentdesk::crm::CallPhase;
using agentdesk::test::AppUnderTest;
using agentdesk::test::TestServer;
using agentdesk::test::waitUntil;

namespace {

// Records which actions Qt's shortcut map delivers a key to, and eats the delivery, so that the
// probe can press every key in every phase without the commands running.
class ShortcutProbe : public QObject {
public:
    explicit ShortcutProbe(QWidget& window) {
        for (QAction* action : window.findChildren<QAction*>())
            action->installEventFilter(this);
    }
    struct Hit {
        QString action;
        bool ambiguous = false;
    };
    QList<Hit> hits;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::Shortcut)
            return false;
        hits.append({watched->objectName(), static_cast<QShortcutEvent*>(event)->isAmbiguous()});
        return true;
    }
};

QKeySequence defaultKey(const agentdesk::app::ShortcutEntry& entry) {
    return QKeySequence::fromString(QString::fromLatin1(entry.defaultKey),
                                    QKeySequence::PortableText);
}

void press(QWidget* target, const QKeySequence& key) {
    const QKeyCombination combo = key[0];
    QTest::keyClick(target, combo.key(), combo.keyboardModifiers());
}

QAction* actionNamed(QWidget& window, const QString& id) {
    QAction* found = nullptr;
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->objectName() != id)
            continue;
        INFO("two actions are named " << id.toStdString());
        CHECK(found == nullptr);
        found = action;
    }
    return found;
}

// Presses every default key on the window and checks where each one went.
void pressEveryShortcut(QWidget& window, const char* phase) {
    ShortcutProbe probe(window);
    for (const agentdesk::app::ShortcutEntry& entry : agentdesk::app::shortcutTable()) {
        const QString id = QString::fromLatin1(entry.id);
        QAction* action = actionNamed(window, id);
        INFO("phase " << phase << ", shortcut " << entry.defaultKey << " (" << entry.id << ")");
        REQUIRE(action);
        CHECK(action->shortcut() == defaultKey(entry));
        probe.hits.clear();
        press(&window, defaultKey(entry));
        QCoreApplication::processEvents();
        if (action->isEnabled()) {
            REQUIRE(probe.hits.size() == 1);
            CHECK(probe.hits[0].action == id);
            CHECK_FALSE(probe.hits[0].ambiguous);
        } else {
            // A disabled command: nothing else may take its key.
            for (const ShortcutProbe::Hit& hit : probe.hits)
                CHECK(hit.action == id);
        }
    }
}

void activate(QWidget* window) {
    QApplication::setActiveWindow(window);
    REQUIRE(waitUntil([&] { return window->isActiveWindow(); }));
}

}  // namespace

TEST_CASE("Every default shortcut, pressed on the window, reaches exactly its action in each phase",
          "[gui][app][keyboard]") {
    TestServer server;
    AppUnderTest app(server);
    app.loginAs(QStringLiteral("counselor1"));
    auto& controller = app.controller();
    auto* window = controller.mainWindow();
    auto* session = controller.session();
    auto* bar = window->softphone();
    activate(window);

    pressEveryShortcut(*window, "not ready after login");
    CHECK(session->agent().state() == AgentState::NotReady);  // the probe ate every key

    app.goReady();
    pressEveryShortcut(*window, "ready");

    app.ringCall(server);
    activate(window);
    pressEveryShortcut(*window, "ringing");

    app.answer();
    pressEveryShortcut(*window, "connected");

    bar->action(QStringLiteral("hold"))->trigger();
    REQUIRE(waitUntil([&] { return session->call().phase() == CallPhase::Held; }));
    pressEveryShortcut(*window, "held");
    bar->action(QStringLiteral("hold"))->trigger();
    REQUIRE(waitUntil([&] { return session->call().phase() == CallPhase::Connected; }));

    app.hangUp();
    pressEveryShortcut(*window, "after-call work");
    CHECK(session->call().phase() == CallPhase::AfterCallWork);
}

TEST_CASE("A whole call with the keyboard alone: ready, answer, search, article, note, wrap-up",
          "[gui][app][keyboard][call]") {
    TestServer server;
    AppUnderTest app(server);
    app.loginAs(QStringLiteral("counselor1"));
    auto& controller = app.controller();
    auto* window = controller.mainWindow();
    auto* session = controller.session();
    activate(window);

    // F2: ready.
    QTest::keyClick(window, Qt::Key_F2);
    REQUIRE(waitUntil([&] { return session->agent().state() == AgentState::Ready; }));

    const QString callId = app.ringCall(server);
    activate(window);

    // F5: answer.
    QTest::keyClick(window, Qt::Key_F5);
    REQUIRE(waitUntil([&] { return session->call().phase() == CallPhase::Connected; }));

    // Ctrl+K: the knowledge search box has the focus; type, Down into the hits, Enter opens one.
    QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
    auto* box = window->knowledge()->findChild<QLineEdit*>(QStringLiteral("knowledgeSearchBox"));
    REQUIRE(box);
    REQUIRE(waitUntil([&] { return QApplication::focusWidget() == box; }));
    agentdesk::test::typeText(box, QStringLiteral("환불"));
    REQUIRE(waitUntil([&] {
        return session->knowledge().query() == QStringLiteral("환불") &&
               !session->knowledge().busy() && window->knowledge()->hits().rowCount() > 0;
    }));
    auto* list = window->knowledge()->findChild<QListView*>(QStringLiteral("knowledgeResults"));
    REQUIRE(list);
    QTest::keyClick(box, Qt::Key_Down);
    REQUIRE(waitUntil([&] { return QApplication::focusWidget() == list; }));
    const QString articleId = window->knowledge()->hits().idAt(list->currentIndex().row());
    QTest::keyClick(list, Qt::Key_Return);
    REQUIRE(waitUntil(
        [&] {
            auto* view = window->knowledge()->articleView();
            return view && view->articleId() == articleId && view->loaded();
        },
        30s));
    const QString title = window->knowledge()->articleView()->article().title;
    REQUIRE_FALSE(title.isEmpty());

    // Ctrl+Shift+I: the article's title into the note (nothing selected).
    QTest::keyClick(window, Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
    auto* noteText = window->notes()->findChild<QPlainTextEdit*>(QStringLiteral("noteText"));
    REQUIRE(noteText);
    REQUIRE(waitUntil([&] { return noteText->toPlainText().contains(title); }));

    // Focus back in the search box (as during the call); F12 hangs up and the focus goes to the
    // note, so what is typed next lands there.
    QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
    REQUIRE(waitUntil([&] { return QApplication::focusWidget() == box; }));
    QTest::keyClick(window, Qt::Key_F12);
    REQUIRE(waitUntil([&] { return session->call().phase() == CallPhase::AfterCallWork; }));
    REQUIRE(waitUntil([&] { return QApplication::focusWidget() == noteText; }));
    agentdesk::test::typeText(noteText, QStringLiteral(" 환불 절차 안내함"));
    CHECK(noteText->toPlainText().endsWith(QStringLiteral("환불 절차 안내함")));

    // The code was chosen from the IVR intent; Ctrl+Return saves the note and wraps up.
    CHECK(window->notes()->controller().wrapupCode() == QStringLiteral("BILLING_INQUIRY"));
    QTest::keyClick(noteText, Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(waitUntil([&] { return session->agent().state() == AgentState::Ready; }));
    REQUIRE(waitUntil([&] { return session->outbox()->pendingCount() == 0; }));

    const auto lead = server.loggedIn("lead1");
    const auto history = lead.get("/api/v1/customers/C00001/interactions?limit=5");
    REQUIRE(history.status == 200);
    INFO(history.body);
    int notes = 0;
    const nlohmann::json body = history.json();
    for (const auto& interaction : body["items"]) {
        for (const auto& note : interaction["notes"]) {
            if (note["callId"].is_string() && note["callId"] == callId.toStdString()) {
                ++notes;
                CHECK(note.value("wrapupCode", "") == "BILLING_INQUIRY");
                CHECK(QString::fromStdString(note.value("text", "")).contains(title));
            }
        }
    }
    CHECK(notes == 1);
}
