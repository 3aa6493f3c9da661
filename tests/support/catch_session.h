#pragma once
// The Catch2 session of a test executable (catch_session.cpp, library agentdesk_catch): runs the
// tests that argv selects and returns the process exit status.

namespace agentdesk::test {

int runCatchSession(int argc, char* argv[]);

}  // namespace agentdesk::test
