// GUI tests of the team lead's alerts panel and the trainer's demo console (issue 6) against
// the test server: an abuse warning raised by a counselor appears in the lead's panel and is
// acknowledged and opened; a missed call alert; scenarios start and stop; an injected call
// reaches the server; the arrival rate, the reset (asked first) and presentation mode.
// Screenshots go to /tmp/alerts-*.png and /tmp/demo-*.png.
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>
#include <catch2/catch.hpp>

#include "crm/session/alerts_model.h"
#include "tests/gui/gui_fixture.h"
#include "tests/support/alert_samples.h"
#include "widgets/alerts/alert_table_model.h"
#include "widgets/alerts/alert_texts.h"
#include "widgets/alerts/alerts_panel.h"
#include "widgets/trainer/demo_console_view.h"
#include "widgets/trainer/generator_controls.h"
#include "widgets/trainer/inject_call_form.h"
#include "widgets/trainer/scenario_list.h"
#include "widgets/trainer/transcript_lines.h"

using agentdesk::crm::Alert;
using agentdesk::crm::AlertsModel;
using agentdesk::crm::DemoController;
using agentdesk::test::GuiSession;
using agentdesk::test::HttpClient;
using agentdesk::test::processEventsFor;
using agentdesk::test::waitUntil;
using agentdesk::widgets::AlertsPanel;
using agentdesk::widgets::AlertTableModel;
using agentdesk::widgets::DemoConsoleView;

using agentdesk::test::LocaleGuard;

