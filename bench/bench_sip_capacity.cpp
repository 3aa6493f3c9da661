// bench_sip_capacity: how many relayed G.711 calls the SIP engine (SipEngine) carries on this
// machine, with the RTP loss and the delay variation it adds, while the concurrency ramps up.
//
// Usage: bench_sip_capacity [--quick] [--steps 50,100,200,300,400,500] [--hold SECONDS]
//                           [--rate CALLS_PER_S] [--tap-every N | --no-tap] [--same-priority]
//                           [--out FILE] [--keep]
//
// Parts, all on 127.0.0.1:
// - Engine: a SipEngine in a child process (this binary with --engine-child): ephemeral SIP
//   port, trunk list {127.0.0.1}, outboundUri = the agents' SIPp. Each inbound call is answered,
//   an agent leg goes out with callNumber, and when it answers both legs hear each other
//   (setHears both ways, as the ACD does on connect), so the engine relays packet by packet.
//   Its own process so that its CPU and RSS are its own.
// - Callers: one SIPp UAC does the signalling (INVITE with PCMA, ACK, the engine's BYE at the
//   end); its SDP names the bench's own RTP sockets (rtp_probe.h): SIPp 3.6.1 can send RTP
//   (rtp_stream, play_pcap_audio) but can neither timestamp nor count what it receives, so the
//   media comes from the bench.
// - Agents: one SIPp UAS with -rtp_echo: every packet the engine sends to an agent comes back.
// - Measurement: a packet tap on lo timestamps the tagged packets at each hop; the engine's
//   share ("relay") is from the packet leaving the previous hop to the engine sending it on,
//   for both relays of the round trip. Added jitter = relay - the smallest relay of the step.
//   Loss = packets sent in the window whose echo did not come back to the right caller within
//   0.3 s of the window's end; kernel drops per socket (/proc/net/udp) say where it happened.
// - Priorities: SIPp and the bench's RTP threads run at nice 10 (--same-priority: 0), so that
//   the load generators, which share the two cores with the engine here but would be other
//   hosts in production, yield the CPU to it when both want it.
// - Ramp: each step raises the UAC's call limit, waits until every call is bridged and has
//   media, lets it settle 1 s, measures --hold seconds; a step with > 5 % loss ends the ramp.
#include <signal.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench/bench_util.h"
#include "bench/child_process.h"
#include "bench/proc_stats.h"
#include "bench/rtp_probe.h"
#include "bench/sipp_load.h"
#include "common/logging.h"
#include "server/calls/sip/sip_engine.h"

#ifndef AGENTDESK_FIGURES_FILE
#define AGENTDESK_FIGURES_FILE ""
#endif

namespace {

using namespace agentdesk::bench;
namespace sip = agentdesk::server::sip;
using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr double kLossTargetPct = 0.1;
constexpr int kTargetCalls = 300;
constexpr double kJitterTargetMs = 2.0;
constexpr double kLossExplodedPct = 5.0;  // the ramp stops after a step this bad

std::atomic<bool> g_stop{false};

void onSignal(int) {
    g_stop.store(true);
}

// Sleeps up to `d`; false when the bench was interrupted.
bool nap(milliseconds d) {
    const auto until = std::chrono::steady_clock::now() + d;
    while (std::chrono::steady_clock::now() < until) {
        if (g_stop.load())
            return false;
        std::this_thread::sleep_for(std::min(milliseconds(50), d));
    }
    return !g_stop.load();
}

// ------------------------------------------------------------------ the engine's process

// Runs closures one after another on its own thread: the engine's `post` target, as the
// server's I/O thread is.
class TaskQueue {
public:
    TaskQueue() : thread_([this] { run(); }) {}
    ~TaskQueue() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            done_ = true;
        }
        cv_.notify_one();
        thread_.join();
    }
    void post(std::function<void()> f) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            tasks_.push_back(std::move(f));
        }
        cv_.notify_one();
    }

private:
    void run() {
        pthread_setname_np(pthread_self(), "engine-io");
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            cv_.wait(lock, [this] { return done_ || !tasks_.empty(); });
            if (tasks_.empty())
                return;
            auto f = std::move(tasks_.front());
            tasks_.pop_front();
            lock.unlock();
            f();
            lock.lock();
        }
    }

    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> tasks_;
    bool done_ = false;
    std::thread thread_;
};

// What the ACD would do, reduced to the bridge: answer the caller, call an agent, connect both
// when the agent answers; when one side ends, end the other. Runs on the TaskQueue thread.
class Bridge final : public sip::SipEngineListener {
public:
    sip::SipEngine* engine = nullptr;
    std::atomic<int> bridged{0};
    std::atomic<int> failed{0};  // legs that ended before the bench hung up
    std::atomic<int> live{0};
    bool hangingUp = false;

    void hangUpAll() {
        hangingUp = true;
        for (const auto& [leg, other] : partner_)
            engine->hangup(leg);
    }

