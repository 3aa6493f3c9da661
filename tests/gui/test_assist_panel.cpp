// GUI tests of agent assist on the desktop (issue 12) against the test server: the assist panel
// fills as a scripted call's lines arrive (masked text, the abusive line marked, moods as words),
// its abuse prompt plays the warning through the softphone's own action, and at hang-up the note
// editor holds the drafted note with the predicted code, marked as a draft until accepted.
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <catch2/catch.hpp>

#include "crm/session/note_controller.h"
#include "tests/gui/gui_fixture.h"
#include "widgets/assist/assist_panel.h"
#include "widgets/notes/note_editor.h"
#include "widgets/notes/wrapup_code_picker.h"
#include "widgets/softphone/softphone_bar.h"

using agentdesk::crm::CallPhase;
using agentdesk::test::GuiSession;
using agentdesk::test::waitUntil;

using agentdesk::test::child;

TEST_CASE("Assist panel: live transcript, the abuse prompt plays the warning, the note is drafted",
          "[gui][assist]") {
    GuiSession gui;
    gui.login();
    agentdesk::widgets::SoftphoneBar softphone(gui.session());
    agentdesk::widgets::AssistPanel panel(gui.session().assist());
    agentdesk::widgets::NoteEditor editor(gui.session(), gui.autosaver());
    QAction* warning = softphone.action(QStringLiteral("abuseWarning"));
    REQUIRE(warning);
    QObject::connect(&panel, &agentdesk::widgets::AssistPanel::warningRequested, warning,
                     &QAction::trigger);
    panel.resize(420, 600);
    panel.show();
    editor.resize(600, 400);
    editor.show();
    softphone.show();
    auto* transcript = child<QListWidget>(panel, "assistTranscript");
    auto* empty = child<QLabel>(panel, "assistEmpty");
    CHECK(empty->isVisible());

    gui.goReady();
    const QString callId =
        gui.ringCall({{"customerId", "C00001"},
                      {"queue", "card"},
                      {"intent", "card_lost"},
                      {"transcript",
                       {{{"speaker", "agent"},
                         {"text", "감사합니다 상담원입니다. 통화는 녹음됩니다"},
                         {"atSec", 1}},
                        {{"speaker", "customer"},
                         {"text", "카드를 잃어버렸어요 카드번호 1234-5678-9012-3456"},
                         {"atSec", 2}},
                        {{"speaker", "customer"}, {"text", "ㅅㅂ 진짜 최악이네"}, {"atSec", 3}}}}});
    REQUIRE_FALSE(gui.session().call().answer().isEmpty());
    REQUIRE(waitUntil([&] { return gui.session().call().phase() == CallPhase::Connected; }));
    gui.server().advanceSec(4);
    REQUIRE(waitUntil([&] { return transcript->count() == 3; }));
    CHECK_FALSE(empty->isVisible());
    CHECK_FALSE(transcript->item(1)->text().contains(QStringLiteral("9012")));
    CHECK(transcript->item(2)->text().contains(QStringLiteral("⚠")));
    CHECK(transcript->item(2)->text().contains(QStringLiteral("Profanity")));
    auto* mood = child<QLabel>(panel, "assistMood");
    CHECK(mood->isVisible());
    CHECK(mood->text().contains(QStringLiteral("negative")));  // the colour has its word

    // The prompt plays the warning through the softphone's action: the call counts it.
    auto* abuseBar = child<QWidget>(panel, "assistAbuseBar");
    REQUIRE(abuseBar->isVisible());
    QTest::mouseClick(child<QPushButton>(panel, "assistPlayWarning"), Qt::LeftButton);
    CHECK_FALSE(abuseBar->isVisible());
    REQUIRE(waitUntil([&] { return gui.session().call().call().abuseWarnings == 1; }));

    // Hang-up: the note holds the draft and the predicted code, marked as a draft.
    REQUIRE_FALSE(gui.session().call().hangup().isEmpty());
    REQUIRE(waitUntil([&] { return gui.session().call().phase() == CallPhase::AfterCallWork; }));
    auto& controller = editor.controller();
    REQUIRE(waitUntil([&] { return controller.showingAssistDraft(); }));
    CHECK(controller.target().callId == callId);
    auto* text = child<QPlainTextEdit>(editor, "noteText");
    CHECK_FALSE(text->toPlainText().isEmpty());
    CHECK_FALSE(text->toPlainText().contains(QStringLiteral("9012")));
    CHECK_FALSE(controller.wrapupCode().isEmpty());
    CHECK(controller.suggestedCodes().value(0) == controller.wrapupCode());
    auto* bar = child<QWidget>(editor, "assistDraftBar");
    CHECK(bar->isVisible());
    // Another predicted code is one click away; the draft stays.
    if (controller.suggestedCodes().size() > 1) {
        const QString other = controller.suggestedCodes().at(1);
        auto* button = editor.findChild<QPushButton*>(QStringLiteral("assistCode:") + other);
        REQUIRE(button);
        QTest::mouseClick(button, Qt::LeftButton);
        CHECK(controller.wrapupCode() == other);
        CHECK(controller.showingAssistDraft());
    }
    QTest::mouseClick(child<QPushButton>(editor, "assistAcceptDraft"), Qt::LeftButton);
    CHECK_FALSE(controller.showingAssistDraft());
}
