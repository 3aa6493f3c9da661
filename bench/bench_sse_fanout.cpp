// bench_sse_fanout: latency of one queue.stats broadcast to N open event streams.
//
// Usage: bench_sse_fanout [SERVER_BINARY | --in-process] [--streams N] [--rounds R]
//
// By default it runs the real agentdesk-server as a child process (--demo --demo-rate 0
// --db :memory: --listen 127.0.0.1:0), so server and clients are separate processes as in
// production; --in-process runs agentdesk::server::ServerApp inside this process instead.
// All N streams (GET /api/v1/events as lead1, one token) live in one libcurl multi handle driven
// by one thread with curl_multi_poll. Each round waits for > 2.5 s without a queue.stats for
// "general" (the server pushes one per queue at most every 2 s), then injects one demo call into
// "general" (POST /api/v1/demo/calls as trainer1, in the same multi loop) and measures, for
// every stream, the time from just before the POST to the write callback that completes the
// first `queue.stats` event for "general" carrying "waiting":.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <curl/curl.h>

#include "bench/bench_util.h"
#include "server/server_app.h"

#ifndef AGENTDESK_SERVER_BINARY
#define AGENTDESK_SERVER_BINARY ""
#endif

namespace {

using namespace agentdesk::bench;
using std::chrono::milliseconds;

constexpr milliseconds kQuiet{3000};          // > 2 s stats interval + margin
constexpr milliseconds kRoundTimeout{10000};  // a delivery later than this counts as missing

// ------------------------------------------------------------------ the server under test

class ServerUnderTest {
public:
    virtual ~ServerUnderTest() = default;
    virtual std::string apiBase() const = 0;
    virtual std::string describe() const = 0;
    // CPU seconds the server has used so far (user + system), or -1 if unknown.
    virtual double cpuSeconds() const = 0;
    virtual void stop() = 0;
};

class ChildServer final : public ServerUnderTest {
public:
    ChildServer(const std::string& binary, const std::string& stateDir) : binary_(binary) {
        int out[2];
        if (pipe(out) != 0)
            throw std::runtime_error("pipe failed");
        pid_ = fork();
        if (pid_ < 0)
            throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            prctl(PR_SET_PDEATHSIG, SIGTERM);  // never outlive the bench
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            close(out[1]);
            // Keep the server's log file out of the user's state directory.
            setenv("XDG_STATE_HOME", stateDir.c_str(), 1);
            const char* argv[] = {binary.c_str(), "--demo",   "--demo-rate", "0",
                                  "--db",         ":memory:", "--listen",    "127.0.0.1:0",
                                  "--log",        "warn",     nullptr};
            execv(binary.c_str(), const_cast<char* const*>(argv));
            std::fprintf(stderr, "cannot run %s: %s\n", binary.c_str(), std::strerror(errno));
            _exit(127);
        }
        close(out[1]);
        stdout_ = out[0];
        // "agentdesk-server serving http://127.0.0.1:PORT/api/v1 (demo contact center)"
        std::string line;
        const auto deadline = SteadyClock::now() + std::chrono::seconds(30);
        while (line.find('\n') == std::string::npos) {
            const auto left =
                std::chrono::duration_cast<milliseconds>(deadline - SteadyClock::now());
            if (left.count() <= 0)
                throw std::runtime_error("server printed no URL in 30 s");
            pollfd p{stdout_, POLLIN, 0};
            if (poll(&p, 1, static_cast<int>(left.count())) <= 0)
                continue;
            char buf[512];
            const ssize_t n = read(stdout_, buf, sizeof buf);
            if (n <= 0)
                throw std::runtime_error("server exited before printing its URL");
            line.append(buf, static_cast<std::size_t>(n));
        }
        const auto at = line.find("http://");
        if (at == std::string::npos)
            throw std::runtime_error("unexpected server output: " + line);
        const auto end = line.find_first_of(" \n", at);
        api_ = line.substr(at, end - at);
        firstLine_ = line.substr(0, line.find('\n'));
    }
    ~ChildServer() override { stop(); }

