#pragma once
// Simulated telephony for demos and training: made-up callers with patience, talk time and
// scripted transcripts; the agents' "phones" answer the moment the desktop says so, and
// outside numbers pick up after a few seconds. No audio: announcements, music, recording and
// mixing have nothing to move, so those commands only change what the ACD already shows.
//
// Threads: I/O thread only, like the ACD it drives; time from the injected Clock.
#include <map>
#include <optional>
#include <string>

#include "server/acd/call_control.h"
#include "server/acd/telephony.h"
#include "server/clock.h"

namespace agentdesk::server {

class SimCallControl final : public CallControl, public DemoControls {
public:
    // listener and telephony are the ACD; outboundAnswerSec: how long outside numbers ring.
    SimCallControl(const Clock& clock, CallControlListener& listener, Telephony& telephony,
                   int outboundAnswerSec);

    // DemoControls
    std::string injectCall(const InboundCallSpec& spec) override;
    Outcome callerHangup(const std::string& callId) override;
    void reset() override;

    // CallControl
    void callerQueued(const std::string& callId, bool again) override;
    void ringAgent(const std::string&, const std::string&, bool) override {}
    void stopRinging(const std::string&, const std::string&) override {}
    void answerAtAgent(const std::string& callId, const std::string& agentId) override;
    void connect(const std::string& callId, const std::string& agentId, bool first) override;
    void hold(const std::string& callId, bool held) override;
    void mute(const std::string&, bool) override {}
    void announce(const std::string& callId, const AnnouncementRequest& request) override;
    void pauseRecording(const std::string&, bool) override {}
    void sendDtmf(const std::string&, const std::string&) override {}
    void supervise(const std::string&, const std::string&, const std::string&,
                   std::optional<SupervisionMode>) override {}
    void consultConnected(const std::string&, const std::string&, const std::string&) override {}
    void dialConsult(const std::string& callId, const std::string& agentId,
                     const std::string& e164) override;
    void endConsult(const std::string& callId) override;
    void dialOut(const std::string& callId, const std::string& agentId,
                 const std::string& e164) override;
    void releaseAgent(const std::string&, const std::string&) override {}
    void transferOut(const std::string&, const std::string&) override {}
    void endCall(const std::string& callId) override;
    void advance() override;
    DurableCaller durableCaller(const std::string& callId) const override;
    bool adopt(const DurableCall& call) override;

private:
    struct Caller {
        std::optional<int> patienceSec;
        std::optional<TimePoint> patienceDeadline;
        std::optional<int> talkSec;
        std::optional<TimePoint> hangupAt;
        std::vector<TranscriptLine> transcript;
        std::size_t transcriptNext = 0;
        TimePoint transcriptStart;
        bool connected = false;
        bool held = false;
        std::optional<TimePoint> remoteAnswerAt;  // outbound call or consulted number
    };
    void runCaller(const std::string& callId, TimePoint now);

    const Clock& clock_;
    CallControlListener& listener_;
    Telephony& telephony_;
    int outboundAnswerSec_;
    std::map<std::string, Caller> callers_;
    std::optional<InboundCallSpec> arriving_;  // the spec of the caller being injected
};

}  // namespace agentdesk::server
