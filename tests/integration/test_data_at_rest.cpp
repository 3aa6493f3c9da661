// Data at rest and in logs: owner-only files, resident numbers sealed with a key of their own,
// and log lines that neither carry personal data nor let a request forge a line.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

#include <spdlog/sinks/ostream_sink.h>
#include <sys/stat.h>

#include "common/logging.h"
#include "common/sqlite_db.h"
#include "server/store/sqlite_crm_store.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

using namespace agentdesk::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

TestServerOptions onDisk(const fs::path& db, const fs::path& keyFile = {}) {
    TestServerOptions options;
    options.dbPath = db.string();
    options.keyFile = keyFile.string();
    return options;
}

unsigned modeOf(const fs::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

std::string storedRrn(const fs::path& db, const std::string& customerId) {
    agentdesk::SqliteDb raw(db.string());
    auto st = raw.prepare("SELECT rrn FROM customers WHERE id = ?");
    st.bind(1, customerId);
    REQUIRE(st.step());
    std::string value = st.text(0);
    st.reset();
    return value;
}

// Everything the loggers write from now on, after redaction and escaping.
class LogCapture {
public:
    LogCapture() {
        static std::once_flag once;
        std::call_once(once, [] {
            auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(stream());
            sink->set_pattern("%v");
            agentdesk::logging::addTarget(sink);
        });
        start_ = stream().str().size();
    }
    std::string text() const { return stream().str().substr(start_); }

private:
    static std::ostringstream& stream() {
        static std::ostringstream s;
        return s;
    }
    std::size_t start_ = 0;
};

}  // namespace

TEST_CASE("The database and its key are the owner's alone, resident numbers are sealed",
          "[integration][security][rest]") {
    const TempDir dir("agentdesk-rest");
    const fs::path db = dir.path / "server.db";
    {
        TestServer server(onDisk(db));
        HttpClient lead = server.loggedIn("lead1");
        const auto customer = lead.get("/api/v1/customers/C00001/360");
        REQUIRE(customer.status == 200);
        // Shown masked (as always), read through the key.
        CHECK(customer.json()["customer"]["residentNumber"] == "850312-1******");
        CHECK(modeOf(db) == 0600);
        CHECK(modeOf(dir.path / "server.db-wal") == 0600);
        CHECK(modeOf(dir.path / "server.key") == 0600);
        CHECK(fs::file_size(dir.path / "server.key") == 32);
    }
    const std::string sealed = storedRrn(db, "C00001");
    CHECK(sealed.rfind("sb1:", 0) == 0);
    CHECK(sealed.find("850312") == std::string::npos);
    CHECK(sealed.find("1999039") == std::string::npos);

    SECTION("a number an older version stored in plain text is sealed on the next start") {
        {
            agentdesk::SqliteDb raw(db.string());
            raw.exec("UPDATE customers SET rrn = '900101-2123456' WHERE id = 'C00002'");
        }
        TestServer server(onDisk(db));
        CHECK(storedRrn(db, "C00002").rfind("sb1:", 0) == 0);
        const auto customer = server.loggedIn("lead1").get("/api/v1/customers/C00002/360");
        CHECK(customer.json()["customer"]["residentNumber"] == "900101-2******");
    }
    SECTION("another key is refused at start instead of showing unreadable numbers") {
        const fs::path otherKey = dir.path / "other.key";
        {
            std::ofstream out(otherKey, std::ios::binary);
            out << std::string(32, 'k');
        }
        fs::permissions(otherKey, fs::perms::owner_read | fs::perms::owner_write);
        CHECK_THROWS_WITH(TestServer(onDisk(db, otherKey)),
                          Catch::Contains("key file does not open"));
    }
    SECTION("a key file others can read is refused") {
        fs::permissions(dir.path / "server.key", fs::perms::group_read, fs::perm_options::add);
        CHECK_THROWS_WITH(TestServer(onDisk(db)), Catch::Contains("chmod 600"));
    }
    SECTION("a key file of the wrong size is refused") {
        const fs::path shortKey = dir.path / "short.key";
        {
            std::ofstream out(shortKey, std::ios::binary);
            out << "too short";
        }
        fs::permissions(shortKey, fs::perms::owner_read | fs::perms::owner_write);
        CHECK_THROWS_WITH(TestServer(onDisk(db, shortKey)),
                          Catch::Contains("not an AgentDesk key"));
    }
}

TEST_CASE("Request text cannot forge log lines, and numbers in requests are redacted",
          "[integration][security][logs]") {
    TestServer server;
    LogCapture capture;
    HttpClient client = server.client();
    // A failed login is logged with the username as typed.
    const auto forged = client.post(
        "/api/v1/sessions",
        {{"username", "mallory\r\n2026-12-03 10:00:00.000 info  [auth] lead1 logged in\x1b[2K"},
         {"password", "wrong"}});
    CHECK(forged.status == 401);
    const auto phone =
        client.post("/api/v1/sessions", {{"username", "821012345678"}, {"password", "wrong"}});
    CHECK(phone.status == 401);
    const auto encoded = client.post(
        "/api/v1/sessions", {{"username", "%2B82%2010%201234%205678"}, {"password", "wrong"}});
    CHECK(encoded.status == 401);

    const std::string text = capture.text();
    INFO(text);
    CHECK(text.find("mallory\\r\\n2026-12-03 10:00:00.000 info  [auth] lead1 logged in\\x1b[2K") !=
          std::string::npos);
    CHECK(text.find('\r') == std::string::npos);
    CHECK(text.find('\x1b') == std::string::npos);
    // One record per line: no line starts with the forged text.
    CHECK(text.find("\n2026-12-03 10:00:00.000") == std::string::npos);
    CHECK(text.find("8210****5678") != std::string::npos);
    CHECK(text.find("+82 10 ****") != std::string::npos);
    CHECK(text.find("1234") == std::string::npos);
}

TEST_CASE("A full disk answers 507 and stores nothing, the same note is stored once later",
          "[integration][security][durability]") {
    TestServer server;
    HttpClient counselor = server.loggedIn("counselor1");
    auto& store = dynamic_cast<agentdesk::server::SqliteCrmStore&>(server.app().store());
    // On the server's I/O thread, which owns the connection: no free pages left, and the
    // database may not grow, so the next insert finds "no space left".
    auto limitGrowth = [&](bool limited) {
        server.app().runOnIo([&] {
            auto& db = store.database();
            if (!limited) {
                db.exec("PRAGMA max_page_count = 1073741823");
                return;
            }
            db.exec("VACUUM");
            auto pages = db.prepare("PRAGMA page_count");
            REQUIRE(pages.step());
            const auto used = pages.integer(0);
            pages.reset();
            db.exec("PRAGMA max_page_count = " + std::to_string(used));
        });
    };
    limitGrowth(true);

    const json note{{"idempotencyKey", "k-507"},
                    {"customerId", "C00001"},
                    {"wrapupCode", "GENERAL_INQUIRY"},
                    {"text", std::string(90000, 'x') + " 디스크가 가득 찬 날의 메모"}};
    const auto full = counselor.post("/api/v1/notes", note);
    CHECK(full.status == 507);
    CHECK(full.errorCode() == "insufficient_storage");
    CHECK(full.headers.at("retry-after") == "30");

    limitGrowth(false);
    const auto stored = counselor.post("/api/v1/notes", note);
    REQUIRE(stored.status == 201);
    const auto again = counselor.post("/api/v1/notes", note);
    CHECK(again.json()["id"] == stored.json()["id"]);  // the retry did not make a second note
}
