// Catch2's implementation (CATCH_CONFIG_RUNNER: everything but main), compiled once into
// agentdesk_catch for every test executable of the tree; their main() functions call
// runCatchSession() instead of compiling Catch::Session themselves.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "tests/support/catch_session.h"
#include "tests/support/test_watchdog.h"

namespace agentdesk::test {

int runCatchSession(int argc, char* argv[]) {
    installTestWatchdog();
    return Catch::Session().run(argc, argv);
}

}  // namespace agentdesk::test
