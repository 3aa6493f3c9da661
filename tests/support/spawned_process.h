#pragma once
// Child processes for the tests that ThreadSanitizer runs (scripts/sanitize.sh tsan), started
// with posix_spawn instead of QProcess. QProcess (Qt 6.4, forkfd) starts a child with
// clone(CLONE_VM | CLONE_VFORK); libtsan's clone interceptor then runs its after-fork reset in the
// child, inside the parent's memory, and leaves the parent's thread ignoring synchronization: from
// then on every mutex-protected hand-over between threads is reported as a data race
// (docs/sanitizers.md). glibc's posix_spawn runs no instrumented code in its child.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace agentdesk::test {

// One child process, killed and reaped when this object goes, however the test leaves.
class SpawnedProcess {
public:
    // argv[0] is the program's path; stdout and stderr go to outputFile, stdin is /dev/null.
    SpawnedProcess(const std::vector<std::string>& argv, std::string outputFile)
        : outputFile_(std::move(outputFile)) {
        std::vector<char*> args;
        for (const std::string& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outputFile_.c_str(),
                                         O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
        if (::posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ) != 0)
            pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
    }
    ~SpawnedProcess() { kill(); }
    SpawnedProcess(const SpawnedProcess&) = delete;
    SpawnedProcess& operator=(const SpawnedProcess&) = delete;

    bool started() const { return pid_ > 0; }

    bool running() {
        reap(WNOHANG);
        return pid_ > 0;
    }

    // Waits for the process to end; its exit code, or -1 when it was killed by a signal or is
    // still running after `timeout`.
    int wait(std::chrono::milliseconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (running() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return pid_ > 0 ? -1 : exitCode_;
    }

    void kill() {
        if (pid_ <= 0)
            return;
        ::kill(pid_, SIGKILL);
        reap(0);
    }

    // SIGSTOP and SIGCONT: a process frozen and thawed (a long pause, a VM stalled).
    void freeze() {
        if (pid_ > 0)
            ::kill(pid_, SIGSTOP);
    }
    void thaw() {
        if (pid_ > 0)
            ::kill(pid_, SIGCONT);
    }

    // What it wrote so far (stdout and stderr).
    std::string output() const {
        std::ifstream in(outputFile_);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }

private:
    void reap(int options) {
        if (pid_ <= 0)
            return;
        int status = 0;
        pid_t done;
        do
            done = ::waitpid(pid_, &status, options);
        while (done < 0 && errno == EINTR);
        if (done == 0)
            return;  // still running (WNOHANG)
        exitCode_ = done == pid_ && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        pid_ = -1;
    }

    std::string outputFile_;
    pid_t pid_ = -1;
    int exitCode_ = -1;
};

}  // namespace agentdesk::test
