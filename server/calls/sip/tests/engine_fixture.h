#pragma once
// A SipEngine on 127.0.0.1 for the engine tests, with a listener that records every event and
// lets a test wait for the next one of a kind.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "server/calls/sip/sip_engine.h"

namespace agentdesk::server::sip::test {

using namespace std::chrono_literals;

class RecordingListener : public SipEngineListener {
public:
    void registrationChanged(const Registration& r) override { push(registrations_, r); }
    void inboundCall(const InboundCall& c) override { push(inbound_, c); }
    void legAnswered(LegId leg) override { push(answered_, leg); }
    void legEnded(const LegEnded& e) override {
        std::lock_guard<std::mutex> lock(mutex_);
        ended_.push_back(e);
        allEnded_.push_back(e);
        changed_.notify_all();
    }
    void dtmfReceived(LegId leg, char digit) override { push(dtmf_, std::make_pair(leg, digit)); }
    void playbackFinished(LegId leg, std::uint64_t playId) override {
        push(finished_, std::make_pair(leg, playId));
    }

    std::optional<Registration> nextRegistration(std::chrono::milliseconds t = 10s) {
        return take(registrations_, t);
    }
    std::optional<InboundCall> nextInbound(std::chrono::milliseconds t = 10s) {
        return take(inbound_, t);
    }
    std::optional<LegId> nextAnswered(std::chrono::milliseconds t = 10s) {
        return take(answered_, t);
    }
    std::optional<LegEnded> nextEnded(std::chrono::milliseconds t = 10s) { return take(ended_, t); }
    std::optional<std::pair<LegId, char>> nextDtmf(std::chrono::milliseconds t = 10s) {
        return take(dtmf_, t);
    }
    std::optional<std::pair<LegId, std::uint64_t>> nextFinished(std::chrono::milliseconds t = 10s) {
        return take(finished_, t);
    }
    // Every legEnded so far, taken or not (each leg must appear once).
    std::vector<LegEnded> allEnded() {
        std::lock_guard<std::mutex> lock(mutex_);
        return allEnded_;
    }

private:
    template <typename T>
    void push(std::deque<T>& queue, T value) {
        std::lock_guard<std::mutex> lock(mutex_);
        queue.push_back(std::move(value));
        changed_.notify_all();
    }
    template <typename T>
    std::optional<T> take(std::deque<T>& queue, std::chrono::milliseconds timeout) {
        std::unique_lock<std::mutex> lock(mutex_);
        if (!changed_.wait_for(lock, timeout, [&] { return !queue.empty(); })) {
            return std::nullopt;
        }
        T value = std::move(queue.front());
        queue.pop_front();
        return value;
    }

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Registration> registrations_;
    std::deque<InboundCall> inbound_;
    std::deque<LegId> answered_;
    std::deque<LegEnded> ended_;
    std::vector<LegEnded> allEnded_;
    std::deque<std::pair<LegId, char>> dtmf_;
    std::deque<std::pair<LegId, std::uint64_t>> finished_;
};

// The engine under test: SIP on an ephemeral 127.0.0.1 port, 127.0.0.1 as the trunk, RTP in
// 32000-32767 (clear of the harness's 20000-31999 and baresip's 10000-19999). Listener calls
// run on a small I/O thread of their own, as they would on the server's.
class EngineFixture {
public:
    static SipConfig defaultConfig() {
        SipConfig c;
        c.listenHost = "127.0.0.1";
        c.listenPort = 0;
        c.trunkAddrs = {"127.0.0.1"};
        c.rtpPortMin = 32000;
        c.rtpPortMax = 32767;
        c.rtpTimeoutSec = 30;
        c.userAgent = "AgentDesk-test";
        return c;
    }

    explicit EngineFixture(SipConfig config = defaultConfig());
    ~EngineFixture();
    EngineFixture(const EngineFixture&) = delete;
    EngineFixture& operator=(const EngineFixture&) = delete;

    SipEngine& engine() { return *engine_; }
    RecordingListener& events() { return listener_; }
    std::string address() const;  // "127.0.0.1:<sip port>"
    // Waits until stats() shows no legs and no RTP sockets; false on timeout.
    bool waitIdle(std::chrono::milliseconds timeout = 5s);

private:
    void ioLoop();

    RecordingListener listener_;
    std::mutex ioMutex_;
    std::condition_variable ioChanged_;
    std::deque<std::function<void()>> ioTasks_;
    bool ioStop_ = false;
    std::thread io_;
    std::unique_ptr<SipEngine> engine_;
};

}  // namespace agentdesk::server::sip::test
