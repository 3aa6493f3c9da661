#include "tests/sip/support/child_process.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <thread>
#include <utility>

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace agentdesk::siptest {
namespace {

int openLog(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw std::runtime_error("cannot open " + path.string() + ": " + std::strerror(errno));
    return fd;
}

void writeAll(int fd, const char* text) {
    const ssize_t ignored = ::write(fd, text, std::strlen(text));
    (void)ignored;
}

}  // namespace

ChildProcess::ChildProcess(const ChildOptions& options) {
    if (options.argv.empty())
        throw std::invalid_argument("ChildProcess: empty argv");
    // Everything the child needs is prepared before fork(): between fork() and exec() only
    // async-signal-safe calls are allowed, as other threads (phone readers) may hold locks.
    std::vector<char*> argv;
    for (const std::string& arg : options.argv)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    const std::string workDir = options.workDir.string();
    const int outFd = openLog(options.stdoutFile);
    const int errFd = options.stderrFile.empty() ? ::dup(outFd) : openLog(options.stderrFile);
    const int nullFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    const pid_t parent = ::getpid();

    const pid_t pid = ::fork();
    if (pid == 0) {
        // Killed with the test process, even on SIGKILL (ctest timeout), so no phone lingers
        // holding ports. Note: tied to the thread that forked, i.e. the test's main thread.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(127);
        ::setpgid(0, 0);  // own group: a terminal Ctrl-C hits only the test; PDEATHSIG ends us
        sigset_t all;
        sigemptyset(&all);
        ::sigprocmask(SIG_SETMASK, &all, nullptr);
        ::dup2(nullFd, STDIN_FILENO);
        ::dup2(outFd, STDOUT_FILENO);
        ::dup2(errFd, STDERR_FILENO);
        ::close_range(3, ~0U, 0);  // no inherited sockets of other phones
        if (!workDir.empty() && ::chdir(workDir.c_str()) != 0) {
            writeAll(STDERR_FILENO, "ChildProcess: chdir failed\n");
            ::_exit(127);
        }
        ::execv(argv[0], argv.data());
        writeAll(STDERR_FILENO, "ChildProcess: exec failed: ");
        writeAll(STDERR_FILENO, argv[0]);
        writeAll(STDERR_FILENO, "\n");
        ::_exit(127);
    }
    const int forkErrno = errno;
    ::close(outFd);
    ::close(errFd);
    if (nullFd >= 0)
        ::close(nullFd);
    if (pid < 0)
        throw std::runtime_error(std::string("fork failed: ") + std::strerror(forkErrno));
    pid_ = pid;
    reaped_ = false;
}

ChildProcess::~ChildProcess() {
    terminate();
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      reaped_(std::exchange(other.reaped_, true)),
      status_(other.status_) {}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
    if (this != &other) {
        terminate();
        pid_ = std::exchange(other.pid_, -1);
        reaped_ = std::exchange(other.reaped_, true);
        status_ = other.status_;
    }
    return *this;
}

bool ChildProcess::reap(bool block) {
    if (reaped_)
        return true;
    int status = 0;
    pid_t r;
    do {
        r = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
    } while (r < 0 && errno == EINTR);
    if (r == pid_ || (r < 0 && errno == ECHILD)) {
        status_ = r == pid_ ? status : 0;
        reaped_ = true;
    }
    return reaped_;
}

bool ChildProcess::running() {
    return pid_ > 0 && !reap(false);
}

bool ChildProcess::waitExit(std::chrono::milliseconds timeout) {
    if (pid_ <= 0)
        return true;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!reap(false)) {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

void ChildProcess::signal(int sig) {
    if (pid_ > 0 && !reaped_)
        ::kill(pid_, sig);
}

std::optional<int> ChildProcess::exitCode() const {
    if (pid_ <= 0 || !reaped_ || !WIFEXITED(status_))
        return std::nullopt;
    return WEXITSTATUS(status_);
}

int ChildProcess::termSignal() const {
    return pid_ > 0 && reaped_ && WIFSIGNALED(status_) ? WTERMSIG(status_) : 0;
}

void ChildProcess::terminate(std::chrono::milliseconds grace) {
    if (pid_ <= 0 || reap(false))
        return;
    signal(SIGTERM);
    if (waitExit(grace))
        return;
    signal(SIGKILL);
    reap(true);
}

}  // namespace agentdesk::siptest
