// CallSession and AgentSession as pure state machines: synthetic events in, phases out. No
// server: the ApiClient points at a closed port and is never used by these cases. And the
// alerts model on synthetic alerts.
#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>

#include "crm/api/api_client.h"
#include "crm/session/agent_session.h"
#include "crm/session/alerts_model.h"
#include "crm/session/call_session.h"
#include "crm/session/command_tracker.h"
#include "tests/support/alert_samples.h"

using namespace agentdesk::crm;

namespace {

struct Fixture {
    HttpTransport transport;
    ApiClient api{transport, QStringLiteral("http://127.0.0.1:9/api/v1")};
    CommandTracker commands;
    AgentSession agent{api, commands};
    CallSession call{api, commands};
    qint64 nextId = 100;

    Fixture() {
        Agent me;
        me.id = QStringLiteral("A1001");
        me.state = AgentState::Ready;
        agent.setIdentity(me);
        call.setAgentId(me.id);
    }

    StreamEvent event(const char* type, QJsonObject data) {
        return {++nextId, QString::fromLatin1(type), std::move(data)};
    }
    void feed(const StreamEvent& e) {
        agent.applyEvent(e);
        call.applyEvent(e);
    }
    void agentState(const char* state, const char* reason = nullptr) {
        QJsonObject d{{"agentId", "A1001"}, {"state", state}, {"since", "2026-11-23T01:00:00Z"}};
        if (reason)
            d.insert(QStringLiteral("reason"), reason);
        feed(event("agent.state", d));
    }
    static QJsonObject callJson(const char* id, const char* state,
                                const char* direction = "inbound") {
        return {{"id", id},
                {"state", state},
                {"direction", direction},
                {"ani", "010-1234-5678"},
                {"queue", "general"},
                {"customerId", "C00001"},
                {"customerMatches",
                 QJsonArray{QJsonObject{{"id", "C00001"}, {"name", "김민준"}, {"score", 1.0}}}}};
    }
    void offered(const char* id) {
        feed(event("call.offered", {{"call", callJson(id, "ringing")}}));
    }
    void callState(const char* id, const char* state, QJsonObject extra = {}) {
        QJsonObject c = callJson(id, state);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            c.insert(it.key(), it.value());
        feed(event("call.state", {{"call", c}}));
    }
    void ended(const char* id, const char* reason) {
        feed(event("call.ended", {{"callId", id}, {"reason", reason}, {"agentId", "A1001"}}));
    }
};

}  // namespace

TEST_CASE("A completed inbound call walks ringing, connected, held, ended, ACW, idle",
          "[session]") {
    Fixture f;
    QSignalSpy phases(&f.call, &CallSession::phaseChanged);
    f.agentState("ringing");
    f.offered("call-1");
    CHECK(f.call.phase() == CallPhase::Ringing);
    CHECK(f.call.call().customerMatches.size() == 1);
    CHECK(f.call.call().customerMatches.first().name == QStringLiteral("김민준"));
    f.agentState("on_call");
    f.callState("call-1", "connected");
    CHECK(f.call.phase() == CallPhase::Connected);
    f.callState("call-1", "held");
    CHECK(f.call.phase() == CallPhase::Held);
    f.callState("call-1", "connected", {{"muted", true}, {"abuseWarnings", 1}});
    CHECK(f.call.call().muted);
    CHECK(f.call.call().abuseWarnings == 1);
    f.ended("call-1", "completed");
    CHECK(f.call.phase() == CallPhase::Ended);
    CHECK(f.call.endReason() == QStringLiteral("completed"));
    f.agentState("after_call_work");
    CHECK(f.call.phase() == CallPhase::AfterCallWork);
    CHECK(f.call.callId() == QStringLiteral("call-1"));  // wrap-up still knows the call
    f.agentState("ready");
    CHECK(f.call.phase() == CallPhase::Idle);
    CHECK(phases.count() == 7);
    CHECK(f.call.unexpectedEvents() == 0);
    CHECK(f.agent.unexpectedTransitions() == 0);
    CHECK(f.agent.state() == AgentState::Ready);
}

