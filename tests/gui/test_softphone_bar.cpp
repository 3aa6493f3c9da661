// GUI tests of the softphone bar (issue 5) against the test server: what the bar shows for a
// ringing and a connected call, its actions, the transfer and keypad dialogs, missed calls,
// not-ready reasons and offline. Screenshots go to /tmp/softphone-*.png.
#include <QAction>
#include <QComboBox>
#include <QHash>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <catch2/catch.hpp>

#include "server/demo/demo_data.h"
#include "tests/gui/gui_fixture.h"
#include "widgets/softphone/keypad_dialog.h"
#include "widgets/softphone/missed_calls_button.h"
#include "widgets/softphone/softphone_bar.h"
#include "widgets/softphone/transfer_dialog.h"

using agentdesk::crm::AgentState;
using agentdesk::crm::CallPhase;
using agentdesk::test::GuiSession;
using agentdesk::test::TestServerOptions;
using agentdesk::test::waitUntil;
using agentdesk::widgets::KeypadDialog;
using agentdesk::widgets::MissedCallsButton;
using agentdesk::widgets::SoftphoneBar;
using agentdesk::widgets::TransferDialog;

using agentdesk::test::LocaleGuard;

namespace {

struct BarTest {
    explicit BarTest(TestServerOptions options = {}) : gui(std::move(options)) {
        gui.login();
        bar = std::make_unique<SoftphoneBar>(gui.session());
        bar->resize(1366, bar->sizeHint().height());
        bar->show();
    }
    QString text(const char* name) const {
        auto* label = bar->findChild<QLabel*>(QString::fromLatin1(name));
        REQUIRE(label);
        return label->text();
    }
    bool shown(const char* name) const {
        auto* w = bar->findChild<QWidget*>(QString::fromLatin1(name));
        REQUIRE(w);
        return w->isVisibleTo(bar.get());
    }
    QAction* action(const char* id) const {
        QAction* a = bar->action(QString::fromLatin1(id));
        REQUIRE(a);
        REQUIRE(a->objectName() == QString::fromLatin1(id));
        return a;
    }
    QString ringAndAnswer(const nlohmann::json& spec) {
        gui.goReady();
        const QString id = gui.ringCall(spec);
        action("answer")->trigger();
        REQUIRE(waitUntil([&] { return gui.session().call().phase() == CallPhase::Connected; }));
        return id;
    }
    LocaleGuard locale{QLocale::English};
    GuiSession gui;
    std::unique_ptr<SoftphoneBar> bar;
};

const nlohmann::json kCall = {{"customerId", "C00001"},
                              {"queue", "general"},
                              {"intent", "billing_inquiry"},
                              {"verified", true}};

}  // namespace

TEST_CASE("softphone bar shows the ringing call and its badges", "[gui][softphone]") {
    BarTest t;
    CHECK(t.shown("idleHint"));
    CHECK_FALSE(t.action("answer")->isEnabled());
    CHECK_FALSE(t.action("hangup")->isEnabled());

    t.gui.goReady();
    CHECK(t.text("agentState") == QStringLiteral("Ready"));
    t.gui.ringCall(kCall);
    REQUIRE(waitUntil([&] { return t.shown("callerNumber"); }));
    CHECK(t.text("callerNumber") == QStringLiteral("010-1234-5678"));
    CHECK(t.text("customerName").contains(QStringLiteral("김민준")));
    CHECK(t.text("queueName") == QStringLiteral("General"));
    CHECK(t.text("intent") == QStringLiteral("Billing inquiry"));
    CHECK(t.text("waited").startsWith(QStringLiteral("Waited ")));
    CHECK(t.shown("verifiedBadge"));
    CHECK_FALSE(t.shown("abuseBadge"));
    CHECK_FALSE(t.shown("idleHint"));
    CHECK(t.text("agentState") == QStringLiteral("Ringing"));
    CHECK(t.action("answer")->isEnabled());
    CHECK(t.action("reject")->isEnabled());
    CHECK_FALSE(t.action("hold")->isEnabled());
    CHECK_FALSE(t.action("hangup")->isEnabled());
    CHECK_FALSE(t.action("abuseHangup")->isEnabled());

    // A command the call's state does not allow: a short message in the bar.
    t.gui.session().call().hold();
    CHECK(t.bar->statusMessage().contains(QStringLiteral("Hold")));

    // Rejected: the caller goes back to the queue, the bar is idle again.
    t.action("reject")->trigger();
    REQUIRE(waitUntil([&] { return t.gui.session().call().phase() == CallPhase::Idle; }));
    CHECK(t.shown("idleHint"));
    CHECK_FALSE(t.action("answer")->isEnabled());
}

