// The test watchdog (test_watchdog.h): a Catch2 listener times each test case; one that runs
// past AGENTDESK_TEST_WATCHDOG seconds gets every thread's stack printed by gdb, then the
// process aborts. A hang in CI then says where it hangs, where CTest's own timeout would only
// say that it did.
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include "tests/support/test_watchdog.h"

#include <sys/prctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

namespace agentdesk::test {

namespace {

using Clock = std::chrono::steady_clock;

class Watchdog {
public:
    static Watchdog& instance() {
        // Never destroyed: its thread may still watch while static destructors run.
        static auto* w = new Watchdog;
        return *w;
    }

    void configure(int seconds) {
        std::lock_guard lock(mutex_);
        limit_ = std::chrono::seconds(seconds);
        if (!thread_.joinable() && seconds > 0) {
            thread_ = std::thread([this] { watch(); });
            thread_.detach();  // lives until exit; it only ever waits
        }
    }

    // The limit is the configured one, or `shorter` when that is less.
    void started(const std::string& name,
                 std::chrono::seconds shorter = std::chrono::seconds::max()) {
        std::lock_guard lock(mutex_);
        name_ = name;
        current_ = std::min(limit_, shorter);
        deadline_ = Clock::now() + current_;
        running_ = true;
        changed_.notify_all();
    }

    void ended() {
        std::lock_guard lock(mutex_);
        running_ = false;
        changed_.notify_all();
    }

private:
    void watch() {
        std::unique_lock lock(mutex_);
        for (;;) {
            if (!running_ || limit_.count() <= 0) {
                changed_.wait(lock);
                continue;
            }
            const auto deadline = deadline_;
            if (changed_.wait_until(lock, deadline,
                                    [&] { return !running_ || deadline_ != deadline; }))
                continue;
            const std::string name = name_;
            const auto limit = current_;
            lock.unlock();
            expire(name, limit);
        }
    }

    void expire(const std::string& name, std::chrono::seconds limit) {
        std::fprintf(stderr,
                     "\nwatchdog: test case \"%s\" still running after %lld s; the stacks of "
                     "its threads follow, then it aborts\n",
                     name.c_str(), static_cast<long long>(limit.count()));
        std::fflush(stderr);
        // gdb is a child of this process: allow it to attach (Yama's ptrace_scope 1).
        ::prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
        const std::string command = "gdb -p " + std::to_string(::getpid()) +
                                    " -batch -nx -ex 'set pagination off' "
                                    "-ex 'thread apply all bt 25' 1>&2 2>/dev/null </dev/null";
        if (std::system(command.c_str()) != 0)
            std::fprintf(stderr, "watchdog: gdb could not print the stacks\n");
        std::fprintf(stderr, "watchdog: \"%s\" hung; aborting\n", name.c_str());
        std::fflush(stderr);
        std::_Exit(124);
    }

    std::mutex mutex_;
    std::condition_variable changed_;
    std::thread thread_;
    std::chrono::seconds limit_{0};
    std::chrono::seconds current_{0};
    std::string name_;
    Clock::time_point deadline_{};
    bool running_ = false;
};

class WatchdogListener : public Catch::TestEventListenerBase {
public:
    using TestEventListenerBase::TestEventListenerBase;

    void testCaseStarting(const Catch::TestCaseInfo& info) override {
        Watchdog::instance().started(info.name);
    }
    void testCaseEnded(const Catch::TestCaseStats&) override { Watchdog::instance().ended(); }
    // What runs after the last test (static destructors, LeakSanitizer's check) is watched too.
    void testRunEnded(const Catch::TestRunStats&) override {
        Watchdog::instance().started("(the process's exit after the tests)",
                                     std::chrono::seconds(30));
    }
};

}  // namespace

CATCH_REGISTER_LISTENER(WatchdogListener)

void installTestWatchdog() {
    if (const char* value = std::getenv("AGENTDESK_TEST_WATCHDOG")) {
        const int seconds = std::atoi(value);
        if (seconds > 0)
            Watchdog::instance().configure(seconds);
    }
}

}  // namespace agentdesk::test