TEST_CASE("Missed, rejected, abandoned and withdrawn offers go straight back to idle",
          "[session]") {
    for (const char* reason : {"missed", "rejected", "abandoned", "cancelled"}) {
        Fixture f;
        f.agentState("ringing");
        f.offered("call-2");
        f.ended("call-2", reason);
        INFO(reason);
        CHECK(f.call.phase() == CallPhase::Idle);
        if (QByteArray(reason) == "missed")
            f.agentState("not_ready", "missed_call");
        else
            f.agentState("ready");
        CHECK(f.call.phase() == CallPhase::Idle);
        CHECK(f.call.unexpectedEvents() == 0);
        CHECK(f.agent.unexpectedTransitions() == 0);
    }
}

TEST_CASE("Events that break the ACD order are counted, not ignored silently", "[session]") {
    Fixture f;
    f.agentState("ringing");
    f.offered("call-3");
    f.ended("call-other", "completed");  // not our call
    CHECK(f.call.unexpectedEvents() == 1);
    CHECK(f.call.phase() == CallPhase::Ringing);
    f.agentState("after_call_work");  // ringing → ACW skips on_call
    CHECK(f.agent.unexpectedTransitions() == 1);
}

TEST_CASE("The ACD transition table follows DOMAIN.md", "[session]") {
    using S = AgentState;
    CHECK(isAllowedAgentTransition(S::LoggedOut, S::NotReady));
    CHECK_FALSE(isAllowedAgentTransition(S::LoggedOut, S::Ready));
    CHECK(isAllowedAgentTransition(S::Ready, S::Ringing));
    CHECK(isAllowedAgentTransition(S::Ringing, S::OnCall));
    CHECK(isAllowedAgentTransition(S::Ringing, S::NotReady));  // RONA
    CHECK_FALSE(isAllowedAgentTransition(S::OnCall, S::Ready));
    CHECK(isAllowedAgentTransition(S::OnCall, S::AfterCallWork));
    CHECK(isAllowedAgentTransition(S::AfterCallWork, S::Ready));
    CHECK_FALSE(isAllowedAgentTransition(S::AfterCallWork, S::Ringing));
    CHECK(isAllowedAgentTransition(S::NotReady, S::OnCall));  // click-to-dial
}

TEST_CASE("A snapshot rebuilds the call, also an after-call work without a live call",
          "[session]") {
    Fixture f;
    Snapshot snap;
    snap.agent.id = QStringLiteral("A1001");
    snap.agent.state = AgentState::OnCall;
    snap.call = Call::fromJson(Fixture::callJson("call-9", "held"));
    f.call.applySnapshot(snap);
    CHECK(f.call.phase() == CallPhase::Held);
    CHECK(f.call.callId() == QStringLiteral("call-9"));

    Snapshot acw;
    acw.agent.id = QStringLiteral("A1001");
    acw.agent.state = AgentState::AfterCallWork;
    acw.agent.callId = QStringLiteral("call-9");
    f.call.applySnapshot(acw);
    CHECK(f.call.phase() == CallPhase::AfterCallWork);
    CHECK(f.call.callId() == QStringLiteral("call-9"));
}

TEST_CASE("Commands that do not fit the phase are refused locally without a request", "[session]") {
    Fixture f;
    QSignalSpy refused(&f.call, &CallSession::commandRefused);
    CHECK(f.call.answer().isEmpty());  // no call
    f.offered("call-4");
    CHECK(f.call.hold().isEmpty());  // ringing: hold makes no sense
    CHECK(f.call.wrapup(QStringLiteral("X"), {}).isEmpty());
    CHECK(refused.count() == 3);
    CHECK(f.commands.pendingCount() == 0);
}

