// GUI tests of the call evaluation view (issue 6) as trainer1 against the test server: saving
// from the form, local and server validation, history averages and trend, CSV export, and the
// server's role gate. Screenshots go to /tmp/evaluation-*.png.
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <catch2/catch.hpp>

#include "crm/session/evaluations_model.h"
#include "tests/gui/gui_fixture.h"
#include "widgets/assist/assist_panel.h"
#include "widgets/evaluation/evaluation_form.h"
#include "widgets/evaluation/evaluation_history.h"
#include "widgets/evaluation/evaluation_view.h"
#include "widgets/evaluation/score_input.h"
#include "widgets/evaluation/trend_chart.h"

using agentdesk::crm::Evaluation;
using agentdesk::test::GuiSession;
using agentdesk::test::HttpClient;
using agentdesk::test::processEventsFor;
using agentdesk::test::waitUntil;
using agentdesk::widgets::EvaluationView;
using nlohmann::json;

namespace {

struct EvalTest {
    EvalTest() {
        gui.login(QStringLiteral("trainer1"));
        view = std::make_unique<EvaluationView>(gui.session());
        view->resize(1900, 950);
        view->show();
        REQUIRE(
            waitUntil([&] { return combo("trainee")->findData(QStringLiteral("A1001")) >= 0; }));
    }
    template <typename T = QWidget>
    T* child(const char* name) const {
        auto* w = view->findChild<T*>(QString::fromLatin1(name));
        REQUIRE(w);
        return w;
    }
    QComboBox* combo(const char* name) const { return child<QComboBox>(name); }
    QString text(const char* name) const { return child<QLabel>(name)->text(); }
    bool shown(const char* name) const { return child<QWidget>(name)->isVisibleTo(view.get()); }

