#pragma once
// A set of open event streams (GET /api/v1/events) in one process, driven by one thread through
// libcurl's socket interface and epoll, so a pass costs the sockets that have data, not the
// number of streams. bench_sse_fanout runs several of these in worker processes.
//
// A stream counts a delivery when it completes the first `queue.stats` event for queue
// "general" carrying "waiting": after arm(); the time is CLOCK_MONOTONIC (std::chrono::
// steady_clock on Linux), the same clock in every process of the bench.
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <curl/curl.h>

#include "crm/events/sse_parser.h"

namespace agentdesk::bench {

class SseStreamSet {
public:
    using Clock = std::chrono::steady_clock;

    struct Delivery {
        std::int64_t monotonicNs = 0;  // when the event's last byte reached the client
        long waiting = -1;             // "waiting" in that queue.stats
    };

    explicit SseStreamSet(std::string apiBase);
    ~SseStreamSet();
    SseStreamSet(const SseStreamSet&) = delete;
    SseStreamSet& operator=(const SseStreamSet&) = delete;

    // Opens `count` streams; stream i uses tokens[i / perToken] (the server allows a user a
    // bounded number of streams). Waits until every one has its `snapshot` or failed.
    // Returns the number connected.
    std::size_t open(std::size_t count, const std::vector<std::string>& tokens,
                     std::size_t perToken);
    void closeAll();

    // Forgets this round's deliveries; the next matching event on each stream counts.
    void arm();
    bool everyLiveStreamDelivered() const;
    // One delivery per stream, or nullopt for a stream that has none (ended ones too).
    std::vector<std::optional<Delivery>> deliveries() const;

    std::size_t live() const;
    // The last time any stream saw a queue.stats for "general" (armed or not).
    Clock::time_point lastGeneralStats() const { return lastGeneralStats_; }
    // Failed streams (up to five, then a count), one line each.
    std::vector<std::string> describeFailures() const;

    // Runs the transfers until done() or the deadline. extraFd (or -1): also returns when it is
    // readable, with *extraReady set.
    bool pump(Clock::time_point deadline, const std::function<bool()>& done, int extraFd = -1,
              bool* extraReady = nullptr);

private:
    struct Stream {
        SseStreamSet* owner = nullptr;
        CURL* easy = nullptr;
        curl_slist* headers = nullptr;
        std::optional<crm::SseParser> parser;  // the desktop's own text/event-stream parser
        Clock::time_point arrived{};           // of the chunk being parsed
        bool snapshot = false;
        bool ended = false;
        CURLcode result = CURLE_OK;
        long status = 0;
        std::optional<Delivery> delivery;
        char error[CURL_ERROR_SIZE] = {};
    };

    static std::size_t onData(char* data, std::size_t size, std::size_t count, void* user);
    static int onSocket(CURL* easy, curl_socket_t fd, int what, void* user, void* socketData);
    static int onTimer(CURLM* multi, long timeoutMs, void* user);
    void onEvent(Stream& s, const crm::SseEvent& event);
    void readDone();

    std::string api_;
    CURLM* multi_ = nullptr;
    int epoll_ = -1;
    long timeoutMs_ = -1;         // libcurl's timer; -1: none
    std::deque<Stream> streams_;  // stable addresses (CURLOPT_PRIVATE / WRITEDATA)
    bool armed_ = false;
    Clock::time_point lastGeneralStats_{};
};

}  // namespace agentdesk::bench