TEST_CASE("The command tracker confirms by event, by snapshot, or fails by answer", "[session]") {
    CommandTracker t;
    QSignalSpy confirmed(&t, &CommandTracker::confirmed);
    QSignalSpy failed(&t, &CommandTracker::failed);
    t.track(QStringLiteral("r1"), QStringLiteral("ready"));
    t.track(QStringLiteral("r2"), QStringLiteral("hold"));
    t.track(QStringLiteral("r3"), QStringLiteral("answer"));
    t.sawEvent(QStringLiteral("r1"));
    t.answered(QStringLiteral("r2"),
               ApiError::http(409, R"({"error":{"code":"invalid_state","message":"x"}})"));
    t.answered(QStringLiteral("r3"), {});
    t.snapshotApplied();
    CHECK(confirmed.count() == 2);
    REQUIRE(failed.count() == 1);
    CHECK(failed.at(0).at(0).toString() == QStringLiteral("r2"));
    CHECK(t.pendingCount() == 0);
}

TEST_CASE("The command tracker times the 202 whether or not the event came first", "[session]") {
    CommandTracker t;
    QStringList accepted;
    QObject::connect(&t, &CommandTracker::acceptedAfter,
                     [&](const QString& what, std::chrono::nanoseconds took) {
                         CHECK(took.count() >= 0);
                         accepted.append(what);
                     });
    t.track(QStringLiteral("r1"), QStringLiteral("answer"));
    t.track(QStringLiteral("r2"), QStringLiteral("hangup"));
    t.track(QStringLiteral("r3"), QStringLiteral("hold"));
    t.sawEvent(QStringLiteral("r1"));  // the event before the 202
    t.answered(QStringLiteral("r1"), {});
    t.answered(QStringLiteral("r2"), {});  // the 202 before the event
    t.sawEvent(QStringLiteral("r2"));
    t.answered(QStringLiteral("r3"),
               ApiError::http(409, R"({"error":{"code":"x","message":"x"}})"));
    t.answered(QStringLiteral("r1"), {});  // answered once only
    CHECK(accepted == QStringList{QStringLiteral("answer"), QStringLiteral("hangup")});
}

// AlertsModel (the team lead's alerts, UI-free): rows of repeats, their order, acknowledgement
// and the capped history.
namespace {

const QDateTime kAlertsStart(QDate(2026, 11, 23), QTime(9, 0));

Alert longWait(int i, const QString& queue = QStringLiteral("general")) {
    return agentdesk::test::longWaitAlert(kAlertsStart, i, queue);
}

Alert agentAlert(const char* kind, const char* severity, const QString& agentId,
                 const QString& callId, int at) {
    return agentdesk::test::agentAlert(kAlertsStart, kind, severity, agentId, callId, at);
}

}  // namespace

TEST_CASE("alerts model: abuse first, then newest first, counts and acknowledges, caps its history",
          "[alerts]") {
    AlertsModel model;
    model.setCapacity(3);
    int notified = 0;
    QObject::connect(&model, &AlertsModel::unacknowledgedCountChanged, [&](int) { ++notified; });
    for (const char* kind : {"missed_call", "long_wait", "abuse_warning", "sl_breach"}) {
        Alert a;
        a.kind = QString::fromLatin1(kind);
        a.severity = QStringLiteral("warning");
        model.add(a);
    }
    // Full: the oldest row nobody must see goes (the missed call), never the abuse warning, which
    // stays ahead of the newer ones until it is acknowledged.
    REQUIRE(model.rowCount() == 3);
    CHECK(model.entry(0).alert.kind == QStringLiteral("abuse_warning"));
    CHECK(model.entry(1).alert.kind == QStringLiteral("sl_breach"));
    CHECK(model.entry(2).alert.kind == QStringLiteral("long_wait"));
    CHECK(model.unacknowledgedCount() == 3);
    CHECK(model.acknowledge(1));
    CHECK_FALSE(model.acknowledge(1));
    CHECK_FALSE(model.acknowledge(7));
    CHECK(model.unacknowledgedCount() == 2);
    CHECK(model.data(model.index(1), AlertsModel::AcknowledgedRole).toBool());
    model.acknowledgeAll();
    CHECK(model.unacknowledgedCount() == 0);
    CHECK(model.entry(0).alert.kind == QStringLiteral("sl_breach"));  // newest first now
    CHECK(model.entry(1).alert.kind == QStringLiteral("abuse_warning"));
    CHECK(notified > 0);
    model.setAgents({});
    CHECK(model.agentName(QStringLiteral("A1001")) == QStringLiteral("A1001"));
}

