#pragma once
// What moves calls. The ACD decides (who rings, who talks to whom, what the caller hears) and
// drives a CallControl; the backend carries it out — simulated callers for demos and training
// (server/calls/sim) or real SIP legs and audio (server/calls/sip) — and reports back through
// CallControlListener what happened on the line.
//
// Threads: both interfaces are used on the server's I/O thread only. A backend whose work runs
// elsewhere (libre's thread) posts its reports to the I/O thread before calling the listener.
// A command never calls the listener back synchronously except where noted (the simulator
// answers at once, the way a phone set to auto-answer would).
#include <string>

#include "server/acd/acd_durable.h"
#include "server/acd/acd_types.h"

namespace agentdesk::server {

enum class Announcement {
    QueuePosition,      // "you are number N, the expected wait is about M minutes"
    AbuseWarning,       // the legal warning before an agent may end an abusive call
    ProtectionClosing,  // played before an agent-ended protection hang-up
};

struct AnnouncementRequest {
    Announcement kind = Announcement::QueuePosition;
    int position = 0;  // QueuePosition: 1-based
    int ewtSec = -1;   // QueuePosition: -1 when unknown (no figure is said)
};

class CallControl {
public:
    virtual ~CallControl() = default;

    // The caller waits in a queue: music and the periodic position announcement. `again`: back
    // in a queue after a transfer, a rejected or an unanswered ring.
    virtual void callerQueued(const std::string& callId, bool again) = 0;
    // Rings the agent (their phone). `consult`: the agent is the target of a consult transfer.
    virtual void ringAgent(const std::string& callId, const std::string& agentId, bool consult) = 0;
    // The ring at this agent is over without an answer (rejected, missed, caller gone).
    virtual void stopRinging(const std::string& callId, const std::string& agentId) = 0;
    // The counselor pressed Answer on the desktop: the backend answers the agent's leg (a SIP
    // phone gets the call again with an auto-answer hint) and reports agentAnswered().
    // The simulator reports it before returning.
    virtual void answerAtAgent(const std::string& callId, const std::string& agentId) = 0;
    // Caller and agent hear each other (after an answer, a resume or a completed transfer).
    // `first`: the caller meets an agent for the first time on this call.
    virtual void connect(const std::string& callId, const std::string& agentId, bool first) = 0;
    // Held: the caller hears music, the agent silence. Unheld: connected again.
    virtual void hold(const std::string& callId, bool held) = 0;
    // Muted: the caller does not hear the agent.
    virtual void mute(const std::string& callId, bool muted) = 0;
    virtual void announce(const std::string& callId, const AnnouncementRequest& request) = 0;
    virtual void pauseRecording(const std::string& callId, bool paused) = 0;
    virtual void sendDtmf(const std::string& callId, const std::string& digits) = 0;
    // A team lead joins the agent's leg; nullopt mode: the supervisor leaves.
    virtual void supervise(const std::string& callId, const std::string& agentId,
                           const std::string& supervisorId,
                           std::optional<SupervisionMode> mode) = 0;
    // Consult: the caller keeps hearing music while agentId talks to the consulted agent.
    virtual void consultConnected(const std::string& callId, const std::string& agentId,
                                  const std::string& targetAgentId) = 0;
    // Consult with an outside number: reach it; remoteAnswered() when it picks up.
    virtual void dialConsult(const std::string& callId, const std::string& agentId,
                             const std::string& e164) = 0;
    // A consult ended without a transfer: the consulted outside number's leg is dropped.
    virtual void endConsult(const std::string& callId) = 0;
    // Click-to-dial: the agent's phone first, then the customer; remoteAnswered() when the
    // customer picks up.
    virtual void dialOut(const std::string& callId, const std::string& agentId,
                         const std::string& e164) = 0;
    // The agent's leg is released (hung up by the ACD: transfer, hang-up from the desktop).
    virtual void releaseAgent(const std::string& callId, const std::string& agentId) = 0;
    // Hands the caller to an outside number (blind transfer to a number, completed consult).
    virtual void transferOut(const std::string& callId, const std::string& e164) = 0;
    // The call is over for the caller too: hang up what is left and stop the recording.
    virtual void endCall(const std::string& callId) = 0;
    // Runs the backend's timers up to now.
    virtual void advance() = 0;

    // Another node's ACD: what this backend keeps of a caller, for the durable copy.
    virtual DurableCaller durableCaller(const std::string& callId) const = 0;
    // Takes over a call that another node's ACD held (queued, connected or held); false when
    // this backend cannot carry it on (a SIP call's dialog and audio were on that node).
    virtual bool adopt(const DurableCall& call) = 0;
};

class CallControlListener {
public:
    virtual ~CallControlListener() = default;
    // A caller arrived; returns the new call id, or nullopt when the call cannot be taken
    // (unknown queue): the backend refuses it.
    virtual std::optional<std::string> callerArrived(const InboundCallSpec& spec) = 0;
    virtual void agentAnswered(const std::string& callId, const std::string& agentId) = 0;
    // The agent's phone could not be reached (unregistered, refused, no answer): the ring-no-
    // answer path.
    virtual void agentUnreachable(const std::string& callId, const std::string& agentId) = 0;
    virtual void agentHungUp(const std::string& callId, const std::string& agentId) = 0;
    virtual void callerHungUp(const std::string& callId) = 0;
    // The other end of an outbound call (or a consulted number) picked up.
    virtual void remoteAnswered(const std::string& callId) = 0;
    virtual void dtmfReceived(const std::string& callId, const std::string& digits) = 0;
    // No media (RTP timeout) or a failed leg: the call ends as dropped.
    virtual void mediaFailed(const std::string& callId, const std::string& why) = 0;
    virtual void transcriptLine(const std::string& callId, const TranscriptLine& line) = 0;
    // The agent's phone registered, refreshed or went away (real telephony).
    virtual void phoneChanged(const std::string& agentId, const PhoneStatus& phone) = 0;
};

}  // namespace agentdesk::server
