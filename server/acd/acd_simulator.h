#pragma once
// The simulated ACD: queues with skills, routing to the longest-idle ready agent, ringing with
// RONA, caller patience, the in-call commands, transfers, ACW and KPIs. Emits the events of
// API.md through an EventPublisher and tells the CRM side through AcdHooks.
//
// Threads: I/O thread only. Time comes from the injected Clock; advance() runs every timer that
// is due, so tests drive call timing with a ManualClock.
#include <deque>
#include <map>
#include <memory>
#include <unordered_map>

#include "server/acd/kpi.h"
#include "server/acd/telephony.h"
#include "server/clock.h"
#include "server/events/event_publisher.h"

namespace agentdesk::server {

struct AcdSettings {
    bool acwMandatory = true;
    int acwTimeoutSec = 120;
    int ringTimeoutSec = 15;
    int abuseWarningsBeforeHangup = 2;
    int ewtMinAnswered = 5;
    int outboundAnswerSec = 4;
    int utcOffsetMinutes = 540;  // Asia/Seoul
    int statsMinIntervalMs = 2000;
    int longWaitAlertSec = 60;
    std::string dnis = "+8215880000";
};

struct QueueIntent {
    std::string id;
    std::string labelKo;
    std::string labelEn;
    std::vector<std::string> ivrPath;
};

struct QueueConfig {
    std::string id;
    std::string name;
    std::string nameEn;
    std::string skill;
    int slThresholdSec = 20;
    double slTargetPct = 80;  // an sl_breach alert is raised when the service level drops below
    int recommendedTalkSec = 300;
    double weight = 1;
    std::vector<QueueIntent> intents;
};

struct NotReadyReason {
    std::string code;
    std::string labelKo;
    std::string labelEn;
};

class AcdSimulator final : public Telephony {
public:
    AcdSimulator(const Clock& clock, EventPublisher& events, AcdHooks& hooks, AcdSettings settings,
                 std::vector<QueueConfig> queues, std::vector<NotReadyReason> reasons);
    ~AcdSimulator() override;

    void registerAgent(const User& user) override;
    void agentLoggedIn(const User& user) override;
    Outcome agentLoggedOut(const std::string& agentId) override;
    Outcome setAgentState(const std::string& agentId, const std::string& state,
                          const std::string& reason, const std::string& requestId) override;
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
                     const TransferTarget& target, bool consult,
                     const std::string& requestId) override;
    Outcome dtmf(const std::string& agentId, const std::string& callId, const std::string& digits,
                 const std::string& requestId) override;
    Outcome setRecordingPaused(const std::string& agentId, const std::string& callId, bool paused,
                               const std::string& requestId) override;
    Outcome abuseWarning(const std::string& agentId, const std::string& callId,
                         const std::string& requestId) override;
    Outcome dial(const std::string& agentId, const std::string& e164,
                 const std::optional<std::string>& customerId, const std::string& requestId,
                 std::string* callId) override;
    Outcome wrapup(const std::string& agentId, const std::string& callId, const std::string& code,
                   const std::optional<std::string>& noteId,
                   const std::optional<std::string>& nextState,
                   const std::string& requestId) override;

    Outcome supervise(const std::string& supervisorId, const std::string& callId,
                      const std::string& mode, const std::string& requestId) override;
    Outcome stopSupervising(const std::string& supervisorId, const std::string& callId,
                            const std::string& requestId) override;

    std::string injectCall(const InboundCallSpec& spec) override;
    Outcome callerHangup(const std::string& callId) override;
    void reset() override;
    void advance() override;

    bool hasQueue(const std::string& queueId) const override;
    nlohmann::json agentJson(const std::string& agentId) const override;
    nlohmann::json agentsJson() const override;
    std::optional<nlohmann::json> currentCallJson(const std::string& agentId) const override;
    std::optional<std::string> currentCallCustomer(const std::string& agentId) const override;
    std::optional<std::string> currentCallerE164(const std::string& agentId) const override;
    bool callBelongsTo(const std::string& callId, const std::string& agentId) const override;
    bool callActive(const std::string& callId) const override;
    std::optional<std::string> callState(const std::string& callId) const override;
    nlohmann::json queuesJson(std::optional<std::chrono::seconds> window,
                              const std::set<std::string>* skills) const override;
    nlohmann::json capabilitiesJson() const override;

    const std::vector<QueueConfig>& queues() const { return queues_; }

    struct Call;
    struct Agent;

private:
    // state changes
    void setState(Agent& agent, const std::string& state, const std::string& reason,
                  const std::string& requestId);
    void route();
    void offer(Call& call, Agent& agent, bool consult);
    void enqueue(Call& call, const std::string& queueId, bool priority);
    void endLeg(Call& call, Agent& agent, const std::string& reason, const std::string& requestId);
    void finishCall(Call& call, const std::string& reason, const std::string& requestId);
    void startAcw(Agent& agent, Call& call);
    void endAcw(Agent& agent, const std::string& nextState, const std::string& reason,
                const std::string& requestId);
    void missed(Call& call, Agent& agent, bool consult);
    void abandon(Call& call);
    void completeConsult(Call& call, Agent* newAgent, const std::string& requestId);
    void cancelConsult(Call& call, const std::string& why, const std::string& requestId);
    void publishCallState(const Call& call, const std::string& agentId,
                          const std::string& requestId);
    void publishEnded(const Call& call, const std::string& agentId, const std::string& reason,
                      const std::string& requestId);
    void alert(const std::string& kind, const std::string& severity, const nlohmann::json& extra,
               const std::string& message);
    // Ends the supervision of a call (its leg ended, or the supervisor left); `reason` goes into
    // the supervisors' call.supervision event ("stopped", "call_ended", "supervisor_left").
    void endSupervision(Call& call, const std::string& reason, const std::string& requestId);
    void publishSupervision(const Call& call, const std::string& agentId,
                            const std::string& supervisorId, const std::string& reason,
                            const std::string& requestId);
    nlohmann::json supervisionJson(const Call& call) const;
    void checkServiceLevel(const QueueConfig& q, const nlohmann::json& stats);
    void markDirty(const std::string& queueId);
    void flushStats(bool force);
    void removeEnded();

    // lookups
    Agent* agent(const std::string& id);
    const Agent* agent(const std::string& id) const;
    Call* call(const std::string& id);
    const QueueConfig* queue(const std::string& id) const;
    Outcome agentCall(const std::string& agentId, const std::string& callId, Agent** a, Call** c);
    // The agent's own connected (or, with allowHeld, held) call; `otherwise` explains a 409.
    Outcome activeCall(const std::string& agentId, const std::string& callId, bool allowHeld,
                       const char* otherwise, Call** c);
    nlohmann::json callJson(const Call& call) const;
    nlohmann::json queueStatsJson(const QueueConfig& q, TimePoint windowStart) const;
    std::string newCallId();
    std::string intentLabel(const std::string& queueId, const std::string& intent) const;

    const Clock& clock_;
    EventPublisher& events_;
    AcdHooks& hooks_;
    AcdSettings settings_;
    std::vector<QueueConfig> queues_;
    std::vector<NotReadyReason> reasons_;
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
};

}  // namespace agentdesk::server
