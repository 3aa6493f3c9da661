#pragma once
// SIP/RTP engine of agentdesk-server's back-to-back user agent: a registrar for agents' phones,
// inbound calls from trunks, outbound legs to phones and to a gateway, and a G.711 media core
// (relay, mixing, WAV prompts and music, stereo recording, RFC 4733 DTMF). The ACD drives it.
//
// Threads: the engine owns one thread that runs libre's event loop; every SIP, RTP, timer and
// file operation happens there. All public methods are thread-safe and non-blocking (they
// enqueue a command for that thread), except start() and stop(), which block and must not be
// called from a listener callback. Listener callbacks are handed to the `post` function given
// to the constructor (which runs them on the server's I/O thread), in the order the engine
// produced them. stats() and sipPort() read atomics.
//
// Leg ids: the engine picks them for inbound legs; callers pick them for outbound legs with
// newLegId(). Every leg the engine learns about ends with exactly one legEnded():
//   remote BYE → Bye; remote CANCEL → Cancel; 3xx-6xx to our INVITE → Rejected(status);
//   no response / no ACK → Timeout; no RTP → RtpTimeout; stop() → Shutdown;
//   hangup() → Bye when the leg was answered, Cancel when it was not (detail "local hangup");
//   rejectInbound() → Rejected(status).
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::server::sip {

using LegId = std::uint64_t;

enum class Codec { Pcma, Pcmu };

struct SipConfig {
    // A concrete local IP (it goes into Contact headers and SDP); UDP and, when it binds, TCP.
    std::string listenHost = "127.0.0.1";
    std::uint16_t listenPort = 5080;  // 0: ephemeral, see sipPort()
    // IPs (or ip:port) allowed to send INVITEs that are not from a registered phone.
    std::vector<std::string> trunkAddrs;
    std::string outboundUri;  // e.g. "sip:127.0.0.1:5090": gateway for calls to numbers
    std::string realm = "agentdesk";
    std::uint16_t rtpPortMin = 20000, rtpPortMax = 29999;
    int rtpTimeoutSec = 30;  // no RTP from a connected, sending leg this long → RtpTimeout
    std::string userAgent = "AgentDesk";
};

// A phone's digest credential: the password, or (what the server stores) its HA1 =
// lower-case hex MD5("extension:realm:password"); ha1 wins when both are given.
struct PhoneAccount {
    std::string extension;
    std::string password;
    std::string ha1;
};

struct Registration {
    std::string extension;
    bool registered = false;
    std::string contact;
    std::string userAgent;
    std::chrono::system_clock::time_point expires;
};

struct InboundCall {
    LegId leg = 0;
    std::string requestUser;
    std::string fromUser;
    std::string fromDisplay;
    std::string remoteAddr;  // "ip:port" the INVITE came from
    bool fromRegisteredPhone = false;
    std::string phoneExtension;  // set when fromRegisteredPhone
    // What the trunk's IVR attached (X-AgentDesk-Intent, X-AgentDesk-Verified: yes|no); only
    // read from trunks, never from phones. Empty / nullopt when absent.
    std::string intent;
    std::optional<bool> verified;
};

enum class EndReason {
    Bye,
    Cancel,
    Rejected,  // 3xx-6xx to our INVITE, or rejectInbound()
    Timeout,   // no answer / no final response / no ACK
    RtpTimeout,
    Error,
    Shutdown
};

struct LegEnded {
    LegId leg = 0;
    EndReason reason = EndReason::Error;
    int sipStatus = 0;
    std::string detail;
};

struct Hear {
    LegId from = 0;
    float gain = 1.0f;
};

// Called on the thread of the `post` function given to the engine.
class SipEngineListener {
public:
    virtual ~SipEngineListener() = default;
    // A new or changed binding, an un-REGISTER, an expiry; plain refreshes are not reported.
    virtual void registrationChanged(const Registration&) = 0;
    // The INVITE passed the trunk/phone check and the SDP check (PCMA/PCMU, else the engine
    // sent 488); the engine sent 180 Ringing and waits for answerInbound/rejectInbound.
    virtual void inboundCall(const InboundCall&) = 0;
    // Outbound leg got 200 OK (media up), or inbound leg answered by answerInbound().
    virtual void legAnswered(LegId) = 0;
    virtual void legEnded(const LegEnded&) = 0;  // every leg ends exactly once
    // RFC 4733 (end of event, deduplicated) or SIP INFO application/dtmf-relay.
    virtual void dtmfReceived(LegId, char digit) = 0;
    virtual void playbackFinished(LegId, std::uint64_t playId) = 0;
};

class SipEngine {
public:
    // post: runs a closure on the listener's thread (e.g. boost::asio::post(io, f)).
    SipEngine(SipConfig config, SipEngineListener& listener,
              std::function<void(std::function<void()>)> post);
    ~SipEngine();  // stop()
    SipEngine(const SipEngine&) = delete;
    SipEngine& operator=(const SipEngine&) = delete;

    // Binds the SIP socket and starts the engine thread; false + reason on failure.
    bool start(std::string* error);
    // BYE/CANCEL every leg (waits up to 2 s for the answers), unregisters nothing, joins the
    // thread; every legEnded(Shutdown) is posted before it returns.
    void stop();
    std::uint16_t sipPort() const;  // actual bound port (0 before start)

    // Registrar credentials (digest, realm from config); replaces all; may be called before
    // start(). Bindings of extensions no longer listed are dropped (registrationChanged(false)).
    void setAccounts(std::vector<PhoneAccount> accounts);

    // Standby while another node runs the ACD: REGISTER, OPTIONS and new INVITEs get 503
    // (legs already up are not touched). Off at start.
    void setStandby(bool standby);

    LegId newLegId();
    // 200 OK with SDP (codec negotiated), media starts. extraHeaders: complete header lines,
    // each ending in CRLF (e.g. the call id for the trunk's records).
    void answerInbound(LegId leg, std::string extraHeaders = {});
    void rejectInbound(LegId leg, int status, std::string reason);  // e.g. 404, 486, 503

    // Calls a registered phone (its latest contact) or a number via outboundUri. autoAnswer
    // adds `Call-Info: <sip:HOST>;answer-after=0` and
    // `Alert-Info: <http://127.0.0.1>;info=alert-autoanswer` (baresip honours them from 1.1 on,
    // with sip_autoanswer=yes; Debian's 1.0 only auto-answers with answermode=auto in the
    // account). Unregistered extension → legEnded(Rejected, 480).
    void callExtension(LegId leg, std::string extension, std::string fromUser,
                       std::string fromDisplay, bool autoAnswer);
    void callNumber(LegId leg, std::string e164OrUser, std::string fromUser);
    void hangup(LegId leg);  // BYE if answered, CANCEL if ringing, 480 if an unanswered inbound

    // What a leg hears; setHears(a, {}) = silence (comfort G.711 silence is sent).
    void setHears(LegId leg, std::vector<Hear> hears);
    // Plays WAV files (8 kHz mono 16-bit) one after another to a leg, mixed with what it hears,
    // unless exclusive (then the leg hears only its players while one of those plays). loop:
    // music. playbackFinished is posted at the end (not for loop, not when stopped).
    std::uint64_t play(LegId leg, std::vector<std::string> files, bool loop, bool exclusive);
    void stopPlay(LegId leg);  // stops every player of that leg
    // RFC 4733 events when the leg negotiated telephone-event, in-band DTMF tones otherwise.
    void sendDtmf(LegId leg, std::string digits);

    // Stereo WAV, 8 kHz 16-bit: what `left` sends on the left, what `right` sends on the right.
    // Wall-clock continuous: paused spans and missing audio are written as silence.
    void startRecording(std::uint64_t recId, LegId left, LegId right, std::string path);
    void setRecordingLegs(std::uint64_t recId, LegId left, LegId right);
    void pauseRecording(std::uint64_t recId, bool paused);
    void stopRecording(std::uint64_t recId);  // file closed, header finalized

    struct Stats {
        std::size_t legs = 0, rtpSockets = 0, registrations = 0;
        std::uint64_t rtpIn = 0, rtpOut = 0, rtpLost = 0;
    };
    Stats stats() const;

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace agentdesk::server::sip
