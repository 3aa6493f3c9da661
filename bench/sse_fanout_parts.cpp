// bench_sse_fanout's server under test, worker processes and rounds (see sse_fanout_parts.h).
#include "bench/sse_fanout_parts.h"

#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include "bench/bench_util.h"
#include "bench/proc_stats.h"
#include "server/server_app.h"

namespace agentdesk::bench {

namespace {

using std::chrono::milliseconds;

// Every client of the bench comes from 127.0.0.1, where a floor's desktops come from as many
// addresses; the per-address guard against unauthenticated floods is opened up accordingly.
std::vector<std::string> serverArgs(std::size_t users, std::size_t perUser, std::size_t streams) {
    return {"--demo-agents",
            std::to_string(users),
            "--max-streams-per-user",
            std::to_string(perUser),
            "--max-connections",
            std::to_string(streams + 512),
            "--max-unauthenticated-per-address",
            std::to_string(streams + 512)};
}

class ChildServer final : public ServerUnderTest {
public:
    ChildServer(const std::string& binary, std::vector<std::string> extra) {
        ChildSpec spec;
        spec.argv = {binary,     "--demo",   "--demo-rate", "0",     "--db",
                     ":memory:", "--listen", "127.0.0.1:0", "--log", "warn"};
        spec.argv.insert(spec.argv.end(), extra.begin(), extra.end());
        spec.pipes = true;
        process_ = ChildProcess(spec);
        // "agentdesk-server serving http://127.0.0.1:PORT/api/v1 (demo contact center…)"
        const auto line = process_.readLine(std::chrono::seconds(60));
        if (!line)
            throw std::runtime_error("the server printed no URL in 60 s (" +
                                     process_.describeExit() + ")");
        const auto at = line->find("http://");
        if (at == std::string::npos)
            throw std::runtime_error("unexpected server output: " + *line);
        api_ = line->substr(at, line->find_first_of(" \n", at) - at);
        firstLine_ = *line;
        argv_ = spec.argv;
    }
    ~ChildServer() override { stop(); }

    std::string apiBase() const override { return api_; }
    std::string describe() const override {
        std::string args;
        for (const auto& a : argv_)
            args += (args.empty() ? "" : " ") + a;
        return "child process (pid " + std::to_string(process_.pid()) + ") " + args + ": \"" +
               firstLine_ + "\"";
    }
    double cpuSeconds() const override {
        return static_cast<double>(proc::processCpuNs(process_.pid())) / 1e9;
    }
    long rssKiB() const override { return proc::rssKiB(process_.pid()); }
    void stop() override {
        if (stopped_)
            return;
        stopped_ = true;
        process_.terminate(std::chrono::seconds(10));
        std::printf("server stopped: %s\n", process_.describeExit().c_str());
    }

private:
    ChildProcess process_;
    std::vector<std::string> argv_;
    std::string api_;
    std::string firstLine_;
    bool stopped_ = false;
};

class InProcessServer final : public ServerUnderTest {
public:
    InProcessServer(std::size_t users, std::size_t perUser, std::size_t streams) {
        server::ServerConfig config;
        config.port = 0;
        config.dbPath = ":memory:";
        config.demo = true;
        config.demoRate = 0;
        config.demoAgents = static_cast<int>(users);
        config.maxStreamsPerUser = perUser;
        config.limits.maxConnections = streams + 512;
        config.limits.maxUnauthenticatedPerAddress = streams + 512;
        app_ = std::make_unique<server::ServerApp>(config);
        app_->start();
    }
    ~InProcessServer() override { stop(); }
    std::string apiBase() const override { return app_->baseUrl() + "/api/v1"; }
    std::string describe() const override {
        return "in-process agentdesk::server::ServerApp on " + app_->baseUrl();
    }
    double cpuSeconds() const override { return -1; }
    long rssKiB() const override { return -1; }
    void stop() override {
        if (app_ && app_->running()) {
            app_->stop();
            std::printf("server stopped (ServerApp::stop)\n");
        }
    }

private:
    std::unique_ptr<server::ServerApp> app_;
};

std::string loginOrThrow(const std::string& api, const std::string& user) {
    std::string token = login(api, user, "demo");
    if (token.empty())
        throw std::runtime_error("cannot log in " + user);
    return token;
}

struct Parsed {
    std::size_t live = 0;
    std::map<std::size_t, SseStreamSet::Delivery> byStream;  // local index
};

Parsed parseDeliveries(const std::string& line) {
    std::istringstream in(line);
    std::string word;
    Parsed p;
    if (!(in >> word) || word != "result" || !(in >> p.live))
        throw std::runtime_error("unexpected worker answer: " + line.substr(0, 80));
    while (in >> word) {
        std::size_t i = 0;
        long long ns = 0;
        long waiting = -1;
        if (std::sscanf(word.c_str(), "%zu,%lld,%ld", &i, &ns, &waiting) == 3)
            p.byStream[i] = {ns, waiting};
    }
    return p;
}

}  // namespace

std::unique_ptr<ServerUnderTest> startChildServer(const std::string& binary,
                                                  const std::string& stateDir, std::size_t users,
                                                  std::size_t perUser, std::size_t streams) {
    // Keep the server's log file out of the user's state directory.
    setenv("XDG_STATE_HOME", stateDir.c_str(), 1);
    return std::make_unique<ChildServer>(binary, serverArgs(users, perUser, streams));
}

std::unique_ptr<ServerUnderTest> startInProcessServer(std::size_t users, std::size_t perUser,
                                                      std::size_t streams) {
    return std::make_unique<InProcessServer>(users, perUser, streams);
}

std::string formatDeliveries(std::size_t live,
                             const std::vector<std::optional<SseStreamSet::Delivery>>& d) {
    std::string out = "result " + std::to_string(live);
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (!d[i])
            continue;
        out += ' ';
        out += std::to_string(i) + ',' + std::to_string(d[i]->monotonicNs) + ',' +
               std::to_string(d[i]->waiting);
    }
    return out;
}

