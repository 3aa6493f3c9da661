// CallSession and AgentSession as pure state machines: synthetic events in, phases out. No
// server: the ApiClient points at a closed port and is never used by these cases.
#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>

#include "crm/api/api_client.h"
#include "crm/session/agent_session.h"
#include "crm/session/call_session.h"
#include "crm/session/command_tracker.h"

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
