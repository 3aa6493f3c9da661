// The ACD's durable state (server/acd/acd_durable.h): what one ACD hands over as changes, kept
// the way the store keeps it (latest record per agent and call, a call that is over deleted),
// rebuilds another ACD as it was: queued calls in their order, live calls on their agents with
// the caller's talk time running on, agents in their state and after-call work. And the records'
// stored JSON gives back what went in.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "server/acd/acd.h"
#include "server/calls/sim/sim_call_control.h"
#include "server/cluster/acd_durable_json.h"

using namespace agentdesk;
using namespace agentdesk::server;
using namespace std::chrono_literals;

namespace {

class QuietSink final : public AcdEventSink {
public:
    void agentState(const std::string&, AgentState, const std::string&, TimePoint,
                    const std::string&, const std::string&,
                    const std::optional<PhoneStatus>&) override {}
    void callOffered(const std::string& agentId, const CallView& call,
                     const std::optional<std::string>&) override {
        offers.emplace_back(agentId, call.id);
    }
    void callState(const std::string&, const CallView&, const std::string&,
                   const std::optional<std::string>&) override {}
    void callEnded(const std::string&, const std::string&, const std::string&,
                   const std::string&) override {}
    void queueStats(const QueueStatsView&) override {}
    void alert(const AlertRecord&) override {}
    void supervision(const std::string&, const std::string&, const std::string&,
                     const std::optional<SupervisionView>&, const std::string&,
                     const std::string&) override {}
    void transcript(const std::string&, const std::string&, const TranscriptLine&) override {}
    void dtmfReceived(const std::string&, const std::string&, const std::string&) override {}
    std::vector<std::pair<std::string, std::string>> offers;
};

class NoCrm final : public AcdHooks {
public:
    void identifyCaller(const std::string&, const std::string&,
                        std::function<void(std::vector<CustomerMatch>)> done) override {
        done({});
    }
    void callLegEnded(const InteractionRecord&) override {}
    void abusiveCallEnded(const std::string&) override {}
    void wrappedUp(const std::string&, const std::string&, const std::string&,
                   const std::optional<std::string>&) override {}
};

// One node's ACD on simulated telephony.
struct Node {
    explicit Node(const Clock& clock)
        : acd(clock, sink, crm, AcdSettings{}, {cardQueue()}, {}), sim(clock, acd, acd, 4) {
        acd.attach(sim, "simulated");
        acd.onDurableChange([] {});  // as a node of several: changes are kept
        for (const char* id : {"A1", "A2", "A3"}) {
            User u;
            u.id = id;
            u.username = id;
            u.name = id;
            u.role = Role::Counselor;
            u.skills = {"card"};
            acd.registerAgent(u);
            acd.agentLoggedIn(u);
        }
    }
    static QueueConfig cardQueue() {
        QueueConfig q;
        q.id = "card";
        q.name = "카드";
        q.skill = "card";
        return q;
    }
    std::string caller(const std::string& ani) {
        InboundCallSpec spec;
        spec.aniE164 = ani;
        spec.queue = "card";
        spec.patienceSec = 600;
        spec.talkSec = 60;
        return sim.injectCall(spec);
    }
    QuietSink sink;
    NoCrm crm;
    Acd acd;
    SimCallControl sim;
};

// What the store keeps of the changes: the latest record of each, calls over deleted.
struct Kept {
    std::map<std::string, DurableAgent> agents;
    std::map<std::string, DurableCall> calls;
    void take(Acd& acd) {
        const DurableChanges ch = acd.takeDurableChanges();
        for (const auto& a : ch.agents)
            agents[a.agentId] = a;
        for (const auto& c : ch.calls)
            calls[c.id] = c;
        for (const auto& id : ch.endedCalls)
            calls.erase(id);
    }
    // As AcdStateStore::load gives it: the calls in the queue's order.
    DurableAcd loaded() const {
        DurableAcd out;
        for (const auto& [id, a] : agents)
            out.agents.push_back(a);
        for (const auto& [id, c] : calls)
            out.calls.push_back(c);
        std::stable_sort(out.calls.begin(), out.calls.end(), [](const auto& x, const auto& y) {
            if (x.priority != y.priority)
                return x.priority;
            return x.enteredAt < y.enteredAt;
        });
        return out;
    }
};

}  // namespace

