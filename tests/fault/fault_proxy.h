#pragma once
// A TCP proxy on loopback for fault campaigns: clients connect to it, it connects each one to
// the target port and copies bytes both ways, and on command it misbehaves the way networks do:
// cuts every live connection, delays every chunk, or refuses new connections (accepts and
// closes at once). Runs Boost.Asio on a thread of its own; every call is thread-safe.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <thread>

namespace agentdesk::fault {

class FaultProxy {
public:
    // Listens on 127.0.0.1 on a free port; forwards to 127.0.0.1:targetPort.
    explicit FaultProxy(int targetPort);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    int port() const { return port_; }

    // Closes every connection open now (both sides), as a dropped network path does.
    void cutAll();
    // Each chunk waits this long before it is passed on (0: none).
    void setDelay(std::chrono::milliseconds delay);
    // New connections are closed as soon as they are accepted (true) or forwarded (false).
    void setRefusing(bool refusing);

    std::uint64_t connectionsAccepted() const { return accepted_.load(); }
    std::uint64_t connectionsCut() const { return cut_.load(); }

private:
    struct State;
    std::shared_ptr<State> state_;
    std::thread thread_;
    int port_ = 0;
    std::atomic<std::uint64_t> accepted_{0}, cut_{0};
};

}  // namespace agentdesk::fault
