// Store work off the I/O thread (store/store_pool.h) and import-kb in small transactions
// (kb/kb_import.h), on a database file as the server uses it.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include "server/demo/data_set.h"
#include "server/kb/kb_import.h"
#include "server/kb/sqlite_knowledge_store.h"
#include "server/routes/crm_presenter.h"
#include "server/routes/kb_presenter.h"
#include "server/store/sqlite_crm_store.h"
#include "server/store/store_engine.h"
#include "server/store/store_pool.h"

namespace srv = agentdesk::server;
using nlohmann::json;

namespace {

struct TempDatabase {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("agentdesk-reader-" + std::to_string(::getpid()));
    std::string path = (dir / "server.db").string();
    TempDatabase() {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
    }
    ~TempDatabase() { std::filesystem::remove_all(dir); }
};

std::string articleLine(int i) {
    return json{{"id", "a" + std::to_string(i)},
                {"title", "카드 분실 신고 " + std::to_string(i)},
                {"body", "분실한 카드는 바로 정지합니다."},
                {"lang", "ko"}}
        .dump();
}

}  // namespace

TEST_CASE("store pool on SQLite: reads on a reader thread beside the writer, writes inline",
          "[store][kb][crm]") {
    TempDatabase db;
    const auto cipher = srv::FieldCipher::forDatabase("", db.path);
    srv::SqliteCrmStore store(db.path, cipher);
    srv::SqliteKnowledgeStore kb(db.path);
    srv::importArticles(kb, articleLine(1), std::chrono::system_clock::now());
    store.insertCustomer(srv::customerSeedFromJson(
        {{"id", "C1"}, {"customerNo", "1"}, {"name", "김민준"}, {"nameEn", "Kim Minjun"}},
        std::chrono::system_clock::now()));

    boost::asio::io_context io;
    auto keepRunning = boost::asio::make_work_guard(io);  // run_one() waits for the results
    auto pool = srv::openStorePool(db.path, "", store, kb, io);
    auto& reader = *pool;
    REQUIRE(reader.threads() == 1);
    REQUIRE_FALSE(reader.writesOffThread());
    // The knowledge store's connection holds the write lock with an article not yet committed:
    // the reader neither waits for it nor sees it.
    kb.inTransaction([&] {
        srv::ArticleInput pending;
        pending.id = "pending";
        pending.title = "카드 분실 신고 대기";
        pending.body = "아직 저장되지 않은 글";
        kb.saveArticle(pending, std::chrono::system_clock::now());
        std::thread::id worker;
        json kbHits, customers;
        int done = 0;
        reader.read(
            [&](const srv::StorePool::Stores& s) {
                worker = std::this_thread::get_id();
                srv::KbSearch search;
                search.query = "카드 분실";
                return srv::searchHitsJson(s.kb.search(search));
            },
            [&](srv::StorePool::Result r) {
                REQUIRE_FALSE(r.error);
                kbHits = r.value;
                ++done;
            });
        reader.read(
            [](const srv::StorePool::Stores& s) {
                return srv::customerListJson(s.crm.searchCustomers("민준", 10));
            },
            [&](srv::StorePool::Result r) {
                REQUIRE_FALSE(r.error);
                customers = r.value;
                ++done;
            });
        while (done < 2)
            io.run_one();
        CHECK(worker != std::this_thread::get_id());
        REQUIRE(kbHits.size() == 1);
        CHECK(kbHits[0]["id"] == "a1");
        REQUIRE(customers.size() == 1);
        CHECK(customers[0]["id"] == "C1");
    });

    // A reader's failure comes back as the exception, on the I/O side.
    bool failed = false;
    reader.read([](const srv::StorePool::Stores&) -> json { throw std::runtime_error("boom"); },
                [&](srv::StorePool::Result r) { failed = r.error != nullptr; });
    io.run_one();
    CHECK(failed);

    // A write runs on the serving connection (SQLite's one writer), done before write() returns.
    std::thread::id writer;
    json written;
    reader.write(
        [&](const srv::StorePool::Stores& s) {
            writer = std::this_thread::get_id();
            CHECK(&s.crm == &store);
            return json(s.kb.feedback("a1", true));
        },
        [&](srv::StorePool::Result r) { written = r.value; });
    CHECK(writer == std::this_thread::get_id());
    CHECK(written == true);
    reader.join();
}

TEST_CASE("import-kb: paced imports commit in batches and report like one transaction", "[kb]") {
    TempDatabase db;
    srv::SqliteCrmStore store(db.path, srv::FieldCipher::forDatabase("", db.path));
    srv::SqliteKnowledgeStore kb(db.path);
    std::string jsonl;
    for (int i = 0; i < 40; ++i)
        jsonl += articleLine(i) + "\n";
    jsonl += "not json\n" + articleLine(3) + "\n";
    const srv::KbImportPacing pacing{std::chrono::milliseconds(1), std::chrono::milliseconds(1)};
    const auto report = srv::importArticles(kb, jsonl, std::chrono::system_clock::now(), pacing);
    CHECK(report.imported == 40);
    CHECK(report.replaced == 0);
    REQUIRE(report.skipped.size() == 2);
    CHECK(report.skipped[0].line == 41);
    CHECK(report.skipped[1].line == 42);
    CHECK(kb.articleCount() == 40);
    // The import left no write lock behind: the CRM's own connection takes it at once.
    const auto lockStart = std::chrono::steady_clock::now();
    CHECK_NOTHROW(store.inTransaction([] {}));
    CHECK(std::chrono::steady_clock::now() - lockStart < std::chrono::seconds(1));
}
