#pragma once
// The ACD core: agents and their states, queues with skills, routing to the longest-idle ready
// agent, ring-no-answer, after-call work, transfers, supervision bookkeeping and KPIs. It is the
// same code for every telephony backend: it drives a CallControl and hears back through
// CallControlListener; what it decides is reported as typed events to an AcdEventSink.
//
// Threads: I/O thread only. Time comes from the injected Clock; advance() runs every timer that
// is due, so tests drive call timing with a ManualClock.
#include <deque>
#include <functional>
#include <map>
#include <memory>

#include "server/acd/acd_durable.h"
#include "server/acd/acd_events.h"
#include "server/acd/call_control.h"
#include "server/acd/kpi.h"
#include "server/acd/telephony.h"
#include "server/clock.h"

namespace agentdesk::server {

class Acd final : public Telephony, public CallControlListener {
public:
    // A new caller not identified by then (the database is slow or away) is offered without.
    static constexpr std::chrono::milliseconds kIdentifyWithin{1000};

    Acd(const Clock& clock, AcdEventSink& events, AcdHooks& hooks, AcdSettings settings,
        std::vector<QueueConfig> queues, std::vector<NotReadyReason> reasons);
    ~Acd() override;

    // The backend that moves calls; must be attached before the first call.
    void attach(CallControl& control, std::string telephonyName);
    // Real telephony: an agent may go ready only with a registered phone.
    void requirePhones(bool required) { phonesRequired_ = required; }

    // Telephony
    void registerAgent(const User& user) override;
    void agentLoggedIn(const User& user) override;
    Outcome agentLoggedOut(const std::string& agentId) override;
    Outcome setAgentState(const std::string& agentId, AgentState state, const std::string& reason,
                          const std::string& requestId) override;
    Outcome answer(const std::string& agentId, const std::string& callId,
                   const std::string& requestId) override;
    Outcome reject(const std::string& agentId, const std::string& callId,
                   const std::string& requestId) override;
    Outcome hold(const std::string& agentId, const std::string& callId,
                 const std::string& requestId) override;
    Outcome resume(const std::string& agentId, const std::string& callId,
                   const std::string& requestId) override;
    Outcome mute(const std::string& agentId, const std::string& callId, bool muted,
                 const std::string& requestId) override;
    Outcome hangup(const std::string& agentId, const std::string& callId, bool forAbuse,
                   const std::string& requestId) override;
    Outcome transfer(const std::string& agentId, const std::string& callId,
                     const TransferTarget& target, TransferMode mode,
                     const std::string& requestId) override;
    Outcome completeTransfer(const std::string& agentId, const std::string& callId,
                             const std::string& requestId) override;
    Outcome dtmf(const std::string& agentId, const std::string& callId, const std::string& digits,
                 const std::string& requestId) override;
    Outcome setRecordingPaused(const std::string& agentId, const std::string& callId, bool paused,
                               const std::string& requestId) override;
    Outcome abuseWarning(const std::string& agentId, const std::string& callId,
                         const std::string& requestId) override;
    Outcome dial(const std::string& agentId, const std::string& e164,
                 const std::optional<std::string>& customerId, std::vector<CustomerMatch> matches,
                 const std::string& requestId, std::string* callId) override;
    Outcome wrapup(const std::string& agentId, const std::string& callId, const std::string& code,
                   const std::optional<std::string>& noteId,
                   const std::optional<AgentState>& nextState,
                   const std::string& requestId) override;
    Outcome supervise(const std::string& supervisorId, const std::string& callId,
                      SupervisionMode mode, const std::string& requestId) override;
    Outcome stopSupervising(const std::string& supervisorId, const std::string& callId,
                            const std::string& requestId) override;
    void advance() override;
    void reset() override;

    bool hasQueue(const std::string& queueId) const override;
    std::optional<AgentView> agent(const std::string& agentId) const override;
    std::vector<AgentView> agents() const override;
    std::optional<CallView> currentCall(const std::string& agentId) const override;
    std::optional<std::string> currentCallCustomer(const std::string& agentId) const override;
    std::optional<std::string> currentCallerE164(const std::string& agentId) const override;
    bool callBelongsTo(const std::string& callId, const std::string& agentId) const override;
    bool callActive(const std::string& callId) const override;
    std::optional<CallState> callState(const std::string& callId) const override;
    std::vector<QueueStatsView> queues(std::optional<std::chrono::seconds> window,
                                       const std::set<std::string>* skills) const override;
    Capabilities capabilities() const override;

    // CallControlListener
    std::optional<std::string> callerArrived(const InboundCallSpec& spec) override;
    void agentAnswered(const std::string& callId, const std::string& agentId) override;
    void agentUnreachable(const std::string& callId, const std::string& agentId) override;
    void agentHungUp(const std::string& callId, const std::string& agentId) override;
    void callerHungUp(const std::string& callId) override;
    void remoteAnswered(const std::string& callId) override;
    void dtmfReceived(const std::string& callId, const std::string& digits) override;
    void mediaFailed(const std::string& callId, const std::string& why) override;
    void transcriptLine(const std::string& callId, const TranscriptLine& line) override;
    Outcome addTranscript(const std::string& callId, TranscriptLine line) override;
    void phoneChanged(const std::string& agentId, const PhoneStatus& phone) override;

    const std::vector<QueueConfig>& queueConfigs() const { return queues_; }

