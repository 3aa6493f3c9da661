#pragma once
// The telephony interface the routes drive: agent states, call commands and what the API shows
// of them, as typed records (the routes' presenters make the JSON). The Acd implements it for
// every backend (simulated or SIP); DemoControls are the trainer's extras that only the
// simulator has.
//
// Threads: every method runs on the server's I/O thread.
#include <chrono>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "server/acd/acd_types.h"
#include "server/api_error.h"
#include "server/domain.h"

namespace agentdesk::server {

// What the ACD tells the CRM side (implemented with the CrmStore).
class AcdHooks {
public:
    virtual ~AcdHooks() = default;
    // Who a caller is (the customers with the number) and, for a call asking about `intent`,
    // what the offer suggests: `done` on the I/O thread, at once or later (the store is asked
    // off the I/O thread). The ACD holds a queued call, and the calls behind it in its queue,
    // until it is answered or Acd::kIdentifyWithin has passed.
    virtual void identifyCaller(const std::string& e164, const std::string& intent,
                                std::function<void(std::vector<CustomerMatch>)> done) = 0;
    virtual void callLegEnded(const InteractionRecord& record) = 0;
    virtual void abusiveCallEnded(const std::string& customerId) = 0;
    virtual void wrappedUp(const std::string& callId, const std::string& agentId,
                           const std::string& code, const std::optional<std::string>& noteId) = 0;
};

class Telephony {
public:
    virtual ~Telephony() = default;

    // Makes an agent known (logged out) so team leads see every agent.
    virtual void registerAgent(const User& user) = 0;
    virtual void agentLoggedIn(const User& user) = 0;
    virtual Outcome agentLoggedOut(const std::string& agentId) = 0;
    // state: Ready, NotReady or AfterCallWork.
    virtual Outcome setAgentState(const std::string& agentId, AgentState state,
                                  const std::string& reason, const std::string& requestId) = 0;

    virtual Outcome answer(const std::string& agentId, const std::string& callId,
                           const std::string& requestId) = 0;
    virtual Outcome reject(const std::string& agentId, const std::string& callId,
                           const std::string& requestId) = 0;
    virtual Outcome hold(const std::string& agentId, const std::string& callId,
                         const std::string& requestId) = 0;
    virtual Outcome resume(const std::string& agentId, const std::string& callId,
                           const std::string& requestId) = 0;
    virtual Outcome mute(const std::string& agentId, const std::string& callId, bool muted,
                         const std::string& requestId) = 0;
    virtual Outcome hangup(const std::string& agentId, const std::string& callId, bool forAbuse,
                           const std::string& requestId) = 0;
    virtual Outcome transfer(const std::string& agentId, const std::string& callId,
                             const TransferTarget& target, TransferMode mode,
                             const std::string& requestId) = 0;
    // Attended transfer: the caller goes to the agent (or number) the transferring agent is
    // talking to.
    virtual Outcome completeTransfer(const std::string& agentId, const std::string& callId,
                                     const std::string& requestId) = 0;
    virtual Outcome dtmf(const std::string& agentId, const std::string& callId,
                         const std::string& digits, const std::string& requestId) = 0;
    virtual Outcome setRecordingPaused(const std::string& agentId, const std::string& callId,
                                       bool paused, const std::string& requestId) = 0;
    virtual Outcome abuseWarning(const std::string& agentId, const std::string& callId,
                                 const std::string& requestId) = 0;
    // `matches`: who has the number (CrmStore::matchPhone), asked by the caller off the I/O
    // thread.
    virtual Outcome dial(const std::string& agentId, const std::string& e164,
                         const std::optional<std::string>& customerId,
                         std::vector<CustomerMatch> matches, const std::string& requestId,
                         std::string* callId) = 0;
    virtual Outcome wrapup(const std::string& agentId, const std::string& callId,
                           const std::string& code, const std::optional<std::string>& noteId,
                           const std::optional<AgentState>& nextState,
                           const std::string& requestId) = 0;

    // A line of the call's transcript from a speech-to-text engine (POST /calls/{id}/transcript).
    // atSec < 0: now, counted from the answer. Not found when the call is unknown or over;
    // invalid state while it is not connected to an agent.
    virtual Outcome addTranscript(const std::string& callId, TranscriptLine line) = 0;

    // Supervision of a live call by a team lead or trainer. The call must be connected or held;
    // calling again changes the mode.
    virtual Outcome supervise(const std::string& supervisorId, const std::string& callId,
                              SupervisionMode mode, const std::string& requestId) = 0;
    virtual Outcome stopSupervising(const std::string& supervisorId, const std::string& callId,
                                    const std::string& requestId) = 0;

    // Runs timers (ring timeout, ACW timeout, …) up to the clock's now.
    virtual void advance() = 0;
    // Ends every call and forgets today's figures (demo reset).
    virtual void reset() = 0;

    virtual bool hasQueue(const std::string& queueId) const = 0;
    virtual std::optional<AgentView> agent(const std::string& agentId) const = 0;
    virtual std::vector<AgentView> agents() const = 0;
    virtual std::optional<CallView> currentCall(const std::string& agentId) const = 0;
    virtual std::optional<std::string> currentCallCustomer(const std::string& agentId) const = 0;
    virtual std::optional<std::string> currentCallerE164(const std::string& agentId) const = 0;
    virtual bool callBelongsTo(const std::string& callId, const std::string& agentId) const = 0;
    // The call has not ended yet (queued, ringing, connected or held).
    virtual bool callActive(const std::string& callId) const = 0;
    // nullopt once the call has ended.
    virtual std::optional<CallState> callState(const std::string& callId) const = 0;
    // KPIs of the queues whose skill is in `skills` (all when null). window: rolling window;
    // nullopt: today since local midnight.
    virtual std::vector<QueueStatsView> queues(std::optional<std::chrono::seconds> window,
                                               const std::set<std::string>* skills) const = 0;
    virtual Capabilities capabilities() const = 0;
};

// Demo and training controls: callers made up by the simulator.
class DemoControls {
public:
    virtual ~DemoControls() = default;
    // A simulated caller arrives; returns the call id.
    virtual std::string injectCall(const InboundCallSpec& spec) = 0;
    virtual Outcome callerHangup(const std::string& callId) = 0;
    // Ends every call and forgets today's figures.
    virtual void reset() = 0;
};

}  // namespace agentdesk::server