    // counselor1 takes a call and hangs up (now in after-call work); returns the call id.
    QString handledCall() {
        HttpClient c1 = gui.server().loggedIn("counselor1");
        REQUIRE(c1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
        const std::string callId =
            gui.server().injectCall({{"customerId", "C00001"},
                                     {"queue", "general"},
                                     {"intent", "billing_inquiry"},
                                     {"transcript",
                                      {{{"speaker", "agent"},
                                        {"text", "감사합니다 상담원입니다. 통화는 녹음됩니다"},
                                        {"atSec", 1}},
                                       {{"speaker", "customer"},
                                        {"text", "이번 달 요금이 너무 많이 나왔어요"},
                                        {"atSec", 3}}}}});
        REQUIRE(waitUntil(
            [&] { return c1.post("/api/v1/calls/" + callId + "/answer").status == 202; }));
        gui.server().advanceSec(95);
        REQUIRE(c1.post("/api/v1/calls/" + callId + "/hangup").status == 202);
        return QString::fromStdString(callId);
    }
    void setScores(std::initializer_list<int> scores) {
        int i = 0;
        for (int score : scores) {
            auto* spin = child<QSpinBox>(
                (std::string(agentdesk::crm::kEvaluationDimensions[i++]) + "Score").c_str());
            spin->selectAll();
            QTest::keyClicks(spin, QString::number(score));
            REQUIRE(spin->value() == score);
        }
    }
    void save() { QTest::mouseClick(child<QPushButton>("saveEvaluation"), Qt::LeftButton); }
    json serverEvaluations(const std::string& agentId = "A1001") {
        return gui.server()
            .loggedIn("trainer1")
            .get("/api/v1/evaluations?agentId=" + agentId)
            .json();
    }
    QTableWidget* table() const { return child<QTableWidget>("historyTable"); }
    QString cell(int row, int column) const {
        auto* item = table()->item(row, column);
        return item ? item->text() : QString();
    }
    // Fills in and saves one evaluation; waits until the history shows it.
    void saveOne(const QString& callId, std::initializer_list<int> scores, const QString& comment) {
        const int before = table()->rowCount();
        child<QLineEdit>("callId")->setText(callId);
        setScores(scores);
        child<QPlainTextEdit>("comment")->setPlainText(comment);
        save();
        REQUIRE(waitUntil([&] { return table()->rowCount() == before + 1; }));
    }

    GuiSession gui;
    std::unique_ptr<EvaluationView> view;
};

// Columns of the history table (EvaluationHistory).
constexpr int kCall = 1, kGreeting = 2, kEmpathy = 6, kAverage = 7, kGrade = 8, kEvaluator = 9,
              kComment = 10;

}  // namespace

TEST_CASE("An evaluation saved from the form is on the server and in the history",
          "[gui][evaluation]") {
    EvalTest t;
    const QString callId = t.handledCall();
    // The trainee's last call is filled in once the agent list is fresh.
    t.combo("trainee")->setCurrentIndex(t.combo("trainee")->findData(QStringLiteral("A1001")));
    QTest::mouseClick(t.child<QPushButton>("reloadEvaluations"), Qt::LeftButton);
    REQUIRE(waitUntil([&] { return t.child<QLineEdit>("callId")->text() == callId; }));

    t.view->evaluateCall(callId, QStringLiteral("A1001"));
    // The call's transcript and checklist are beside the form (GET /calls/{id}/transcript).
    auto* lines = t.view->transcript()->findChild<QListWidget*>(QStringLiteral("assistTranscript"));
    auto* checklist =
        t.view->transcript()->findChild<QListWidget*>(QStringLiteral("assistChecklist"));
    REQUIRE(lines);
    REQUIRE(checklist);
    REQUIRE(waitUntil([&] { return lines->count() == 2; }));
    CHECK(lines->item(1)->text().contains(QStringLiteral("요금")));
    CHECK(checklist->count() >= 3);
    bool recordingNotice = false;
    for (int i = 0; i < checklist->count(); ++i)
        recordingNotice |= checklist->item(i)->text().startsWith(QStringLiteral("✓"));
    CHECK(recordingNotice);
    t.setScores({95, 94, 92, 93, 85});
    CHECK(t.text("servicePreview").contains(QStringLiteral("93.5")));
    CHECK(t.shown("grade"));  // service 93.5 >= 92, empathy 85 >= 80
    t.child<QPlainTextEdit>("comment")->setPlainText(QStringLiteral("공감 표현이 좋았습니다"));
    t.save();
    REQUIRE(waitUntil([&] { return t.table()->rowCount() == 1; }));

    const json list = t.serverEvaluations();
    REQUIRE(list.size() == 1);
    CHECK(list[0]["callId"] == callId.toStdString());
    CHECK(list[0]["evaluatorId"] == "A3001");
    CHECK(list[0]["scores"]["greeting"] == 95);
    CHECK(list[0]["scores"]["empathy"] == 85);
    CHECK(list[0]["comment"] == "공감 표현이 좋았습니다");

    CHECK(t.cell(0, kCall) == callId);
    CHECK(t.cell(0, kGreeting) == QStringLiteral("95"));
    CHECK(t.cell(0, kEmpathy) == QStringLiteral("85"));
    CHECK(t.cell(0, kAverage) == QStringLiteral("91.8"));  // (95+94+92+93+85)/5
    CHECK(t.cell(0, kGrade) == QStringLiteral("Excellent"));
    CHECK_FALSE(t.cell(0, kEvaluator).isEmpty());
    CHECK(t.cell(0, kComment) == QStringLiteral("공감 표현이 좋았습니다"));
    CHECK(t.text("formStatus") == QStringLiteral("Evaluation saved."));
    // Ready for the next call: scores cleared.
    CHECK_FALSE(t.view->form()->scoreInput(QStringLiteral("greeting"))->isSet());
}

TEST_CASE("A missing or out-of-range score is shown inline and nothing is saved",
          "[gui][evaluation]") {
    EvalTest t;
    t.view->evaluateCall(QStringLiteral("call-x-1"), QStringLiteral("A1001"));

    SECTION("a missing score") {
        t.setScores({90, 90, 90});  // closing and empathy not set
        t.save();
        CHECK(t.shown("closingError"));
        CHECK(t.shown("empathyError"));
        CHECK_FALSE(t.shown("greetingError"));
        CHECK(t.text("formStatus").contains(QStringLiteral("marked")));
        processEventsFor(std::chrono::milliseconds(300));
        CHECK(t.serverEvaluations().empty());
        CHECK(t.table()->rowCount() == 0);
        // Setting the score clears its error.
        t.view->form()->setScore(QStringLiteral("closing"), 70);
        CHECK_FALSE(t.shown("closingError"));
    }
    SECTION("a score over 100 cannot be typed") {
        auto* spin = t.child<QSpinBox>("empathyScore");
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("150"));
        CHECK(spin->value() <= 100);
        CHECK(spin->value() != 150);
    }
    SECTION("the server's 422 fields are shown at their fields") {
        // A real 422 body from the server for an out-of-range score.
        const auto r = t.gui.server()
                           .loggedIn("trainer1")
                           .post("/api/v1/evaluations", {{"callId", "c"},
                                                         {"agentId", "A1001"},
                                                         {"scores",
                                                          {{"greeting", 101},
                                                           {"attitude", 90},
                                                           {"handling", 90},
                                                           {"closing", 90},
                                                           {"empathy", 90}}}});
        REQUIRE(r.status == 422);
        t.view->form()->showSaveError(
            agentdesk::crm::ApiError::http(422, QByteArray::fromStdString(r.body)));
        CHECK(t.shown("greetingError"));
        CHECK(t.text("greetingError").contains(QStringLiteral("0-100")));
        CHECK_FALSE(t.shown("attitudeError"));
    }
    SECTION("an agent the server does not know: 422 under the counselor field") {
        t.view->evaluateCall(QStringLiteral("call-x-1"), QStringLiteral("A9999"));
        t.setScores({90, 90, 90, 90, 90});
        t.save();
        REQUIRE(waitUntil([&] { return t.shown("traineeError"); }));
        CHECK(t.text("formStatus").startsWith(QStringLiteral("Not saved")));
        CHECK(t.view->form()->scoreInput(QStringLiteral("greeting"))->score() == 90);  // kept
        CHECK(t.serverEvaluations("A9999").empty());
    }
    CHECK(t.serverEvaluations().empty());
}