TEST_CASE("alerts model: repeats of one kind and subject share a row with their count",
          "[alerts]") {
    AlertsModel model;
    for (int i = 0; i < 121; ++i)
        model.add(longWait(i));
    REQUIRE(model.rowCount() == 1);
    const auto& waits = model.entry(0);
    CHECK(waits.count == 121);
    CHECK(waits.alerts.size() == 121);
    CHECK(waits.alert.callId == QStringLiteral("call-general-120"));  // the latest
    CHECK(model.data(model.index(0), AlertsModel::TimeRole).toDateTime() ==
          kAlertsStart.addSecs(120));
    CHECK(model.data(model.index(0), AlertsModel::FirstTimeRole).toDateTime() == kAlertsStart);
    CHECK(model.data(model.index(0), AlertsModel::CountRole).toInt() == 121);
    CHECK(waits.alerts.last().alert.callId == QStringLiteral("call-general-0"));
    CHECK(model.unacknowledgedCount() == 1);

    // Another queue's long waits, a counselor's missed calls: rows of their own.
    model.add(longWait(0, QStringLiteral("card")));
    model.add(agentAlert("missed_call", "info", QStringLiteral("A1001"), QStringLiteral("c1"), 1));
    model.add(agentAlert("missed_call", "info", QStringLiteral("A1001"), QStringLiteral("c2"), 2));
    model.add(agentAlert("missed_call", "info", QStringLiteral("A1002"), QStringLiteral("c3"), 3));
    CHECK(model.rowCount() == 4);
    CHECK(model
              .entry(model.rowOf(
                  agentAlert("missed_call", "info", QStringLiteral("A1001"), QString(), 0)))
              .count == 2);
    // Abuse is per call: two calls of one counselor are two rows, a second warning on a call
    // joins its row.
    model.add(
        agentAlert("abuse_warning", "warning", QStringLiteral("A1001"), QStringLiteral("c1"), 4));
    model.add(
        agentAlert("abuse_warning", "warning", QStringLiteral("A1001"), QStringLiteral("c2"), 5));
    model.add(
        agentAlert("abuse_warning", "warning", QStringLiteral("A1001"), QStringLiteral("c1"), 6));
    CHECK(model.rowCount() == 6);
    CHECK(model.entry(0).alert.callId == QStringLiteral("c1"));  // abuse first, newest first
    CHECK(model.entry(0).count == 2);
    CHECK(model.entry(1).alert.callId == QStringLiteral("c2"));
    CHECK(model.entry(1).count == 1);
    CHECK(model.unacknowledgedCount() == 6);
}