    std::string apiBase() const override { return api_; }
    std::string describe() const override {
        return "child process " + binary_ + " (pid " + std::to_string(pid_) + "): \"" + firstLine_ +
               "\"";
    }
    double cpuSeconds() const override {
        std::ifstream in("/proc/" + std::to_string(pid_) + "/stat");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto close = text.rfind(')');
        if (close == std::string::npos)
            return -1;
        std::istringstream fields(text.substr(close + 2));
        std::string field;
        unsigned long long utime = 0, stime = 0;
        // Fields after the command: state(3) ... utime(14) stime(15).
        for (int i = 3; i <= 15 && fields >> field; ++i) {
            if (i == 14)
                utime = std::stoull(field);
            if (i == 15)
                stime = std::stoull(field);
        }
        return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
    }
    void stop() override {
        if (pid_ <= 0)
            return;
        kill(pid_, SIGTERM);
        int status = 0;
        const auto deadline = SteadyClock::now() + std::chrono::seconds(10);
        pid_t done = 0;
        while ((done = waitpid(pid_, &status, WNOHANG)) == 0 && SteadyClock::now() < deadline) {
            std::this_thread::sleep_for(milliseconds(20));
        }
        if (done == 0) {
            std::printf("server did not stop in 10 s after SIGTERM; killing it\n");
            kill(pid_, SIGKILL);
            waitpid(pid_, &status, 0);
        } else if (WIFEXITED(status)) {
            std::printf("server stopped (SIGTERM), exit status %d\n", WEXITSTATUS(status));
        } else if (WIFSIGNALED(status)) {
            std::printf("server ended by signal %d\n", WTERMSIG(status));
        }
        pid_ = -1;
        if (stdout_ >= 0)
            close(stdout_);
        stdout_ = -1;
    }

private:
    std::string binary_;
    pid_t pid_ = -1;
    int stdout_ = -1;
    std::string api_;
    std::string firstLine_;
};

class InProcessServer final : public ServerUnderTest {
public:
    InProcessServer() {
        agentdesk::server::ServerConfig config;
        config.port = 0;
        config.dbPath = ":memory:";
        config.demo = true;
        config.demoRate = 0;
        app_ = std::make_unique<agentdesk::server::ServerApp>(config);
        app_->start();
    }
    ~InProcessServer() override { stop(); }
    std::string apiBase() const override { return app_->baseUrl() + "/api/v1"; }
    std::string describe() const override {
        return "in-process agentdesk::server::ServerApp on " + app_->baseUrl() +
               " (server I/O thread and the client loop share this process)";
    }
    double cpuSeconds() const override { return -1; }
    void stop() override {
        if (app_ && app_->running()) {
            app_->stop();
            std::printf("server stopped (ServerApp::stop)\n");
        }
    }

private:
    std::unique_ptr<agentdesk::server::ServerApp> app_;
};

// ------------------------------------------------------------------ the clients

struct Transfer {
    enum class Kind { Stream, Control } kind = Kind::Stream;
    CURL* easy = nullptr;
    bool ended = false;
    CURLcode result = CURLE_OK;
    char error[CURL_ERROR_SIZE] = {};
};

class Fanout;

struct Stream : Transfer {
    Fanout* owner = nullptr;
    std::string pending;  // bytes of an SSE event not yet complete
    bool snapshot = false;
    long status = 0;
    std::size_t events = 0;
    std::optional<double> latencyMs;  // this round
    long waiting = -1;                // "waiting" of the measured queue.stats
};

struct Control : Transfer {
    std::string body;
    std::string payload;
    curl_slist* headers = nullptr;
};

