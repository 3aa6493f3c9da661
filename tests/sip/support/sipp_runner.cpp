// SIPp 3.6.1 facts this class is built on: without -bind_local a UAS listens on 0.0.0.0, and
// the control socket binds 0.0.0.0:8888+ unless -ci/-cp say otherwise, so both are always
// set. Exit codes: 0 all calls ok, 1 some failed, 97 stopped by command/timeout without a
// successful call, 99 normal exit without calls, 255 fatal error, 254 bind error. SIGUSR1 =
// no new calls, exit when the running ones end; SIGTERM = exit now (counts still computed).
// A relative play_pcap_audio file is looked up next to the scenario, then in the cwd, which
// is the run directory holding links to the pcaps Debian ships (g711a.pcap, dtmf_2833_*).
#include "tests/sip/support/sipp_runner.h"

#include <signal.h>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "tests/sip/support/free_port.h"
#include "tests/sip/support/work_dir.h"

namespace agentdesk::siptest {
namespace {

constexpr const char* kSipp = AGENTDESK_SIPP;
constexpr const char* kPcapDir = AGENTDESK_SIPP_PCAP_DIR;

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> split(const std::string& line, char separator) {
    std::vector<std::string> out;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, separator))
        out.push_back(field);
    return out;
}

// Whether anything has bound this UDP port, read from /proc so that checking cannot steal the
// port from a SIPp that is just about to bind it.
bool udpPortBound(int port) {
    std::ifstream in("/proc/net/udp");
    std::string line;
    std::getline(in, line);  // header
    char wanted[8];
    std::snprintf(wanted, sizeof wanted, ":%04X", port);
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string slot, local;
        fields >> slot >> local;
        if (local.ends_with(wanted))
            return true;
    }
    return false;
}

long parseCount(const std::string& text) {
    try {
        return std::stol(text);
    } catch (const std::exception&) {
        return -1;
    }
}

std::string tail(const std::string& text, std::size_t chars) {
    return text.size() > chars ? "..." + text.substr(text.size() - chars) : text;
}

}  // namespace

std::filesystem::path sipScenario(const std::string& fileName) {
    return std::filesystem::path(AGENTDESK_SIP_SCENARIOS) / fileName;
}

std::string SippResult::summary() const {
    std::ostringstream out;
    out << "sipp exit=" << (exitCode ? std::to_string(*exitCode) : "signal")
        << (timedOut ? " (timed out, killed)" : "") << " successful=" << successfulCalls
        << " failed=" << failedCalls << " dir=" << dir.string()
        << "\nstderr: " << tail(stderrText, 1500) << "\nerror log: " << tail(errorLog, 3000);
    return out.str();
}

SippRunner::SippRunner(SippOptions options) : options_(std::move(options)) {
    if (!options_.target.empty() && !options_.target.starts_with("127.0.0.1:"))
        throw std::invalid_argument("SIPp target must be 127.0.0.1:PORT, got " + options_.target);
}

SippRunner::~SippRunner() {
    try {
        if (running())
            stop(2s);
    } catch (...) {
        process_.terminate(std::chrono::milliseconds(0));
    }
}

std::string SippRunner::address() const {
    return "127.0.0.1:" + std::to_string(localPort_);
}

std::string SippRunner::uri(const std::string& user) const {
    return "sip:" + user + "@" + address();
}

