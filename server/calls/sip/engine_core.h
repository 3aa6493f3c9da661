#pragma once
// The engine's state on the re thread: the SIP stack (transports, INVITE sessions, REGISTER
// and OPTIONS handling), the legs by id, the registrar and the media mixer. SipEngine turns
// each public call into a closure that runs one of these methods on the re thread.
//
// Threads: re thread only, except that listener events leave through `Emit` (which posts them
// to the listener's thread).
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "server/calls/sip/engine_counters.h"
#include "server/calls/sip/media_leg.h"
#include "server/calls/sip/media_mixer.h"
#include "server/calls/sip/re_includes.h"
#include "server/calls/sip/registrar.h"
#include "server/calls/sip/sip_engine.h"
#include "server/calls/sip/sip_leg.h"

namespace agentdesk::server::sip {

class EngineCore : public SipLeg::Owner, public MediaLeg::Handler, public MediaMixer::Events {
public:
    // Hands a listener call to the listener's thread.
    using Emit = std::function<void(std::function<void(SipEngineListener&)>)>;

    EngineCore(SipConfig config, Emit emit, EngineCounters& counters,
               std::function<LegId()> newLegId);
    ~EngineCore() override;  // force-closes whatever shutdown() left
    EngineCore(const EngineCore&) = delete;
    EngineCore& operator=(const EngineCore&) = delete;

    bool start(std::string* error);
    std::uint16_t port() const { return port_; }
    // Ends every leg (legEnded(Shutdown)), closes the SIP stack gracefully and calls `done`
    // once pending BYE/CANCEL transactions are over or after a grace period.
    void shutdown(std::function<void()> done);

    void setAccounts(const std::vector<PhoneAccount>& accounts);
    // Standby (another node runs the ACD): REGISTER, OPTIONS and new INVITEs get 503, so a
    // proxy in front probing with OPTIONS sends phones and callers to the node that runs it.
    void setStandby(bool standby) { standby_ = standby; }
    void answerInbound(LegId leg, const std::string& extraHeaders);
    void rejectInbound(LegId leg, int status, const std::string& reason);
    void callExtension(LegId leg, const std::string& extension, const std::string& fromUser,
                       const std::string& fromDisplay, bool autoAnswer);
    void callNumber(LegId leg, const std::string& number, const std::string& fromUser);
    void hangup(LegId leg);
    void setHears(LegId leg, std::vector<Hear> hears);
    void play(LegId leg, std::uint64_t playId, std::vector<std::string> files, bool loop,
              bool exclusive);
    void stopPlay(LegId leg);
    void sendDtmf(LegId leg, const std::string& digits);
    void startRecording(std::uint64_t recId, LegId left, LegId right, const std::string& path);
    void setRecordingLegs(std::uint64_t recId, LegId left, LegId right);
    void pauseRecording(std::uint64_t recId, bool paused);
    void stopRecording(std::uint64_t recId);

    // SipLeg::Owner
    void legAnswered(SipLeg& leg) override;
    void legClosed(SipLeg& leg, EndReason reason, int status, const std::string& detail) override;
    void legInfoDtmf(SipLeg& leg, char digit) override;
    // MediaLeg::Handler
    void onAudio(MediaLeg& leg, const AudioPacket& packet) override;
    void onDtmf(MediaLeg& leg, char digit) override;
    // MediaMixer::Events
    void playbackFinished(LegId leg, std::uint64_t playId) override;

private:
    static bool onRequest(const sip_msg* msg, void* arg);
    static void onInvite(const sip_msg* msg, void* arg);
    static void onHousekeeping(void* arg);
    static void onReap(void* arg);
    static void onSipExit(void* arg);
    static void onShutdownGrace(void* arg);

    void handleInvite(const sip_msg* msg);
    bool trunkAllowed(const sa& source) const;
    std::string allowHeaders() const;
    void startOutbound(LegId leg, const std::string& toUri, const std::string& fromUser,
                       const std::string& fromDisplay, const std::string& extraHeaders);
    // Removes the leg from routing, posts legEnded once and destroys it soon (outside libre's
    // callback that may be running now).
    void endLeg(LegId leg, EndReason reason, int status, const std::string& detail);
    void postEnded(LegId leg, EndReason reason, int status, const std::string& detail);
    SipLeg* findLeg(LegId leg);
    void finishShutdown();

    SipConfig config_;
    Emit emit_;
    EngineCounters& counters_;
    std::function<LegId()> newLegId_;
    sa listenAddr_{};
    std::string hostForUris_;  // listen IP as it goes into URIs
    std::uint16_t port_ = 0;
    std::vector<sa> trunks_;  // port 0: any port from that IP
    ::sip* sip_ = nullptr;
    sipsess_sock* sessSock_ = nullptr;
    sip_lsnr* lsnr_ = nullptr;
    std::unique_ptr<Registrar> registrar_;
    MediaMixer mixer_;
    std::map<LegId, std::unique_ptr<SipLeg>> legs_;
    std::vector<std::unique_ptr<SipLeg>> graveyard_;
    tmr housekeeping_{};
    tmr reap_{};
    tmr grace_{};
    bool shuttingDown_ = false;
    bool standby_ = false;
    bool sipExited_ = false;  // libre called onSipExit and holds a reference for us
    std::function<void()> shutdownDone_;
};

}  // namespace agentdesk::server::sip