TEST_CASE("softphone bar shows an abusive caller and shared numbers", "[gui][softphone]") {
    BarTest t;
    t.gui.goReady();
    t.gui.ringCall({{"customerId", "C00004"}, {"queue", "general"}});
    REQUIRE(waitUntil([&] { return t.shown("abuseBadge"); }));
    CHECK_FALSE(t.shown("verifiedBadge"));
    t.action("reject")->trigger();
    REQUIRE(waitUntil([&] { return t.gui.session().call().phase() == CallPhase::Idle; }));

    // 02-555-1234 belongs to two customers; then a number nobody has.
    t.gui.goReady();
    t.gui.ringCall({{"phone", "02-555-1234"}, {"queue", "general"}});
    CHECK(t.text("callerNumber") == QStringLiteral("02-555-1234"));
    CHECK(t.text("customerName") == QStringLiteral("2 possible customers"));
    t.action("reject")->trigger();
    REQUIRE(waitUntil([&] { return t.gui.session().call().phase() == CallPhase::Idle; }));
    t.gui.goReady();
    t.gui.ringCall({{"phone", "010-9876-0001"}, {"queue", "general"}});
    CHECK(t.text("customerName") == QStringLiteral("Unknown caller"));
}

TEST_CASE("softphone bar answers, holds, resumes and mutes from server events",
          "[gui][softphone]") {
    BarTest t;
    t.ringAndAnswer(kCall);
    REQUIRE(waitUntil([&] { return t.text("agentState") == QStringLiteral("On call"); }));
    CHECK(t.text("callTimer").startsWith(QStringLiteral("Talk ")));
    const QString talk = t.text("callTimer");
    REQUIRE(waitUntil([&] { return t.text("callTimer") != talk; }, std::chrono::seconds(4)));
    CHECK(t.text("callTimer").startsWith(QStringLiteral("Talk ")));
    CHECK_FALSE(t.action("answer")->isEnabled());
    for (const char* id :
         {"hold", "mute", "transfer", "keypad", "recording", "abuseWarning", "hangup"})
        CHECK(t.action(id)->isEnabled());
    CHECK(t.text("abuseCount") == QStringLiteral("Warnings 0/2"));

    CHECK(t.action("hold")->text() == QStringLiteral("Hold"));
    t.action("hold")->trigger();
    REQUIRE(waitUntil([&] { return t.gui.session().call().phase() == CallPhase::Held; }));
    CHECK(t.action("hold")->text() == QStringLiteral("Resume"));
    CHECK(t.text("callTimer").startsWith(QStringLiteral("On hold")));
    CHECK_FALSE(t.action("keypad")->isEnabled());  // DTMF only on a connected call
    t.action("hold")->trigger();
    REQUIRE(waitUntil([&] { return t.gui.session().call().phase() == CallPhase::Connected; }));
    CHECK(t.action("hold")->text() == QStringLiteral("Hold"));

    CHECK_FALSE(t.action("mute")->isChecked());
    t.action("mute")->trigger();
    CHECK_FALSE(t.action("mute")->isChecked());  // not before the server says so
    REQUIRE(waitUntil([&] { return t.action("mute")->isChecked(); }));
    CHECK(t.gui.session().call().call().muted);
    CHECK(t.action("mute")->text() == QStringLiteral("Unmute"));
    t.action("mute")->trigger();
    REQUIRE(waitUntil([&] { return !t.gui.session().call().call().muted; }));
    CHECK_FALSE(t.action("mute")->isChecked());

    CHECK_FALSE(t.shown("recordingPaused"));
    t.action("recording")->trigger();
    REQUIRE(waitUntil([&] { return t.shown("recordingPaused"); }));
    CHECK(t.text("recordingPaused") == QStringLiteral("Recording paused"));
    CHECK(t.action("recording")->text() == QStringLiteral("Resume recording"));
    t.action("recording")->trigger();
    REQUIRE(waitUntil([&] { return !t.shown("recordingPaused"); }));

    // Shortcuts reach the actions through the bar (the window sets the keys).
    CHECK(t.bar->actions().contains(t.action("hangup")));
    auto* hangupButton = t.bar->findChild<QToolButton*>(QStringLiteral("hangupButton"));
    REQUIRE(hangupButton);
    CHECK(hangupButton->defaultAction() == t.action("hangup"));
    QTest::mouseClick(hangupButton, Qt::LeftButton);
    REQUIRE(waitUntil([&] { return t.gui.session().call().endReason() == "completed"; }));
    REQUIRE(waitUntil([&] { return t.text("callTimer").contains(QStringLiteral("left")); }));
    CHECK(t.text("callTimer").startsWith(QStringLiteral("ACW ")));
    CHECK(t.text("agentState") == QStringLiteral("After-call work"));
    CHECK_FALSE(t.action("ready")->isEnabled());  // mandatory ACW ends with a wrap-up
}