    void registrationChanged(const sip::Registration&) override {}
    void inboundCall(const sip::InboundCall& call) override {
        engine->answerInbound(call.leg);
        const sip::LegId agent = engine->newLegId();
        partner_[call.leg] = agent;
        partner_[agent] = call.leg;
        agents_.insert(agent);
        live.fetch_add(2);
        engine->callNumber(agent, "agent-" + call.fromUser, call.fromUser);
    }
    void legAnswered(sip::LegId leg) override {
        if (!agents_.count(leg))
            return;
        const auto it = partner_.find(leg);
        if (it == partner_.end())
            return;
        engine->setHears(it->second, {{leg}});
        engine->setHears(leg, {{it->second}});
        bridged.fetch_add(1);
    }
    void legEnded(const sip::LegEnded& ended) override {
        live.fetch_sub(1);
        if (!hangingUp && failed.fetch_add(1) < 5) {
            std::fprintf(stderr, "engine: leg %llu ended before the bench hung up: %s (%d)\n",
                         static_cast<unsigned long long>(ended.leg), ended.detail.c_str(),
                         ended.sipStatus);
        }
        const auto it = partner_.find(ended.leg);
        if (it == partner_.end())
            return;
        const sip::LegId other = it->second;
        partner_.erase(it);
        agents_.erase(ended.leg);
        if (partner_.count(other))
            engine->hangup(other);
    }
    void dtmfReceived(sip::LegId, char) override {}
    void playbackFinished(sip::LegId, std::uint64_t) override {}

private:
    std::map<sip::LegId, sip::LegId> partner_;
    std::set<sip::LegId> agents_;
};

// --engine-child: a line protocol on stdin/stdout. Prints "ready <sipPort>"; answers "stats"
// with "stats legs rtpSockets rtpIn rtpOut rtpLost bridged failed live", "hangup" with
// "hungup <legs still live>" (after up to 15 s), "quit" with "bye" once the engine stopped.
int runEngineChild(const std::string& outboundUri) {
    agentdesk::logging::init({"bench_sip_capacity", "", true, false, "warn"});
    raiseFileLimit(16384);
    sip::SipConfig config;
    config.listenHost = "127.0.0.1";
    config.listenPort = 0;
    config.trunkAddrs = {"127.0.0.1"};
    config.outboundUri = outboundUri;
    Bridge bridge;
    auto io = std::make_unique<TaskQueue>();
    TaskQueue* queue = io.get();
    auto engine = std::make_unique<sip::SipEngine>(
        config, bridge, [queue](std::function<void()> f) { queue->post(std::move(f)); });
    bridge.engine = engine.get();
    std::string error;
    if (!engine->start(&error)) {
        std::printf("error %s\n", error.c_str());
        return 1;
    }
    std::printf("ready %u\n", static_cast<unsigned>(engine->sipPort()));
    std::fflush(stdout);
    std::string command;
    while (std::getline(std::cin, command)) {
        if (command == "stats") {
            const auto s = engine->stats();
            std::printf("stats %zu %zu %llu %llu %llu %d %d %d\n", s.legs, s.rtpSockets,
                        static_cast<unsigned long long>(s.rtpIn),
                        static_cast<unsigned long long>(s.rtpOut),
                        static_cast<unsigned long long>(s.rtpLost), bridge.bridged.load(),
                        bridge.failed.load(), bridge.live.load());
        } else if (command == "hangup") {
            queue->post([&bridge] { bridge.hangUpAll(); });
            const auto deadline = std::chrono::steady_clock::now() + seconds(15);
            while (bridge.live.load() > 0 && std::chrono::steady_clock::now() < deadline)
                std::this_thread::sleep_for(milliseconds(20));
            std::printf("hungup %d\n", bridge.live.load());
        } else if (command == "quit") {
            break;
        }
        std::fflush(stdout);
    }
    engine->stop();
    io.reset();  // runs the legEnded(Shutdown) the stop posted, while the bridge still exists
    engine.reset();
    std::printf("bye\n");
    std::fflush(stdout);
    return 0;
}

// ------------------------------------------------------------------ the bench's side

// Prints and keeps every line, for the figures file.
class Report {
public:
    __attribute__((format(printf, 2, 3))) void line(const char* fmt, ...) {
        char buf[2048];
        va_list args;
        va_start(args, fmt);
        std::vsnprintf(buf, sizeof buf, fmt, args);
        va_end(args);
        std::printf("%s\n", buf);
        text_ += buf;
        text_ += '\n';
    }
    void blank() {
        std::printf("\n");
        text_ += '\n';
    }
    bool save(const std::string& path) const {
        std::ofstream out(path);
        out << text_;
        return static_cast<bool>(out);
    }

private:
    std::string text_;
};

struct EngineStats {
    std::uint64_t legs = 0, sockets = 0, rtpIn = 0, rtpOut = 0, rtpLost = 0;
    int bridged = 0, failed = 0, live = 0;
};

