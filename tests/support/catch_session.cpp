// Catch2's implementation (CATCH_CONFIG_RUNNER: everything but main), compiled once into
// agentdesk_catch for every test executable of the tree; their main() functions call
// runCatchSession() instead of compiling Catch::Session themselves.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdio>

#include "tests/support/catch_session.h"
#include "tests/support/test_watchdog.h"

namespace agentdesk::test {

namespace {

// How many test cases the run started (a listing starts no run at all).
struct RunCount {
    bool runStarted = false;
    int testCases = 0;
};
RunCount runCount;

class RunCountListener : public Catch::TestEventListenerBase {
public:
    using TestEventListenerBase::TestEventListenerBase;
    void testRunStarting(const Catch::TestRunInfo&) override { runCount.runStarted = true; }
    void testCaseStarting(const Catch::TestCaseInfo&) override { ++runCount.testCases; }
};

}  // namespace

CATCH_REGISTER_LISTENER(RunCountListener)

int runCatchSession(int argc, char* argv[]) {
    installTestWatchdog();
    const int status = Catch::Session().run(argc, argv);
    // A name CTest got wrong (catch_discover_tests splits names at ';') selects nothing: that
    // must fail, not pass with "No tests ran" (Catch2 2 takes one --warn, NoAssertions).
    if (status == 0 && runCount.runStarted && runCount.testCases == 0) {
        std::fprintf(stderr, "no test case matched: nothing was tested\n");
        return 2;
    }
    return status;
}

}  // namespace agentdesk::test
