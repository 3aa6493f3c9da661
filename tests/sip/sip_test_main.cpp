// Test main of the SIP harness suites: plain Catch2 (no Qt, no server logging); keeps the
// phones' configs, logs and recordings of a failed run for inspection.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "tests/sip/support/work_dir.h"

int main(int argc, char* argv[]) {
    const int result = Catch::Session().run(argc, argv);
    agentdesk::siptest::finishWorkRoot(result == 0);
    return result;
}
