#pragma once
// A helper process of a bench (SIPp, the engine under test) that cannot outlive the bench, with
// optional line-based pipes to its stdin/stdout.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::bench {

struct ChildSpec {
    std::vector<std::string> argv;     // argv[0] is the program's path
    std::filesystem::path workDir;     // empty: inherit
    std::filesystem::path stdoutFile;  // empty: /dev/null (ignored with pipes)
    std::filesystem::path stderrFile;  // empty: inherit the bench's stderr
    bool pipes = false;                // stdin and stdout are pipes to the bench
    int nice = 0;                      // the child's nice value
};

class ChildProcess {
public:
    ChildProcess() = default;
    // Starts the program (fork + exec; the child gets SIGKILL when the bench dies). Throws
    // std::runtime_error when it cannot; a program that cannot be executed exits with 127.
    explicit ChildProcess(const ChildSpec& spec);
    ~ChildProcess();  // terminate()
    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&& other) noexcept;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    bool running();  // reaps the child when it has exited
    bool waitExit(std::chrono::milliseconds timeout);
    void signal(int sig);
    // SIGTERM, up to `grace` to exit, then SIGKILL; always reaps. No-op when not running.
    void terminate(std::chrono::milliseconds grace = std::chrono::milliseconds(2000));
    // "exit 0", "signal 9", "running", "not started".
    std::string describeExit() const;
    std::optional<int> exitCode() const;

    // With pipes: one line to the child's stdin / the next line of its stdout (without the
    // newline), nullopt on timeout or EOF.
    bool writeLine(const std::string& line);
    std::optional<std::string> readLine(std::chrono::milliseconds timeout);

private:
    bool reap(bool block);
    void closePipes();

    pid_t pid_ = -1;
    bool reaped_ = true;
    int status_ = 0;
    int in_ = -1;   // the child's stdin
    int out_ = -1;  // the child's stdout
    std::string buffered_;
};

}  // namespace agentdesk::bench
