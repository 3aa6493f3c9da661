#pragma once
// The ACD's durable state: what a node taking over the ACD rebuilds it from (docs/scaling.md).
// The owner hands its changes to the store as they happen (Acd::takeDurableChanges); the next
// owner reads them all back and calls Acd::restore. Typed records; the JSON they are stored as
// is made at the store's edge (server/cluster/acd_durable_json).
#include <optional>
#include <string>
#include <vector>

#include "server/acd/agent_state.h"
#include "server/clock.h"

namespace agentdesk::server {

// What the telephony backend keeps of a caller beyond the ACD's view: a simulated caller's
// patience and talk time (the deadlines are absolute, so they run on across a takeover).
struct DurableCaller {
    std::optional<int> patienceSec;
    std::optional<int> talkSec;
    std::optional<TimePoint> patienceDeadline;
    std::optional<TimePoint> hangupAt;
    bool operator==(const DurableCaller&) const = default;
};

struct DurableCall {
    std::string id;
    std::string direction = "inbound";
    std::string ani;
    std::string queue;
    std::string intent;
    std::vector<std::string> ivrPath;
    bool verified = false;
    int ivrSec = 0;
    std::optional<std::string> customerId;
    CallState state = CallState::Queued;
    std::string agentId;
    TimePoint createdAt;
    TimePoint enteredAt;  // the queue's order: priority first, then the earliest
    TimePoint connectedAt;
    TimePoint holdStartedAt;
    double heldSec = 0;
    bool priority = false;
    bool everConnected = false;
    bool muted = false;
    bool recordingPaused = false;
    int abuseWarnings = 0;
    DurableCaller caller;
    bool operator==(const DurableCall&) const = default;
};

struct DurableAgent {
    std::string agentId;
    AgentState state = AgentState::NotReady;
    std::string reason;
    TimePoint since;
    TimePoint idleSince;
    std::string callId;
    std::string acwCallId;
    std::optional<std::string> acwCustomerId;
    std::string acwCallerE164;
    TimePoint acwStartedAt;
    std::optional<TimePoint> acwDeadline;
    double pendingTalkHoldSec = 0;
    int handledToday = 0;
    double handleSecToday = 0;
    int missedToday = 0;
    TimePoint statsDay;
    bool protectionDue = false;
    std::optional<TimePoint> protectionUntil;
    bool operator==(const DurableAgent&) const = default;
};

struct DurableAcd {
    std::vector<DurableAgent> agents;
    std::vector<DurableCall> calls;
};

// Changed since the last take: records to write, and calls that are over (to delete).
struct DurableChanges {
    std::vector<DurableAgent> agents;
    std::vector<DurableCall> calls;
    std::vector<std::string> endedCalls;
    bool empty() const { return agents.empty() && calls.empty() && endedCalls.empty(); }
};

// What a restore made of the stored state.
struct RestoreReport {
    int agents = 0;     // logged-in agents put back as they were
    int queued = 0;     // calls back in their queue, in order (a ringing one among them)
    int live = 0;       // connected or held calls back on their agent
    int afterCall = 0;  // agents back in the after-call work of their call
    int lost = 0;       // calls the backend could not carry on (their agent wraps them up)
};

}  // namespace agentdesk::server