TEST_CASE("softphone bar shows the recommended talk time exceeded", "[gui][softphone]") {
    TestServerOptions options;
    options.adjustCenter = [](agentdesk::server::CenterConfig& c) {
        for (auto& q : c.queues)
            q.recommendedTalkSec = 1;
    };
    BarTest t(options);
    t.ringAndAnswer(kCall);
    auto* timer = t.bar->findChild<QLabel*>(QStringLiteral("callTimer"));
    REQUIRE(timer);
    REQUIRE(
        waitUntil([&] { return timer->property("exceeded").toBool(); }, std::chrono::seconds(5)));
    CHECK(timer->toolTip().contains(QStringLiteral("exceeded")));
}

TEST_CASE("softphone bar ends an abusive call after the required warnings", "[gui][softphone]") {
    BarTest t;
    t.ringAndAnswer(kCall);
    CHECK_FALSE(t.action("abuseHangup")->isEnabled());
    t.action("abuseWarning")->trigger();
    REQUIRE(waitUntil([&] { return t.text("abuseCount") == QStringLiteral("Warnings 1/2"); }));
    CHECK_FALSE(t.action("abuseHangup")->isEnabled());
    t.action("abuseWarning")->trigger();
    REQUIRE(waitUntil([&] { return t.text("abuseCount") == QStringLiteral("Warnings 2/2"); }));
    CHECK(t.action("abuseHangup")->isEnabled());
    CHECK(t.action("abuseHangup")->text() == QStringLiteral("End call (abuse)"));
    t.action("abuseHangup")->trigger();
    REQUIRE(waitUntil(
        [&] { return t.gui.session().call().endReason() == QStringLiteral("agent_ended_abuse"); }));
    REQUIRE(
        waitUntil([&] { return t.gui.session().agent().state() == AgentState::AfterCallWork; }));
    CHECK(t.bar->statusMessage().contains(QStringLiteral("abuse")));
    CHECK_FALSE(t.action("abuseHangup")->isEnabled());
}

