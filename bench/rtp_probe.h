#pragma once
// The media side of bench_sip_capacity's callers: one UDP socket per call that sends a tagged
// 20 ms PCMA packet every 20 ms to the engine, a receiver that takes the kernel's receive time of
// what comes back, and a packet tap on the loopback device that times the tagged packets at
// every hop (caller -> engine -> echoing agent -> engine -> caller), so the engine's own share
// is measured outside the engine without touching its code.
//
// Packet: RTP header (PT 8, seq, ts, SSRC = call + 1) and 160 payload bytes. The payload starts
// with a 24-byte tag (magic, call, sequence number, measurement window, CLOCK_REALTIME send
// time); the rest is A-law silence. The engine relays PCMA to a PCMA leg byte for byte, and
// SIPp's echo returns the datagram unchanged, so the tag survives the whole round trip.
//
// The receiving threads poll (every 1 ms, the tap every 5 ms) instead of sleeping on their
// sockets: on loopback the kernel wakes a sleeping receiver inside the sender's sendto, so every
// packet the engine sends to us would cost the engine a wake-up that a caller on another host
// does not. All times are the kernel's, so the polling does not add to them.
//
// Threads: "probe-send", "probe-recv" and "probe-tap" (when tapping); the methods are for one
// controlling thread.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace agentdesk::bench {

class RtpProbe {
public:
    struct Options {
        int maxCalls = 600;
        int firstPort = 16000;  // caller sockets on even ports from here (below the kernel's
                                // ephemeral range and the engine's RTP range)
        int tapEvery = 5;       // the tap follows every Nth call; 0: no tap
        int maxSteps = 32;      // measurement windows 0..maxSteps-1
        int nice = 0;           // nice value of the probe's threads
    };

    // What one measurement window produced. Times in ns.
    struct StepFigures {
        std::uint64_t sent = 0;               // packets sent in the window
        std::uint64_t received = 0;           // of those, echoes back at the right caller
        std::uint64_t misrouted = 0;          // echoes that came back to another call's socket
        std::uint64_t sendErrors = 0;         // sendto() failures
        std::vector<std::int32_t> roundTrip;  // send -> kernel receive time of the echo
        std::vector<std::int32_t> relayIn;    // tap: caller's packet sent -> engine sent it on
        std::vector<std::int32_t> relayOut;   // tap: agent's echo sent -> engine sent it on
        std::vector<std::int32_t> echo;       // tap: engine sent -> SIPp sent the echo
        double senderLateMaxMs = 0;           // worst lateness of the sender for a 1 ms slot
    };

    explicit RtpProbe(Options options);
    ~RtpProbe();  // stop()
    RtpProbe(const RtpProbe&) = delete;
    RtpProbe& operator=(const RtpProbe&) = delete;

    // Binds the caller sockets and, when tapping, the loopback tap (needs CAP_NET_RAW).
    bool open(std::string* error);
    int port(int call) const { return ports_[static_cast<std::size_t>(call)]; }
    // Where SIPp echoes (the tap tells its hops apart by this port). Before start().
    void setEchoPort(int port) { echoPort_ = port; }
    void start();
    void stop();
    bool tapping() const { return tapFd_ >= 0; }

    // Calls [0, n) send from the moment they know the engine's RTP port, which they learn from
    // the first RTP packet the engine sends them (it sends silence as soon as it answers).
    void setActiveCalls(int n) { active_.store(n); }
    int latched(int n) const;
    // Packets sent while a window is open carry its number; closeWindow() stops that.
    void openWindow(int step);
    void closeWindow() { window_.store(-1); }
    // The window's figures; call a moment after closeWindow() so that late echoes count.
    StepFigures take(int step);
    std::uint64_t tapDrops();  // packets the kernel could not queue to the tap, so far

private:
    struct TapSlot {
        std::uint32_t seq = 0;
        std::int64_t sent = 0;     // hop a: caller -> engine
        std::int64_t toAgent = 0;  // hop b: engine -> echo
        std::int64_t echoed = 0;   // hop c: echo -> engine
    };
    struct Collected {
        std::vector<std::int32_t> roundTrip, relayIn, relayOut, echo;
    };

    void sendLoop();
    void receiveLoop();
    void tapLoop();
    bool openTap(std::string* error);
    void tapPacket(const std::uint8_t* ip, std::size_t len, std::int64_t ns);

    Options options_;
    std::vector<int> fds_;
    std::vector<int> ports_;
    std::vector<std::int16_t> callOfPort_;  // 65536 entries, -1: not a caller port
    int echoPort_ = 0;
    int epoll_ = -1;
    int tapFd_ = -1;
    std::unique_ptr<std::atomic<std::uint16_t>[]> enginePort_;
    std::vector<std::uint32_t> seq_;  // sender thread only
    std::vector<TapSlot> tapSlots_;   // tap thread only
    std::atomic<int> active_{0};
    std::atomic<int> window_{-1};
    std::atomic<bool> running_{false};
    std::unique_ptr<std::atomic<std::uint64_t>[]> sent_, received_, misrouted_, sendErrors_;
    std::unique_ptr<std::atomic<std::int64_t>[]> lateMaxNs_;
    std::mutex collectedMutex_;
    std::vector<Collected> collected_;
    std::uint64_t tapDrops_ = 0;
    std::thread sender_, receiver_, tap_;
};

}  // namespace agentdesk::bench
