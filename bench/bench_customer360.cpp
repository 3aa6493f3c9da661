// bench_customer360: GET /customers/{id}/360 against a large CRM (100,000 customers,
// 1,000,000 interactions) in a SQLite file, next to GET /health on the same connection.
//
// Usage: bench_customer360 [--customers N] [--requests R] [--keep]
//
// 1. Generates the data set with SqliteCrmStore::insertCustomer in batches of
//    transactions (reference data first, while the file is empty: the server's non-demo start
//    loads wrap-up codes only when none exist, and that load replaces all customers).
// 2. Adds a counselor "bench" (password "bench").
// 3. Starts an in-process ServerApp (demo=false) on the file, logs in, and times R requests of
//    each kind on one reused libcurl easy handle (keep-alive) after 200 warm-up 360s.
//    Also times CrmStore::customer360 itself on the server's I/O thread, to split store time
//    from HTTP/JSON time.
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include "bench/bench_util.h"
#include "common/time_util.h"
#include "resources/embedded.h"
#include "server/auth/password_hash.h"
#include "server/demo/data_set.h"
#include "server/routes/crm_presenter.h"
#include "server/server_app.h"
#include "server/store/sqlite_crm_store.h"

namespace {

using namespace agentdesk::bench;
using nlohmann::json;
namespace server = agentdesk::server;

constexpr int kInteractionsPerCustomer = 10;
constexpr int kBatch = 5000;  // customers per transaction
constexpr int kWarmup = 200;

// ------------------------------------------------------------------ data generation

constexpr std::array kSurnames{
    std::pair{"김", "Kim"},   std::pair{"이", "Lee"},  std::pair{"박", "Park"},
    std::pair{"최", "Choi"},  std::pair{"정", "Jung"}, std::pair{"강", "Kang"},
    std::pair{"조", "Cho"},   std::pair{"윤", "Yoon"}, std::pair{"장", "Jang"},
    std::pair{"임", "Lim"},   std::pair{"한", "Han"},  std::pair{"오", "Oh"},
    std::pair{"서", "Seo"},   std::pair{"신", "Shin"}, std::pair{"권", "Kwon"},
    std::pair{"황", "Hwang"}, std::pair{"안", "Ahn"},  std::pair{"송", "Song"},
    std::pair{"류", "Ryu"},   std::pair{"홍", "Hong"}};
constexpr std::array kSyllables{
    std::pair{"민", "min"},  std::pair{"서", "seo"},   std::pair{"지", "ji"},
    std::pair{"하", "ha"},   std::pair{"준", "jun"},   std::pair{"윤", "yun"},
    std::pair{"도", "do"},   std::pair{"현", "hyeon"}, std::pair{"우", "u"},
    std::pair{"은", "eun"},  std::pair{"수", "su"},    std::pair{"예", "ye"},
    std::pair{"연", "yeon"}, std::pair{"진", "jin"},   std::pair{"영", "yeong"},
    std::pair{"호", "ho"},   std::pair{"아", "a"},     std::pair{"성", "seong"},
    std::pair{"재", "jae"},  std::pair{"혜", "hye"},   std::pair{"린", "rin"},
    std::pair{"태", "tae"},  std::pair{"희", "hui"},   std::pair{"경", "gyeong"}};
constexpr std::array kCities{"서울특별시 강남구 테헤란로",     "서울특별시 마포구 월드컵북로",
                             "부산광역시 해운대구 센텀중앙로", "인천광역시 연수구 송도과학로",
                             "대구광역시 수성구 달구벌대로",   "경기도 성남시 분당구 판교역로",
                             "광주광역시 서구 상무중앙로",     "대전광역시 유성구 대학로",
                             "경기도 수원시 영통구 광교로",    "제주특별자치도 제주시 연동"};
constexpr std::array kMailHosts{"naver.com", "gmail.com", "daum.net", "kakao.com", "hanmail.net"};
constexpr std::array kGrades{"NORMAL", "NORMAL", "NORMAL", "SILVER", "SILVER", "GOLD", "VIP"};
constexpr std::array kAgents{"이재성", "한지수", "장혜린", "박상우", "김하늘", "최유진", "정민호"};

// 0..99,999,999 → a different 8-digit number for every input (7919 is coprime with 10^8).
std::uint32_t scramble(std::uint32_t i) {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(i) * 7919u + 10000019u) %
                                      100000000u);
}

