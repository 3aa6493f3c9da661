// Test main of the SIP engine tests: plain Catch2; keeps the phones' configs, logs and
// recordings of a failed run for inspection (the harness's work directory).
#include "tests/support/catch_session.h"

#include "tests/sip/support/work_dir.h"

int main(int argc, char* argv[]) {
    const int result = agentdesk::test::runCatchSession(argc, argv);
    agentdesk::siptest::finishWorkRoot(result == 0);
    return result;
}