class EngineProcess {
public:
    explicit EngineProcess(const std::string& outboundUri, const std::filesystem::path& dir)
        : process_({{"/proc/self/exe", "--engine-child", "--outbound-uri", outboundUri},
                    dir,
                    {},
                    {},
                    true}) {}
    pid_t pid() const { return process_.pid(); }
    ChildProcess& process() { return process_; }
    // The SIP port from "ready <port>", 0 when the engine did not start.
    int waitReady(std::string* error) {
        const auto line = process_.readLine(seconds(10));
        if (!line || line->rfind("ready ", 0) != 0) {
            *error = line ? *line : "no answer from the engine process";
            return 0;
        }
        return std::atoi(line->c_str() + 6);
    }
    std::optional<EngineStats> stats() {
        if (!process_.writeLine("stats"))
            return std::nullopt;
        const auto line = process_.readLine(seconds(5));
        EngineStats s;
        if (!line ||
            std::sscanf(line->c_str(), "stats %lu %lu %lu %lu %lu %d %d %d", &s.legs, &s.sockets,
                        &s.rtpIn, &s.rtpOut, &s.rtpLost, &s.bridged, &s.failed, &s.live) != 8)
            return std::nullopt;
        return s;
    }
    // Legs still up after the engine hung up every call (-1: no answer).
    int hangUpAll() {
        if (!process_.writeLine("hangup"))
            return -1;
        const auto line = process_.readLine(seconds(20));
        return line && line->rfind("hungup ", 0) == 0 ? std::atoi(line->c_str() + 7) : -1;
    }
    void quit() {
        if (process_.writeLine("quit"))
            process_.readLine(seconds(10));
        if (!process_.waitExit(seconds(3)))
            process_.terminate(seconds(2));
    }

private:
    ChildProcess process_;
};

// Nearest-rank percentiles of a sample in ns, reported in ms.
struct Dist {
    std::size_t n = 0;
    double min = 0, p50 = 0, p99 = 0, max = 0;
};

Dist distOf(std::vector<std::int32_t> v) {
    Dist d;
    d.n = v.size();
    if (v.empty())
        return d;
    std::sort(v.begin(), v.end());
    const auto at = [&](double p) {
        const auto rank =
            static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
        return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1] / 1e6;
    };
    d.min = v.front() / 1e6;
    d.p50 = at(50);
    d.p99 = at(99);
    d.max = v.back() / 1e6;
    return d;
}

// CPU and drop counters at one moment, for differences over a window.
struct Snapshot {
    std::chrono::steady_clock::time_point at;
    std::uint64_t engineThread = 0, engineProcess = 0, agents = 0, callers = 0, probe = 0;
    proc::MachineCpu machine;
    std::uint64_t dropsEngine = 0, dropsAgents = 0, dropsProbe = 0;
    EngineStats engine;
    bool engineAnswered = false;
    std::map<pid_t, proc::ProcessTicks> processes;
};

struct StepResult {
    int calls = 0;
    bool measured = false;
    double seconds = 0;
    std::uint64_t sent = 0, received = 0;
    double lossPct = 0, engineLossPct = 0;
    Dist relay, roundTrip, echo;
    double jitterP50 = 0, jitterP99 = 0, jitterMax = 0;
    double cpuEngineThread = 0, cpuEngineProcess = 0, cpuAgents = 0, cpuCallers = 0, cpuProbe = 0;
    double cpuMachine = 0, cpuSteal = 0;
    double rssMiB = 0, rssPerCallKiB = 0;
};

std::string firstLineOf(const std::string& file, const std::string& key) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) == 0) {
            const auto colon = line.find(':');
            return colon == std::string::npos ? line : line.substr(colon + 2);
        }
    }
    return "unknown";
}

std::vector<int> parseSteps(const std::string& text) {
    std::vector<int> out;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        out.push_back(std::atoi(item.c_str()));
    return out;
}

int usage() {
    std::fprintf(stderr,
                 "usage: bench_sip_capacity [--quick] [--steps 50,100,200,300,400,500] "
                 "[--hold SECONDS] [--rate CALLS_PER_S] [--tap-every N | --no-tap] "
                 "[--same-priority] [--out FILE] [--keep]\n");
    return 2;
}

class Bench {
public:
    Bench(Report& report, std::vector<int> steps, int holdSec, double rate, int tapEvery,
          int loadNice, std::filesystem::path dir)
        : report_(report),
          steps_(std::move(steps)),
          holdSec_(holdSec),
          rate_(rate),
          tapEvery_(tapEvery),
          loadNice_(loadNice),
          dir_(std::move(dir)),
          probe_({steps_.back(), 16000, tapEvery, 32, loadNice}) {}

    int run();

private:
    bool setUp();
    bool addCalls(int target);
    Snapshot snapshot();
    StepResult measure(int step, int calls);
    std::string otherProcesses(const Snapshot& a, const Snapshot& b) const;
    void printStep(const StepResult& r, const RtpProbe::StepFigures& f, const Snapshot& a,
                   const Snapshot& b);
    void summary();
    void tearDown();

