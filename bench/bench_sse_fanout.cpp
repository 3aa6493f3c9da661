// bench_sse_fanout: latency of one queue.stats broadcast to N open event streams.
//
// Usage: bench_sse_fanout [SERVER_BINARY | --in-process] [--streams N] [--rounds R]
//                         [--workers W] [--per-user K]
//
// By default it runs the real agentdesk-server as a child process (--demo --demo-rate 0
// --db :memory: --listen 127.0.0.1:0, --demo-agents for enough users, --max-streams-per-user K),
// so server and clients are separate processes as in production; --in-process runs
// agentdesk::server::ServerApp inside this process instead.
//
// The streams (GET /api/v1/events) are held by W worker processes (this binary with --worker),
// each driving its share through libcurl's socket interface on one thread. Stream i belongs to
// load agent i / K + 1 (the server lets one user hold at most K streams); the load agents have
// every skill, so each sees the queue.stats of "general". Each round waits for > 3 s without a
// queue.stats for "general" (the server pushes one per queue at most every 2 s, watched on
// lead1's own stream), arms the workers, injects one demo call into "general" (POST
// /api/v1/demo/calls as trainer1) and measures, for every stream, the time from just before the
// POST to the write callback that completes the first `queue.stats` for "general" carrying
// "waiting": after arming. Times are CLOCK_MONOTONIC, the same clock in every process.
//
// It prints the server's memory per idle stream (its RSS after the N streams are open minus
// before, over N), its CPU during the rounds, and whether any stream was starved (missed a
// round or was always among the slowest).
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <curl/curl.h>

#include "bench/bench_util.h"
#include "bench/proc_stats.h"
#include "bench/sse_fanout_parts.h"
#include "bench/sse_stream_set.h"

#ifndef AGENTDESK_SERVER_BINARY
#define AGENTDESK_SERVER_BINARY ""
#endif