class Fanout {
public:
    // Where the client's single thread spent a round (from the POST to the last delivery).
    struct LoopStats {
        long iterations = 0;
        double performMs = 0;  // in curl_multi_perform (incl. write callbacks)
        double pollMs = 0;     // in curl_multi_poll (waiting for sockets)
    };
    Fanout(std::string apiBase, std::string leadToken, std::string trainerToken)
        : api_(std::move(apiBase)), leadToken_(std::move(leadToken)) {
        multi_ = curl_multi_init();
        auth_ = curl_slist_append(nullptr, ("Authorization: Bearer " + leadToken_).c_str());
        auth_ = curl_slist_append(auth_, "Accept: text/event-stream");
        post_.kind = Transfer::Kind::Control;
        post_.easy = curl_easy_init();
        post_.headers =
            curl_slist_append(nullptr, ("Authorization: Bearer " + trainerToken).c_str());
        post_.headers = curl_slist_append(post_.headers, "Content-Type: application/json");
        CURL* e = post_.easy;
        curl_easy_setopt(e, CURLOPT_URL, (api_ + "/demo/calls").c_str());
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, post_.headers);
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(e, CURLOPT_PRIVATE, static_cast<Transfer*>(&post_));
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, appendToString);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, &post_.body);
        curl_easy_setopt(e, CURLOPT_ERRORBUFFER, post_.error);
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, 10000L);
        // The logins just before may have pushed queue.stats that no stream saw yet.
        lastGeneralStats_ = SteadyClock::now();
    }
    ~Fanout() {
        closeStreams();
        curl_easy_cleanup(post_.easy);
        curl_slist_free_all(post_.headers);
        curl_slist_free_all(auth_);
        curl_multi_cleanup(multi_);
    }

    // Opens n streams and waits for every one's `snapshot` (or its failure).
    void openStreams(std::size_t n) {
        streams_.clear();
        streams_.resize(n);
        const auto t0 = SteadyClock::now();
        for (auto& s : streams_) {
            s.kind = Transfer::Kind::Stream;
            s.owner = this;
            s.easy = curl_easy_init();
            CURL* e = s.easy;
            curl_easy_setopt(e, CURLOPT_URL, (api_ + "/events").c_str());
            curl_easy_setopt(e, CURLOPT_HTTPHEADER, auth_);
            curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
            curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, 20000L);
            curl_easy_setopt(e, CURLOPT_PRIVATE, static_cast<Transfer*>(&s));
            curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Fanout::onData);
            curl_easy_setopt(e, CURLOPT_WRITEDATA, &s);
            curl_easy_setopt(e, CURLOPT_ERRORBUFFER, s.error);
            curl_multi_add_handle(multi_, e);
        }
        pump(SteadyClock::now() + std::chrono::seconds(60), [&] {
            for (const auto& s : streams_) {
                if (!s.snapshot && !s.ended)
                    return false;
            }
            return true;
        });
        const double took = msBetween(t0, SteadyClock::now());
        std::size_t ok = 0;
        for (const auto& s : streams_)
            ok += s.snapshot && !s.ended ? 1 : 0;
        std::printf(
            "  streams: %zu requested, %zu connected with snapshot in %.0f ms, %zu failed\n", n, ok,
            took, n - ok);
        reportFailures();
    }

    void closeStreams() {
        for (auto& s : streams_) {
            if (!s.easy)
                continue;
            curl_multi_remove_handle(multi_, s.easy);
            curl_easy_cleanup(s.easy);
            s.easy = nullptr;
        }
        streams_.clear();
    }

    struct RoundResult {
        std::vector<double> latencies;
        std::size_t missing = 0;
        std::size_t wrongWaiting = 0;
        long waiting = -1;
        long postStatus = 0;
        double postMs = 0;
        double quietWaitMs = 0;
        LoopStats loop;
    };

    RoundResult round() {
        RoundResult rr;
        // Quiet: no queue.stats for "general" and no injection for kQuiet.
        const auto quietStart = SteadyClock::now();
        pump(SteadyClock::now() + std::chrono::seconds(30), [&] {
            const auto now = SteadyClock::now();
            return now - lastGeneralStats_ >= kQuiet && now - lastPost_ >= kQuiet;
        });
        rr.quietWaitMs = msBetween(quietStart, SteadyClock::now());
        for (auto& s : streams_) {
            s.latencyMs.reset();
            s.waiting = -1;
        }
        post_.body.clear();
        post_.ended = false;
        ++calls_;
        post_.payload = nlohmann::json{{"phone", "010-5555-0001"}, {"queue", "general"}}.dump();
        curl_easy_setopt(post_.easy, CURLOPT_POSTFIELDS, post_.payload.c_str());
        curl_easy_setopt(post_.easy, CURLOPT_POSTFIELDSIZE,
                         static_cast<long>(post_.payload.size()));

        loop_ = {};
        armed_ = true;
        t0_ = SteadyClock::now();  // just before the POST goes out
        curl_multi_add_handle(multi_, post_.easy);
        std::optional<SteadyClock::time_point> postDone;
        pump(t0_ + kRoundTimeout, [&] {
            if (post_.ended && !postDone)
                postDone = SteadyClock::now();
            if (!post_.ended)
                return false;
            for (const auto& s : streams_) {
                if (!s.ended && !s.latencyMs)
                    return false;
            }
            return true;
        });
        armed_ = false;
        rr.loop = loop_;
        lastPost_ = SteadyClock::now();
        curl_easy_getinfo(post_.easy, CURLINFO_RESPONSE_CODE, &rr.postStatus);
        rr.postMs = postDone ? msBetween(t0_, *postDone) : -1;
        if (rr.postStatus != 202) {
            std::printf("  POST /demo/calls: HTTP %ld curl %d %s %s\n", rr.postStatus,
                        static_cast<int>(post_.result), post_.error, post_.body.c_str());
        }
        curl_multi_remove_handle(multi_, post_.easy);

        // The value most streams saw is the round's; others are counted as wrong.
        std::map<long, std::size_t> votes;
        for (const auto& s : streams_) {
            if (s.latencyMs)
                ++votes[s.waiting];
        }
        std::size_t best = 0;
        for (const auto& [w, n] : votes) {
            if (n > best)
                best = n, rr.waiting = w;
        }
        for (const auto& s : streams_) {
            if (!s.latencyMs) {
                ++rr.missing;
                continue;
            }
            rr.latencies.push_back(*s.latencyMs);
            if (s.waiting != rr.waiting)
                ++rr.wrongWaiting;
        }
        return rr;
    }

    std::size_t liveStreams() const {
        std::size_t n = 0;
        for (const auto& s : streams_)
            n += s.ended ? 0 : 1;
        return n;
    }

    void reportFailures() {
        std::size_t shown = 0;
        for (std::size_t i = 0; i < streams_.size(); ++i) {
            const auto& s = streams_[i];
            if (!s.ended && s.snapshot)
                continue;
            if (++shown <= 5) {
                std::printf("    stream %zu: %s, HTTP %ld, curl %d %s\n", i,
                            s.ended ? "ended" : "no snapshot", s.status, static_cast<int>(s.result),
                            s.error);
            }
        }
        if (shown > 5)
            std::printf("    ... and %zu more\n", shown - 5);
    }

    int callsInjected() const { return calls_; }