TEST_CASE("softphone bar transfers a call blind to a queue", "[gui][softphone]") {
    BarTest t;
    t.ringAndAnswer(kCall);
    t.action("transfer")->trigger();
    auto* dialog = t.bar->findChild<TransferDialog*>(QStringLiteral("transferDialog"));
    REQUIRE(dialog);
    CHECK(dialog->isVisible());
    CHECK_FALSE(dialog->isModal());

    // An invalid number cannot be sent; an unknown agent is refused by the server.
    auto* number = dialog->findChild<QLineEdit*>(QStringLiteral("transferNumber"));
    auto* send = dialog->findChild<QPushButton*>(QStringLiteral("transferSend"));
    auto* status = dialog->findChild<QLabel*>(QStringLiteral("transferStatus"));
    REQUIRE(number);
    REQUIRE(send);
    REQUIRE(status);
    QTest::keyClicks(number, QStringLiteral("12"));
    CHECK_FALSE(send->isEnabled());
    CHECK(dialog->findChild<QLabel*>(QStringLiteral("transferNumberCheck"))
              ->text()
              .contains(QStringLiteral("Korean")));
    number->clear();
    QTest::keyClicks(number, QStringLiteral("0255559999"));
    CHECK(dialog->findChild<QLabel*>(QStringLiteral("transferNumberCheck"))->text() ==
          QStringLiteral("→ 02-5555-9999"));
    CHECK(send->isEnabled());
    auto* agent = dialog->findChild<QLineEdit*>(QStringLiteral("transferAgent"));
    REQUIRE(agent);
    QTest::keyClicks(agent, QStringLiteral("A9999"));
    QTest::mouseClick(send, Qt::LeftButton);
    REQUIRE(waitUntil([&] { return status->text().contains(QStringLiteral("No such")); }));
    REQUIRE(waitUntil([&] { return t.bar->statusMessage().contains(QStringLiteral("failed")); }));
    CHECK(t.gui.session().call().phase() == CallPhase::Connected);

    // Blind to the card queue.
    auto* toQueue = dialog->findChild<QRadioButton*>(QStringLiteral("transferToQueue"));
    auto* queue = dialog->findChild<QComboBox*>(QStringLiteral("transferQueue"));
    REQUIRE(toQueue);
    REQUIRE(queue);
    toQueue->setChecked(true);
    queue->setCurrentIndex(queue->findData(QStringLiteral("card")));
    REQUIRE(queue->currentData().toString() == QStringLiteral("card"));
    CHECK(dialog->findChild<QRadioButton*>(QStringLiteral("transferBlind"))->isChecked());
    QTest::mouseClick(send, Qt::LeftButton);
    REQUIRE(waitUntil(
        [&] { return t.gui.session().call().endReason() == QStringLiteral("transferred"); }));
    REQUIRE(waitUntil([&] { return !dialog->isVisible(); }));
    CHECK(t.bar->statusMessage().contains(QStringLiteral("transferred")));
    CHECK_FALSE(t.action("transfer")->isEnabled());
}

TEST_CASE("softphone bar starts and cancels a consult transfer", "[gui][softphone]") {
    BarTest t;
    t.ringAndAnswer(kCall);
    // A colleague becomes ready only now, so the call was routed to counselor1.
    auto colleague = t.gui.server().loggedIn("counselor3");
    REQUIRE(colleague.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);

    t.action("transfer")->trigger();
    auto* dialog = t.bar->findChild<TransferDialog*>(QStringLiteral("transferDialog"));
    REQUIRE(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("transferAgent")),
                     QStringLiteral("A1003"));
    dialog->findChild<QRadioButton*>(QStringLiteral("transferConsult"))->setChecked(true);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("transferSend")),
                      Qt::LeftButton);
    REQUIRE(waitUntil([&] { return t.gui.session().call().call().consultInProgress; }));
    CHECK(t.gui.session().call().phase() == CallPhase::Held);
    CHECK(t.shown("consultInfo"));
    CHECK_FALSE(t.action("transfer")->isEnabled());
    auto* cancel = dialog->findChild<QPushButton*>(QStringLiteral("transferCancelConsult"));
    REQUIRE(cancel);
    REQUIRE(waitUntil([&] { return cancel->isVisible() && cancel->isEnabled(); }));
    QTest::mouseClick(cancel, Qt::LeftButton);
    REQUIRE(waitUntil([&] { return t.gui.session().call().phase() == CallPhase::Connected; }));
    CHECK_FALSE(t.gui.session().call().call().consultInProgress);
    REQUIRE(waitUntil([&] {
        return dialog->findChild<QLabel*>(QStringLiteral("transferStatus"))
            ->text()
            .contains(QStringLiteral("cancelled"));
    }));
    CHECK(t.action("transfer")->isEnabled());
}