FanoutRun::FanoutRun(ServerUnderTest& server, std::size_t workers, const std::string& self)
    : server_(server) {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    const std::string program = ec ? self : exe.string();
    for (std::size_t i = 0; i < workers; ++i) {
        ChildSpec spec;
        spec.argv = {program, "--worker", server.apiBase()};
        spec.pipes = true;
        workers_.emplace_back(spec);
    }
}

FanoutRun::~FanoutRun() {
    quit();
}

void FanoutRun::quit() {
    for (auto& w : workers_) {
        if (w.running()) {
            w.writeLine("quit");
            if (!w.waitExit(std::chrono::seconds(5)))
                w.terminate();
        }
    }
    workers_.clear();
}

std::string FanoutRun::ask(std::size_t worker, const std::string& line, milliseconds wait) {
    auto& w = workers_.at(worker);
    if (!w.writeLine(line))
        throw std::runtime_error("worker " + std::to_string(worker) + " is gone");
    auto answer = w.readLine(wait);
    if (!answer)
        throw std::runtime_error("worker " + std::to_string(worker) + " did not answer '" +
                                 line.substr(0, line.find(' ')) + "' (" + w.describeExit() + ")");
    return *answer;
}

void FanoutRun::login(std::size_t users) {
    const std::string api = server_.apiBase();
    const auto t0 = std::chrono::steady_clock::now();
    trainer_ = loginOrThrow(api, "trainer1");
    lead_ = loginOrThrow(api, "lead1");
    for (std::size_t i = 1; i <= users; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "agent%03zu", i);
        agents_.push_back(loginOrThrow(api, name));
    }
    std::printf(
        "logged in trainer1 (POST /demo/calls), lead1 (quiet watch) and %zu load agents "
        "(the streams) in %.1f s\n",
        users, msBetween(t0, std::chrono::steady_clock::now()) / 1000);
    monitor_ = std::make_unique<SseStreamSet>(api);
    if (monitor_->open(1, {lead_}, 1) != 1)
        throw std::runtime_error("lead1's event stream did not open");
}

void FanoutRun::waitQuiet(milliseconds quiet) {
    monitor_->pump(std::chrono::steady_clock::now() + std::chrono::seconds(30), [&] {
        const auto now = std::chrono::steady_clock::now();
        return now - monitor_->lastGeneralStats() >= quiet && now - lastPost_ >= quiet;
    });
}