private:
    // Drives the multi handle until done() or the deadline.
    bool pump(SteadyClock::time_point deadline, const std::function<bool()>& done) {
        for (;;) {
            int running = 0;
            const auto p0 = SteadyClock::now();
            curl_multi_perform(multi_, &running);
            ++loop_.iterations;
            loop_.performMs += msBetween(p0, SteadyClock::now());
            int left = 0;
            while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
                if (msg->msg != CURLMSG_DONE)
                    continue;
                Transfer* t = nullptr;
                curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&t));
                if (!t)
                    continue;
                t->ended = true;
                t->result = msg->data.result;
                if (t->kind == Transfer::Kind::Stream) {
                    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE,
                                      &static_cast<Stream*>(t)->status);
                }
            }
            if (done())
                return true;
            const auto now = SteadyClock::now();
            if (now >= deadline)
                return false;
            const auto left_ms = std::chrono::duration_cast<milliseconds>(deadline - now).count();
            const auto w0 = SteadyClock::now();
            curl_multi_poll(multi_, nullptr, 0,
                            static_cast<int>(std::min<long long>(left_ms + 1, 100)), nullptr);
            loop_.pollMs += msBetween(w0, SteadyClock::now());
        }
    }

    static std::size_t onData(char* data, std::size_t size, std::size_t count, void* user) {
        const auto now = SteadyClock::now();
        auto& s = *static_cast<Stream*>(user);
        const std::size_t n = size * count;
        if (s.status == 0) {
            curl_easy_getinfo(s.easy, CURLINFO_RESPONSE_CODE, &s.status);
            if (s.status != 200)
                return 0;  // aborts the transfer; reported as a failure
        }
        const std::size_t scanFrom = s.pending.empty() ? 0 : s.pending.size() - 1;
        s.pending.append(data, n);
        std::size_t start = 0;
        std::size_t end = s.pending.find("\n\n", scanFrom);
        while (end != std::string::npos) {
            s.owner->onEvent(s, std::string_view(s.pending).substr(start, end - start), now);
            start = end + 2;
            end = s.pending.find("\n\n", start);
        }
        s.pending.erase(0, start);
        return n;
    }

    // One SSE event block ("id: N\nevent: TYPE\ndata: {...}"), comments and retry included.
    void onEvent(Stream& s, std::string_view block, SteadyClock::time_point now) {
        std::string_view type, data;
        std::size_t pos = 0;
        while (pos < block.size()) {
            auto nl = block.find('\n', pos);
            if (nl == std::string_view::npos)
                nl = block.size();
            const std::string_view line = block.substr(pos, nl - pos);
            if (line.starts_with("event: "))
                type = line.substr(7);
            if (line.starts_with("data: "))
                data = line.substr(6);
            pos = nl + 1;
        }
        if (type.empty())
            return;
        ++s.events;
        if (type == "snapshot") {
            s.snapshot = true;
            return;
        }
        if (type != "queue.stats" || data.find("\"id\":\"general\"") == std::string_view::npos)
            return;
        if (now > lastGeneralStats_)
            lastGeneralStats_ = now;
        const auto w = data.find("\"waiting\":");
        if (!armed_ || s.latencyMs || w == std::string_view::npos)
            return;
        s.latencyMs = msBetween(t0_, now);
        s.waiting = std::strtol(std::string(data.substr(w + 10, 12)).c_str(), nullptr, 10);
    }

    std::string api_;
    std::string leadToken_;
    CURLM* multi_ = nullptr;
    curl_slist* auth_ = nullptr;
    std::deque<Stream> streams_;  // stable addresses (CURLOPT_PRIVATE / WRITEDATA)
    Control post_;
    bool armed_ = false;
    SteadyClock::time_point t0_{};
    SteadyClock::time_point lastGeneralStats_{};
    SteadyClock::time_point lastPost_{};
    int calls_ = 0;
    LoopStats loop_;
};

