// Catch2 v2 main for agentdesk_prompt_tests (the prompt library's own test binary).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
