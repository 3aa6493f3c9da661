#pragma once
// Real telephony for the ACD: a SIP back-to-back user agent. Callers come in from trunks (or
// from agents' phones dialling a queue), hear the greeting with the recording notice, music and
// their position while queued; agents' registered phones ring; caller and agent are bridged,
// recorded (stereo WAV, caller left, agent right), held with music, muted, supervised by mixing,
// transferred, and every leg ends with the call. The SIP and media work is the SipEngine's (on
// libre's own thread); this class maps the ACD's calls to the engine's legs.
//
// Threads: I/O thread only. The engine posts its reports (SipEngineListener) to the I/O thread
// through the `post` function; commands go to the engine's queue and never block.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "server/acd/call_control.h"
#include "server/acd/telephony.h"
#include "server/calls/prompts/prompt_library.h"
#include "server/calls/sip/sip_engine.h"
#include "server/clock.h"

namespace agentdesk::server {

struct SipTelephonyOptions {
    sip::SipConfig sip;
    std::filesystem::path promptDir;             // a valid prompts::PromptLibrary directory
    std::filesystem::path recordingsDir;         // <callId>.wav, created when missing
    int recordingRetentionDays = 90;             // older recordings are deleted; 0 keeps them all
    std::map<std::string, std::string> numbers;  // dialled number (E.164) → queue id
    std::string centerNumberE164;                // what customers see on outbound calls
    prompts::Lang lang = prompts::Lang::Ko;
};

class SipCallControl final : public CallControl, public sip::SipEngineListener {
public:
    SipCallControl(SipTelephonyOptions options, const Clock& clock, CallControlListener& acd,
                   Telephony& telephony, std::function<void(std::function<void()>)> post);
    ~SipCallControl() override;

    // Binds the SIP port and starts the engine. False + reason when it cannot.
    bool start(std::string* error);
    // Every leg gets BYE (or CANCEL); blocks until the engine has stopped. Not on the I/O
    // thread's own handlers while the engine still posts to it: call from ServerApp::stop().
    void stop();
    std::uint16_t sipPort() const;
    sip::SipEngine::Stats stats() const;
    // Several nodes: this one answers SIP only while it runs the ACD (sip_engine.h).
    void setStandby(bool standby);
    // The agents whose phones may register: extension and digest credential.
    void setAgents(const std::vector<User>& users);
    // Path of a call's recording; nullopt when there is none.
    std::optional<std::filesystem::path> recordingPath(const std::string& callId) const;
    // Legs being set up that will answer by themselves: phones told to pick up (the desktop's
    // Answer), click-to-dial legs (the agent's phone, then the customer), a supervisor's phone,
    // a number being consulted or transferred to. The API said 202; the state follows once they
    // answer. For status views and tests that wait for quiet.
    std::size_t legsSettingUp() const;

    // CallControl
    void callerQueued(const std::string& callId, bool again) override;
    void ringAgent(const std::string& callId, const std::string& agentId, bool consult) override;
    void stopRinging(const std::string& callId, const std::string& agentId) override;
    void answerAtAgent(const std::string& callId, const std::string& agentId) override;
    void connect(const std::string& callId, const std::string& agentId, bool first) override;
    void hold(const std::string& callId, bool held) override;
    void mute(const std::string& callId, bool muted) override;
    void announce(const std::string& callId, const AnnouncementRequest& request) override;
    void pauseRecording(const std::string& callId, bool paused) override;
    void sendDtmf(const std::string& callId, const std::string& digits) override;
    void supervise(const std::string& callId, const std::string& agentId,
                   const std::string& supervisorId, std::optional<SupervisionMode> mode) override;
    void consultConnected(const std::string& callId, const std::string& agentId,
                          const std::string& targetAgentId) override;
    void dialConsult(const std::string& callId, const std::string& agentId,
                     const std::string& e164) override;
    void endConsult(const std::string& callId) override;
    void dialOut(const std::string& callId, const std::string& agentId,
                 const std::string& e164) override;
    void releaseAgent(const std::string& callId, const std::string& agentId) override;
    void transferOut(const std::string& callId, const std::string& e164) override;
    void endCall(const std::string& callId) override;
    void advance() override;
    // A SIP call's dialogs and audio live in the node that answered it: when that node dies,
    // so do they. Nothing to keep, nothing another node could carry on.
    DurableCaller durableCaller(const std::string&) const override { return {}; }
    bool adopt(const DurableCall&) override { return false; }

    // SipEngineListener (posted to the I/O thread)
    void registrationChanged(const sip::Registration& registration) override;
    void inboundCall(const sip::InboundCall& call) override;
    void legAnswered(sip::LegId leg) override;
    void legEnded(const sip::LegEnded& ended) override;
    void dtmfReceived(sip::LegId leg, char digit) override;
    void playbackFinished(sip::LegId leg, std::uint64_t playId) override;

private:
    struct Call;
    enum class LegRole { Caller, Ringing, Agent, Supervisor, Outside, Consulted };
    struct LegRef {
        std::string callId;
        LegRole role = LegRole::Caller;
        std::string agentId;  // Ringing, Agent, Supervisor
    };

    Call* find(const std::string& callId);
    // The call a leg of ours belongs to (and the leg's role in it); null for a leg we dropped.
    Call* callOf(sip::LegId leg, LegRef* ref);
    sip::LegId newLeg(const std::string& callId, LegRole role, const std::string& agentId);
    void dropLeg(sip::LegId leg);  // forgets it and hangs it up
    void applyRoutes(Call& call);
    void playMusic(Call& call);
    void afterGreeting(Call& call);
    void finish(Call& call);
    std::string extensionOf(const std::string& agentId) const;
    std::string callerNumberForPhones(const Call& call) const;
    void purgeOldRecordings();

    SipTelephonyOptions options_;
    const Clock& clock_;
    CallControlListener& acd_;
    Telephony& telephony_;
    prompts::PromptLibrary prompts_;
    std::function<void(std::function<void()>)> post_;  // to the I/O thread, later
    std::unique_ptr<sip::SipEngine> engine_;
    std::optional<bool> standby_;
    std::map<std::string, std::unique_ptr<Call>> calls_;
    std::map<sip::LegId, LegRef> legs_;
    std::map<std::string, std::string> agentOfExtension_;
    std::map<std::string, std::string> extensionOfAgent_;
    struct Arriving {
        sip::LegId leg;
        std::string aniE164;
    };
    std::optional<Arriving> arriving_;  // the caller being handed to the ACD
    std::uint64_t nextRecordingId_ = 1;
    std::optional<TimePoint> lastPurge_;
};

}  // namespace agentdesk::server
