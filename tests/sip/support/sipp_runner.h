#pragma once
// SIPp on loopback: a scenario run to completion (exit code, call counts) or in the background.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tests/sip/support/child_process.h"

namespace agentdesk::siptest {

using namespace std::chrono_literals;

// The scenarios of tests/sip/scenarios/ by file name.
std::filesystem::path sipScenario(const std::string& fileName);

struct SippOptions {
    std::string name = "sipp";         // run directory name
    std::filesystem::path scenario{};  // -sf; pcap files may be named relative, e.g. "g711a.pcap"
    std::string target{};              // "127.0.0.1:PORT" for a UAC; empty for a UAS
    std::string service{};             // -s: user part of the request URI
    int calls = 1;                     // -m: exit after this many calls
    double rate = 1;                   // -r: calls per second
    int limit = 1;                     // -l: simultaneous calls
    int localPort = 0;                 // -p; 0 = a free one
    int mediaPort = 0;                 // -mp (echo also on mp+2); 0 = free mp..mp+3
    bool rtpEcho = false;              // -rtp_echo: send every RTP packet back to its sender
    bool traceMessages = true;         // -trace_msg into messages.log
    std::vector<std::string> extraArgs{};
    // run(): SIPp's own -timeout (with -timeout_error), and we kill it 5 s later.
    std::chrono::milliseconds timeout = 30s;
};

struct SippResult {
    std::optional<int> exitCode;  // 0 = every call succeeded; nullopt = killed by a signal
    bool timedOut = false;        // we had to kill it
    long successfulCalls = -1;    // SuccessfulCall(C) of the last -trace_stat row; -1 = none
    long failedCalls = -1;        // FailedCall(C)
    std::string stdoutText;       // SIPp's screens
    std::string stderrText;
    std::string errorLog;  // -trace_err: unexpected messages
    std::filesystem::path dir;

    bool ok() const { return exitCode == 0 && !timedOut; }
    // Exit code, counts, stderr and error log, for INFO() in a failing test.
    std::string summary() const;
};

class SippRunner {
public:
    // Throws std::invalid_argument for a target that is not on 127.0.0.1.
    explicit SippRunner(SippOptions options);
    ~SippRunner();  // stops a background SIPp
    SippRunner(const SippRunner&) = delete;
    SippRunner& operator=(const SippRunner&) = delete;

    // Runs to the end (or the timeout) and returns the result.
    SippResult run();
    // Background: returns once SIPp is up (its SIP port is bound) or throws with its output.
    void start(std::chrono::milliseconds timeout = 5s);
    // SIGUSR1 (no new calls, finish the running ones), then SIGTERM, then SIGKILL.
    SippResult stop(std::chrono::milliseconds grace = 5s);
    bool running();

    int localPort() const { return localPort_; }
    int mediaPort() const { return mediaPort_; }
    std::string address() const;                     // "127.0.0.1:<localPort>"
    std::string uri(const std::string& user) const;  // "sip:<user>@127.0.0.1:<localPort>"
    const std::filesystem::path& dir() const { return dir_; }

private:
    void spawn(bool withTimeout);
    SippResult collect(bool timedOut);

    SippOptions options_;
    std::filesystem::path dir_;
    int localPort_ = 0;
    int mediaPort_ = 0;
    ChildProcess process_;
};

}  // namespace agentdesk::siptest
