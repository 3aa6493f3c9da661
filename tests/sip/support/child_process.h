#pragma once
// A helper process (baresip, SIPp) with logged output that cannot outlive the test process.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace agentdesk::siptest {

struct ChildOptions {
    std::vector<std::string> argv;  // argv[0] is the program's path
    std::filesystem::path workDir;  // the child's cwd; empty = inherit
    std::filesystem::path stdoutFile;
    std::filesystem::path stderrFile;  // empty = same file as stdout
};

class ChildProcess {
public:
    ChildProcess() = default;
    // Starts the program. Throws std::runtime_error if it cannot be started (a bad path is
    // reported by exit code 127 and a line in the stderr file instead).
    explicit ChildProcess(const ChildOptions& options);
    ~ChildProcess();  // terminate()
    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&& other) noexcept;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    bool running();  // reaps the child if it has exited
    // True once the child has exited (and been reaped) within `timeout`.
    bool waitExit(std::chrono::milliseconds timeout);
    void signal(int sig);
    // Exit status once reaped: the exit code, or nullopt if killed by a signal / not exited.
    std::optional<int> exitCode() const;
    int termSignal() const;  // 0 unless killed by a signal
    // SIGTERM, up to `grace` to exit, then SIGKILL; always reaps. No-op when not running.
    void terminate(std::chrono::milliseconds grace = std::chrono::milliseconds(2000));

private:
    bool reap(bool block);

    pid_t pid_ = -1;
    bool reaped_ = true;
    int status_ = 0;
};

}  // namespace agentdesk::siptest