    Report& report_;
    std::vector<int> steps_;
    int holdSec_;
    double rate_;
    int tapEvery_;
    int loadNice_;  // nice value of SIPp and the bench's RTP threads; the engine runs at 0
    std::filesystem::path dir_;
    RtpProbe probe_;
    std::optional<SippRun> agents_;
    std::optional<SippRun> callers_;  // one UAC for the whole ramp; its limit rises per step
    std::unique_ptr<EngineProcess> engine_;
    int enginePort_ = 0;
    int echoPort_ = 0;
    int calls_ = 0;
    long idleRssKiB_ = 0;
    std::vector<StepResult> results_;
    std::string stopReason_;
    bool failed_ = false;
};

bool Bench::setUp() {
    std::string error;
    if (!probe_.open(&error)) {
        report_.line("cannot open the RTP sockets: %s", error.c_str());
        return false;
    }
    writeSippScenarios(dir_);
    echoPort_ = freeMediaPort();
    probe_.setEchoPort(echoPort_);
    agents_ = startSippAgents(dir_, echoPort_, loadNice_);
    const auto deadline = std::chrono::steady_clock::now() + seconds(5);
    while (!udpPortBound(agents_->sipPort) || !udpPortBound(echoPort_)) {
        if (!agents_->process.running() || std::chrono::steady_clock::now() > deadline) {
            report_.line("SIPp agents did not start (%s): %s",
                         agents_->process.describeExit().c_str(),
                         tailOfFile(dir_ / "agents.stderr", 600).c_str());
            return false;
        }
        std::this_thread::sleep_for(milliseconds(20));
    }
    const std::string outbound = "sip:127.0.0.1:" + std::to_string(agents_->sipPort);
    engine_ = std::make_unique<EngineProcess>(outbound, dir_);
    enginePort_ = engine_->waitReady(&error);
    if (enginePort_ == 0) {
        report_.line("the engine did not start: %s", error.c_str());
        return false;
    }
    probe_.start();
    std::this_thread::sleep_for(milliseconds(300));
    idleRssKiB_ = proc::rssKiB(engine_->pid());
    report_.line(
        "engine: SipEngine in child process %d, SIP 127.0.0.1:%d (UDP), trunks "
        "{127.0.0.1}, outboundUri %s; RSS with no call %.1f MiB",
        static_cast<int>(engine_->pid()), enginePort_, outbound.c_str(),
        static_cast<double>(idleRssKiB_) / 1024.0);
    report_.line(
        "agents: one SIPp UAS (pid %d) answering PCMA, -rtp_echo on 127.0.0.1:%d "
        "(one SIPp thread echoes every call)",
        static_cast<int>(agents_->process.pid()), echoPort_);
    report_.line(
        "callers: one SIPp UAC for the signalling (%g calls/s, its call limit raised per "
        "step; INVITE PCMA, ACK, the engine's BYE at the end); media from the bench's "
        "own sockets, one per call, 50 tagged 20 ms PCMA packets/s, spread over each "
        "20 ms",
        rate_);
    if (loadNice_ != 0) {
        report_.line(
            "priorities: SIPp and the bench's RTP threads at nice %d, the engine at 0, "
            "so that on this shared machine the load generators yield the CPU to the "
            "engine when both want it (--same-priority: all at 0)",
            loadNice_);
    } else {
        report_.line("priorities: everything at nice 0 (--same-priority)");
    }
    if (probe_.tapping()) {
        report_.line(
            "timing: packet tap on lo following every %d%s call (kernel send times of "
            "each hop); relay = previous hop sent -> engine sent, both directions",
            tapEvery_, tapEvery_ == 1 ? "st" : "th");
    } else {
        report_.line(
            "timing: no tap (--no-tap): only the round trip (send -> echo received, "
            "kernel receive time), which includes SIPp's echo and both relays");
    }
    return true;
}