void SippRunner::spawn(bool withTimeout) {
    if (process_.pid() > 0)
        throw std::logic_error("SippRunner: already started");
    dir_ = makeRunDir(options_.name);
    localPort_ = options_.localPort ? options_.localPort : freePort();
    mediaPort_ = options_.mediaPort ? options_.mediaPort : freePortBlock(4);
    const int controlPort = freePort();
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(kPcapDir, ec)) {
        if (entry.path().extension() == ".pcap")
            std::filesystem::create_symlink(entry.path(), dir_ / entry.path().filename(), ec);
    }

    const auto file = [&](const char* name) { return (dir_ / name).string(); };
    char rate[32];
    std::snprintf(rate, sizeof rate, "%g", options_.rate);
    std::vector<std::string> argv = {kSipp};
    const auto add = [&](std::initializer_list<std::string> args) {
        argv.insert(argv.end(), args);
    };
    if (!options_.target.empty())
        add({options_.target});
    add({"-sf", std::filesystem::absolute(options_.scenario).string()});
    add({"-i", "127.0.0.1", "-mi", "127.0.0.1", "-bind_local"});
    add({"-ci", "127.0.0.1", "-cp", std::to_string(controlPort)});
    add({"-p", std::to_string(localPort_), "-mp", std::to_string(mediaPort_)});
    add({"-m", std::to_string(options_.calls), "-r", rate, "-l", std::to_string(options_.limit)});
    add({"-nostdin", "-trace_stat", "-stf", file("stat.csv"), "-fd", "1"});
    add({"-trace_err", "-error_file", file("errors.log")});
    add({"-trace_screen", "-screen_file", file("screen.log")});
    if (!options_.service.empty())
        add({"-s", options_.service});
    if (options_.rtpEcho)
        add({"-rtp_echo"});
    if (options_.traceMessages)
        add({"-trace_msg", "-message_file", file("messages.log")});
    if (withTimeout) {
        const auto seconds = std::chrono::ceil<std::chrono::seconds>(options_.timeout).count();
        add({"-timeout", std::to_string(seconds) + "s", "-timeout_error"});
    }
    argv.insert(argv.end(), options_.extraArgs.begin(), options_.extraArgs.end());
    {
        std::ofstream commandLine(dir_ / "command.txt");
        for (const std::string& arg : argv)
            commandLine << arg << "\n";
    }
    process_ = ChildProcess({argv, dir_, dir_ / "sipp.out", dir_ / "sipp.err"});
}

SippResult SippRunner::run() {
    spawn(true);
    bool timedOut = false;
    if (!process_.waitExit(options_.timeout + 5s)) {
        timedOut = true;
        process_.terminate(2s);
    }
    return collect(timedOut);
}

void SippRunner::start(std::chrono::milliseconds timeout) {
    spawn(false);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!udpPortBound(localPort_)) {
        if (!process_.running())
            throw std::runtime_error("SIPp exited during start\n" + collect(false).summary());
        if (std::chrono::steady_clock::now() >= deadline) {
            process_.terminate(1s);
            throw std::runtime_error("SIPp not up in time\n" + collect(true).summary());
        }
        std::this_thread::sleep_for(20ms);
    }
}

SippResult SippRunner::stop(std::chrono::milliseconds grace) {
    bool timedOut = false;
    if (process_.running()) {
        process_.signal(SIGUSR1);
        if (!process_.waitExit(grace)) {
            timedOut = true;
            process_.terminate(2s);
        }
    }
    return collect(timedOut);
}

bool SippRunner::running() {
    return process_.running();
}

SippResult SippRunner::collect(bool timedOut) {
    SippResult result;
    result.exitCode = process_.exitCode();
    result.timedOut = timedOut;
    result.dir = dir_;
    result.stdoutText = readFile(dir_ / "sipp.out");
    result.stderrText = readFile(dir_ / "sipp.err");
    result.errorLog = readFile(dir_ / "errors.log");

    // -trace_stat: a ';'-separated header, then one row per -fd period and one at exit.
    std::ifstream stats(dir_ / "stat.csv");
    std::string header;
    std::string last;
    std::getline(stats, header);
    for (std::string line; std::getline(stats, line);) {
        if (!line.empty())
            last = line;
    }
    const auto names = split(header, ';');
    const auto values = split(last, ';');
    for (std::size_t i = 0; i < names.size() && i < values.size(); ++i) {
        if (names[i] == "SuccessfulCall(C)")
            result.successfulCalls = parseCount(values[i]);
        else if (names[i] == "FailedCall(C)")
            result.failedCalls = parseCount(values[i]);
    }
    return result;
}

}  // namespace agentdesk::siptest