TEST_CASE("ACD durable state: another ACD rebuilt from it has the queue, the calls and the agents",
          "[acd][cluster]") {
    ManualClock clock(TimePoint(std::chrono::milliseconds(1'764'900'000'000)));
    Kept kept;
    std::string first, second, third, fourth, fifth;
    {
        Node a(clock);
        REQUIRE(a.acd.setAgentState("A1", AgentState::Ready, "", "").ok());
        clock.advance(1s);
        REQUIRE(a.acd.setAgentState("A2", AgentState::Ready, "", "").ok());
        REQUIRE(a.acd.setAgentState("A3", AgentState::NotReady, "lunch", "").ok());
        first = a.caller("+821011110001");
        clock.advance(1s);
        second = a.caller("+821011110002");
        REQUIRE(a.acd.answer("A1", first, "").ok());
        REQUIRE(a.acd.answer("A2", second, "").ok());
        clock.advance(10s);
        REQUIRE(a.acd.hold("A2", second, "").ok());
        third = a.caller("+821011110003");
        clock.advance(1s);
        fourth = a.caller("+821011110004");
        clock.advance(1s);
        fifth = a.caller("+821011110005");
        kept.take(a.acd);
        REQUIRE(a.sim.callerHangup(fourth).ok());  // gives up waiting: deleted
        clock.advance(1s);
        a.acd.advance();
        kept.take(a.acd);
        REQUIRE(kept.calls.size() == 4);
        CHECK(a.acd.takeDurableChanges().empty());  // nothing new since
    }                                               // node A is gone

    clock.advance(3s);  // the takeover
    Node b(clock);
    const RestoreReport report = b.acd.restore(kept.loaded());
    CHECK(report.agents == 3);
    CHECK(report.live == 2);
    CHECK(report.queued == 2);
    CHECK(report.lost == 0);

    const auto a1 = b.acd.agent("A1");
    REQUIRE(a1);
    CHECK(a1->state == AgentState::OnCall);
    CHECK(a1->callId == first);
    const auto call2 = b.acd.currentCall("A2");
    REQUIRE(call2);
    CHECK(call2->id == second);
    CHECK(call2->state == CallState::Held);
    CHECK(b.acd.agent("A3")->reason == "lunch");
    CHECK(b.acd.callState(third) == CallState::Queued);
    CHECK(b.acd.callState(fifth) == CallState::Queued);
    CHECK_FALSE(b.acd.callState(fourth));

    // The queue's order is kept: the longest waiting caller is offered first.
    REQUIRE(b.acd.setAgentState("A3", AgentState::Ready, "", "").ok());
    REQUIRE_FALSE(b.sink.offers.empty());
    CHECK(b.sink.offers.back() == std::make_pair(std::string("A3"), third));

    // The first caller's talk time runs on from when they were answered on node A (60 s).
    clock.advance(40s);
    b.sim.advance();
    b.acd.advance();
    CHECK(b.acd.agent("A1")->state == AgentState::OnCall);
    clock.advance(10s);
    b.sim.advance();
    b.acd.advance();
    CHECK(b.acd.agent("A1")->state == AgentState::AfterCallWork);

    // A third node rebuilt from node B's state finds A1 in the after-call work of that call, and
    // the wrap-up is accepted there.
    kept.take(b.acd);
    Node c(clock);
    c.acd.restore(kept.loaded());
    const auto acw = c.acd.agent("A1");
    REQUIRE(acw);
    CHECK(acw->state == AgentState::AfterCallWork);
    CHECK(c.acd.wrapup("A1", first, "INQUIRY", std::nullopt, AgentState::Ready, "").ok());
    CHECK(c.acd.agent("A1")->handledToday == 1);
    // A3 let the third caller ring out on node B: not ready ("missed_call") here too, and that
    // caller went back to the front of the queue, so A1, ready again, gets them first.
    CHECK(c.acd.agent("A3")->state == AgentState::NotReady);
    CHECK(c.acd.agent("A3")->reason == "missed_call");
    CHECK(c.acd.agent("A3")->missedToday == 1);
    CHECK(c.acd.agent("A1")->state == AgentState::Ringing);
    REQUIRE_FALSE(c.sink.offers.empty());
    CHECK(c.sink.offers.back() == std::make_pair(std::string("A1"), third));
    // New calls there do not reuse the ids of calls carried over.
    const std::string next = c.caller("+821011110006");
    CHECK(next != first);
    CHECK(next != second);
    CHECK(next != third);
    CHECK(next != fifth);
}