namespace {

// Korean for the texts the screenshots show most (the real translations come from lupdate).
class KoreanWords : public QTranslator {
public:
    QString translate(const char*, const char* source, const char*, int n) const override {
        static const QHash<QString, QString> words{
            {"Alerts", "알림"},
            {"%n new", "미확인 %n건"},
            {"No new alerts", "미확인 알림 없음"},
            {"&Show:", "보기:"},
            {"All alerts", "전체 알림"},
            {"New only", "미확인만"},
            {"Warnings and critical", "경고 이상"},
            {"Acknowledge &all", "모두 확인"},
            {"Time", "시각"},
            {"Alert", "알림"},
            {"Count", "건수"},
            {"%n calls", "통화 %n건"},
            {"%n alerts since %1.", "%1부터 %n건."},
            {"A&lerts in this row:", "이 줄의 알림:"},
            {"Counselor", "상담사"},
            {"Queue", "대기열"},
            {"Call", "통화"},
            {"Details", "내용"},
            {"Status", "상태"},
            {"New", "미확인"},
            {"Acknowledged", "확인함"},
            {"Abuse warning", "폭언 경고"},
            {"Call ended for abuse", "폭언으로 통화 종료"},
            {"Missed call", "미응답"},
            {"Long wait", "장기 대기"},
            {"Service level below target", "서비스 레벨 미달"},
            {"Warning", "경고"},
            {"Critical", "긴급"},
            {"Information", "정보"},
            {"%1 played the abuse warning to the caller.", "%1 상담사가 폭언 경고를 송출했습니다."},
            {"%1 did not answer in time and was set to Not ready; the call went back to the "
             "queue.",
             "%1 상담사가 제때 응답하지 않아 이석 상태가 되었고, 통화는 대기열로 돌아갔습니다."},
            {"A caller has been waiting too long in %1.",
             "%1 대기열에 오래 기다린 고객이 있습니다."},
            {"Counselor:", "상담사:"},
            {"Queue:", "대기열:"},
            {"Call:", "통화:"},
            {"Server:", "서버 메시지:"},
            {"&Open counselor and call", "상담사·통화 열기"},
            {"A&cknowledge", "확인"},
            {"Demo console", "데모 콘솔"},
            {"&Presentation mode", "발표 모드"},
            {"Scenarios", "시나리오"},
            {"Scenario", "시나리오"},
            {"Calls", "통화 수"},
            {"Length", "길이"},
            {"State", "상태"},
            {"Running", "진행 중"},
            {"Running: %1", "진행 중: %1"},
            {"No scenario is running.", "진행 중인 시나리오가 없습니다."},
            {"&Start scenario", "시나리오 시작"},
            {"S&top demo", "데모 중지"},
            {"Refresh", "새로 고침"},
            {"Inject a call", "통화 넣기"},
            {"Caller:", "발신자:"},
            {"&Customer", "고객"},
            {"Phone &number", "전화번호"},
            {"Customer:", "고객:"},
            {"Search by name, customer number or phone", "이름, 고객 번호 또는 전화번호로 검색"},
            {"&Queue:", "대기열:"},
            {"&Intent:", "문의 유형:"},
            {"&Transcript:", "대화 내용:"},
            {"In&ject call", "통화 넣기"},
            {"Call generator and demo data", "통화 생성기와 데모 데이터"},
            {"&Arrival rate:", "유입량:"},
            {" calls/min", " 통/분"},
            {"A&pply rate", "적용"},
            {"&Reset demo data…", "데모 데이터 초기화…"},
            {"(no intent)", "(유형 없음)"},
        };
        QString t = words.value(QString::fromUtf8(source));
        if (n >= 0)
            t.replace(QStringLiteral("%n"), QString::number(n));
        return t;
    }
    bool isEmpty() const override { return false; }
};

using agentdesk::test::child;

// What the alerts table shows in a row and column.
QString cell(QTableView* view, int row, int column) {
    return view->model()->index(row, column).data().toString();
}

// counselor1 on a connected call from C00001: ready, the call rings there, answered.
std::string connectCounselorCall(GuiSession& gui, HttpClient& counselor) {
    REQUIRE(counselor.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    const std::string callId = gui.server().injectCall(
        {{"customerId", "C00001"}, {"queue", "general"}, {"intent", "billing_inquiry"}});
    REQUIRE(counselor.post("/api/v1/calls/" + callId + "/answer").status == 202);
    return callId;
}

void shoot(QWidget& w, const QString& name, QSize size) {
    w.resize(size);
    processEventsFor(std::chrono::milliseconds(80));
    CHECK(w.grab().save(agentdesk::test::screenshotPath(QStringLiteral("%1-%2x%3.png"))
                            .arg(name)
                            .arg(size.width())
                            .arg(size.height())));
}

int waitingIn(const HttpClient& client, const std::string& queue) {
    const auto queues = client.get("/api/v1/queues").json();
    for (const auto& q : queues) {
        if (q.value("id", "") == queue)
            return q.value("waiting", -1);
    }
    return -1;
}

// Synthetic alerts for the panel (an hour ago, one a second).
const QDateTime kAlertsStart = QDateTime::currentDateTime().addSecs(-3600);

Alert longWait(int i, const QString& queue = QStringLiteral("general")) {
    return agentdesk::test::longWaitAlert(kAlertsStart, i, queue);
}

Alert agentAlert(const char* kind, const char* severity, const QString& agentId,
                 const QString& callId, int at) {
    return agentdesk::test::agentAlert(kAlertsStart, kind, severity, agentId, callId, at);
}

}  // namespace

TEST_CASE(
    "the alerts panel shows 121 long waits as one row with count and latest time, lists them, "
    "and keeps an abuse warning in sight after 500 more",
    "[gui][alerts]") {
    LocaleGuard english(QLocale::English);
    GuiSession gui;
    gui.login(QStringLiteral("lead1"));
    AlertsPanel panel(gui.session());
    panel.resize(1366, 700);
    panel.show();
    QSignalSpy opened(&panel, &AlertsPanel::openAgentRequested);
    QSignalSpy notified(&panel, &AlertsPanel::notifyRequested);
    auto* view = child<QTableView>(panel, "alertTable");
    for (int i = 0; i < 121; ++i)
        panel.model().add(longWait(i));
    REQUIRE(view->model()->rowCount() == 1);
    CHECK(notified.size() == 1);  // one desktop notification for the row, not 121
    CHECK(cell(view, 0, AlertTableModel::AlertColumn) == QStringLiteral("Long wait"));
    CHECK(cell(view, 0, AlertTableModel::CountColumn) == QStringLiteral("121"));
    CHECK(cell(view, 0, AlertTableModel::TimeColumn) ==
          agentdesk::widgets::alertTime(kAlertsStart.addSecs(120)));
    CHECK(cell(view, 0, AlertTableModel::CallColumn) == QStringLiteral("121 calls"));
    CHECK(cell(view, 0, AlertTableModel::DetailsColumn)
              .endsWith(QStringLiteral("121 alerts since %1.")
                            .arg(agentdesk::widgets::alertTime(kAlertsStart))));
    CHECK(panel.unacknowledgedCount() == 1);
    // The tooltip names the latest ones.
    const QString tip =
        view->model()->index(0, AlertTableModel::AlertColumn).data(Qt::ToolTipRole).toString();
    CHECK(tip.contains(QStringLiteral("call-general-120")));
    CHECK(tip.contains(QStringLiteral("call-general-111")));
    CHECK_FALSE(tip.contains(QStringLiteral("call-general-110")));
    CHECK(tip.contains(QStringLiteral("… and 111 more")));

    // Selected: the detail lists every one of them, newest first, and each opens its call.
    auto* members = child<QListWidget>(panel, "alertMembers");
    CHECK_FALSE(members->isVisible());
    panel.selectRow(0);
    REQUIRE(members->isVisible());
    REQUIRE(members->count() == 121);
    CHECK(members->item(0)->text().contains(QStringLiteral("call-general-120")));
    CHECK(members->item(120)->text().contains(QStringLiteral("call-general-0")));
    CHECK(child<QLabel>(panel, "detailCount")->isVisible());
    members->setFocus();
    members->setCurrentRow(5);
    QTest::keyClick(members, Qt::Key_Return);
    REQUIRE(opened.size() == 1);
    CHECK(opened[0][1].toString() == QStringLiteral("call-general-115"));
    CHECK(panel.unacknowledgedCount() == 0);  // opened: seen
    CHECK(cell(view, 0, AlertTableModel::StatusColumn) == QStringLiteral("Acknowledged"));

    // A repeat raises the row again.
    panel.model().add(longWait(121));
    CHECK(cell(view, 0, AlertTableModel::StatusColumn) == QStringLiteral("New"));
    CHECK(cell(view, 0, AlertTableModel::CountColumn) == QStringLiteral("122"));
    CHECK(panel.unacknowledgedCount() == 1);
    CHECK(notified.size() == 2);  // raised again: notified again
    CHECK(members->count() == 122);
    CHECK(members->item(0)->font().bold());  // new since the acknowledgement
    CHECK_FALSE(members->item(1)->font().bold());

    // An abuse warning, then 500 long waits more: the warning stays first and on screen.
    panel.model().add(
        agentAlert("abuse_warning", "warning", QStringLiteral("A1001"), QStringLiteral("c1"), 200));
    for (int i = 0; i < 500; ++i)
        panel.model().add(longWait(300 + i));
    processEventsFor(std::chrono::milliseconds(50));
    REQUIRE(view->model()->rowCount() == 2);
    CHECK(cell(view, 0, AlertTableModel::AlertColumn) == QStringLiteral("Abuse warning"));
    CHECK(cell(view, 0, AlertTableModel::CallColumn) == QStringLiteral("c1"));
    const QRect abuseRect = view->visualRect(view->model()->index(0, 0));
    CHECK(view->viewport()->rect().contains(abuseRect));
    CHECK(cell(view, 1, AlertTableModel::CountColumn) == QStringLiteral("622"));
    CHECK(panel.unacknowledgedCount() == 2);
    // The long-wait row (still selected) says what was let go to make room.
    REQUIRE(panel.currentRow() == 1);
    REQUIRE(members->count() == 499 + 1);
    CHECK(members->item(499)->text() ==
          QStringLiteral("123 older alerts of this row are no longer kept."));
    // "New only" and "Warnings and critical" keep both.
    auto* filter = child<QComboBox>(panel, "alertFilter");
    filter->setCurrentIndex(2);
    CHECK(view->model()->rowCount() == 2);
    filter->setCurrentIndex(0);
    shoot(panel, QStringLiteral("alerts-grouped"), {1366, 700});
}

TEST_CASE(
    "a counselor's abuse warning appears in the lead's alerts, is acknowledged and opens "
    "the counselor",
    "[gui][alerts]") {
    LocaleGuard english(QLocale::English);
    GuiSession gui;
    gui.login(QStringLiteral("lead1"));
    AlertsPanel panel(gui.session());
    panel.resize(1366, 700);
    panel.show();
    QList<Alert> notified;
    QObject::connect(&panel, &AlertsPanel::notifyRequested, [&](const Alert& a) { notified << a; });
    QSignalSpy opened(&panel, &AlertsPanel::openAgentRequested);
    auto* view = child<QTableView>(panel, "alertTable");
    auto* count = child<QLabel>(panel, "unacknowledgedCount");
    CHECK(count->text() == QStringLiteral("No new alerts"));
    // Agents' names arrive with GET /agents.
    REQUIRE(waitUntil([&] { return panel.model().agentName(QStringLiteral("A1001")) != "A1001"; }));

    HttpClient counselor = gui.server().loggedIn("counselor1");
    const std::string callId = connectCounselorCall(gui, counselor);
    REQUIRE(counselor.post("/api/v1/calls/" + callId + "/abuse-warning").status == 202);

    REQUIRE(waitUntil([&] { return view->model()->rowCount() == 1; }));
    CHECK(cell(view, 0, AlertTableModel::AlertColumn) == QStringLiteral("Abuse warning"));
    CHECK(cell(view, 0, AlertTableModel::AgentColumn) == QStringLiteral("Kim Haneul"));
    CHECK(cell(view, 0, AlertTableModel::CallColumn) == QString::fromStdString(callId));
    CHECK(cell(view, 0, AlertTableModel::StatusColumn) == QStringLiteral("New"));
    CHECK(cell(view, 0, AlertTableModel::DetailsColumn).contains(QStringLiteral("Kim Haneul")));
    CHECK(panel.unacknowledgedCount() == 1);
    CHECK(count->text() == QStringLiteral("1 new"));
    REQUIRE(notified.size() == 1);
    CHECK(notified[0].kind == QStringLiteral("abuse_warning"));
    CHECK(notified[0].agentId == QStringLiteral("A1001"));

    // Select it: the detail pane says who and what; Acknowledge.
    panel.selectRow(0);
    CHECK(child<QLabel>(panel, "detailAgent")->text() == QStringLiteral("Kim Haneul (A1001)"));
    CHECK(child<QLabel>(panel, "detailTitle")->text() == QStringLiteral("Abuse warning"));
    auto* acknowledge = child<QPushButton>(panel, "acknowledge");
    REQUIRE(acknowledge->isEnabled());
    QTest::mouseClick(acknowledge, Qt::LeftButton);
    CHECK(panel.unacknowledgedCount() == 0);
    CHECK(count->text() == QStringLiteral("No new alerts"));
    CHECK(cell(view, 0, AlertTableModel::StatusColumn) == QStringLiteral("Acknowledged"));
    CHECK_FALSE(acknowledge->isEnabled());

    // Double-click opens the counselor and the call; so do Enter and the button.
    const QRect rect = view->visualRect(view->model()->index(0, AlertTableModel::AgentColumn));
    // As a mouse does it: the first click, then the second one arrives as a double-click.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    REQUIRE(opened.size() == 1);
    CHECK(opened[0][0].toString() == QStringLiteral("A1001"));
    CHECK(opened[0][1].toString() == QString::fromStdString(callId));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return);
    CHECK(opened.size() == 2);
    QTest::mouseClick(child<QPushButton>(panel, "openAlert"), Qt::LeftButton);
    CHECK(opened.size() == 3);