    // Durable state (acd_durable.cpp), for the node that takes the ACD over. `changed` is told
    // when something durable changes after a quiet spell (once until the next take);
    // takeDurableChanges() then gives what changed since the previous take. Without a
    // listener nothing is tracked (one server alone).
    void onDurableChange(std::function<void()> changed) { durableChanged_ = std::move(changed); }
    DurableChanges takeDurableChanges();
    // Rebuilds calls and agents' states from a stored copy, after the agents of live sessions
    // have logged in: queued calls in their order, live calls on their agent (when the backend
    // can carry them on), agents back in their state. No events: the caller resyncs every
    // stream afterwards. Meant for an ACD without calls (a takeover).
    RestoreReport restore(const DurableAcd& stored);

    struct Call;
    struct Agent;

private:
    // acd_agents.cpp
    void setState(Agent& agent, AgentState state, const std::string& reason,
                  const std::string& requestId);
    void startAcw(Agent& agent, Call& call);
    void startProtectionRest(Agent& agent, const std::string& requestId);
    void endProtectionRests(TimePoint now);
    void endAcw(Agent& agent, AgentState next, const std::string& reason,
                const std::string& requestId);
    // acd_routing.cpp
    void route();
    // Asks who the caller of `c` is (AcdHooks::identifyCaller): its matches at once, or it is
    // marked identifying until identified() (or kIdentifyWithin).
    void identify(Call& c);
    // Who a caller is, answered (AcdHooks::identifyCaller) after the call entered its queue.
    void identified(const std::string& callId, std::vector<CustomerMatch> matches);
    void setMatches(Call& c, std::vector<CustomerMatch> matches);
    void offer(Call& call, Agent& agent, bool consult);
    void enqueue(Call& call, const std::string& queueId, bool priority);
    void requeue(Call& call);  // back to the front of its queue
    void missed(Call& call, Agent& agent, bool consult);
    void rollStatsDay(Agent& agent);
    void abandon(Call& call);
    void announcePositions();
    // acd_calls.cpp
    void connectAnswered(Call& call, Agent& agent, const std::string& requestId);
    void endLeg(Call& call, Agent& agent, const std::string& reason, const std::string& requestId);
    void finishCall(Call& call, const std::string& reason);
    void removeEnded();
    void lineEnded(Call& call, const std::string& reason);
    // acd_transfer.cpp
    void completeConsult(Call& call, Agent* newAgent, const std::string& requestId);
    void cancelConsult(Call& call, const std::string& why, const std::string& requestId);
    // Attended: the consulted party answered; the two agents talk, the caller waits.
    void consultAnswered(Call& call, Agent* target, const std::string& requestId);
    // acd_supervision.cpp
    void endSupervision(Call& call, const std::string& reason, const std::string& requestId);
    void publishSupervision(const Call& call, const std::string& supervisorId,
                            const std::string& reason, const std::string& requestId);
    std::optional<SupervisionView> supervisionView(const Call& call) const;
    // acd_views.cpp
    CallView callView(const Call& call) const;
    AgentView agentView(const Agent& agent) const;
    QueueStatsView queueStats(const QueueConfig& q, TimePoint windowStart) const;
    void publishCallState(const Call& call, const std::string& agentId,
                          const std::string& requestId,
                          const std::optional<std::string>& consultResult = std::nullopt);
    void publishEnded(const Call& call, const std::string& agentId, const std::string& reason,
                      const std::string& requestId);
    void alert(AlertRecord record);
    void checkServiceLevel(const QueueStatsView& stats);
    void markDirty(const std::string& queueOrSkill);
    void flushStats(bool force);

    // acd_durable.cpp
    void touch(const Call& c);
    void touch(const Agent& a);
    DurableCall durableCall(const Call& c) const;
    DurableAgent durableAgent(const Agent& a) const;
    bool restoreCall(const DurableCall& stored, RestoreReport& report);
    void restoreAgent(Agent& a, const DurableAgent& stored);

    // lookups (acd.cpp)
    Agent* findAgent(const std::string& id);
    const Agent* findAgent(const std::string& id) const;
    Call* findCall(const std::string& id);
    const Call* findCall(const std::string& id) const;
    const QueueConfig* queue(const std::string& id) const;
    Outcome agentCall(const std::string& agentId, const std::string& callId, Agent** a, Call** c);
    // The agent's own connected (or, with allowHeld, held) call; `otherwise` explains a 409.
    Outcome activeCall(const std::string& agentId, const std::string& callId, bool allowHeld,
                       const char* otherwise, Call** c);
    Outcome endedOrUnknown(const std::string& callId) const;
    std::string newCallId();
    std::string intentLabel(const std::string& queueId, const std::string& intent) const;
    static bool hasSkill(const Agent& agent, const std::string& skill);
    std::optional<PhoneStatus> phoneOf(const Agent& agent) const;

    const Clock& clock_;
    AcdEventSink& events_;
    AcdHooks& hooks_;
    AcdSettings settings_;
    std::vector<QueueConfig> queues_;
    std::vector<NotReadyReason> reasons_;
    CallControl* control_ = nullptr;
    std::string telephonyName_ = "simulated";
    bool phonesRequired_ = false;
    std::map<std::string, std::unique_ptr<Agent>> agents_;
    std::map<std::string, std::unique_ptr<Call>> calls_;
    std::map<std::string, std::vector<std::shared_ptr<KpiEntry>>> kpis_;
    std::map<std::string, bool> dirty_;
    std::map<std::string, TimePoint> lastStatsPush_;
    std::set<std::string> slBreached_;  // queues whose sl_breach alert is raised, until recovery
    // Recently ended call ids, so that commands on them get 409 rather than 404.
    std::deque<std::string> endedOrder_;
    std::set<std::string> endedIds_;
    std::uint64_t callSeq_ = 0;
    std::set<std::string> touchedCalls_, touchedAgents_;
    std::function<void()> durableChanged_;
};

}  // namespace agentdesk::server
