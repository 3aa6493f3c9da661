#pragma once
// What the ACD reports as it happens, as typed records. The routes' presenter turns them into
// the events of the API (agent.state, call.offered, …) for the event hub.
//
// Threads: called on the I/O thread, from inside the ACD.
#include <optional>
#include <string>
#include <vector>

#include "server/acd/acd_types.h"

namespace agentdesk::server {

struct AlertRecord {
    std::string kind;      // abuse_warning, agent_ended_abuse, missed_call, long_wait, sl_breach…
    std::string severity;  // info | warning | critical
    std::string message;
    TimePoint at;
    std::optional<std::string> queue;
    std::optional<std::string> agentId;
    std::optional<std::string> callId;
    std::optional<std::string> customerId;
    std::optional<int> count;
    std::optional<int> warnings;
    std::optional<double> serviceLevelPct;
    std::optional<double> slTargetPct;
    std::optional<int> slThresholdSec;
};

class AcdEventSink {
public:
    virtual ~AcdEventSink() = default;
    // phone: the agent's phone line with real telephony (nullopt when simulated).
    virtual void agentState(const std::string& agentId, AgentState state, const std::string& reason,
                            TimePoint since, const std::string& requestId,
                            const std::string& extension,
                            const std::optional<PhoneStatus>& phone) = 0;
    // A call rings at an agent; consultFrom: the agent asking for a consult transfer.
    virtual void callOffered(const std::string& agentId, const CallView& call,
                             const std::optional<std::string>& consultFrom) = 0;
    // consultResult: "cancelled", "rejected", "missed" when a consult ended without transfer.
    virtual void callState(const std::string& agentId, const CallView& call,
                           const std::string& requestId,
                           const std::optional<std::string>& consultResult) = 0;
    virtual void callEnded(const std::string& agentId, const std::string& callId,
                           const std::string& reason, const std::string& requestId) = 0;
    virtual void queueStats(const QueueStatsView& stats) = 0;
    virtual void alert(const AlertRecord& alert) = 0;
    // reason: started, mode_changed, stopped, call_ended, supervisor_left.
    virtual void supervision(const std::string& callId, const std::string& agentId,
                             const std::string& supervisorId,
                             const std::optional<SupervisionView>& supervision,
                             const std::string& reason, const std::string& requestId) = 0;
    virtual void transcript(const std::string& agentId, const std::string& callId,
                            const TranscriptLine& line) = 0;
    virtual void dtmfReceived(const std::string& agentId, const std::string& callId,
                              const std::string& digits) = 0;
};

}  // namespace agentdesk::server
