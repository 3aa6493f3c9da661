#pragma once
// Waiting in tests for a condition that another thread or process makes true (a server, a
// phone, a child process), without a Qt event loop: tests wait on conditions, not on sleeps.
// For results delivered through the Qt event loop use waitUntil() in qt_wait.h.
#include <chrono>
#include <functional>
#include <thread>

namespace agentdesk::test {

// Checks pred() every 20 ms until it holds or `timeout` passes; returns its last value.
inline bool eventually(const std::function<bool()>& pred,
                       std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        if (pred())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return pred();
}

}  // namespace agentdesk::test