PhaseResult FanoutRun::phase(std::size_t n, std::size_t perUser, int rounds, milliseconds quiet,
                             milliseconds roundTimeout) {
    std::printf("\nN = %zu\n", n);
    PhaseResult pr;
    pr.n = n;
    // Whole users per worker, so a user's streams live in one process.
    const std::size_t users = (n + perUser - 1) / perUser;
    const std::size_t active = std::min(workers_.size(), users);
    std::vector<Slice> slices;
    const long rss0 = server_.rssKiB();
    const auto open0 = std::chrono::steady_clock::now();
    for (std::size_t w = 0; w < active; ++w) {
        const std::size_t u0 = users * w / active, u1 = users * (w + 1) / active;
        const std::size_t first = u0 * perUser, end = std::min(n, u1 * perUser);
        std::string line = "open " + std::to_string(end - first) + " " + std::to_string(perUser);
        for (std::size_t u = u0; u < u1; ++u)
            line += " " + agents_.at(u);
        workers_[w].writeLine(line);
        slices.push_back({w, first, end - first});
    }
    for (const auto& s : slices) {
        auto answer = workers_[s.worker].readLine(std::chrono::seconds(150));
        std::size_t live = 0;
        if (!answer || std::sscanf(answer->c_str(), "opened %zu", &live) != 1)
            throw std::runtime_error("worker " + std::to_string(s.worker) + " did not open");
        pr.connected += live;
    }
    pr.openMs = msBetween(open0, std::chrono::steady_clock::now());
    // Let the server settle (the snapshots' buffers go) before weighing the idle streams.
    monitor_->pump(std::chrono::steady_clock::now() + std::chrono::seconds(2),
                   [] { return false; });
    const long rss1 = server_.rssKiB();
    if (rss0 > 0 && rss1 > 0 && n >= 100)  // RSS moves in pages: too coarse for a few streams
        pr.rssPerStreamBytes = (rss1 - rss0) * 1024 / static_cast<long>(n);
    std::printf(
        "  streams: %zu requested, %zu connected with snapshot in %.0f ms over %zu "
        "workers, %zu failed; server RSS %ld -> %ld KiB\n",
        n, pr.connected, pr.openMs, active, n - pr.connected, rss0, rss1);

    pr.byWorker.resize(active);
    std::vector<std::vector<double>> perStream(n);
    std::vector<std::size_t> missedRounds(n, 0);
    CURL* post = curl_easy_init();
    const double cpu0 = server_.cpuSeconds();
    const auto clientCpu = [&] {
        std::uint64_t ns = 0;
        for (const auto& s : slices)
            ns += proc::processCpuNs(workers_[s.worker].pid());
        return static_cast<double>(ns) / 1e9;
    };
    const double clientCpu0 = clientCpu();
    const auto rounds0 = std::chrono::steady_clock::now();
    for (int r = 1; r <= rounds; ++r) {
        waitQuiet(quiet);
        for (const auto& s : slices) {
            if (ask(s.worker, "arm", std::chrono::seconds(10)) != "armed")
                throw std::runtime_error("worker did not arm");
        }
        const auto t0 = std::chrono::steady_clock::now();  // just before the POST goes out
        const nlohmann::json body{{"phone", "010-5555-0001"}, {"queue", "general"}};
        const Reply reply =
            perform(post, "POST", server_.apiBase() + "/demo/calls", trainer_, body.dump());
        const double postMs = msBetween(t0, std::chrono::steady_clock::now());
        if (reply.status != 202) {
            ++pr.badPost;
            std::printf("  POST /demo/calls: HTTP %ld curl %d %s\n", reply.status,
                        static_cast<int>(reply.code), reply.body.c_str());
        }
        const auto deadline = t0 + roundTimeout;
        const long long deadlineNs =
            std::chrono::duration_cast<std::chrono::nanoseconds>(deadline.time_since_epoch())
                .count();
        const long long t0Ns =
            std::chrono::duration_cast<std::chrono::nanoseconds>(t0.time_since_epoch()).count();
        for (const auto& s : slices)
            workers_[s.worker].writeLine("collect " + std::to_string(deadlineNs));
        std::vector<double> round;
        std::map<long, std::size_t> votes;
        std::vector<std::pair<std::size_t, long>> seen;  // global stream, waiting
        for (const auto& s : slices) {
            const auto answer = workers_[s.worker].readLine(roundTimeout + std::chrono::seconds(5));
            if (!answer)
                throw std::runtime_error("worker " + std::to_string(s.worker) + " sent no result");
            const Parsed p = parseDeliveries(*answer);
            for (std::size_t i = 0; i < s.count; ++i) {
                const auto it = p.byStream.find(i);
                const std::size_t global = s.firstStream + i;
                if (it == p.byStream.end()) {
                    ++missedRounds[global];
                    ++pr.missing;
                    continue;
                }
                const double ms = static_cast<double>(it->second.monotonicNs - t0Ns) / 1e6;
                round.push_back(ms);
                pr.byWorker[s.worker].push_back(ms);
                perStream[global].push_back(ms);
                ++votes[it->second.waiting];
                seen.emplace_back(global, it->second.waiting);
            }
        }
        lastPost_ = std::chrono::steady_clock::now();
        long waiting = -1;
        std::size_t best = 0;
        for (const auto& [w, count] : votes) {
            if (count > best)
                best = count, waiting = w;
        }
        std::size_t wrong = 0;
        for (const auto& [stream, w] : seen)
            wrong += w == waiting ? 0 : 1;
        pr.wrongWaiting += wrong;
        pr.all.insert(pr.all.end(), round.begin(), round.end());
        std::printf(
            "  round %d: POST %ld in %6.2f ms; waiting=%ld; delivered %zu/%zu; first "
            "%7.2f  p50 %7.2f  p99 %7.2f  last %7.2f ms%s\n",
            r, reply.status, postMs, waiting, round.size(), n, percentile(round, 0),
            percentile(round, 50), percentile(round, 99), maxOf(round),
            wrong ? " (some streams saw another waiting)" : "");
    }
    pr.roundsSeconds = msBetween(rounds0, std::chrono::steady_clock::now()) / 1000;
    const double cpu1 = server_.cpuSeconds();
    if (cpu0 >= 0 && cpu1 >= 0)
        pr.serverCpuSeconds = cpu1 - cpu0;
    pr.clientCpuSeconds = clientCpu() - clientCpu0;
    curl_easy_cleanup(post);
    for (std::size_t i = 0; i < n; ++i) {
        pr.starved += missedRounds[i] > 0 ? 1 : 0;
        pr.slowestStreamP50 = std::max(pr.slowestStreamP50, percentile(perStream[i], 50));
    }
    for (const auto& s : slices) {
        if (ask(s.worker, "close", std::chrono::seconds(30)) != "closed")
            throw std::runtime_error("worker did not close its streams");
    }
    return pr;
}

