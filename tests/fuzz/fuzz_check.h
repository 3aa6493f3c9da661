#pragma once
// FUZZ_CHECK: a property every input must keep. Unlike assert() it stays on in release builds
// (the replay tests build RelWithDebInfo, where NDEBUG turns assert() off), and a failure
// aborts, which libFuzzer reports as a crash and ctest as a failed test.
#include <cstdio>
#include <cstdlib>
#include <string>

namespace agentdesk::fuzz {

[[noreturn]] inline void checkFailed(const char* file, int line, const char* condition,
                                     const std::string& detail) {
    std::fprintf(stderr, "%s:%d: FUZZ_CHECK(%s) failed: %s\n", file, line, condition,
                 detail.c_str());
    std::abort();
}

}  // namespace agentdesk::fuzz

#define FUZZ_CHECK(condition, detail)                                                 \
    do {                                                                              \
        if (!(condition))                                                             \
            ::agentdesk::fuzz::checkFailed(__FILE__, __LINE__, #condition, (detail)); \
    } while (0)
