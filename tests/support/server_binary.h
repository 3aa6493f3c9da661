#pragma once
// The agentdesk-server binary as an administrator runs it: its subcommands through a shell, the
// server itself as a child process (tests/support/spawned_process.h) whose served URL is read
// from its first line.
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>

#include "tests/support/eventually.h"
#include "tests/support/spawned_process.h"

namespace agentdesk::test {

struct ShellRun {
    int status;          // exit status; -1 when killed by a signal
    std::string output;  // stdout and stderr
};

// Runs a shell command line; its output goes to outFile and is returned.
inline ShellRun runShell(const std::string& command, const std::string& outFile) {
    const int raw = std::system((command + " >" + outFile + " 2>&1").c_str());
    std::ifstream in(outFile);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, text};
}

// The base URL a started server prints ("… serving http://127.0.0.1:PORT/api/v1"); empty when
// it ended or printed none within 20 s.
inline std::string servedUrl(SpawnedProcess& server) {
    std::string url;
    eventually(
        [&] {
            std::smatch m;
            const std::string out = server.output();
            if (std::regex_search(out, m, std::regex("serving (http://[0-9.]+:[0-9]+)/api/v1")))
                url = m[1];
            return !url.empty() || !server.running();
        },
        std::chrono::seconds(20));
    return url;
}

}  // namespace agentdesk::test