TEST_CASE("softphone bar keypad sends DTMF digits", "[gui][softphone]") {
    BarTest t;
    t.ringAndAnswer(kCall);
    t.action("keypad")->trigger();
    auto* keypad = t.bar->findChild<KeypadDialog*>(QStringLiteral("keypadDialog"));
    REQUIRE(keypad);
    CHECK(keypad->isVisible());
    auto* one = keypad->findChild<QPushButton*>(QStringLiteral("dtmf_1"));
    REQUIRE(one);
    QTest::mouseClick(one, Qt::LeftButton);
    REQUIRE(waitUntil([&] { return t.gui.session().call().call().dtmf == QStringLiteral("1"); }));
    QTest::keyClicks(keypad, QStringLiteral("2#"));
    REQUIRE(waitUntil([&] { return t.gui.session().call().call().dtmf == QStringLiteral("12#"); }));
    auto* sent = keypad->findChild<QLabel*>(QStringLiteral("dtmfSent"));
    REQUIRE(sent);
    CHECK(sent->text() == QStringLiteral("12#"));
}

TEST_CASE("softphone bar lists a missed call", "[gui][softphone]") {
    BarTest t;
    QSignalSpy missed(t.bar.get(), &SoftphoneBar::missedCall);
    auto* button = t.bar->findChild<MissedCallsButton*>(QStringLiteral("missedCalls"));
    REQUIRE(button);
    CHECK_FALSE(button->isVisibleTo(t.bar.get()));

    t.gui.goReady();
    t.gui.ringCall(kCall);
    t.gui.server().advanceSec(t.gui.session().capabilities().ringTimeoutSec + 1);
    REQUIRE(waitUntil([&] { return missed.count() == 1; }));
    const auto call = missed.at(0).at(0).value<agentdesk::crm::Call>();
    CHECK(call.customerId == QStringLiteral("C00001"));
    CHECK(t.bar->missedCount() == 1);
    CHECK(button->isVisibleTo(t.bar.get()));
    CHECK(button->text() == QStringLiteral("Missed (1)"));
    REQUIRE(button->lines().size() == 1);
    CHECK(button->lines().first().contains(QStringLiteral("010-1234-5678")));
    CHECK(button->lines().first().contains(QStringLiteral("김민준")));
    REQUIRE(waitUntil([&] { return t.gui.session().agent().state() == AgentState::NotReady; }));
    CHECK(t.gui.session().agent().reason() == QStringLiteral("missed_call"));
    CHECK(t.text("agentState") == QStringLiteral("Not ready · Missed call"));
    CHECK(t.shown("idleHint"));
}