TEST_CASE("Three evaluations give averages, a trend with three points and a CSV export",
          "[gui][evaluation]") {
    EvalTest t;
    t.view->evaluateCall(QStringLiteral("call-a-1"), QStringLiteral("A1001"));
    t.saveOne(QStringLiteral("call-a-1"), {80, 85, 70, 90, 60}, QStringLiteral("첫 평가"));
    t.gui.server().advanceSec(3 * 3600);
    t.saveOne(QStringLiteral("call-a-2"), {90, 88, 84, 92, 75},
              QStringLiteral("친절했어요, \"고객님\" 호칭 좋음"));
    t.gui.server().advanceSec(3 * 3600);
    t.saveOne(QStringLiteral("call-a-3"), {97, 95, 90, 94, 88}, QStringLiteral("=우수 사례"));

    CHECK(t.serverEvaluations().size() == 3);
    CHECK(t.text("evaluationCount") == QStringLiteral("3 evaluation(s)"));
    CHECK(t.text("average_greeting") == QStringLiteral("89.0"));  // (80+90+97)/3
    CHECK(t.text("average_empathy") == QStringLiteral("74.3"));   // (60+75+88)/3
    CHECK(t.text("average_closing") == QStringLiteral("92.0"));
    // averages of 77.0, 85.8, 92.8
    CHECK(t.text("average_average") == QStringLiteral("85.2"));
    CHECK(t.cell(0, kCall) == QStringLiteral("call-a-3"));    // newest first
    CHECK(t.cell(0, kGrade) == QStringLiteral("Excellent"));  // service 94, empathy 88
    CHECK(t.cell(1, kGrade).isEmpty());                       // service 88.5

    auto* chart = t.view->history()->trendChart();
    REQUIRE(chart->averageSeries()->count() == 3);
    REQUIRE(chart->empathySeries()->count() == 3);
    CHECK(chart->averageSeries()->at(0).y() == Approx(77.0));  // oldest on the left
    CHECK(chart->averageSeries()->at(2).y() == Approx(92.8));
    CHECK(chart->empathySeries()->at(1).y() == Approx(75));
    CHECK(chart->averageSeries()->at(0).x() < chart->averageSeries()->at(2).x());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("evaluations.csv"));
    REQUIRE(t.view->exportCsv(path));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    REQUIRE(bytes.startsWith("\xEF\xBB\xBF"));
    const QString csv = QString::fromUtf8(bytes.mid(3));
    QStringList lines = csv.split(QStringLiteral("\r\n"));
    REQUIRE(lines.size() == 5);  // header, 3 rows, "" after the last CRLF
    CHECK(lines.last().isEmpty());
    CHECK(lines[0].startsWith(QStringLiteral("createdAt,evaluationId,callId,agentId,agentName")));
    CHECK(lines[0].endsWith(QStringLiteral(",average,service,excellent,comment")));
    CHECK(lines[1].contains(QStringLiteral(",call-a-3,A1001,김하늘,A3001,")));
    CHECK(lines[1].endsWith(QStringLiteral(",97,95,90,94,88,92.8,94.0,1,'=우수 사례")));
    CHECK(lines[2].endsWith(QStringLiteral(",0,\"친절했어요, \"\"고객님\"\" 호칭 좋음\"")));
    CHECK(lines[3].endsWith(QStringLiteral(",첫 평가")));

    t.view->resize(1900, 950);
    processEventsFor(std::chrono::milliseconds(100));
    t.view->grab().save(
        agentdesk::test::screenshotPath(QStringLiteral("evaluation-history-1900.png")));
}

