#pragma once
// A small SIP phone made of libre in this process, for tests that need many phones and callers
// quickly (the call-flow parity suite): it registers with digest authentication, rings on an
// INVITE and picks up by itself only when the INVITE carries both auto-answer hints
// (`Call-Info: …;answer-after=0` and `Alert-Info: …auto…answer`), places calls with extra
// headers, and sends G.711 silence while a call is up (so the server's RTP timeout does not
// fire). It hears nothing: for what parties hear, use BaresipPhone.
//
// Threads: libre runs on the phone's own thread (server/calls/sip/re_thread.h); every public
// method is thread-safe and may block for a short while waiting for that thread.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace agentdesk::server::sip {
class ReThread;
}

namespace agentdesk::siptest {

using namespace std::chrono_literals;

struct LoopPhoneOptions {
    std::string user = "1000";      // From user: the extension, or the caller's number
    std::string password;           // digest password when registering
    std::string registrar;          // "127.0.0.1:PORT"; empty: no registration
    bool answerEverything = false;  // a gateway: every INVITE is answered at once
};

class LoopPhone {
public:
    explicit LoopPhone(LoopPhoneOptions options);
    ~LoopPhone();  // stop()
    LoopPhone(const LoopPhone&) = delete;
    LoopPhone& operator=(const LoopPhone&) = delete;

    // Binds 127.0.0.1:0 and, with a registrar, registers (waits for the 200). Throws
    // std::runtime_error when it cannot.
    void start(std::chrono::milliseconds timeout = 5s);
    void stop();  // hangs up and unregisters nothing (the server notices on its own)

    // Places a call; headers: complete lines ending in CRLF. Waits until it is answered (true)
    // or ends or times out (false).
    bool call(const std::string& uri, const std::string& headers,
              std::chrono::milliseconds timeout = 5s);
    void hangupAll();      // BYE / CANCEL every session
    bool answerRinging();  // picks up a ringing INVITE by hand; false when none rings

    struct Counts {
        int invites = 0;       // INVITEs received
        int autoAnswered = 0;  // of those, answered because of the hints
        int established = 0;   // calls that came up (either direction)
        int closed = 0;        // calls that ended
        int up = 0;            // calls up now
        int ringing = 0;       // INVITEs ringing now
    };
    Counts counts() const;
    // Waits until pred(counts()) holds.
    template <class Pred>
    bool waitFor(Pred pred, std::chrono::milliseconds timeout = 5s) const {
        std::unique_lock<std::mutex> lock(mutex_);
        return changed_.wait_for(lock, timeout, [&] { return pred(counts_); });
    }
    // The X-AgentDesk-Call-Id of the answer to our last call (empty if none).
    std::string answeredCallId() const;
    std::string uri() const;  // sip:user@127.0.0.1:port

    class Impl;  // libre side; public only for its callbacks' sake

private:
    LoopPhoneOptions options_;
    std::unique_ptr<server::sip::ReThread> thread_;
    Impl* impl_ = nullptr;  // owned by and used only on the re thread
    int port_ = 0;

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    Counts counts_;
    std::string answeredCallId_;
    bool registered_ = false;
    bool registerFailed_ = false;
    friend class Impl;
};

}  // namespace agentdesk::siptest