TEST_CASE("softphone bar goes not ready with a reason and back", "[gui][softphone]") {
    BarTest t;
    t.gui.goReady();
    REQUIRE(waitUntil([&] { return t.action("notReady")->isEnabled(); }));
    CHECK_FALSE(t.action("ready")->isEnabled());
    auto* menu = t.bar->findChild<QMenu*>(QStringLiteral("notReadyMenu"));
    REQUIRE(menu);
    QAction* meal = nullptr;
    for (QAction* a : menu->actions()) {
        if (a->objectName() == QStringLiteral("notReady:meal"))
            meal = a;
        CHECK(a->objectName() != QStringLiteral("notReady:missed_call"));
    }
    REQUIRE(meal);
    CHECK(meal->text() == QStringLiteral("Meal"));
    meal->trigger();
    REQUIRE(waitUntil([&] { return t.gui.session().agent().reason() == QStringLiteral("meal"); }));
    CHECK(t.text("agentState") == QStringLiteral("Not ready · Meal"));
    CHECK(t.text("stateClock").contains(QLatin1Char(':')));
    CHECK(t.action("ready")->isEnabled());

    {
        // The reasons follow the UI language.
        LocaleGuard korean(QLocale::Korean);
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(t.bar.get(), &change);
        CHECK(t.text("agentState").endsWith(QStringLiteral("식사")));
    }
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(t.bar.get(), &change);

    t.action("ready")->trigger();
    REQUIRE(waitUntil([&] { return t.gui.session().agent().state() == AgentState::Ready; }));
    CHECK(t.text("agentState") == QStringLiteral("Ready"));
}

TEST_CASE("softphone bar disables commands while offline", "[gui][softphone]") {
    BarTest t;
    t.gui.goReady();
    t.gui.ringCall(kCall);
    CHECK(t.action("answer")->isEnabled());
    CHECK(t.action("notReady")->isEnabled() == false);  // ringing: answer or reject first
    t.bar->setOnline(false);
    for (QAction* a : t.bar->actions())
        CHECK_FALSE(a->isEnabled());
    t.bar->setOnline(true);
    CHECK(t.action("answer")->isEnabled());
    CHECK(t.action("reject")->isEnabled());
}

namespace {

// Korean UI words for the screenshots, until the lead's translation has them (docs/desktop-app.md,
// Korean terms). Unknown strings stay English.
class KoreanWords : public QTranslator {
public:
    QString translate(const char*, const char* source, const char*, int) const override {
        static const QHash<QString, QString> words = {
            {"Not ready", "이석"},
            {"Ready", "대기"},
            {"Ringing", "호 수신"},
            {"On call", "통화 중"},
            {"After-call work", "후처리"},
            {"Answer", "응답"},
            {"Reject", "거절"},
            {"Hold", "보류"},
            {"Resume", "보류 해제"},
            {"Mute", "음소거"},
            {"Unmute", "음소거 해제"},
            {"Transfer", "호전환"},
            {"Keypad", "키패드"},
            {"Pause recording", "녹음 일시정지"},
            {"Resume recording", "녹음 재개"},
            {"Abuse warning", "폭언 경고"},
            {"End call (abuse)", "상담원 선종료"},
            {"Hang up", "통화 종료"},
            {"No call", "통화 없음"},
            {"Verified", "본인 확인"},
            {"Abusive history", "폭언 이력"},
            {"Recording paused", "녹음 일시정지 중"},
            {"Warnings %1/%2", "경고 %1/%2"},
            {"Waited %1", "대기시간 %1"},
            {"Talk %1", "통화 %1"},
            {"On hold · %1", "보류 중 · %1"},
            {"Ringing %1", "수신 %1"},
            {"ACW %1 left", "후처리 %1 남음"},
            {"%1 (customer)", "%1 고객님"},
            {"Missed (%n)", "부재중 (%n)"},
            {"Unknown caller", "미확인 발신자"},
            {"%n possible customers", "고객 후보 %n명"},
            {"Missed call: you were set to Not ready.", "부재중 전화: 이석 상태가 되었습니다."},
        };
        return words.value(QString::fromUtf8(source));
    }
    bool isEmpty() const override { return false; }
};

void shoot(SoftphoneBar& bar, const char* what) {
    for (const int width : {1366, 1920}) {
        bar.resize(width, bar.sizeHint().height());
        agentdesk::test::processEventsFor(std::chrono::milliseconds(50));
        const QString path = agentdesk::test::screenshotPath(QStringLiteral("softphone-%1-%2.png"))
                                 .arg(what)
                                 .arg(width);
        CHECK(bar.grab().save(path));
    }
}

}  // namespace

