#pragma once
// The ACD's own records of calls and agents, shared by its source files (not by anyone else).
#include <set>

#include "server/acd/acd.h"

namespace agentdesk::server {

struct Acd::Call {
    std::string id;
    std::string direction = "inbound";
    std::string ani;  // E.164 of the other party
    std::string queue;
    std::string intent;
    std::vector<std::string> ivrPath;
    bool verified = false;
    int ivrSec = 0;
    std::vector<CustomerMatch> matches;
    std::optional<std::string> customerId;
    // Who the caller is has been asked and not answered yet (AcdHooks::identifyCaller): not
    // offered, nor the calls behind it in its queue, until then or kIdentifyWithin.
    std::optional<TimePoint> identifyingSince;
    CallState state = CallState::Queued;
    std::string agentId;  // ringing at / connected to
    TimePoint createdAt;
    TimePoint queuedAt;
    TimePoint offeredAt;
    TimePoint connectedAt;
    TimePoint holdStartedAt;
    double heldSec = 0;
    std::optional<TimePoint> ringDeadline;
    std::optional<TimePoint> lastAnnouncedAt;  // queue position announcement
    bool muted = false;
    bool recordingPaused = false;
    bool everConnected = false;
    int abuseWarnings = 0;
    bool priority = false;
    std::set<std::string> rejectedBy;
    std::shared_ptr<KpiEntry> kpi;
    bool longWaitAlerted = false;
    // The desktop's Answer waits for the backend to answer the agent's leg.
    std::string answerRequestId;
    bool answering = false;
    // consult transfer in progress: the caller is held while the target is reached
    bool consultActive = false;
    TransferTarget consultTarget;
    std::string consultAgentId;  // target agent being rung (attended: talking)
    bool consultAttended = false;
    bool consultTalking = false;
    TimePoint consultStartedAt;
    std::optional<TimePoint> consultRingDeadline;
    std::string dtmf;
    std::string endReason;
    // a team lead or trainer listening to / whispering to / barging into the agent's leg
    std::string supervisorId;
    SupervisionMode supervisionMode = SupervisionMode::Listen;
    TimePoint supervisionSince;
};

struct Acd::Agent {
    User user;
    bool loggedIn = false;
    AgentState state = AgentState::LoggedOut;
    std::string reason;
    TimePoint since;
    TimePoint idleSince;
    std::string callId;  // ringing (also consult offers) or on a call
    std::string acwCallId;
    std::optional<std::string> acwCustomerId;  // the caller of the call being wrapped up
    std::string acwCallerE164;
    std::optional<TimePoint> acwDeadline;
    TimePoint acwStartedAt;
    double pendingTalkHoldSec = 0;
    std::shared_ptr<KpiEntry> pendingKpi;
    int handledToday = 0;
    double handleSecToday = 0;
    int missedToday = 0;  // offers that rang out at this agent (not answered in time)
    TimePoint statsDay;
    std::string supervisingCallId;  // the call this supervisor listens to; not routed calls then
    std::optional<PhoneStatus> phone;
    // Counselor protection: the ACW now running ends in a protection rest (the agent ended the
    // call for abuse, or wraps it up as ABUSIVE_CALL); the rest's end while it runs.
    bool protectionDue = false;
    std::optional<TimePoint> protectionUntil;
};

}  // namespace agentdesk::server