bool Bench::addCalls(int target) {
    const int add = target - calls_;
    const auto start = std::chrono::steady_clock::now();
    probe_.setActiveCalls(target);
    if (!callers_) {
        std::vector<int> ports;
        for (int i = 0; i < steps_.back(); ++i)
            ports.push_back(probe_.port(i));
        const auto injection = dir_ / "callers.csv";
        writeCallerInjection(injection, ports);
        callers_ = startSippCallers(dir_, "127.0.0.1:" + std::to_string(enginePort_), injection,
                                    steps_.back(), target, rate_, loadNice_);
    } else {
        // The rate first: setting it restarts SIPp's pacing, so the calls it could not place
        // while at the limit do not all go out at once.
        sippCommand(*callers_, "set rate " + std::to_string(rate_));
        sippCommand(*callers_, "set limit " + std::to_string(target));
    }
    SippRun& uac = *callers_;
    const auto limit = seconds(10) + milliseconds(static_cast<int>(2000.0 * add / rate_));
    EngineStats s;
    int latched = 0;
    for (;;) {
        if (!nap(milliseconds(100))) {
            stopReason_ = "interrupted";
            return false;
        }
        const auto stats = engine_->stats();
        if (!stats) {
            stopReason_ =
                "the engine process stopped answering (" + engine_->process().describeExit() + ")";
            return false;
        }
        s = *stats;
        latched = probe_.latched(target);
        if (s.bridged >= target && latched >= target)
            break;
        const bool exited = !uac.process.running();
        if (exited || s.failed > 0 || std::chrono::steady_clock::now() - start > limit) {
            stopReason_ = "calls did not come up: " + std::to_string(s.bridged) + " of " +
                          std::to_string(target) + " bridged, " + std::to_string(latched) +
                          " callers with media, " + std::to_string(s.failed) +
                          " legs ended early; SIPp " + uac.process.describeExit();
            report_.line("  %s", stopReason_.c_str());
            const std::string log = tailOfFile(uac.errorLog, 800);
            if (!log.empty())
                report_.line("  SIPp error log (%s): %s", uac.errorLog.c_str(), log.c_str());
            failed_ = true;
            return false;
        }
    }
    calls_ = target;
    report_.line("  %d calls up (%d new in %.1f s; engine legs %lu, RTP sockets %lu)", target, add,
                 msBetween(start, std::chrono::steady_clock::now()) / 1000.0, s.legs, s.sockets);
    return true;
}

Snapshot Bench::snapshot() {
    Snapshot s;
    s.at = std::chrono::steady_clock::now();
    const pid_t enginePid = engine_->pid();
    for (const auto& [name, ns] : proc::threadCpuNs(enginePid)) {
        s.engineProcess += ns;
        if (name == "agentdesk-sip")
            s.engineThread += ns;
    }
    s.agents = proc::processCpuNs(agents_->process.pid());
    s.callers = callers_ ? proc::processCpuNs(callers_->process.pid()) : 0;
    for (const auto& [name, ns] : proc::threadCpuNs(getpid())) {
        if (name.rfind("probe-", 0) == 0)
            s.probe += ns;
    }
    s.machine = proc::machineCpu();
    s.processes = proc::allProcessTicks();
    const auto drops = proc::udpDropsByInode();
    s.dropsEngine = proc::udpDrops(drops, proc::socketInodes(enginePid));
    s.dropsAgents = proc::udpDrops(drops, proc::socketInodes(agents_->process.pid()));
    s.dropsProbe = proc::udpDrops(drops, proc::socketInodes(getpid()));
    if (const auto e = engine_->stats()) {
        s.engine = *e;
        s.engineAnswered = true;
    }
    return s;
}

StepResult Bench::measure(int step, int calls) {
    StepResult r;
    r.calls = calls;
    if (!nap(seconds(1)))  // every caller has been sending for a moment: a steady state
        return r;
    const Snapshot a = snapshot();
    probe_.openWindow(step);
    const bool complete = nap(seconds(holdSec_));
    probe_.closeWindow();
    const Snapshot b = snapshot();
    nap(milliseconds(300));  // echoes of the window's last packets
    RtpProbe::StepFigures f = probe_.take(step);
    if (!complete)
        return r;
    if (!a.engineAnswered || !b.engineAnswered) {
        stopReason_ =
            "the engine process stopped answering (" + engine_->process().describeExit() + ")";
        failed_ = true;
        return r;
    }
    r.measured = true;
    r.seconds = msBetween(a.at, b.at) / 1000.0;
    r.sent = f.sent;
    r.received = f.received;
    r.lossPct = f.sent ? 100.0 * static_cast<double>(f.sent - std::min(f.sent, f.received)) /
                             static_cast<double>(f.sent)
                       : 100.0;
    // The engine's own loss: datagrams the kernel dropped at its sockets (it did not read them
    // in time) plus any it read but did not send on. In relay mode every packet in goes out
    // once; out > in only when the mixer filled a quiet source with silence.
    const std::uint64_t engineDrops = b.dropsEngine - a.dropsEngine;
    const std::uint64_t engineIn = b.engine.rtpIn - a.engine.rtpIn;
    const std::uint64_t engineOut = b.engine.rtpOut - a.engine.rtpOut;
    const std::uint64_t notRelayed = engineIn > engineOut ? engineIn - engineOut : 0;
    r.engineLossPct = engineIn + engineDrops
                          ? 100.0 * static_cast<double>(engineDrops + notRelayed) /
                                static_cast<double>(engineIn + engineDrops)
                          : 0;
    std::vector<std::int32_t> relay = f.relayIn;
    relay.insert(relay.end(), f.relayOut.begin(), f.relayOut.end());
    r.relay = distOf(relay);
    r.jitterP50 = r.relay.p50 - r.relay.min;
    r.jitterP99 = r.relay.p99 - r.relay.min;
    r.jitterMax = r.relay.max - r.relay.min;
    r.roundTrip = distOf(f.roundTrip);
    r.echo = distOf(f.echo);
    const double wallNs = r.seconds * 1e9;
    const auto pct = [&](std::uint64_t x, std::uint64_t y) {
        return 100.0 * static_cast<double>(y - std::min(x, y)) / wallNs;
    };
    r.cpuEngineThread = pct(a.engineThread, b.engineThread);
    r.cpuEngineProcess = pct(a.engineProcess, b.engineProcess);
    r.cpuAgents = pct(a.agents, b.agents);
    r.cpuCallers = pct(a.callers, b.callers);
    r.cpuProbe = pct(a.probe, b.probe);
    const double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
    const double cores = static_cast<double>(std::thread::hardware_concurrency());
    const double idleSec = static_cast<double>(b.machine.idle - a.machine.idle) / tick;
    r.cpuMachine = std::max(0.0, 100.0 * (cores - idleSec / r.seconds));
    r.cpuSteal = 100.0 * static_cast<double>(b.machine.steal - a.machine.steal) / tick / r.seconds;
    const long rss = proc::rssKiB(engine_->pid());
    r.rssMiB = static_cast<double>(rss) / 1024.0;
    r.rssPerCallKiB = static_cast<double>(rss - idleRssKiB_) / calls;
    printStep(r, f, a, b);
    return r;
}