std::string fmt(const char* format, auto... args) {
    char buf[128];
    std::snprintf(buf, sizeof buf, format, args...);
    return buf;
}

struct Templates {
    std::vector<json> interactions;  // queue, reason, wrapupCode, note (from the demo data set)
    std::vector<json> products;
    std::vector<std::string> caseTitles;
};

Templates loadTemplates() {
    Templates t;
    const json demo = json::parse(agentdesk::resources::demoCustomersJson());
    for (const auto& c : demo["customers"]) {
        for (const auto& i : c["interactions"]) {
            t.interactions.push_back({{"queue", i.value("queue", "general")},
                                      {"reason", i.value("reason", "")},
                                      {"wrapupCode", i.value("wrapupCode", "GENERAL_INQUIRY")},
                                      {"note", i.value("note", "")}});
        }
        for (const auto& p : c["products"])
            t.products.push_back(p);
        for (const auto& k : c["cases"])
            t.caseTitles.push_back(k.value("title", ""));
    }
    if (t.interactions.empty() || t.products.empty() || t.caseTitles.empty()) {
        throw std::runtime_error("demo data set has no templates");
    }
    return t;
}

json makeCustomer(std::uint32_t i, const Templates& t, std::mt19937& rng, std::int64_t nowMs) {
    auto pick = [&rng](std::size_t n) {
        return static_cast<std::size_t>(std::uniform_int_distribution<std::size_t>(0, n - 1)(rng));
    };
    const auto& [surKo, surEn] = kSurnames[pick(kSurnames.size())];
    const auto& [g1Ko, g1En] = kSyllables[pick(kSyllables.size())];
    const auto& [g2Ko, g2En] = kSyllables[pick(kSyllables.size())];
    std::string givenEn = std::string(g1En) + g2En;
    const std::string displayGiven = static_cast<char>(givenEn[0] - 'a' + 'A') + givenEn.substr(1);
    const int year = 1950 + static_cast<int>(pick(55));
    const int month = 1 + static_cast<int>(pick(12));
    const int day = 1 + static_cast<int>(pick(28));
    const bool male = pick(2) == 0;
    const char genderDigit = year >= 2000 ? (male ? '3' : '4') : (male ? '1' : '2');
    const std::string grade = kGrades[pick(kGrades.size())];
    const std::uint32_t mobile = scramble(i);

    json c{
        {"id", fmt("C%06u", i + 1)},
        {"customerNo", fmt("3%09u", i + 1)},
        {"name", std::string(surKo) + g1Ko + g2Ko},
        {"nameEn", std::string(surEn) + " " + displayGiven},
        {"email", givenEn + "." +
                      [&] {
                          std::string s = surEn;
                          for (auto& ch : s)
                              ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                          return s;
                      }() +
                      std::to_string(i % 1000) + "@" + kMailHosts[pick(kMailHosts.size())]},
        {"birthDate", fmt("%04d-%02d-%02d", year, month, day)},
        {"rrn", fmt("%02d%02d%02d-%c%06u", year % 100, month, day, genderDigit,
                    static_cast<unsigned>(pick(1000000)))},
        {"gender", male ? "M" : "F"},
        {"grade", grade},
        {"vip", grade == "VIP"},
        {"abusiveHistory", pick(200) == 0},
        {"consents",
         {{"marketing", pick(2) == 0},
          {"sms", pick(4) != 0},
          {"email", pick(2) == 0},
          {"thirdParty", pick(5) == 0},
          {"recording", true}}},
        {"preferredLang", pick(20) == 0 ? "en" : "ko"},
        {"address", std::string(kCities[pick(kCities.size())]) + " " +
                        std::to_string(1 + pick(300)) + ", " + std::to_string(101 + pick(20)) +
                        "동 " + std::to_string(101 + pick(1500)) + "호"}};
    json phones = json::array();
    phones.push_back({{"number", fmt("010-%04u-%04u", mobile / 10000, mobile % 10000)},
                      {"label", "mobile"},
                      {"primary", true}});
    if (pick(4) == 0) {
        phones.push_back(
            {{"number", fmt("02-%04u-%04u", 2000 + mobile % 7000, (mobile / 7) % 10000)},
             {"label", "home"},
             {"primary", false}});
    }
    c["phones"] = std::move(phones);

    json products = json::array();
    const std::size_t productCount = 1 + pick(3);
    for (std::size_t k = 0; k < productCount; ++k) {
        json p = t.products[pick(t.products.size())];
        p["id"] = fmt("P%07u%u", i + 1, static_cast<unsigned>(k));
        products.push_back(std::move(p));
    }
    c["products"] = std::move(products);

    json cases = json::array();
    if (pick(10) == 0) {
        const std::int64_t opened = nowMs - static_cast<std::int64_t>(pick(30 * 86400)) * 1000;
        cases.push_back({{"id", fmt("K%07u", i + 1)},
                         {"title", t.caseTitles[pick(t.caseTitles.size())]},
                         {"status", pick(2) == 0 ? "open" : "in_progress"},
                         {"priority", pick(5) == 0 ? "high" : "normal"},
                         {"queue", "general"},
                         {"openedAt", agentdesk::toRfc3339(
                                          agentdesk::TimePoint(std::chrono::milliseconds(opened)))},
                         {"updatedAt", agentdesk::toRfc3339(agentdesk::TimePoint(
                                           std::chrono::milliseconds(opened + 86400000)))}});
    }
    c["cases"] = std::move(cases);

    // Ten contacts over the last two years, newest first; about a third carry a note.
    json history = json::array();
    std::int64_t at = nowMs - static_cast<std::int64_t>(pick(20 * 86400)) * 1000;
    std::string lastReason;
    for (int k = 0; k < kInteractionsPerCustomer; ++k) {
        const json& tpl = t.interactions[pick(t.interactions.size())];
        json item{{"id", fmt("I%07u%u", i + 1, static_cast<unsigned>(k))},
                  {"channel", "call"},
                  {"direction", pick(8) == 0 ? "outbound" : "inbound"},
                  {"queue", tpl["queue"]},
                  {"startedAt",
                   agentdesk::toRfc3339(agentdesk::TimePoint(std::chrono::milliseconds(at)))},
                  {"durationSec", 60 + static_cast<int>(pick(600))},
                  {"reason", tpl["reason"]},
                  {"wrapupCode", tpl["wrapupCode"]},
                  {"agentName", kAgents[pick(kAgents.size())]}};
        if (k == 0)
            lastReason = tpl["reason"].get<std::string>();
        if (pick(3) == 0 && !tpl["note"].get<std::string>().empty())
            item["note"] = tpl["note"];
        history.push_back(std::move(item));
        at -= static_cast<std::int64_t>(1 + pick(70 * 86400)) * 1000;
    }
    c["interactions"] = std::move(history);
    c["lastContactReason"] = lastReason;
    return c;
}