void printSummary(const char* label, const std::vector<double>& all) {
    std::printf("  %-10s deliveries %6zu   p50 %8.2f ms   p99 %8.2f ms   max %8.2f ms\n", label,
                all.size(), percentile(all, 50), percentile(all, 99), maxOf(all));
}

int usage() {
    std::fprintf(
        stderr,
        "usage: bench_sse_fanout [SERVER_BINARY | --in-process] [--streams N] [--rounds R]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string binary = AGENTDESK_SERVER_BINARY;
    bool inProcess = false;
    std::size_t maxStreams = 1000;
    int rounds = 5;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--in-process") {
            inProcess = true;
        } else if (arg == "--streams" && i + 1 < argc) {
            maxStreams = std::strtoul(argv[++i], nullptr, 10);
        } else if (arg == "--rounds" && i + 1 < argc) {
            rounds = std::atoi(argv[++i]);
        } else if (!arg.starts_with("-")) {
            binary = arg;
        } else {
            return usage();
        }
    }
    if (maxStreams < 1 || rounds < 1)
        return usage();
    if (!inProcess && (binary.empty() || access(binary.c_str(), X_OK) != 0)) {
        std::fprintf(stderr, "server binary '%s' not found; pass its path or --in-process\n",
                     binary.c_str());
        return 2;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);

    // Client sockets, plus the server's in the same process when in-process (and the child
    // inherits the limit).
    const rlim_t wanted = static_cast<rlim_t>(2 * maxStreams + 256);
    const rlim_t limit = raiseFileLimit(wanted);
    std::printf("bench_sse_fanout: %u cores, load average %s, RLIMIT_NOFILE %llu (wanted %llu)\n",
                std::thread::hardware_concurrency(), loadAverage().c_str(),
                static_cast<unsigned long long>(limit), static_cast<unsigned long long>(wanted));

    char dirTemplate[] = "/tmp/agentdesk-bench-XXXXXX";
    const char* dir = mkdtemp(dirTemplate);
    if (!dir)
        return 1;
    const std::string tempDir = dir;

    int exitCode = 0;
    {
        std::unique_ptr<ServerUnderTest> server;
        try {
            if (inProcess) {
                server = std::make_unique<InProcessServer>();
            } else {
                server = std::make_unique<ChildServer>(binary, tempDir);
            }
        } catch (const std::exception& e) {
            std::fprintf(stderr, "cannot start the server: %s\n", e.what());
            std::filesystem::remove_all(tempDir);
            return 1;
        }
        std::printf("server: %s\n", server->describe().c_str());
        curl_global_init(CURL_GLOBAL_DEFAULT);
        const std::string lead = login(server->apiBase(), "lead1", "demo");
        const std::string trainer = login(server->apiBase(), "trainer1", "demo");
        if (lead.empty() || trainer.empty()) {
            server->stop();
            curl_global_cleanup();
            std::filesystem::remove_all(tempDir);
            return 1;
        }
        std::printf(
            "logged in lead1 (streams) and trainer1 (POST /demo/calls); %d rounds per N, "
            "quiet %lld ms before each\n",
            rounds, static_cast<long long>(kQuiet.count()));

        struct PhaseResult {
            std::size_t n;
            std::vector<double> all;
            std::size_t missing = 0, wrongWaiting = 0, connected = 0, badPost = 0;
        };
        std::vector<PhaseResult> results;
        {
            Fanout fanout(server->apiBase(), lead, trainer);
            std::vector<std::size_t> sizes{1};
            if (maxStreams > 1)
                sizes.push_back(maxStreams);
            for (const std::size_t n : sizes) {
                std::printf("\nN = %zu\n", n);
                PhaseResult pr;
                pr.n = n;
                fanout.openStreams(n);
                pr.connected = fanout.liveStreams();
                const double cpu0 = server->cpuSeconds();
                for (int r = 1; r <= rounds; ++r) {
                    const auto rr = fanout.round();
                    pr.all.insert(pr.all.end(), rr.latencies.begin(), rr.latencies.end());
                    pr.missing += rr.missing;
                    pr.wrongWaiting += rr.wrongWaiting;
                    pr.badPost += rr.postStatus == 202 ? 0 : 1;
                    std::printf(
                        "  round %d: POST %ld in %6.2f ms; waiting=%ld; delivered %zu/%zu; "
                        "first %7.2f  p50 %7.2f  p99 %7.2f  last %7.2f ms%s\n",
                        r, rr.postStatus, rr.postMs, rr.waiting, rr.latencies.size(),
                        rr.latencies.size() + rr.missing, percentile(rr.latencies, 0),
                        percentile(rr.latencies, 50), percentile(rr.latencies, 99),
                        maxOf(rr.latencies),
                        rr.wrongWaiting ? " (some streams saw another waiting)" : "");
                    if (n > 1) {
                        std::printf(
                            "           client loop: %ld iterations, %.2f ms in "
                            "curl_multi_perform, %.2f ms in curl_multi_poll\n",
                            rr.loop.iterations, rr.loop.performMs, rr.loop.pollMs);
                    }
                }
                const double cpu1 = server->cpuSeconds();
                if (cpu0 >= 0 && cpu1 >= 0) {
                    std::printf("  server CPU during the rounds: %.2f s\n", cpu1 - cpu0);
                }
                const std::size_t live = fanout.liveStreams();
                if (live != pr.connected) {
                    std::printf("  %zu streams ended during the rounds\n", pr.connected - live);
                    fanout.reportFailures();
                }
                fanout.closeStreams();
                results.push_back(std::move(pr));
            }
        }

        std::printf(
            "\nSummary (queue.stats fan-out latency, from just before POST /demo/calls "
            "to the client's write callback; server: %s)\n",
            inProcess ? "in-process" : "child process");
        for (const auto& pr : results) {
            const std::string label = "N=" + std::to_string(pr.n);
            printSummary(label.c_str(), pr.all);
            std::printf(
                "  %-10s streams connected %zu/%zu, missing deliveries %zu, wrong "
                "waiting %zu, failed POSTs %zu\n",
                "", pr.connected, pr.n, pr.missing, pr.wrongWaiting, pr.badPost);
            if (pr.connected != pr.n || pr.missing || pr.wrongWaiting || pr.badPost)
                exitCode = 1;
        }
        const auto& big = results.back();
        const double p99 = percentile(big.all, 99);
        std::printf("  target p99 at N=%zu <= 200 ms: %s (%.2f ms)\n", big.n,
                    p99 <= 200 && !big.all.empty() ? "MET" : "NOT MET", p99);

        server->stop();
        curl_global_cleanup();
    }
    std::filesystem::remove_all(tempDir);
    return exitCode;
}
