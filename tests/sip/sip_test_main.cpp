// Test main of the SIP harness suites: plain Catch2 (no Qt, no server logging); keeps the
// phones' configs, logs and recordings of a failed run for inspection.
#include "tests/support/catch_session.h"

#include "tests/sip/support/work_dir.h"

int main(int argc, char* argv[]) {
    const int result = agentdesk::test::runCatchSession(argc, argv);
    agentdesk::siptest::finishWorkRoot(result == 0);
    return result;
}
