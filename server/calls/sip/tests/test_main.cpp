// Test main of the SIP engine tests: plain Catch2; keeps the phones' configs, logs and
// recordings of a failed run for inspection (the harness's work directory).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "tests/sip/support/work_dir.h"

int main(int argc, char* argv[]) {
    const int result = Catch::Session().run(argc, argv);
    agentdesk::siptest::finishWorkRoot(result == 0);
    return result;
}
