// Harness sip_message: one SIP request from a trunk, as a datagram to a real SipEngine
// (server/calls/sip/sip_engine.h) listening on 127.0.0.1: libre parses it, then our code reads
// it: the trunk check, the IVR's X-AgentDesk-Intent and X-AgentDesk-Verified headers, the SDP
// offer (PCMA/PCMU or 488), the caller's user and display name; REGISTER goes to our registrar.
// An INVITE that becomes a call is rejected with 486 at once (never answered, so the engine
// sends nothing anywhere but back to the harness's own socket on 127.0.0.1).
//
// In the input, {n} becomes a number unique to the run (so Via branches and Call-IDs never look
// like retransmissions), {port} the harness's port and {sipport} the engine's. After sending it
// the harness sends an OPTIONS and waits for its answer: the engine has then handled the input.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>

#include "common/logging.h"
#include "server/calls/sip/sip_engine.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

namespace sip = agentdesk::server::sip;

// Listener callbacks arrive on the engine's thread through post(); the harness runs them.
class Inbox final : public sip::SipEngineListener {
public:
    void post(std::function<void()> fn) {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(fn));
    }
    void runPosted() {
        std::deque<std::function<void()>> ready;
        {
            std::lock_guard lock(mutex_);
            ready.swap(queue_);
        }
        for (auto& fn : ready)
            fn();
    }
    std::deque<sip::InboundCall> calls;

    void registrationChanged(const sip::Registration&) override {}
    void inboundCall(const sip::InboundCall& call) override { calls.push_back(call); }
    void legAnswered(sip::LegId) override {}
    void legEnded(const sip::LegEnded&) override {}
    void dtmfReceived(sip::LegId, char) override {}
    void playbackFinished(sip::LegId, std::uint64_t) override {}

private:
    std::mutex mutex_;
    std::deque<std::function<void()>> queue_;
};

struct Rig {
    Inbox inbox;
    sip::SipEngine engine;
    int socket = -1;
    std::uint16_t port = 0;
    std::uint64_t run = 0;

    static sip::SipConfig config() {
        sip::SipConfig c;
        c.listenHost = "127.0.0.1";
        c.listenPort = 0;
        c.trunkAddrs = {"127.0.0.1"};
        c.rtpPortMin = 41000;
        c.rtpPortMax = 41999;
        return c;
    }

    Rig()
        : engine(config(), inbox, [this](std::function<void()> fn) { inbox.post(std::move(fn)); }) {
        agentdesk::logging::Options quiet;  // lines are redacted, then dropped
        quiet.toStderr = false;
        quiet.toFile = false;
        quiet.levels = "debug";
        agentdesk::logging::init(quiet);
        std::string why;
        FUZZ_CHECK(engine.start(&why), "SipEngine::start: " + why);
        socket = ::socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        FUZZ_CHECK(::bind(socket, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0, "bind");
        socklen_t len = sizeof addr;
        ::getsockname(socket, reinterpret_cast<sockaddr*>(&addr), &len);
        port = ntohs(addr.sin_port);
        timeval tv{0, 100 * 1000};
        ::setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }

    ~Rig() { ::close(socket); }  // the engine stops after this (member order)

    void send(const std::string& text) const {
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        to.sin_port = htons(engine.sipPort());
        ::sendto(socket, text.data(), text.size(), 0, reinterpret_cast<sockaddr*>(&to), sizeof to);
    }

    // OPTIONS with a Call-ID of its own; returns once its answer is back (the engine handles
    // datagrams in order, so the input before it has been handled too).
    void sync() {
        const std::string callId = "sync-" + std::to_string(run) + "@fuzz";
        const std::string me = "127.0.0.1:" + std::to_string(port);
        send("OPTIONS sip:agentdesk@127.0.0.1:" + std::to_string(engine.sipPort()) +
             " SIP/2.0\r\nVia: SIP/2.0/UDP " + me + ";rport;branch=z9hG4bK-sync-" +
             std::to_string(run) + "\r\nMax-Forwards: 70\r\nFrom: <sip:sync@" + me +
             ">;tag=s\r\nTo: <sip:agentdesk@127.0.0.1>\r\nCall-ID: " + callId +
             "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        char buf[65536];
        for (;;) {
            FUZZ_CHECK(std::chrono::steady_clock::now() < deadline, "the engine stopped answering");
            const ssize_t n = ::recv(socket, buf, sizeof buf, 0);
            if (n > 0 && std::string_view(buf, n).find(callId) != std::string_view::npos)
                return;
        }
    }
};

Rig& rig() {
    static Rig r;
    return r;
}

void replaceAll(std::string& text, const std::string& what, const std::string& with) {
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
        text.replace(at, what.size(), with);
}

void checkCall(const sip::InboundCall& call, std::uint16_t port) {
    const auto& intent = call.intent;
    FUZZ_CHECK(
        intent.empty() || (intent.size() <= 40 &&
                           intent.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") ==
                               std::string::npos),
        "intent " + intent);
    FUZZ_CHECK(!call.fromRegisteredPhone, "a trunk call taken for a phone's");
    FUZZ_CHECK(call.remoteAddr == "127.0.0.1:" + std::to_string(port), call.remoteAddr);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Rig& r = rig();
    ++r.run;
    std::string text(reinterpret_cast<const char*>(data), size);
    replaceAll(text, "{n}", std::to_string(r.run));
    replaceAll(text, "{port}", std::to_string(r.port));
    replaceAll(text, "{sipport}", std::to_string(r.engine.sipPort()));
    if (!text.empty())
        r.send(text);
    r.sync();
    r.inbox.runPosted();
    while (!r.inbox.calls.empty()) {
        const sip::InboundCall call = r.inbox.calls.front();
        r.inbox.calls.pop_front();
        checkCall(call, r.port);
        r.engine.rejectInbound(call.leg, 486, "Busy Here");
    }
    r.sync();
    r.inbox.runPosted();
    return 0;
}