    SECTION("a missed call is an alert too, newest first, without a sound") {
        HttpClient counselor2 = gui.server().loggedIn("counselor2");
        REQUIRE(counselor2.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
        const std::string missed = gui.server().injectCall(
            {{"customerId", "C00002"}, {"queue", "general"}, {"intent", "billing_inquiry"}});
        gui.server().advanceSec(gui.session().capabilities().ringTimeoutSec + 1);
        REQUIRE(waitUntil([&] { return view->model()->rowCount() == 2; }));
        CHECK(cell(view, 0, AlertTableModel::AlertColumn) == QStringLiteral("Missed call"));
        CHECK(cell(view, 0, AlertTableModel::AgentColumn) == QStringLiteral("Lee Doyun"));
        CHECK(cell(view, 0, AlertTableModel::CallColumn) == QString::fromStdString(missed));
        CHECK(cell(view, 1, AlertTableModel::AlertColumn) == QStringLiteral("Abuse warning"));
        CHECK(panel.unacknowledgedCount() == 1);
        CHECK(notified.size() == 1);  // information only: no sound

        // "New only" hides the acknowledged abuse warning; Acknowledge all empties it.
        auto* filter = child<QComboBox>(panel, "alertFilter");
        filter->setCurrentIndex(1);
        CHECK(view->model()->rowCount() == 1);
        QTest::mouseClick(child<QPushButton>(panel, "acknowledgeAll"), Qt::LeftButton);
        CHECK(panel.unacknowledgedCount() == 0);
        CHECK(view->model()->rowCount() == 0);
        CHECK(child<QLabel>(panel, "alertsEmpty")->isVisible());
    }
}

TEST_CASE("alerts panel screenshot with Korean data", "[gui][alerts][screenshot]") {
    LocaleGuard korean(QLocale::Korean);
    KoreanWords words;
    QCoreApplication::installTranslator(&words);
    GuiSession gui;
    gui.login(QStringLiteral("lead1"));
    AlertsPanel panel(gui.session());
    panel.show();
    REQUIRE(waitUntil([&] { return panel.model().agentName(QStringLiteral("A1001")) != "A1001"; }));
    HttpClient counselor = gui.server().loggedIn("counselor1");
    const std::string callId = connectCounselorCall(gui, counselor);
    REQUIRE(counselor.post("/api/v1/calls/" + callId + "/abuse-warning").status == 202);
    HttpClient counselor2 = gui.server().loggedIn("counselor2");
    REQUIRE(counselor2.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    gui.server().injectCall({{"customerId", "C00002"}, {"queue", "general"}});
    gui.server().advanceSec(gui.session().capabilities().ringTimeoutSec + 1);
    auto* view = child<QTableView>(panel, "alertTable");
    REQUIRE(waitUntil([&] { return view->model()->rowCount() == 2; }));
    // A long wait: nobody is ready for the missed call, which waits again.
    gui.server().advanceSec(120);
    waitUntil([&] { return view->model()->rowCount() >= 3; });
    // The oldest, yet first: an abuse warning nobody has acknowledged.
    CHECK(cell(view, 0, AlertTableModel::AgentColumn) == QStringLiteral("김하늘"));
    // A busy queue's long waits share the real one's row.
    const int waits = panel.model().rowOf(longWait(0));
    const QDateTime since =
        waits >= 0 ? panel.model().entry(waits).alert.at : QDateTime::currentDateTime();
    for (int i = 0; i < 40; ++i) {
        Alert a = longWait(i);
        a.at = since.addSecs(7 * (i + 1));
        panel.model().add(a);
    }
    panel.selectRow(panel.model().rowOf(longWait(0)));
    panel.model().acknowledge(panel.model().rowCount() - 1);
    shoot(panel, QStringLiteral("alerts"), {1900, 950});
    shoot(panel, QStringLiteral("alerts"), {1366, 700});
    QCoreApplication::removeTranslator(&words);
}

TEST_CASE("transcript lines name their speaker by prefix", "[gui][demo]") {
    const QList<agentdesk::crm::DemoTranscriptLine> lines = agentdesk::widgets::parseTranscript(
        QStringLiteral("고객: 카드를 잃어버렸어요\n\n  agent: I will block it.\n상담사：네, "
                       "정지했습니다\nCustomer:Thanks\nno prefix here\n고객:   \n"));
    REQUIRE(lines.size() == 5);
    auto speaker = [&](int i) { return lines[i].speaker; };
    auto text = [&](int i) { return lines[i].text; };
    CHECK(speaker(0) == QStringLiteral("customer"));
    CHECK(text(0) == QStringLiteral("카드를 잃어버렸어요"));
    CHECK(speaker(1) == QStringLiteral("agent"));
    CHECK(text(1) == QStringLiteral("I will block it."));
    CHECK(speaker(2) == QStringLiteral("agent"));
    CHECK(text(2) == QStringLiteral("네, 정지했습니다"));
    CHECK(speaker(3) == QStringLiteral("customer"));
    CHECK(speaker(4) == QStringLiteral("customer"));
    CHECK(text(4) == QStringLiteral("no prefix here"));
}

TEST_CASE("the demo console starts and stops a scenario whose call reaches a counselor",
          "[gui][demo]") {
    LocaleGuard english(QLocale::English);
    GuiSession gui;
    gui.login(QStringLiteral("trainer1"));
    DemoConsoleView view(gui.session());
    view.resize(1366, 700);
    view.show();
    DemoController& demo = view.controller();
    auto* list = child<QTreeWidget>(view, "scenarioList");
    REQUIRE(waitUntil([&] { return demo.scenariosAvailable() || !view.errorMessage().isEmpty(); }));
    if (!demo.scenariosAvailable() || demo.scenarios().isEmpty()) {
        WARN("the server offers no demo scenarios yet: " << view.errorMessage().toStdString());
        return;
    }
    REQUIRE(list->topLevelItemCount() == demo.scenarios().size());
    // Titles and descriptions in the UI language.
    const agentdesk::crm::DemoScenario* refund = demo.scenario(QStringLiteral("simple_refund"));
    REQUIRE(refund);
    view.scenarios().selectScenario(refund->id);
    CHECK(list->currentItem()->text(0) == refund->titleEn);
    CHECK(child<QLabel>(view, "scenarioDescription")->text() == refund->descriptionEn);
    CHECK(child<QLabel>(view, "scenarioRunning")->text() ==
          QStringLiteral("No scenario is running."));

    HttpClient counselor = gui.server().loggedIn("counselor1");
    REQUIRE(counselor.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
    // As a trainer would: once the button is enabled (not while the list reloads).
    auto* start = child<QPushButton>(view, "startScenario");
    REQUIRE(waitUntil([&] { return start->isEnabled(); }));
    QTest::mouseClick(start, Qt::LeftButton);
    REQUIRE(waitUntil([&] { return demo.runningScenario() == refund->id; }));
    CHECK(view.errorMessage().isEmpty());
    REQUIRE(waitUntil([&] { return list->currentItem()->text(3) == QStringLiteral("Running"); }));
    auto* runningLabel = child<QLabel>(view, "scenarioRunning");
    INFO("running label: " << runningLabel->text().toStdString()
                           << ", running: " << demo.runningScenario().toStdString());
    CHECK(waitUntil([&] {
        return runningLabel->text() == QStringLiteral("Running: %1").arg(refund->titleEn);
    }));

    // Its first call arrives on the server's clock and rings at the ready counselor.
    gui.server().advanceSec(1);
    const auto current = counselor.get("/api/v1/calls/current");
    REQUIRE(current.status == 200);
    CHECK(current.json().value("queue", "") == "card");

    auto* stop = child<QPushButton>(view, "stopDemo");
    REQUIRE(waitUntil([&] { return stop->isEnabled(); }));
    QTest::mouseClick(stop, Qt::LeftButton);
    REQUIRE(waitUntil([&] { return demo.runningScenario().isEmpty() && demo.statusKnown(); }));
    REQUIRE(waitUntil([&] { return list->currentItem()->text(3).isEmpty(); }));
    CHECK(child<QLabel>(view, "scenarioRunning")->text() ==
          QStringLiteral("No scenario is running."));

    // An unknown scenario: the failure shows at the top of the view.
    demo.startScenario(QStringLiteral("no_such_scenario"));
    REQUIRE(waitUntil([&] { return !view.errorMessage().isEmpty(); }));
    CHECK(view.errorMessage().startsWith(QStringLiteral("Starting the scenario failed")));
    CHECK(child<QLabel>(view, "demoError")->isVisible());
}

TEST_CASE(
    "the demo console injects a call with a transcript, sets the rate, resets after "
    "asking and toggles presentation mode",
    "[gui][demo]") {
    LocaleGuard english(QLocale::English);
    GuiSession gui;
    gui.login(QStringLiteral("trainer1"));
    DemoConsoleView view(gui.session());
    view.resize(1366, 700);
    view.show();
    const HttpClient trainer = gui.server().loggedIn("trainer1");

    // Inject: search the customer, pick the queue and an intent, two transcript lines.
    auto* inject = child<QPushButton>(view, "injectCall");
    CHECK_FALSE(inject->isEnabled());
    auto* search = child<QLineEdit>(view, "customerSearch");
    auto* results = child<QListWidget>(view, "customerResults");
    QTest::keyClicks(search, QStringLiteral("C00001"));
    REQUIRE(waitUntil([&] { return results->currentItem() != nullptr; }));
    CHECK(results->currentItem()->data(Qt::UserRole + 1).toString() == QStringLiteral("C00001"));
    CHECK(results->currentItem()->text().startsWith(QStringLiteral("Kim Minjun")));
    auto* queue = child<QComboBox>(view, "queueCombo");
    queue->setCurrentIndex(queue->findData(QStringLiteral("general")));
    auto* intent = child<QComboBox>(view, "intentCombo");
    REQUIRE(intent->findData(QStringLiteral("billing_inquiry")) > 0);
    intent->setCurrentIndex(intent->findData(QStringLiteral("billing_inquiry")));
    child<QPlainTextEdit>(view, "transcriptInput")
        ->setPlainText(QStringLiteral("고객: 요금이 두 번 나왔어요\n상담사: 확인해 드리겠습니다"));
    const auto request = view.injectForm().request();
    REQUIRE(request);
    CHECK(request->customerId == QStringLiteral("C00001"));
    CHECK(request->queue == QStringLiteral("general"));
    CHECK(request->intent == QStringLiteral("billing_inquiry"));
    REQUIRE(request->transcript.size() == 2);
    CHECK(request->transcript[1].speaker == QStringLiteral("agent"));
    REQUIRE(inject->isEnabled());
    CHECK(waitingIn(trainer, "general") == 0);
    QTest::mouseClick(inject, Qt::LeftButton);
    auto* result = child<QLabel>(view, "injectResult");
    REQUIRE(waitUntil([&] { return !result->text().isEmpty(); }));
    CHECK(result->text() == QStringLiteral("Call injected into %1.").arg(queue->currentText()));
    CHECK(view.errorMessage().isEmpty());
    // Nobody is ready: the call waits in its queue on the server.
    CHECK(waitingIn(trainer, "general") == 1);

    // A phone number instead: validated before anything is sent.
    QTest::mouseClick(child<QRadioButton>(view, "callerIsNumber"), Qt::LeftButton);
    auto* phone = child<QLineEdit>(view, "phoneInput");
    QTest::keyClicks(phone, QStringLiteral("12345"));
    CHECK(child<QLabel>(view, "phoneHint")->text() == QStringLiteral("Not a Korean phone number."));
    CHECK_FALSE(inject->isEnabled());
    phone->setText(QStringLiteral("01098765432"));
    CHECK(child<QLabel>(view, "phoneHint")->text() == QStringLiteral("Calls as 010-9876-5432"));
    REQUIRE(view.injectForm().request());
    CHECK(view.injectForm().request()->phone == QStringLiteral("+821098765432"));

    // Arrival rate.
    auto* rate = child<QSpinBox>(view, "rateSpin");
    CHECK(rate->maximum() == 600);
    rate->setValue(5);
    QTest::mouseClick(child<QPushButton>(view, "applyRate"), Qt::LeftButton);
    REQUIRE(waitUntil([&] { return view.controller().status().callsPerMin == 5; }));
    CHECK(child<QLabel>(view, "currentRate")->text() ==
          QStringLiteral("Now: 5 calls a minute (generator running)"));
    CHECK(trainer.get("/api/v1/demo/status").json().value("callsPerMin", -1.0) == 5.0);
    rate->setValue(0);
    QTest::mouseClick(child<QPushButton>(view, "applyRate"), Qt::LeftButton);
    REQUIRE(waitUntil([&] { return view.controller().status().callsPerMin == 0; }));

    // Reset asks first: Cancel keeps the waiting call, Reset removes it.
    auto answerConfirmation = [](QMessageBox::StandardButton button) {
        QTimer::singleShot(50, [button] {
            for (QWidget* w : QApplication::topLevelWidgets()) {
                auto* box = qobject_cast<QMessageBox*>(w);
                if (box && box->objectName() == QLatin1String("resetConfirmation") &&
                    box->isVisible())
                    box->button(button)->click();
            }
        });
    };
    auto* reset = child<QPushButton>(view, "resetDemo");
    answerConfirmation(QMessageBox::Cancel);
    QTest::mouseClick(reset, Qt::LeftButton);
    processEventsFor(std::chrono::milliseconds(200));
    CHECK(waitingIn(trainer, "general") == 1);
    CHECK(child<QLabel>(view, "resetResult")->text().isEmpty());
    answerConfirmation(QMessageBox::Yes);
    QTest::mouseClick(reset, Qt::LeftButton);
    REQUIRE(waitUntil([&] { return !child<QLabel>(view, "resetResult")->text().isEmpty(); }));
    CHECK(child<QLabel>(view, "resetResult")->text() == QStringLiteral("The demo data was reset."));
    CHECK(waitingIn(trainer, "general") == 0);

    // Presentation mode.
    QSignalSpy presentation(&view, &DemoConsoleView::presentationModeChanged);
    QTest::mouseClick(child<QPushButton>(view, "presentationMode"), Qt::LeftButton);
    REQUIRE(presentation.size() == 1);
    CHECK(presentation[0][0].toBool());
    CHECK(view.presentationMode());
    CHECK(view.presentationScale() > 1.2);
    view.setPresentationMode(false);
    REQUIRE(presentation.size() == 2);
    CHECK_FALSE(presentation[1][0].toBool());
}

TEST_CASE("demo console screenshot with Korean data", "[gui][demo][screenshot]") {
    LocaleGuard korean(QLocale::Korean);
    KoreanWords words;
    QCoreApplication::installTranslator(&words);
    GuiSession gui;
    gui.login(QStringLiteral("trainer1"));
    DemoConsoleView view(gui.session());
    view.show();
    waitUntil(
        [&] { return view.controller().scenariosAvailable() || !view.errorMessage().isEmpty(); });
    waitUntil([&] { return view.controller().statusKnown(); });
    if (view.controller().scenario(QStringLiteral("card_lost"))) {
        view.controller().startScenario(QStringLiteral("card_lost"));
        waitUntil([&] { return !view.controller().runningScenario().isEmpty(); });
        view.scenarios().selectScenario(QStringLiteral("card_lost"));
    }
    child<QLineEdit>(view, "customerSearch")->insert(QStringLiteral("김"));
    waitUntil([&] { return child<QListWidget>(view, "customerResults")->count() > 1; });
    child<QPlainTextEdit>(view, "transcriptInput")
        ->setPlainText(QStringLiteral("고객: 카드를 잃어버린 것 같아요\n상담사: 바로 분실 신고 "
                                      "도와드리겠습니다"));
    shoot(view, QStringLiteral("demo"), {1900, 950});
    shoot(view, QStringLiteral("demo"), {1366, 700});
    QCoreApplication::removeTranslator(&words);
}
