#pragma once
// The test watchdog (test_watchdog.cpp): with AGENTDESK_TEST_WATCHDOG=seconds in the
// environment (CTest sets it below each test's timeout), a test case that runs longer prints
// every thread's stack and ends the process, so a hang names where it hangs.

namespace agentdesk::test {

void installTestWatchdog();

}  // namespace agentdesk::test
