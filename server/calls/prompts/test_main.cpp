// Test main of agentdesk_prompt_tests (the prompt library's own test binary); Catch2 itself is
// compiled once in agentdesk_catch (tests/CMakeLists.txt).
#include "tests/support/catch_session.h"

int main(int argc, char* argv[]) {
    return agentdesk::test::runCatchSession(argc, argv);
}