std::uintmax_t fileSize(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : size;
}

struct Failure {
    std::string id;
    std::string what;
};

void printRow(const char* label, const std::vector<double>& a, const std::vector<double>& b,
              const std::vector<double>& c) {
    auto cell = [](const std::vector<double>& v, double p) {
        return p < 0 ? maxOf(v) : percentile(v, p);
    };
    const double p = std::string(label) == "max" ? -1 : std::atof(label + 1);
    std::printf("  %-5s %14.3f %14.3f %22.3f\n", label, cell(a, p), cell(b, p), cell(c, p));
}

}  // namespace

int main(int argc, char** argv) {
    int customers = 100000;
    int requests = 2000;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--customers" && i + 1 < argc) {
            customers = std::atoi(argv[++i]);
        } else if (arg == "--requests" && i + 1 < argc) {
            requests = std::atoi(argv[++i]);
        } else if (arg == "--keep") {
            keep = true;
        } else {
            std::fprintf(stderr,
                         "usage: bench_customer360 [--customers N] [--requests R] [--keep]\n");
            return 2;
        }
    }
    if (customers < 1 || requests < 1)
        return 2;
    std::setvbuf(stdout, nullptr, _IOLBF, 0);

    const std::string tempDir = makeRunDirectory();
    if (tempDir.empty())
        return 1;
    const std::string dbPath = tempDir + "/crm.db";
    std::printf("bench_customer360: %u cores, load average %s, database %s\n",
                std::thread::hardware_concurrency(), loadAverage().c_str(), dbPath.c_str());

    // ---- 1. data set
    const auto genStart = SteadyClock::now();
    {
        server::SqliteCrmStore store(dbPath, server::FieldCipher::forDatabase("", dbPath));
        // Wrap-up codes etc. while the file is still empty (loadDataSet clears customers).
        store.loadDataSet(server::dataSetFromJson(
            json::parse(agentdesk::resources::demoCenterJson()), json::object()));
        const Templates templates = loadTemplates();
        std::mt19937 rng(20261123);
        const std::int64_t nowMs = agentdesk::toUnixMs(std::chrono::system_clock::now());
        for (int start = 0; start < customers; start += kBatch) {
            const int end = std::min(customers, start + kBatch);
            store.inTransaction([&] {
                for (int i = start; i < end; ++i) {
                    store.insertCustomer(server::customerSeedFromJson(
                        makeCustomer(static_cast<std::uint32_t>(i), templates, rng, nowMs),
                        std::chrono::system_clock::now()));
                }
            });
        }
        server::User user;
        user.id = "U-bench";
        user.username = "bench";
        user.name = "벤치상담사";
        user.nameEn = "Bench Counselor";
        user.role = server::Role::Counselor;
        user.skills = {"general", "card", "cancel"};
        user.extension = "2999";
        user.passwordHash = server::hashPassword("bench");
        store.upsertUser(user);
        std::printf("generated %d customers, %d interactions in %.1f s (store: %d customers)\n",
                    customers, customers * kInteractionsPerCustomer,
                    msBetween(genStart, SteadyClock::now()) / 1000.0, store.customerCount());
    }  // closing the connection checkpoints the WAL into the file
    std::printf("database file: %.1f MiB (+ WAL %.1f MiB)\n",
                static_cast<double>(fileSize(dbPath)) / 1048576.0,
                static_cast<double>(fileSize(dbPath + "-wal")) / 1048576.0);

    // ---- 2. server on that file
    server::ServerConfig config;
    config.port = 0;
    config.dbPath = dbPath;
    config.demo = false;
    server::ServerApp app(config);
    app.start();
    int customersSeen = 0;
    app.runOnIo([&] { customersSeen = app.store().customerCount(); });
    std::printf(
        "server: in-process agentdesk::server::ServerApp on %s (demo=false), %d customers\n",
        app.baseUrl().c_str(), customersSeen);
    if (customersSeen != customers) {
        std::printf("FAILED: the server sees %d customers, expected %d\n", customersSeen,
                    customers);
        app.stop();
        if (!keep)
            std::filesystem::remove_all(tempDir);
        return 1;
    }

    curl_global_init(CURL_GLOBAL_DEFAULT);
    const std::string api = app.baseUrl() + "/api/v1";
    const std::string token = login(api, "bench", "bench");
    if (token.empty()) {
        app.stop();
        curl_global_cleanup();
        if (!keep)
            std::filesystem::remove_all(tempDir);
        return 1;
    }

    std::mt19937 rng(7);
    std::uniform_int_distribution<int> anyCustomer(1, customers);
    auto randomId = [&] { return fmt("C%06d", anyCustomer(rng)); };

    CURL* easy = curl_easy_init();
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    std::vector<Failure> failures;
    std::size_t bytes = 0;
    auto get360 = [&](const std::string& id, std::vector<double>* into) {
        const auto t0 = SteadyClock::now();
        const Reply r = perform(easy, "GET", api + "/customers/" + id + "/360", token);
        const auto t1 = SteadyClock::now();
        if (into)
            into->push_back(msBetween(t0, t1));
        bytes += r.body.size();
        if (r.status != 200) {
            failures.push_back({id, "HTTP " + std::to_string(r.status) + " curl " +
                                        std::to_string(static_cast<int>(r.code)) + " " +
                                        r.body.substr(0, 200)});
            return;
        }
        const json j = r.json();
        if (!j.is_object() || !j.contains("interactions") || !j["interactions"].is_array()) {
            failures.push_back({id, "no interactions array"});
        } else if (j["interactions"].size() != kInteractionsPerCustomer) {
            failures.push_back({id, std::to_string(j["interactions"].size()) + " interactions"});
        }
    };

    for (int i = 0; i < kWarmup; ++i)
        get360(randomId(), nullptr);
    std::vector<double> t360, tHealth, tStore;
    t360.reserve(static_cast<std::size_t>(requests));
    bytes = 0;
    for (int i = 0; i < requests; ++i)
        get360(randomId(), &t360);
    const double avgBytes = static_cast<double>(bytes) / requests;
    std::size_t healthFailures = 0;
    for (int i = 0; i < requests; ++i) {
        const auto t0 = SteadyClock::now();
        const Reply r = perform(easy, "GET", api + "/health");
        tHealth.push_back(msBetween(t0, SteadyClock::now()));
        if (r.status != 200)
            ++healthFailures;
    }
    long connects = 0;
    curl_easy_getinfo(easy, CURLINFO_NUM_CONNECTS, &connects);  // of the last request
    curl_easy_cleanup(easy);

    // The store call alone, on the I/O thread (what the route does minus HTTP and auth).
    {
        server::Viewer viewer;
        viewer.userId = "U-bench";
        viewer.role = server::Role::Counselor;
        std::vector<std::string> ids;
        for (int i = 0; i < requests; ++i)
            ids.push_back(randomId());
        app.runOnIo([&] {
            for (const auto& id : ids) {
                const auto t0 = SteadyClock::now();
                auto view = app.store().customer360(id);
                const std::string body =
                    view ? server::customer360Json(*view, viewer).dump() : std::string();
                tStore.push_back(msBetween(t0, SteadyClock::now()));
            }
        });
    }

    std::printf(
        "\nlatency in ms (%d requests each, after %d warm-up 360s; one keep-alive "
        "connection, new connections on the last request: %ld)\n",
        requests, kWarmup, connects);
    std::printf("  %-5s %14s %14s %22s\n", "", "GET 360", "GET health", "store 360+JSON+dump");
    for (const char* label : {"p50", "p95", "p99", "max"})
        printRow(label, t360, tHealth, tStore);
    std::printf("  360 response body: %.0f bytes on average\n", avgBytes);
    std::printf(
        "  360 checks (HTTP 200 and %d interactions): %zu failures (incl. warm-up); "
        "health failures: %zu\n",
        kInteractionsPerCustomer, failures.size(), healthFailures);
    for (std::size_t i = 0; i < failures.size() && i < 10; ++i) {
        std::printf("    %s: %s\n", failures[i].id.c_str(), failures[i].what.c_str());
    }
    const double p95 = percentile(t360, 95);
    std::printf("  target 360 p95 <= 10 ms: %s (%.3f ms)\n", p95 <= 10 ? "MET" : "NOT MET", p95);

    app.stop();
    curl_global_cleanup();
    std::printf("database file after the run: %.1f MiB (+ WAL %.1f MiB)\n",
                static_cast<double>(fileSize(dbPath)) / 1048576.0,
                static_cast<double>(fileSize(dbPath + "-wal")) / 1048576.0);
    if (keep) {
        std::printf("kept %s\n", dbPath.c_str());
    } else {
        std::filesystem::remove_all(tempDir);
    }
    return failures.empty() && healthFailures == 0 ? 0 : 1;
}
