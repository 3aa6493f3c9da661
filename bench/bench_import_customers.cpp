// bench_import_customers: agentdesk-server import-customers on a generated center file.
//
// Usage: bench_import_customers [--rows N] [--server BINARY] [--keep]
//
// 1. Generates N customers (default 100,000) with a fixed seed: Korean names (common surnames
//    and given names), unique mobile numbers, a landline for one in five, birth dates from
//    1940 to 2005 written the ways spreadsheets write them (1985-03-12, 1985.03.12, 19850312,
//    1985/03/12), e-mail for three in five, addresses (city, district, road, building), grade,
//    marketing and SMS consents as Y/N, an external id, and a column the import ignores.
//    The file is converted to CP949 with iconv, as Excel in Korea saves "CSV".
// 2. Runs the real binary (`agentdesk-server import-customers FILE --db FRESH.db`) and reports
//    rows/s and total seconds: every row creates a customer.
// 3. Re-imports the same customers with a changed address and e-mail: every row updates one
//    (matched by external id), same figures.
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <string>

#include "bench/bench_util.h"
#include "tests/support/cp949.h"

namespace {

constexpr std::uint32_t kSeed = 20250301;

const char* const kSurnames[] = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임",
                                 "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"};
const char* const kGiven[] = {"민준", "서연", "도윤", "서윤", "시우", "지우", "하준", "하윤",
                              "주원", "지호", "지유", "예준", "수아", "유준", "서현", "건우",
                              "민서", "현우", "채원", "지훈", "영수", "영희", "정호", "미경",
                              "상철", "은정", "동현", "수빈", "재원", "혜진"};
const char* const kCities[] = {
    "서울특별시 강남구",    "서울특별시 마포구",    "부산광역시 해운대구", "대구광역시 수성구",
    "인천광역시 연수구",    "광주광역시 서구",      "대전광역시 유성구",   "경기도 성남시 분당구",
    "경기도 수원시 영통구", "제주특별자치도 제주시"};
const char* const kRoads[] = {"테헤란로", "월드컵북로", "해운대로", "달구벌대로", "컨벤시아대로",
                              "상무대로", "대학로",     "판교역로", "광교중앙로", "연삼로"};
const char* const kGrades[] = {"NORMAL", "NORMAL", "NORMAL", "SILVER", "GOLD", "VIP"};
const char* const kDomains[] = {"naver.com", "daum.net", "gmail.com", "kakao.com"};

std::string generate(int rows, bool second) {
    std::mt19937 rng(kSeed);
    auto r = [&](unsigned n) { return static_cast<unsigned>(rng() % n); };
    auto pick = [&](auto& list) { return list[rng() % (sizeof(list) / sizeof(list[0]))]; };
    std::string csv =
        "고객번호,고객명,휴대폰,집전화,생년월일,이메일,주소,등급,마케팅동의,SMS동의,비고\r\n";
    char buf[512];
    for (int i = 0; i < rows; ++i) {
        const std::string name = std::string(pick(kSurnames)) + pick(kGiven);
        const int mobile = 20000000 + i;  // unique per row
        std::string home;
        if (r(5) == 0) {
            std::snprintf(buf, sizeof buf, "02-%03u-%04u", 200 + r(800), r(10000));
            home = buf;
        }
        const unsigned y = 1940 + r(66), m = 1 + r(12), d = 1 + r(28);
        static const char* const formats[] = {"%04u-%02u-%02u", "%04u.%02u.%02u", "%04u%02u%02u",
                                              "%04u/%02u/%02u"};
        std::snprintf(buf, sizeof buf, formats[r(4)], y, m, d);
        const std::string birth = buf;
        std::string email;
        if (r(5) < 3) {
            std::snprintf(buf, sizeof buf, "user%d%s@%s", i, second ? ".new" : "", pick(kDomains));
            email = buf;
        }
        std::snprintf(buf, sizeof buf, "\"%s %s %u, %u동 %u호\"", pick(kCities), pick(kRoads),
                      1 + r(300), 101 + r(20) + (second ? 50 : 0), 101 + r(1500));
        const std::string address = buf;
        std::snprintf(buf, sizeof buf, "EXT-%06d,%s,010-%04d-%04d,%s,%s,%s,%s,%s,%s,%s,메모 %d\r\n",
                      i + 1, name.c_str(), mobile / 10000, mobile % 10000, home.c_str(),
                      birth.c_str(), email.c_str(), address.c_str(), pick(kGrades),
                      r(2) ? "Y" : "N", r(3) ? "Y" : "N", i);
        csv += buf;
    }
    return agentdesk::test::toCp949(csv).value_or(std::string());
}

struct ImportFigures {
    int status = -1;
    double seconds = 0;
    std::string counts;
};

ImportFigures runImport(const std::string& server, const std::string& file, const std::string& db,
                        const std::string& out) {
    const auto start = agentdesk::bench::SteadyClock::now();
    const int raw = std::system(
        (server + " import-customers " + file + " --db " + db + " >" + out + " 2>&1").c_str());
    ImportFigures f;
    f.seconds = agentdesk::bench::msBetween(start, agentdesk::bench::SteadyClock::now()) / 1000.0;
    f.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    std::ifstream in(out);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::smatch m;
    if (std::regex_search(text, m,
                          std::regex("created [0-9]+, updated [0-9]+, unchanged [0-9]+, "
                                     "skipped [0-9]+")))
        f.counts = m[0];
    else
        f.counts = text.substr(0, 300);
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    int rows = 100000;
    std::string server = AGENTDESK_SERVER_BINARY;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--rows" && i + 1 < argc)
            rows = std::atoi(argv[++i]);
        else if (arg == "--server" && i + 1 < argc)
            server = argv[++i];
        else if (arg == "--keep")
            keep = true;
        else {
            std::fprintf(stderr,
                         "usage: bench_import_customers [--rows N] [--server BINARY] [--keep]\n");
            return 2;
        }
    }
    const std::string dir = agentdesk::bench::makeRunDirectory();
    if (dir.empty())
        return 1;
    const std::string first = dir + "/customers.csv";
    const std::string second = dir + "/customers-changed.csv";
    const std::string db = dir + "/bench.db";
    for (const auto& [path, changed] : {std::pair{first, false}, std::pair{second, true}}) {
        const std::string bytes = generate(rows, changed);
        if (bytes.empty()) {
            std::fprintf(stderr, "iconv to CP949 failed\n");
            return 1;
        }
        std::ofstream(path, std::ios::binary) << bytes;
    }
    std::printf("bench_import_customers: %d rows, CP949, %.1f MB a file; load %s\n", rows,
                static_cast<double>(std::filesystem::file_size(first)) / 1e6,
                agentdesk::bench::loadAverage().c_str());
    int failures = 0;
    const char* const labels[] = {"import into a fresh database",
                                  "re-import (every row an update)"};
    const std::string files[] = {first, second};
    for (int run = 0; run < 2; ++run) {
        const auto f = runImport(server, files[run], db, dir + "/import.out");
        std::printf("%-34s %8.0f rows/s  %6.2f s  exit %d  %s\n", labels[run], rows / f.seconds,
                    f.seconds, f.status, f.counts.c_str());
        failures += f.status != 0;
    }
    std::printf("database %.1f MB\n", static_cast<double>(std::filesystem::file_size(db)) / 1e6);
    if (!keep)
        std::filesystem::remove_all(dir);
    else
        std::printf("kept %s\n", dir.c_str());
    return failures == 0 ? 0 : 1;
}