TEST_CASE("The CSV writer quotes per RFC 4180 and keeps Hangul", "[gui][evaluation]") {
    Evaluation e;
    e.id = QStringLiteral("E1");
    e.callId = QStringLiteral("call-1");
    e.agentId = QStringLiteral("A1001");
    e.evaluatorId = QStringLiteral("A3001");
    e.comment = QStringLiteral("줄바꿈\n그리고 \"따옴표\", 쉼표");
    e.createdAt = QDateTime(QDate(2026, 11, 23), QTime(1, 2, 3), Qt::UTC);
    e.scores = {{QStringLiteral("greeting"), 92},
                {QStringLiteral("attitude"), 92},
                {QStringLiteral("handling"), 92},
                {QStringLiteral("closing"), 92},
                {QStringLiteral("empathy"), 80}};
    CHECK(agentdesk::crm::serviceScore(e) == Approx(92));
    CHECK(agentdesk::crm::isExcellent(e));  // both bars met exactly
    e.scores[QStringLiteral("empathy")] = 79;
    CHECK_FALSE(agentdesk::crm::isExcellent(e));

    const QString csv =
        agentdesk::crm::evaluationsCsv({e}, {{QStringLiteral("A1001"), QStringLiteral("김하늘")}});
    CHECK(csv.startsWith(QChar(0xFEFF)));
    CHECK(csv.endsWith(
        QStringLiteral(",92,92,92,92,79,89.4,92.0,0,\"줄바꿈\n그리고 \"\"따옴표\"\", 쉼표\"\r\n")));
    CHECK(csv.contains(QStringLiteral(",E1,call-1,A1001,김하늘,A3001,,")));
    CHECK(agentdesk::crm::evaluationsCsv({}).size() > 10);  // header only
}

TEST_CASE("Counselors are refused the evaluation endpoints by the server", "[gui][evaluation]") {
    agentdesk::test::TestServer server;
    HttpClient c1 = server.loggedIn("counselor1");
    CHECK(c1.get("/api/v1/evaluations").status == 403);
    CHECK(c1.get("/api/v1/evaluations?agentId=A1001").status == 403);
    CHECK(c1.post("/api/v1/evaluations", {{"callId", "c"},
                                          {"agentId", "A1001"},
                                          {"scores",
                                           {{"greeting", 90},
                                            {"attitude", 90},
                                            {"handling", 90},
                                            {"closing", 90},
                                            {"empathy", 90}}}})
              .status == 403);
    HttpClient lead = server.loggedIn("lead1");
    CHECK(lead.get("/api/v1/evaluations").status == 200);
}

TEST_CASE("Shown to a counselor by mistake, the view says why and cannot save",
          "[gui][evaluation]") {
    GuiSession gui;
    gui.login(QStringLiteral("counselor1"));
    EvaluationView view(gui.session());
    auto* save = view.findChild<QPushButton*>(QStringLiteral("saveEvaluation"));
    REQUIRE(save);
    CHECK_FALSE(save->isEnabled());
    auto* status = view.findChild<QLabel*>(QStringLiteral("formStatus"));
    REQUIRE(status);
    CHECK(status->text().contains(QStringLiteral("trainers and team leads")));
}

TEST_CASE("Screenshots of the evaluation view with Korean data", "[gui][evaluation]") {
    EvalTest t;
    const QString callId = t.handledCall();
    const struct {
        const char* call;
        std::initializer_list<int> scores;
        const char* comment;
    } rows[] = {
        {"call-demo-101", {78, 82, 70, 85, 62}, "인사 멘트가 짧았음. 본인 확인 절차 누락"},
        {"call-demo-114", {85, 84, 80, 88, 70}, "요금 문의 응대 정확, 공감 표현 보완 필요"},
        {"call-demo-130", {90, 88, 86, 90, 76}, "카드 분실 건 신속 처리"},
        {"call-demo-152", {93, 91, 90, 94, 81}, "폭언 고객 경고 절차를 침착하게 진행"},
        {"call-demo-175",
         {96, 94, 92, 95, 88},
         "VIP 불만 응대 우수, \"다시 확인해 드리겠습니다\" 좋음"},
    };
    for (const auto& row : rows) {
        t.view->evaluateCall(QString::fromUtf8(row.call), QStringLiteral("A1001"));
        t.saveOne(QString::fromUtf8(row.call), row.scores, QString::fromUtf8(row.comment));
        t.gui.server().advanceSec(2 * 3600);
    }
    // A form being filled in for the call just handled.
    t.view->evaluateCall(callId, QStringLiteral("A1001"));
    t.setScores({95, 93, 92, 94, 86});
    t.child<QPlainTextEdit>("comment")->setPlainText(QStringLiteral("환불 안내가 명확했습니다."));

    for (const QSize size : {QSize(1900, 950), QSize(1366, 700)}) {
        t.view->resize(size);
        processEventsFor(std::chrono::milliseconds(150));
        const QString path =
            agentdesk::test::screenshotPath(QStringLiteral("evaluation-%1.png")).arg(size.width());
        REQUIRE(t.view->grab().save(path));
    }
    CHECK(t.table()->rowCount() == 5);
}