TEST_CASE("softphone bar fits 1366 px in Korean and English, screenshots",
          "[gui][softphone][screenshot]") {
    BarTest t;
    LocaleGuard korean(QLocale::Korean);
    KoreanWords words;
    QCoreApplication::installTranslator(&words);
    // One missed call first, so the button shows in the shots.
    t.gui.goReady();
    t.gui.ringCall(
        {{"customerId", "C00004"}, {"queue", "card"}, {"intent", "card_lost"}, {"verified", true}});
    t.gui.server().advanceSec(t.gui.session().capabilities().ringTimeoutSec + 1);
    REQUIRE(waitUntil([&] { return t.bar->missedCount() == 1; }));
    REQUIRE(waitUntil([&] { return t.gui.session().agent().state() == AgentState::NotReady; }));
    shoot(*t.bar, "idle");

    // Ready again: the missed call, back at the front of the queue, rings here again at once.
    t.gui.session().agent().goReady();
    REQUIRE(waitUntil([&] { return t.gui.session().call().phase() == CallPhase::Ringing; }));
    REQUIRE(waitUntil([&] { return t.shown("abuseBadge"); }));
    CHECK(t.text("queueName") == QStringLiteral("카드/결제"));
    CHECK(t.text("customerName") == QStringLiteral("박지훈 고객님"));
    CHECK(t.bar->minimumSizeHint().width() <= 1366);
    shoot(*t.bar, "ringing");

    t.action("answer")->trigger();
    REQUIRE(waitUntil([&] { return t.gui.session().call().phase() == CallPhase::Connected; }));
    t.action("abuseWarning")->trigger();
    t.action("recording")->trigger();
    REQUIRE(waitUntil([&] {
        const auto& c = t.gui.session().call().call();
        return c.abuseWarnings == 1 && c.recordingPaused;
    }));
    CHECK(t.bar->minimumSizeHint().width() <= 1366);
    shoot(*t.bar, "oncall");
    INFO("minimum width in Korean: " << t.bar->minimumSizeHint().width());
    CHECK(t.bar->minimumSizeHint().width() <= 1100);  // room to spare at 1366

    t.action("hangup")->trigger();
    REQUIRE(waitUntil([&] { return t.text("callTimer").contains(QStringLiteral("남음")); }));
    shoot(*t.bar, "acw");

    QCoreApplication::removeTranslator(&words);
    CHECK(t.bar->minimumSizeHint().width() <= 1366);
    shoot(*t.bar, "acw-en");
}

TEST_CASE("softphone bar shows that a team lead is listening, coaching or on the call",
          "[gui][softphone]") {
    BarTest t;
    const QString callId = t.ringAndAnswer(kCall);
    auto* badge = t.bar->findChild<QLabel*>(QStringLiteral("supervisionBadge"));
    REQUIRE(badge);
    CHECK_FALSE(badge->isVisibleTo(t.bar.get()));
    const auto lead = t.gui.server().loggedIn("lead1");
    const std::string path = "/api/v1/calls/" + callId.toStdString() + "/supervise";
    REQUIRE(lead.post(path, {{"mode", "listen"}}).status == 202);
    REQUIRE(waitUntil([&] { return badge->isVisibleTo(t.bar.get()); }));
    CHECK(badge->text().contains(QStringLiteral("최현우")));
    CHECK(badge->text().contains(QStringLiteral("listening")));
    REQUIRE(lead.post(path, {{"mode", "whisper"}}).status == 202);
    REQUIRE(waitUntil([&] { return badge->text().contains(QStringLiteral("coaching")); }));
    REQUIRE(lead.post(path, {{"mode", "barge"}}).status == 202);
    REQUIRE(waitUntil([&] { return badge->text().contains(QStringLiteral("joined")); }));
    REQUIRE(lead.post(path + "/stop").status == 202);
    REQUIRE(waitUntil([&] { return !badge->isVisibleTo(t.bar.get()); }));
}