TEST_CASE("alerts model: a flood of repeats never trims an abuse or critical alert away",
          "[alerts]") {
    AlertsModel model;
    REQUIRE(model.capacity() == AlertsModel::kDefaultCapacity);
    model.add(
        agentAlert("abuse_warning", "warning", QStringLiteral("A1001"), QStringLiteral("c1"), 0));
    for (int i = 0; i < 500; ++i)
        model.add(longWait(i + 1));
    REQUIRE(model.rowCount() == 2);
    CHECK(model.entry(0).alert.kind == QStringLiteral("abuse_warning"));  // older, still first
    CHECK(model.entry(1).count == 500);
    CHECK(model.entry(1).alerts.size() == 499);  // the oldest repeat made room
    CHECK(model.keptCount() == 500);
    CHECK(model.unacknowledgedCount() == 2);

    // Rows of their own, more than the capacity: acknowledged ones go first, then the lowest
    // severity, the oldest first; unacknowledged critical and abuse rows stay, even over it.
    model.setCapacity(4);
    CHECK(model.rowCount() == 2);
    CHECK(model.entry(1).alerts.size() == 3);
    model.add(agentAlert("agent_ended_abuse", "critical", QStringLiteral("A1002"),
                         QStringLiteral("c2"), 600));
    model.add(agentAlert("abuse_detected", "critical", QStringLiteral("A1003"),
                         QStringLiteral("c3"), 601));
    for (int i = 0; i < 30; ++i) {
        model.add(agentAlert("missed_call", "info",
                             QStringLiteral("A2%1").arg(i, 3, 10, QChar('0')),
                             QStringLiteral("m%1").arg(i), 700 + i));
    }
    CHECK(model.keptCount() == 4);
    QStringList kinds;
    for (int row = 0; row < model.rowCount(); ++row)
        kinds << model.entry(row).alert.kind;
    CHECK(kinds.mid(0, 3) == QStringList{QStringLiteral("abuse_detected"),
                                         QStringLiteral("agent_ended_abuse"),
                                         QStringLiteral("abuse_warning")});
    for (int i = 0; i < 3; ++i)
        model.add(agentAlert("abuse_detected", "critical", QStringLiteral("A3%1").arg(i),
                             QStringLiteral("x%1").arg(i), 800 + i));
    CHECK(model.rowCount() == 6);  // over the capacity: all six must be seen
    for (int row = 0; row < model.rowCount(); ++row)
        CHECK(AlertsModel::mustStayVisible(model.entry(row)));
    // Acknowledged, they may go.
    model.acknowledgeAll();
    model.add(longWait(900));
    CHECK(model.keptCount() == 4);
    CHECK(model.entry(0).alert.kind == QStringLiteral("long_wait"));
}

TEST_CASE("alerts model: acknowledging a row acknowledges its alerts, a repeat raises it again",
          "[alerts]") {
    AlertsModel model;
    for (int i = 0; i < 3; ++i)
        model.add(longWait(i));
    model.add(agentAlert("missed_call", "info", QStringLiteral("A1001"), QStringLiteral("c1"), 10));
    REQUIRE(model.entry(1).alert.kind == QStringLiteral("long_wait"));
    CHECK(model.acknowledge(1));
    CHECK(model.entry(1).acknowledged);
    for (const auto& item : model.entry(1).alerts)
        CHECK(item.acknowledged);
    CHECK(model.unacknowledgedCount() == 1);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    model.add(longWait(20));
    CHECK(moved.size() == 1);
    REQUIRE(model.entry(0).alert.kind == QStringLiteral("long_wait"));  // newest again
    CHECK_FALSE(model.entry(0).acknowledged);
    CHECK(model.entry(0).count == 4);
    CHECK_FALSE(model.entry(0).alerts.first().acknowledged);
    CHECK(model.entry(0).alerts.last().acknowledged);
    CHECK(model.unacknowledgedCount() == 2);

    // An acknowledged abuse row falls back among the others; its next warning puts it first.
    model.add(
        agentAlert("abuse_warning", "warning", QStringLiteral("A1001"), QStringLiteral("c9"), 30));
    model.add(agentAlert("missed_call", "info", QStringLiteral("A1002"), QStringLiteral("c8"), 31));
    REQUIRE(model.entry(0).alert.kind == QStringLiteral("abuse_warning"));
    CHECK(model.acknowledge(0));
    CHECK(model.entry(0).alert.kind == QStringLiteral("missed_call"));
    CHECK(model.entry(1).alert.kind == QStringLiteral("abuse_warning"));
    model.add(
        agentAlert("abuse_warning", "warning", QStringLiteral("A1001"), QStringLiteral("c9"), 32));
    CHECK(model.entry(0).alert.kind == QStringLiteral("abuse_warning"));
    CHECK(model.entry(0).count == 2);
    CHECK_FALSE(model.entry(0).acknowledged);
}
