#pragma once
// Waiting in tests for results that crm/ delivers through the Qt event loop (queued
// invocations, timers): the test thread runs the loop itself while it waits.
#include <chrono>
#include <functional>
#include <thread>

#include <QCoreApplication>
#include <QEventLoop>

namespace agentdesk::test {

// Generous: a loaded CI machine with two cores shared by several builds.
inline constexpr std::chrono::milliseconds kQtWaitTimeout{10000};

// Runs the event loop until pred() holds or the timeout passes; returns pred()'s last value.
template <typename Pred>
bool waitUntil(Pred&& pred, std::chrono::milliseconds timeout = kQtWaitTimeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (pred())
            return true;
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        // processEvents returns at once when nothing is pending: do not spin a shared core.
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

// The same with a timeout in milliseconds, 20 s unless given: for tests that go through a server
// and crm's network thread.
inline bool waitUntilMs(const std::function<bool()>& pred, int timeoutMs = 20000) {
    return waitUntil(pred, std::chrono::milliseconds(timeoutMs));
}

// Runs the event loop for `duration`: to show that something does NOT happen.
inline void processEventsFor(std::chrono::milliseconds duration) {
    waitUntil([] { return false; }, duration);
}

}  // namespace agentdesk::test