namespace {

using namespace agentdesk::bench;
using std::chrono::milliseconds;

constexpr milliseconds kQuiet{3000};          // > 2 s stats interval + margin
constexpr milliseconds kRoundTimeout{10000};  // a delivery later than this counts as missing
constexpr double kTargetP99Ms = 100;

// ------------------------------------------------------------------ worker process

// Reads commands on stdin, answers on stdout (one line each); pumps its streams in between.
int workerMain(const std::string& apiBase) {
    std::setvbuf(stdout, nullptr, _IOFBF, 1 << 16);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    SseStreamSet set(apiBase);
    std::string input;
    for (;;) {
        bool ready = false;
        set.pump(
            SseStreamSet::Clock::now() + std::chrono::hours(1), [] { return false; }, STDIN_FILENO,
            &ready);
        if (!ready)
            continue;
        char buf[65536];
        const ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
        if (n <= 0)
            break;  // the bench is gone
        input.append(buf, static_cast<std::size_t>(n));
        std::size_t nl;
        while ((nl = input.find('\n')) != std::string::npos) {
            std::istringstream words(input.substr(0, nl));
            input.erase(0, nl + 1);
            std::string command;
            words >> command;
            if (command == "open") {
                std::size_t count = 0, perToken = 0;
                words >> count >> perToken;
                std::vector<std::string> tokens;
                for (std::string t; words >> t;)
                    tokens.push_back(t);
                const auto t0 = SseStreamSet::Clock::now();
                const std::size_t live = set.open(count, tokens, perToken);
                for (const auto& line : set.describeFailures())
                    std::fprintf(stderr, "    worker %d: %s\n", getpid(), line.c_str());
                std::printf("opened %zu %.0f\n", live, msBetween(t0, SseStreamSet::Clock::now()));
            } else if (command == "arm") {
                set.arm();
                std::printf("armed\n");
            } else if (command == "collect") {
                long long deadlineNs = 0;
                words >> deadlineNs;
                const SseStreamSet::Clock::time_point deadline{
                    std::chrono::nanoseconds(deadlineNs)};
                set.pump(deadline, [&] { return set.everyLiveStreamDelivered(); });
                std::printf("%s\n", formatDeliveries(set.live(), set.deliveries()).c_str());
            } else if (command == "close") {
                set.closeAll();
                std::printf("closed\n");
            } else if (command == "quit") {
                std::fflush(stdout);
                curl_global_cleanup();
                return 0;
            }
            std::fflush(stdout);
        }
    }
    curl_global_cleanup();
    return 0;
}

// ------------------------------------------------------------------ the bench

int usage() {
    std::fprintf(stderr,
                 "usage: bench_sse_fanout [SERVER_BINARY | --in-process] [--streams N] "
                 "[--rounds R] [--workers W] [--per-user K]\n");
    return 2;
}

struct Options {
    std::string binary = AGENTDESK_SERVER_BINARY;
    bool inProcess = false;
    std::size_t streams = 10000;
    int rounds = 5;
    std::size_t workers = 4;
    std::size_t perUser = 100;
};

std::optional<Options> parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--in-process") {
            o.inProcess = true;
        } else if (arg == "--streams" && hasValue) {
            o.streams = std::strtoul(argv[++i], nullptr, 10);
        } else if (arg == "--rounds" && hasValue) {
            o.rounds = std::atoi(argv[++i]);
        } else if (arg == "--workers" && hasValue) {
            o.workers = std::strtoul(argv[++i], nullptr, 10);
        } else if (arg == "--per-user" && hasValue) {
            o.perUser = std::strtoul(argv[++i], nullptr, 10);
        } else if (!arg.starts_with("-")) {
            o.binary = arg;
        } else {
            return std::nullopt;
        }
    }
    const std::size_t users = o.perUser ? (o.streams + o.perUser - 1) / o.perUser : 0;
    if (o.streams < 1 || o.rounds < 1 || o.workers < 1 || o.perUser < 1 || o.perUser > 100 ||
        users > 2000)
        return std::nullopt;
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::string(argv[1]) == "--worker")
        return workerMain(argv[2]);
    const auto options = parse(argc, argv);
    if (!options)
        return usage();
    const Options& o = *options;
    if (!o.inProcess && (o.binary.empty() || access(o.binary.c_str(), X_OK) != 0)) {
        std::fprintf(stderr, "server binary '%s' not found; pass its path or --in-process\n",
                     o.binary.c_str());
        return 2;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    signal(SIGPIPE, SIG_IGN);

    // The server (a child inherits the limit) holds every stream; the bench raises the limit
    // for it and for the workers, never the server's own code.
    const rlim_t wanted = static_cast<rlim_t>(2 * o.streams + 1024);
    const rlim_t limit = raiseFileLimit(wanted);
    std::printf(
        "bench_sse_fanout: %u cores, load average %s, RLIMIT_NOFILE %llu (wanted %llu), "
        "%zu worker processes, %zu streams per user\n",
        std::thread::hardware_concurrency(), loadAverage().c_str(),
        static_cast<unsigned long long>(limit), static_cast<unsigned long long>(wanted), o.workers,
        o.perUser);

    const std::string tempDir = makeRunDirectory();
    if (tempDir.empty())
        return 1;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    int exitCode = 0;
    try {
        const std::size_t users = (o.streams + o.perUser - 1) / o.perUser;
        std::unique_ptr<ServerUnderTest> server;
        if (o.inProcess) {
            server = startInProcessServer(users, o.perUser, o.streams);
        } else {
            server = startChildServer(o.binary, tempDir, users, o.perUser, o.streams);
        }
        std::printf("server: %s\n", server->describe().c_str());
        FanoutRun run(*server, o.workers, argv[0]);
        run.login(users);
        std::printf("%d rounds per N, quiet %lld ms before each\n", o.rounds,
                    static_cast<long long>(kQuiet.count()));
        std::vector<PhaseResult> results;
        std::vector<std::size_t> sizes{1};
        if (o.streams > 1)
            sizes.push_back(o.streams);
        for (const std::size_t n : sizes)
            results.push_back(run.phase(n, o.perUser, o.rounds, kQuiet, kRoundTimeout));
        run.quit();
        exitCode = printSummary(results, o.inProcess, kTargetP99Ms);
        server->stop();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_sse_fanout: %s\n", e.what());
        exitCode = 1;
    }
    curl_global_cleanup();
    std::filesystem::remove_all(tempDir);
    return exitCode;
}
