#pragma once
// bench_sse_fanout's pieces: the server under test, the worker processes that hold the streams
// and the rounds that measure a queue.stats broadcast (see bench_sse_fanout.cpp).
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bench/child_process.h"
#include "bench/sse_stream_set.h"

namespace agentdesk::bench {

class ServerUnderTest {
public:
    virtual ~ServerUnderTest() = default;
    virtual std::string apiBase() const = 0;
    virtual std::string describe() const = 0;
    // CPU seconds the server has used so far (user + system), or -1 if unknown.
    virtual double cpuSeconds() const = 0;
    // Resident memory in KiB, or -1 when it cannot be told apart from the bench's own.
    virtual long rssKiB() const = 0;
    virtual void stop() = 0;
};

// users load agents (agent001…), each allowed perUser streams, room for `streams` connections.
std::unique_ptr<ServerUnderTest> startChildServer(const std::string& binary,
                                                  const std::string& stateDir, std::size_t users,
                                                  std::size_t perUser, std::size_t streams);
std::unique_ptr<ServerUnderTest> startInProcessServer(std::size_t users, std::size_t perUser,
                                                      std::size_t streams);

// A worker's answer to `collect`: "result LIVE i,ns,waiting …" for the streams with a delivery.
std::string formatDeliveries(std::size_t live,
                             const std::vector<std::optional<SseStreamSet::Delivery>>& d);

struct PhaseResult {
    std::size_t n = 0;
    std::size_t connected = 0;
    double openMs = 0;
    long rssPerStreamBytes = -1;  // the server's, -1 unknown
    double serverCpuSeconds = -1;
    double clientCpuSeconds = 0;  // the worker processes'

    double roundsSeconds = 0;
    std::vector<double> all;                    // every delivery, ms
    std::vector<std::vector<double>> byWorker;  // the same, per worker process
    std::size_t missing = 0, wrongWaiting = 0, badPost = 0;
    std::size_t starved = 0;      // streams that missed at least one round
    double slowestStreamP50 = 0;  // the median of the stream with the highest median
};

class FanoutRun {
public:
    // Starts `workers` processes of `self` (--worker API).
    FanoutRun(ServerUnderTest& server, std::size_t workers, const std::string& self);
    ~FanoutRun();

    // trainer1 (posts calls), lead1 (watches for quiet) and agent001…agentNNN (the streams).
    void login(std::size_t users);
    PhaseResult phase(std::size_t n, std::size_t perUser, int rounds,
                      std::chrono::milliseconds quiet, std::chrono::milliseconds roundTimeout);
    void quit();

private:
    struct Slice {
        std::size_t worker;
        std::size_t firstStream;
        std::size_t count;
    };
    std::string ask(std::size_t worker, const std::string& line, std::chrono::milliseconds wait);
    void waitQuiet(std::chrono::milliseconds quiet);

    ServerUnderTest& server_;
    std::vector<ChildProcess> workers_;
    std::string trainer_;
    std::string lead_;
    std::vector<std::string> agents_;
    std::unique_ptr<SseStreamSet> monitor_;  // lead1's stream: when was "general" last pushed
    std::chrono::steady_clock::time_point lastPost_{};
};

// Prints the summary; returns the exit code (1 when a stream failed, missed or saw another
// value, or a POST failed).
int printSummary(const std::vector<PhaseResult>& results, bool inProcess, double targetP99Ms);

}  // namespace agentdesk::bench
