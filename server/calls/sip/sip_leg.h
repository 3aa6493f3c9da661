#pragma once
// One call leg: its SIP INVITE session (libre sipsess, inbound or outbound), its SDP and its
// media. Turns libre's session callbacks into answered/closed/DTMF events for the engine and
// answers re-INVITEs (hold, resume, new address) on its own.
//
// Threads: re thread only.
#include <cstdint>
#include <memory>
#include <string>

#include "server/calls/sip/engine_counters.h"
#include "server/calls/sip/media_leg.h"
#include "server/calls/sip/re_includes.h"
#include "server/calls/sip/sdp_offer.h"
#include "server/calls/sip/sip_engine.h"

namespace agentdesk::server::sip {

class SipLeg {
public:
    class Owner {
    public:
        virtual ~Owner() = default;
        virtual void legAnswered(SipLeg& leg) = 0;  // an outbound leg got its 200 OK
        virtual void legClosed(SipLeg& leg, EndReason reason, int status,
                               const std::string& detail) = 0;  // the remote or libre ended it
        virtual void legInfoDtmf(SipLeg& leg, char digit) = 0;
    };
    enum class State { Ringing, Answered, Ended };

    SipLeg(LegId id, bool inbound, Owner& owner, MediaLeg::Handler& media,
           EngineCounters& counters);
    ~SipLeg();  // releases the session: libre sends BYE/CANCEL if it is still up
    SipLeg(const SipLeg&) = delete;
    SipLeg& operator=(const SipLeg&) = delete;

    // Opens the RTP ports and prepares our SDP for them.
    int prepareMedia(const sa& ip, std::uint16_t portMin, std::uint16_t portMax);

    // Inbound: decodes the INVITE's offer (if any) before accepting.
    SdpOffer::Result takeOffer(const sip_msg* msg);
    // Inbound: creates the session and sends 180 Ringing.
    int accept(sipsess_sock* sock, const sip_msg* msg, const std::string& headers);
    int answer(const std::string& headers);             // inbound: 200 OK with SDP, media starts
    int reject(int status, const std::string& reason);  // inbound, before the answer

    // Outbound: sends the INVITE with our offer.
    int connect(sipsess_sock* sock, const std::string& toUri, const std::string& fromName,
                const std::string& fromUri, const std::string& headers);

    // Marks the leg ended; callbacks from now on are ignored. The destructor does the rest.
    void end() { state_ = State::Ended; }

    LegId id() const { return id_; }
    bool inbound() const { return inbound_; }
    State state() const { return state_; }
    MediaLeg& media() { return *media_; }

private:
    static int onOffer(mbuf** descp, const sip_msg* msg, void* arg);
    static int onAnswer(const sip_msg* msg, void* arg);
    static void onProgress(const sip_msg* msg, void* arg);
    static void onEstablished(const sip_msg* msg, void* arg);
    static void onInfo(::sip* stack, const sip_msg* msg, void* arg);
    static void onClose(int err, const sip_msg* msg, void* arg);

    bool applyRemote(const sip_msg* msg, bool isOffer);

    LegId id_;
    bool inbound_;
    Owner& owner_;
    State state_ = State::Ringing;
    sipsess* sess_ = nullptr;
    SdpOffer sdp_;
    std::unique_ptr<MediaLeg> media_;
    bool haveRemoteOffer_ = false;  // inbound INVITE carried SDP (else: late offer)
    EngineCounters& counters_;
};

}  // namespace agentdesk::server::sip
