#pragma once
// Per-test-process temp dirs for SIP test artifacts (configs, logs, WAVs), kept on failure.
#include <filesystem>
#include <string>

namespace agentdesk::siptest {

// /tmp/agentdesk-sip-XXXXXX, created on first use.
std::filesystem::path workRoot();

// A new, empty directory under workRoot(): "<name>-<n>".
std::filesystem::path makeRunDir(const std::string& name);

// For the test main: removes the root after a green run (unless AGENTDESK_SIPTEST_KEEP is
// set), otherwise prints where the artifacts are. Does nothing if no root was created.
void finishWorkRoot(bool success);

}  // namespace agentdesk::siptest