// The processes outside the bench that used the most CPU in the window (short-lived ones,
// such as compilers, are only partly seen).
std::string Bench::otherProcesses(const Snapshot& a, const Snapshot& b) const {
    const std::set<pid_t> ours = {getpid(), engine_->pid(), agents_->process.pid(),
                                  callers_ ? callers_->process.pid() : 0};
    std::map<std::string, std::uint64_t> byName;
    for (const auto& [pid, now] : b.processes) {
        if (ours.count(pid))
            continue;
        const auto before = a.processes.find(pid);
        const std::uint64_t was = before == a.processes.end() ? 0 : before->second.ticks;
        if (now.ticks > was)
            byName[now.name] += now.ticks - was;
    }
    std::vector<std::pair<std::uint64_t, std::string>> top;
    for (const auto& [name, ticks] : byName)
        top.emplace_back(ticks, name);
    std::sort(top.rbegin(), top.rend());
    const double wallTicks =
        msBetween(a.at, b.at) / 1000.0 * static_cast<double>(sysconf(_SC_CLK_TCK));
    std::string out;
    for (std::size_t i = 0; i < top.size() && i < 3; ++i) {
        const double pct = 100.0 * static_cast<double>(top[i].first) / wallTicks;
        if (pct < 1)
            break;
        char buf[96];
        std::snprintf(buf, sizeof buf, "%s%s %.0f", out.empty() ? "" : ", ", top[i].second.c_str(),
                      pct);
        out += buf;
    }
    return out.empty() ? "none above 1 %" : out;
}

void Bench::printStep(const StepResult& r, const RtpProbe::StepFigures& f, const Snapshot& a,
                      const Snapshot& b) {
    const std::uint64_t in = b.engine.rtpIn - a.engine.rtpIn;
    const std::uint64_t out = b.engine.rtpOut - a.engine.rtpOut;
    const double offered = 100.0 * static_cast<double>(f.sent) / (r.calls * 50.0 * r.seconds);
    report_.line(
        "  window %.1f s: RTP sent %lu (%.1f %% of 50/s per call), echoed back %lu, loss "
        "%.3f %%%s; engine in %lu out %lu (%.0f/s each way)",
        r.seconds, f.sent, offered, f.received, r.lossPct,
        f.misrouted ? (" MISROUTED " + std::to_string(f.misrouted)).c_str() : "", in, out,
        static_cast<double>(in) / r.seconds);
    report_.line(
        "  where packets were lost: kernel drops at the engine's sockets %lu, at SIPp's "
        "echo %lu, at the bench's sockets %lu; gaps the engine saw %lu; send errors %lu",
        b.dropsEngine - a.dropsEngine, b.dropsAgents - a.dropsAgents, b.dropsProbe - a.dropsProbe,
        b.engine.rtpLost - a.engine.rtpLost, f.sendErrors);
    if (probe_.tapping()) {
        report_.line(
            "  relay (engine) ms: n %zu  min %.3f  p50 %.3f  p99 %.3f  max %.3f  -> "
            "added jitter p50 %.3f  p99 %.3f  max %.3f",
            r.relay.n, r.relay.min, r.relay.p50, r.relay.p99, r.relay.max, r.jitterP50, r.jitterP99,
            r.jitterMax);
        report_.line("  SIPp echo turnaround ms: p50 %.3f  p99 %.3f  max %.3f", r.echo.p50,
                     r.echo.p99, r.echo.max);
    }
    report_.line(
        "  round trip (send -> echo back, 2 relays + echo) ms: p50 %.3f  p99 %.3f  max "
        "%.3f; sender late max %.2f ms",
        r.roundTrip.p50, r.roundTrip.p99, r.roundTrip.max, f.senderLateMaxMs);
    const double ours = r.cpuEngineProcess + r.cpuAgents + r.cpuCallers + r.cpuProbe;
    report_.line(
        "  CPU %% of one core: engine thread %.1f (engine process %.1f), SIPp echo %.1f, "
        "SIPp callers %.1f, bench RTP+tap %.1f; machine busy %.0f of %u00 (%.0f outside "
        "these processes), stolen by the hypervisor %.1f",
        r.cpuEngineThread, r.cpuEngineProcess, r.cpuAgents, r.cpuCallers, r.cpuProbe, r.cpuMachine,
        std::thread::hardware_concurrency(), std::max(0.0, r.cpuMachine - ours), r.cpuSteal);
    report_.line("  other processes on the machine (%% of one core): %s",
                 otherProcesses(a, b).c_str());
    report_.line("  engine RSS %.1f MiB, %.1f KiB per call over the idle engine", r.rssMiB,
                 r.rssPerCallKiB);
}

