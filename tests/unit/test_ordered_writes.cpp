// The ACD's and live assist's writes in order (store/ordered_writes.h): at once on SQLite; kept
// and tried again while the database cannot take them; a refused one dropped, the rest go on.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "common/sqlite_db.h"
#include "server/kb/sqlite_knowledge_store.h"
#include "server/store/ordered_writes.h"
#include "server/store/sqlite_crm_store.h"
#include "server/store/store_pool.h"

namespace srv = agentdesk::server;

TEST_CASE("ordered writes: in order, kept while the disk is full, a refused one dropped",
          "[store][unit]") {
    srv::SqliteCrmStore store(":memory:", srv::FieldCipher::ephemeral());
    srv::SqliteKnowledgeStore kb(":memory:");
    auto pool = srv::StorePool::inlineOnly(store, kb);
    boost::asio::io_context io;
    srv::OrderedWrites writes(*pool, io);
    std::vector<std::string> done;

    // SQLite writes inline: written before push() returns.
    writes.push("first", [&](srv::CrmStore& s) {
        CHECK(&s == &store);
        done.push_back("first");
    });
    CHECK(done == std::vector<std::string>{"first"});
    CHECK(writes.waiting() == 0);

    // The disk is full twice: the write waits, and so does everything after it.
    int full = 2;
    writes.push("second", [&](srv::CrmStore&) {
        if (full-- > 0)
            throw agentdesk::SqliteError("database or disk is full", 13);
        done.push_back("second");
    });
    writes.push("refused",
                [](srv::CrmStore&) { throw agentdesk::SqliteError("constraint failed", 19); });
    writes.push("third", [&](srv::CrmStore&) { done.push_back("third"); });
    CHECK(writes.waiting() == 3);
    CHECK(done.size() == 1);
    const auto start = std::chrono::steady_clock::now();
    while (writes.waiting() > 0 &&
           std::chrono::steady_clock::now() - start < std::chrono::seconds(10))
        io.run_one_for(std::chrono::milliseconds(100));
    CHECK(done == std::vector<std::string>{"first", "second", "third"});
    CHECK(full == -1);  // tried three times
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(1900));
}
