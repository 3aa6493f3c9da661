// Does slow work stall the server's I/O thread? (hardening issue: "nothing slow on the I/O
// thread"). The real agentdesk-server runs as a child process on a file database with tens of
// thousands of customers and thousands of knowledge articles; a probe thread sends
// GET /api/v1/health every 10 ms on one keep-alive connection and records its latency while
//   (a) nothing else runs (baseline),
//   (b) clients search the knowledge base for words that match nothing (the typo fallback),
//   (c) clients search customers by a name part that forces LIKE scans,
//   (d) a team lead reads customers in a burst (360 views and wide searches: audit rows),
//   (e) `agentdesk-server import-kb` of a large file runs against the live database in its own
//       process; meanwhile a counselor saves notes (POST /notes), which need the write lock.
// Prints p50/p99/max of /health per phase, each against the baseline, and the note latencies.
//   bench_io_stall [--customers 60000] [--articles 4000] [--import 4000] [--seconds 4]
//                  [--clients 3] [--server PATH]
#include <atomic>
#include <cstdio>
#include <fstream>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "bench/bench_util.h"
#include "bench/child_process.h"
#include "common/time_util.h"
#include "resources/embedded.h"
#include "server/demo/data_set.h"
#include "server/store/sqlite_crm_store.h"

using namespace std::chrono_literals;
using namespace agentdesk;
using namespace agentdesk::bench;
using nlohmann::json;

namespace {

struct Options {
    int customers = 60000;
    int articles = 4000;
    int importArticles = 4000;
    int seconds = 4;
    int clients = 3;
    std::string server = AGENTDESK_SERVER_BINARY;
};

const char* kWordsKo[] = {"카드", "분실", "신고", "재발급", "결제",     "취소", "환불",   "이체",
                          "한도", "대출", "상환", "연체",   "적금",     "예금", "금리",   "해지",
                          "주소", "변경", "인증", "보안",   "비밀번호", "잠금", "명세서", "포인트"};
const char* kWordsEn[] = {"card",   "lost",  "report",  "reissue", "payment", "cancel",
                          "refund", "limit", "loan",    "overdue", "deposit", "rate",
                          "close",  "login", "address", "secure",  "points",  "statement"};

// One JSON line per article: a title of four words and a body of about 60.
std::string articlesJsonl(int count, const std::string& idPrefix, unsigned seed) {
    std::mt19937 rng(seed);
    auto word = [&](bool ko) -> std::string {
        return ko ? kWordsKo[rng() % std::size(kWordsKo)] : kWordsEn[rng() % std::size(kWordsEn)];
    };
    std::string out;
    for (int i = 0; i < count; ++i) {
        const bool ko = i % 4 != 0;
        std::string title, body;
        for (int w = 0; w < 4; ++w)
            title += word(ko) + " ";
        title += std::to_string(i);
        for (int w = 0; w < 60; ++w)
            body += word(ko) + (w % 12 == 11 ? ".\n\n" : " ");
        out += json{{"id", idPrefix + std::to_string(i)},
                    {"title", title},
                    {"body", body},
                    {"tags", {ko ? "card_lost" : "billing"}},
                    {"lang", ko ? "ko" : "en"}}
                   .dump() +
               "\n";
    }
    return out;
}

json makeCustomer(int i) {
    static const char* sur[] = {"김", "이", "박", "최", "정", "강", "조", "윤"};
    static const char* surEn[] = {"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon"};
    static const char* given[] = {"민준", "서연", "도윤", "하은", "지호", "수아", "예준", "지우"};
    char phone[32], no[16], id[16];
    std::snprintf(phone, sizeof phone, "010-%04d-%04d", 3000 + i / 10000, i % 10000);
    std::snprintf(no, sizeof no, "9%09d", i);
    std::snprintf(id, sizeof id, "CB%07d", i);
    return {{"id", id},
            {"customerNo", no},
            {"name", std::string(sur[i % 8]) + given[(i / 8) % 8]},
            {"nameEn", std::string(surEn[i % 8]) + " Bench" + std::to_string(i)},
            {"email", "bench" + std::to_string(i) + "@example.kr"},
            {"grade", "NORMAL"},
            {"phones", {{{"number", phone}, {"label", "mobile"}, {"primary", true}}}}};
}

ChildSpec command(std::vector<std::string> argv, bool pipes = false) {
    ChildSpec spec;
    spec.argv = std::move(argv);
    spec.pipes = pipes;
    return spec;
}

struct Stats {
    std::vector<double> ms;
    int failed = 0;
};

std::string line(const char* name, const Stats& s) {
    char buf[200];
    std::snprintf(buf, sizeof buf, "%-34s n=%-5zu p50 %7.2f  p99 %8.2f  max %8.2f ms%s", name,
                  s.ms.size(), percentile(s.ms, 50), percentile(s.ms, 99), maxOf(s.ms),
                  s.failed ? ("  (" + std::to_string(s.failed) + " failed)").c_str() : "");
    return buf;
}

// GET /health every 10 ms on one keep-alive connection, into whichever Stats is current.
class HealthProbe {
public:
    explicit HealthProbe(std::string api) : api_(std::move(api)) {
        thread_ = std::thread([this] { run(); });
    }
    ~HealthProbe() {
        stop_ = true;
        thread_.join();
    }
    void begin() {
        std::lock_guard lock(mutex_);
        current_ = {};
        recording_ = true;
    }
    Stats end() {
        std::lock_guard lock(mutex_);
        recording_ = false;
        return std::move(current_);
    }

private:
    void run() {
        CURL* easy = curl_easy_init();
        auto next = SteadyClock::now();
        while (!stop_) {
            const auto t0 = SteadyClock::now();
            const Reply r = perform(easy, "GET", api_ + "/health");
            const double ms = msBetween(t0, SteadyClock::now());
            {
                std::lock_guard lock(mutex_);
                if (recording_) {
                    current_.ms.push_back(ms);
                    current_.failed += r.status != 200;
                }
            }
            next += 10ms;
            if (next < SteadyClock::now())
                next = SteadyClock::now();
            std::this_thread::sleep_until(next);
        }
        curl_easy_cleanup(easy);
    }