TEST_CASE("ACD durable state: a call the backend cannot carry on is wrapped up by its agent",
          "[acd][cluster]") {
    ManualClock clock(TimePoint(std::chrono::milliseconds(1'764'900'000'000)));
    Kept kept;
    std::string dialled;
    {
        Node a(clock);
        REQUIRE(a.acd.setAgentState("A1", AgentState::NotReady, "outbound", "").ok());
        REQUIRE(a.acd.dial("A1", "+821022223333", std::nullopt, {}, "", &dialled).ok());
        kept.take(a.acd);  // ringing at the customer: that dial was node A's
    }
    Node b(clock);
    const RestoreReport report = b.acd.restore(kept.loaded());
    CHECK(report.lost == 1);
    CHECK_FALSE(b.acd.callActive(dialled));
    const auto a1 = b.acd.agent("A1");
    REQUIRE(a1);
    CHECK(a1->state == AgentState::AfterCallWork);
    CHECK(b.acd.wrapup("A1", dialled, "INQUIRY", std::nullopt, AgentState::Ready, "").ok());
    // The deletion of that call reaches the store with the rest.
    const DurableChanges ch = b.acd.takeDurableChanges();
    CHECK(std::find(ch.endedCalls.begin(), ch.endedCalls.end(), dialled) != ch.endedCalls.end());
}

TEST_CASE("ACD durable records: the stored JSON gives back what went in, and nothing half",
          "[acd][cluster]") {
    DurableCall c;
    c.id = "call-1-7";
    c.ani = "+821011110001";
    c.queue = "card";
    c.intent = "lost_card";
    c.ivrPath = {"1", "2"};
    c.customerId = "C00001";
    c.state = CallState::Held;
    c.agentId = "A1";
    c.createdAt = TimePoint(std::chrono::milliseconds(1'764'900'000'000));
    c.enteredAt = c.createdAt + 5s;
    c.connectedAt = c.createdAt + 20s;
    c.holdStartedAt = c.createdAt + 30s;
    c.heldSec = 2.5;
    c.priority = true;
    c.everConnected = true;
    c.abuseWarnings = 1;
    c.caller.talkSec = 60;
    c.caller.hangupAt = c.connectedAt + 60s;
    const std::string text = cluster::durableCallJson(c);
    CHECK(cluster::parseDurableCall(text) == c);

    DurableAgent a;
    a.agentId = "A1";
    a.state = AgentState::AfterCallWork;
    a.acwCallId = "call-1-7";
    a.acwCustomerId = "C00001";
    a.acwDeadline = c.createdAt + 200s;
    a.handledToday = 3;
    a.handleSecToday = 412.5;
    a.protectionUntil = c.createdAt + 600s;
    CHECK(cluster::parseDurableAgent(cluster::durableAgentJson(a)) == a);

    CHECK_FALSE(cluster::parseDurableCall("{}"));
    CHECK_FALSE(cluster::parseDurableCall("not json"));
    CHECK_FALSE(cluster::parseDurableCall(text.substr(0, text.size() / 2)));
    auto ended = nlohmann::json::parse(text);
    ended["state"] = "ended";
    CHECK_FALSE(cluster::parseDurableCall(ended.dump()));
    auto noState = nlohmann::json::parse(cluster::durableAgentJson(a));
    noState["state"] = "asleep";
    CHECK_FALSE(cluster::parseDurableAgent(noState.dump()));
}