void Bench::summary() {
    report_.blank();
    report_.line(
        "Summary (jitter = added by the engine, in ms; CPU in %% of one core; loss = end "
        "to end, engine = dropped at or by the engine)");
    report_.line(
        "  calls   pkts/s   loss %%  engine %%  jitter p50    p99     max  RTT p99  "
        "eng.thread  eng.proc  SIPp echo  bench  machine  RSS MiB  KiB/call");
    for (const StepResult& r : results_) {
        char jitter[64] = "           -       -       -";  // no tap: not measured
        if (probe_.tapping())
            std::snprintf(jitter, sizeof jitter, "%10.3f  %6.3f  %6.3f", r.jitterP50, r.jitterP99,
                          r.jitterMax);
        report_.line(
            "  %5d  %7.0f  %7.3f  %8.3f  %s  %7.3f  %10.1f  %8.1f  %9.1f  %5.1f  %7.0f  "
            "%7.1f  %8.1f",
            r.calls, static_cast<double>(r.sent) / r.seconds, r.lossPct, r.engineLossPct, jitter,
            r.roundTrip.p99, r.cpuEngineThread, r.cpuEngineProcess, r.cpuAgents, r.cpuProbe,
            r.cpuMachine, r.rssMiB, r.rssPerCallKiB);
    }
    int best = 0;
    int bestEngine = 0;
    for (const StepResult& r : results_) {
        if (r.lossPct <= kLossTargetPct)
            best = std::max(best, r.calls);
        if (r.engineLossPct <= kLossTargetPct)
            bestEngine = std::max(bestEngine, r.calls);
    }
    if (!stopReason_.empty())
        report_.line("ramp stopped: %s", stopReason_.c_str());
    report_.line(
        "largest concurrency with <= %.1f %% loss: %d calls end to end, %d counting "
        "only what the engine dropped",
        kLossTargetPct, best, bestEngine);
    const StepResult* at = nullptr;
    for (const StepResult& r : results_) {
        if (r.calls >= kTargetCalls && (!at || r.calls < at->calls))
            at = &r;
    }
    if (!at) {
        report_.line(
            "target >= %d relayed G.711 calls with added jitter p99 <= %.0f ms (engine "
            "loss <= %.1f %%): NOT MEASURED (no step reached %d calls)",
            kTargetCalls, kJitterTargetMs, kLossTargetPct, kTargetCalls);
        return;
    }
    // The target is the engine's: its added jitter and what it dropped. End-to-end loss also
    // counts SIPp's echo, a load generator sharing the same two cores, and is shown beside it.
    const bool jitterOk = probe_.tapping() && at->jitterP99 <= kJitterTargetMs;
    const bool lossOk = at->engineLossPct <= kLossTargetPct;
    char jitter[32] = "-";
    if (probe_.tapping())
        std::snprintf(jitter, sizeof jitter, "%.3f", at->jitterP99);
    report_.line(
        "target >= %d relayed G.711 calls with added jitter p99 <= %.0f ms (engine loss "
        "<= %.1f %%): %s (%d calls: added jitter p99 %s ms, engine loss %.3f %%, "
        "end-to-end loss %.3f %%, engine thread %.0f %% of one core)",
        kTargetCalls, kJitterTargetMs, kLossTargetPct,
        !probe_.tapping() ? "NOT MEASURED (no tap)" : (jitterOk && lossOk ? "PASS" : "FAIL"),
        at->calls, jitter, at->engineLossPct, at->lossPct, at->cpuEngineThread);
}