    std::string api_;
    std::mutex mutex_;
    Stats current_;
    bool recording_ = false;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

// `clients` threads, each calling `request(easy, thread, n)` until stop, latencies into `stats`.
void runLoad(int clients, const std::atomic<bool>& stop,
             const std::function<Reply(CURL*, int, int)>& request,
             std::vector<std::thread>& threads, std::mutex& mutex, Stats& stats) {
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            CURL* easy = curl_easy_init();
            for (int n = 0; !stop; ++n) {
                const auto t0 = SteadyClock::now();
                const Reply r = request(easy, c, n);
                const double ms = msBetween(t0, SteadyClock::now());
                std::lock_guard lock(mutex);
                stats.ms.push_back(ms);
                stats.failed += r.status != 200;
            }
            curl_easy_cleanup(easy);
        });
    }
}

}  // namespace

int main(int argc, char* argv[]) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const std::string value = argv[i + 1];
        if (key == "--customers")
            o.customers = std::stoi(value);
        else if (key == "--articles")
            o.articles = std::stoi(value);
        else if (key == "--import")
            o.importArticles = std::stoi(value);
        else if (key == "--seconds")
            o.seconds = std::stoi(value);
        else if (key == "--clients")
            o.clients = std::stoi(value);
        else if (key == "--server")
            o.server = value;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    const std::string dir = makeRunDirectory();
    if (dir.empty())
        return 1;
    const std::string db = dir + "/server.db";
    std::printf("bench_io_stall: %u cores, load average %s, database %s\n",
                std::thread::hardware_concurrency(), loadAverage().c_str(), db.c_str());

    // ---- the data, written with the server stopped: customers through the store code,
    // articles through `agentdesk-server import-kb`.
    const auto genStart = SteadyClock::now();
    {
        server::SqliteCrmStore store(db, server::FieldCipher::forDatabase("", db));
        store.loadDataSet(server::dataSetFromJson(json::parse(resources::demoCenterJson()),
                                                  json::parse(resources::demoCustomersJson())));
        for (int start = 0; start < o.customers; start += 5000) {
            store.inTransaction([&] {
                for (int i = start; i < std::min(o.customers, start + 5000); ++i)
                    store.insertCustomer(server::customerSeedFromJson(
                        makeCustomer(i), std::chrono::system_clock::now()));
            });
        }
    }
    {
        std::ofstream(dir + "/base.jsonl") << articlesJsonl(o.articles, "base-", 1);
        std::ofstream(dir + "/live.jsonl") << articlesJsonl(o.importArticles, "live-", 2);
        ChildProcess import(command({o.server, "import-kb", dir + "/base.jsonl", "--db", db}));
        if (!import.waitExit(300s) || import.exitCode() != 0) {
            std::fprintf(stderr, "import-kb of the base articles: %s\n",
                         import.describeExit().c_str());
            return 1;
        }
    }
    std::printf("data: %d + demo customers, %d articles (%.1f s); import file: %d articles\n",
                o.customers, o.articles, msBetween(genStart, SteadyClock::now()) / 1000,
                o.importArticles);

    const int agents = o.clients * 12;
    ChildProcess server(
        command({o.server, "--demo", "--demo-rate", "0", "--demo-agents", std::to_string(agents),
                 "--db", db, "--listen", "127.0.0.1:0", "--log", "warn"},
                true));
    std::string api;
    while (auto text = server.readLine(60s)) {
        if (auto at = text->find("http://"); at != std::string::npos) {
            api = text->substr(at, text->find_first_of(" \n", at) - at);
            break;
        }
    }
    if (api.empty()) {
        std::fprintf(stderr, "the server did not start: %s\n", server.describeExit().c_str());
        return 1;
    }
    const std::string lead = login(api, "lead1", "demo");
    const std::string counselor = login(api, "counselor1", "demo");
    std::vector<std::string> searchers;  // customer searches: 20 at once per user, then 1/s
    for (int i = 1; i <= agents; ++i) {
        char name[16];
        std::snprintf(name, sizeof name, "agent%03d", i);
        searchers.push_back(login(api, name, "demo"));
    }
    if (lead.empty() || counselor.empty() || searchers.back().empty())
        return 1;
    std::printf("server: %s (%d synthetic agents for customer searches)\n", api.c_str(), agents);

    CURL* setup = curl_easy_init();
    const std::string wrapup =
        perform(setup, "GET", api + "/wrapup-codes", counselor).json()[0]["code"];
    std::atomic<int> noteSeq{0};
    auto postNote = [&](CURL* easy) {
        const json note{{"idempotencyKey", "bench-" + std::to_string(noteSeq++)},
                        {"customerId", "CB0000001"},
                        {"wrapupCode", wrapup},
                        {"text", "io stall bench note"}};
        return perform(easy, "POST", api + "/notes", counselor, note.dump());
    };

    HealthProbe probe(api);
    std::this_thread::sleep_for(300ms);
    struct Phase {
        std::string name;
        Stats health, load, notes;
    };
    std::vector<Phase> phases;
    // Runs `clients` load threads (none for 0) and a note every 250 ms for `seconds`, or until
    // `until` says the phase is over.
    auto phase = [&](const std::string& name, int clients,
                     const std::function<Reply(CURL*, int, int)>& request,
                     const std::function<bool()>& until = {}) {
        std::atomic<bool> stop{false};
        std::vector<std::thread> threads;
        std::mutex mutex;
        Phase p{name, {}, {}, {}};
        probe.begin();
        runLoad(clients, stop, request, threads, mutex, p.load);
        CURL* easy = curl_easy_init();
        const auto start = SteadyClock::now();
        while (until ? !until() : SteadyClock::now() - start < std::chrono::seconds(o.seconds)) {
            const auto t0 = SteadyClock::now();
            const Reply r = postNote(easy);
            p.notes.ms.push_back(msBetween(t0, SteadyClock::now()));
            p.notes.failed += r.status != 201;
            std::this_thread::sleep_until(t0 + 250ms);
        }
        curl_easy_cleanup(easy);
        stop = true;
        for (auto& t : threads)
            t.join();
        p.health = probe.end();
        phases.push_back(std::move(p));
    };

    phase("a idle", 0, {});
    phase("b kb typo fallback", o.clients, [&](CURL* easy, int c, int n) {
        return perform(easy, "GET",
                       api + "/kb/search?q=qzxwv" + std::to_string(c * 100000 + n) + "k",
                       searchers[0]);
    });
    phase("c customer LIKE scan", o.clients, [&](CURL* easy, int c, int n) {
        const std::string& token = searchers[static_cast<std::size_t>(c * 12 + n % 12)];
        return perform(easy, "GET", api + "/customers?q=zz" + std::to_string(n) + "q", token);
    });
    phase("d audit burst (lead)", o.clients, [&](CURL* easy, int c, int n) {
        if (n % 2 == 0) {
            char id[16];
            std::snprintf(id, sizeof id, "CB%07d", (c * 7919 + n * 31) % o.customers);
            return perform(easy, "GET", api + "/customers/" + id + "/360", lead);
        }
        // A wide search: 100 customers shown, 100 audit rows (rate limit: 429 counts as failed).
        return perform(easy, "GET", api + "/customers?q=Bench&limit=100", lead);
    });
    ChildProcess import(command({o.server, "import-kb", dir + "/live.jsonl", "--db", db}));
    const auto importStart = SteadyClock::now();
    phase("e import-kb (separate process)", 0, {}, [&] { return !import.running(); });
    const double importSecs = msBetween(importStart, SteadyClock::now()) / 1000;

    std::printf("import-kb of %d articles against the live database: %s, %.1f s\n",
                o.importArticles, import.describeExit().c_str(), importSecs);
    const Stats& base = phases.front().health;
    for (const auto& p : phases) {
        std::printf("/health  %s\n", line(p.name.c_str(), p.health).c_str());
        if (!p.load.ms.empty())
            std::printf("  load   %s\n", line(p.name.c_str(), p.load).c_str());
        std::printf("  notes  %s\n", line(p.name.c_str(), p.notes).c_str());
    }
    for (const auto& p : phases) {
        if (&p.health == &base)
            continue;
        std::printf(
            "vs baseline: %-32s /health p99 %.2f -> %.2f ms (x%.1f), max %.2f -> %.2f ms; "
            "note p99 %.2f -> %.2f ms\n",
            p.name.c_str(), percentile(base.ms, 99), percentile(p.health.ms, 99),
            percentile(p.health.ms, 99) / std::max(0.01, percentile(base.ms, 99)), maxOf(base.ms),
            maxOf(p.health.ms), percentile(phases.front().notes.ms, 99),
            percentile(p.notes.ms, 99));
    }
    curl_easy_cleanup(setup);
    server.terminate();
    std::filesystem::remove_all(dir);
    curl_global_cleanup();
    return 0;
}
