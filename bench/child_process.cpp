// A helper process of a bench that cannot outlive the bench (see child_process.h).
#include "bench/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>
#include <thread>
#include <utility>

namespace agentdesk::bench {

namespace {

int openForChild(const std::filesystem::path& path) {
    const std::string p = path.empty() ? std::string("/dev/null") : path.string();
    const int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw std::runtime_error("cannot open " + p);
    return fd;
}

}  // namespace

ChildProcess::ChildProcess(const ChildSpec& spec) {
    if (spec.argv.empty())
        throw std::runtime_error("ChildProcess: empty argv");
    // Everything the child needs is prepared before fork(): the bench has threads, so between
    // fork and exec the child may only make async-signal-safe calls.
    std::vector<char*> argv;
    for (const std::string& a : spec.argv)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const std::string workDir = spec.workDir.string();
    int toChild[2] = {-1, -1};
    int fromChild[2] = {-1, -1};
    int outFd = -1;
    if (spec.pipes) {
        if (pipe2(toChild, O_CLOEXEC) != 0 || pipe2(fromChild, O_CLOEXEC) != 0)
            throw std::runtime_error("pipe2 failed");
    } else {
        outFd = openForChild(spec.stdoutFile);
    }
    const int errFd = spec.stderrFile.empty() ? -1 : openForChild(spec.stderrFile);
    const pid_t parent = getpid();

    pid_ = fork();
    if (pid_ < 0)
        throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        // No SIPp or engine left behind, even when the bench is killed. PDEATHSIG survives
        // exec; the getppid() check covers a bench that died before prctl().
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(126);
        if (spec.pipes) {
            dup2(toChild[0], STDIN_FILENO);
            dup2(fromChild[1], STDOUT_FILENO);
        } else {
            const int nullIn = ::open("/dev/null", O_RDONLY);
            dup2(nullIn, STDIN_FILENO);
            dup2(outFd, STDOUT_FILENO);
        }
        if (errFd >= 0)
            dup2(errFd, STDERR_FILENO);
        if (!workDir.empty() && chdir(workDir.c_str()) != 0)
            _exit(127);
        // The bench's signal mask and ignored signals must not leak into the child. Its own
        // process group: Ctrl-C reaches only the bench, which then stops its children in order.
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        ::signal(SIGPIPE, SIG_DFL);
        setpgid(0, 0);
        if (spec.nice != 0)
            setpriority(PRIO_PROCESS, 0, spec.nice);
        execv(argv[0], argv.data());
        static const char msg[] = "exec failed\n";
        [[maybe_unused]] const ssize_t n = write(STDERR_FILENO, msg, sizeof msg - 1);
        _exit(127);
    }
    reaped_ = false;
    if (spec.pipes) {
        ::close(toChild[0]);
        ::close(fromChild[1]);
        in_ = toChild[1];
        out_ = fromChild[0];
    } else {
        ::close(outFd);
    }
    if (errFd >= 0)
        ::close(errFd);
}

ChildProcess::~ChildProcess() {
    terminate();
    closePipes();
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept {
    *this = std::move(other);
}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
    if (this != &other) {
        terminate();
        closePipes();
        pid_ = std::exchange(other.pid_, -1);
        reaped_ = std::exchange(other.reaped_, true);
        status_ = other.status_;
        in_ = std::exchange(other.in_, -1);
        out_ = std::exchange(other.out_, -1);
        buffered_ = std::move(other.buffered_);
    }
    return *this;
}

void ChildProcess::closePipes() {
    if (in_ >= 0)
        ::close(in_);
    if (out_ >= 0)
        ::close(out_);
    in_ = out_ = -1;
}

bool ChildProcess::reap(bool block) {
    if (reaped_)
        return true;
    int status = 0;
    const pid_t r = waitpid(pid_, &status, block ? 0 : WNOHANG);
    if (r == pid_ || (r < 0 && errno == ECHILD)) {
        status_ = status;
        reaped_ = true;
    }
    return reaped_;
}

bool ChildProcess::running() {
    return pid_ > 0 && !reap(false);
}

bool ChildProcess::waitExit(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (running()) {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

void ChildProcess::signal(int sig) {
    if (running())
        ::kill(pid_, sig);
}

void ChildProcess::terminate(std::chrono::milliseconds grace) {
    if (!running())
        return;
    ::kill(pid_, SIGTERM);
    if (!waitExit(grace)) {
        ::kill(pid_, SIGKILL);
        reap(true);
    }
}

std::optional<int> ChildProcess::exitCode() const {
    if (pid_ <= 0 || !reaped_ || !WIFEXITED(status_))
        return std::nullopt;
    return WEXITSTATUS(status_);
}

std::string ChildProcess::describeExit() const {
    if (pid_ <= 0)
        return "not started";
    if (!reaped_)
        return "running";
    if (WIFEXITED(status_))
        return "exit " + std::to_string(WEXITSTATUS(status_));
    if (WIFSIGNALED(status_))
        return "signal " + std::to_string(WTERMSIG(status_));
    return "ended";
}

bool ChildProcess::writeLine(const std::string& line) {
    if (in_ < 0)
        return false;
    const std::string text = line + "\n";
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(in_, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

std::optional<std::string> ChildProcess::readLine(std::chrono::milliseconds timeout) {
    if (out_ < 0)
        return std::nullopt;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto nl = buffered_.find('\n');
        if (nl != std::string::npos) {
            std::string line = buffered_.substr(0, nl);
            buffered_.erase(0, nl + 1);
            return line;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                              deadline - std::chrono::steady_clock::now())
                              .count();
        // Past the deadline (or a zero timeout): one more look without waiting.
        pollfd p{out_, POLLIN, 0};
        const int r = ::poll(&p, 1, static_cast<int>(std::max<long long>(left, 0)));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return std::nullopt;
        char buf[4096];
        const ssize_t n = ::read(out_, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return std::nullopt;  // EOF: the child closed its stdout or died
        buffered_.append(buf, static_cast<std::size_t>(n));
    }
}

}  // namespace agentdesk::bench