TEST_CASE("softphone bar shows the SIP phone's registration and keeps Ready off without it",
          "[gui][softphone]") {
    BarTest t;
    // Simulated telephony has no phones: nothing is shown.
    CHECK_FALSE(t.shown("phoneLine"));
    CHECK(t.action("ready")->isEnabled());

    // With real telephony the server's agent.state carries the phone (docs/api.md 11).
    auto& agent = t.gui.session().agent();
    auto phoneEvent = [&](bool registered) {
        agentdesk::crm::StreamEvent e;
        e.type = QStringLiteral("agent.state");
        e.data = QJsonObject{{QStringLiteral("agentId"), agent.agent().id},
                             {QStringLiteral("state"), QStringLiteral("not_ready")},
                             {QStringLiteral("reason"), QStringLiteral("login")},
                             {QStringLiteral("since"), agent.since().toString(Qt::ISODateWithMs)},
                             {QStringLiteral("phone"),
                              QJsonObject{{QStringLiteral("registered"), registered},
                                          {QStringLiteral("extension"), QStringLiteral("2001")}}}};
        agent.applyEvent(e);
    };
    phoneEvent(false);
    REQUIRE(t.shown("phoneLine"));
    CHECK(t.text("phoneLine") == QStringLiteral("Phone not connected · ext. 2001"));
    CHECK_FALSE(t.action("ready")->isEnabled());
    phoneEvent(true);
    CHECK(t.text("phoneLine") == QStringLiteral("Phone connected · ext. 2001"));
    CHECK(t.action("ready")->isEnabled());
}

TEST_CASE("transfer dialog: talk first, then complete the transfer", "[gui][softphone]") {
    BarTest t;
    t.ringAndAnswer(kCall);
    auto colleague = t.gui.server().loggedIn("counselor3");
    REQUIRE(colleague.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);

    t.action("transfer")->trigger();
    auto* dialog = t.bar->findChild<TransferDialog*>(QStringLiteral("transferDialog"));
    REQUIRE(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("transferAgent")),
                     QStringLiteral("A1003"));
    QTest::mouseClick(dialog->findChild<QRadioButton*>(QStringLiteral("transferAttended")),
                      Qt::LeftButton);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("transferSend")),
                      Qt::LeftButton);
    REQUIRE(waitUntil([&] { return t.gui.session().call().call().consultInProgress; }));
    auto* complete = dialog->findChild<QPushButton*>(QStringLiteral("transferComplete"));
    REQUIRE(complete);
    // Ringing at the colleague: the transfer cannot be completed yet.
    REQUIRE(waitUntil([&] { return complete->isVisible(); }));
    CHECK_FALSE(complete->isEnabled());
    const std::string callId = t.gui.session().call().call().id.toStdString();
    REQUIRE(colleague.post("/api/v1/calls/" + callId + "/answer").status == 202);
    REQUIRE(waitUntil([&] { return complete->isEnabled(); }));
    CHECK(t.gui.session().call().phase() == CallPhase::Held);
    CHECK(dialog->findChild<QLabel*>(QStringLiteral("transferStatus"))
              ->text()
              .contains(QStringLiteral("talking to the target")));
    QTest::mouseClick(complete, Qt::LeftButton);
    REQUIRE(waitUntil([&] { return t.gui.session().call().phase() == CallPhase::AfterCallWork; }));
    CHECK(colleague.get("/api/v1/calls/current").json()["agentId"] == "A1003");
    CHECK(colleague.get("/api/v1/calls/current").json()["state"] == "connected");
}