int printSummary(const std::vector<PhaseResult>& results, bool inProcess, double targetP99Ms) {
    int exitCode = 0;
    std::printf(
        "\nSummary (queue.stats fan-out latency, from just before POST /demo/calls to the "
        "client's write callback; server: %s)\n",
        inProcess ? "in-process" : "child process");
    for (const auto& pr : results) {
        const std::string label = "N=" + std::to_string(pr.n);
        std::printf("  %-9s deliveries %6zu   p50 %8.2f ms   p99 %8.2f ms   max %8.2f ms\n",
                    label.c_str(), pr.all.size(), percentile(pr.all, 50), percentile(pr.all, 99),
                    maxOf(pr.all));
        std::printf(
            "  %-9s streams connected %zu/%zu, missing deliveries %zu, wrong waiting %zu, "
            "failed POSTs %zu\n",
            "", pr.connected, pr.n, pr.missing, pr.wrongWaiting, pr.badPost);
        std::printf(
            "  %-9s starved streams (missed a round) %zu; the slowest stream's median "
            "%.2f ms against everyone's p50 %.2f ms\n",
            "", pr.starved, pr.slowestStreamP50, percentile(pr.all, 50));
        if (pr.byWorker.size() > 1) {
            std::string spread;
            for (const auto& w : pr.byWorker) {
                char part[32];
                std::snprintf(part, sizeof part, "%s%.1f", spread.empty() ? "" : " / ",
                              percentile(w, 99));
                spread += part;
            }
            std::printf("  %-9s p99 by client process: %s ms\n", "", spread.c_str());
        }
        if (pr.rssPerStreamBytes >= 0)
            std::printf("  %-9s server memory per idle stream: %ld bytes (RSS delta / N)\n", "",
                        pr.rssPerStreamBytes);
        if (pr.serverCpuSeconds >= 0)
            std::printf(
                "  %-9s CPU during the rounds: server %.2f s, client processes %.2f s, "
                "in %.1f s\n",
                "", pr.serverCpuSeconds, pr.clientCpuSeconds, pr.roundsSeconds);
        if (pr.connected != pr.n || pr.missing || pr.wrongWaiting || pr.badPost)
            exitCode = 1;
    }
    const auto& big = results.back();
    const double p99 = percentile(big.all, 99);
    std::printf(
        "  target p99 at N=%zu <= %.0f ms, no stream starved: %s (p99 %.2f ms, %zu "
        "starved)\n",
        big.n, targetP99Ms,
        p99 <= targetP99Ms && !big.all.empty() && big.starved == 0 ? "MET" : "NOT MET", p99,
        big.starved);
    return exitCode;
}

}  // namespace agentdesk::bench