void Bench::tearDown() {
    probe_.closeWindow();
    probe_.setActiveCalls(0);  // no RTP into legs that are going away
    if (engine_ && engine_->process().running()) {
        const int left = engine_->hangUpAll();
        if (left != 0)
            report_.line("teardown: %d legs still up after the engine's hang-up", left);
    }
    std::string callers = "not started";
    if (callers_) {
        // SIGUSR1 makes SIPp place no more calls; it exits once the engine's BYEs have ended
        // the open ones (exit 0: every call it placed succeeded).
        callers_->process.signal(SIGUSR1);
        if (!callers_->process.waitExit(seconds(5)))
            callers_->process.terminate(seconds(2));
        callers = callers_->process.describeExit();
    }
    if (agents_)
        agents_->process.terminate(seconds(2));
    if (engine_)
        engine_->quit();
    probe_.stop();
    report_.line(
        "teardown: SIPp callers %s (0: every call ended by the engine's BYE), SIPp "
        "agents %s, engine process %s",
        callers.c_str(), agents_ ? agents_->process.describeExit().c_str() : "-",
        engine_ ? engine_->process().describeExit().c_str() : "-");
}

int Bench::run() {
    if (!setUp()) {
        tearDown();
        return 1;
    }
    for (std::size_t i = 0; i < steps_.size() && !g_stop.load(); ++i) {
        const int target = steps_[i];
        report_.blank();
        report_.line("step %zu: %d concurrent calls", i + 1, target);
        if (!addCalls(target))
            break;
        StepResult r = measure(static_cast<int>(i), target);
        if (!r.measured) {
            if (stopReason_.empty())
                stopReason_ = "interrupted";
            break;
        }
        results_.push_back(r);
        if (r.lossPct > kLossExplodedPct) {
            stopReason_ = "loss " + std::to_string(r.lossPct).substr(0, 5) + " % at " +
                          std::to_string(target) + " calls";
            break;
        }
    }
    if (g_stop.load() && stopReason_.empty())
        stopReason_ = "interrupted";
    summary();
    report_.blank();
    tearDown();
    return failed_ || g_stop.load() ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && std::string(argv[1]) == "--engine-child") {
        const std::string uri = argc >= 4 ? argv[3] : "";
        return runEngineChild(uri);
    }
    std::vector<int> steps = {50, 100, 200, 300, 400, 500};
    int holdSec = 10;
    double rate = 100;
    int tapEvery = 5;
    int loadNice = 10;
    bool quick = false;
    bool keep = false;
    std::string out;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--quick") {
            quick = true;
            steps = {20, 50};
            holdSec = 3;
        } else if (arg == "--steps" && i + 1 < argc) {
            steps = parseSteps(argv[++i]);
        } else if (arg == "--hold" && i + 1 < argc) {
            holdSec = std::atoi(argv[++i]);
        } else if (arg == "--rate" && i + 1 < argc) {
            rate = std::atof(argv[++i]);
        } else if (arg == "--tap-every" && i + 1 < argc) {
            tapEvery = std::atoi(argv[++i]);
        } else if (arg == "--no-tap") {
            tapEvery = 0;
        } else if (arg == "--same-priority") {
            loadNice = 0;
        } else if (arg == "--out" && i + 1 < argc) {
            out = argv[++i];
        } else if (arg == "--keep") {
            keep = true;
        } else {
            return usage();
        }
    }
    if (steps.empty() || steps.size() > 32 || holdSec < 1 || rate <= 0 || tapEvery < 0 ||
        std::any_of(steps.begin(), steps.end(), [](int s) { return s < 1 || s > 2000; }) ||
        !std::is_sorted(steps.begin(), steps.end()))
        return usage();
    // The full ramp writes the repository's figures file; --quick only when asked to.
    if (out.empty() && !quick)
        out = AGENTDESK_FIGURES_FILE;
    if (access(kSippBinary, X_OK) != 0) {
        std::fprintf(stderr, "%s not found (Debian package sip-tester)\n", kSippBinary);
        return 2;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    signal(SIGPIPE, SIG_IGN);
    raiseFileLimit(16384);

    Report report;
    utsname un{};
    uname(&un);
    report.line("bench_sip_capacity: %u cores (%s), kernel %s, load average %s at start%s",
                std::thread::hardware_concurrency(),
                firstLineOf("/proc/cpuinfo", "model name").c_str(), un.release,
                loadAverage().c_str(), quick ? " [--quick]" : "");
    std::string stepsText;
    for (const int s : steps)
        stepsText += (stepsText.empty() ? "" : ", ") + std::to_string(s);
    report.line(
        "ramp: %s concurrent calls, %d s measured per step after 1 s settling; SIPp 3.6.1 "
        "(%s); all on 127.0.0.1",
        stepsText.c_str(), holdSec, kSippBinary);

    const std::string dir = makeRunDirectory();
    if (dir.empty()) {
        std::fprintf(stderr, "cannot create a run directory in /tmp\n");
        return 1;
    }
    int code = 0;
    {
        Bench bench(report, steps, holdSec, rate, tapEvery, loadNice, dir);
        code = bench.run();
    }
    if (!out.empty()) {
        if (report.save(out))
            std::printf("figures written to %s\n", out.c_str());
        else
            std::fprintf(stderr, "cannot write %s\n", out.c_str());
    }
    if (keep || code != 0) {
        std::printf("SIPp logs and scenarios kept in %s\n", dir.c_str());
    } else {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    return code;
}
