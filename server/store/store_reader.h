#pragma once
// Read-only store work off the server's I/O thread: searches that scan (the knowledge base's
// typo fallback, customer LIKE searches) run on a reader thread with connections of its own (a
// read-only SQLite connection — WAL lets it read while the I/O thread's connection writes — or
// PostgreSQL ones), and their results come back to the I/O thread, where the handler answers
// (and writes audit rows).
//
// Threads: read() is called on the I/O thread; `work` runs on the reader thread and may only use
// the stores it is given; `done` runs on the I/O thread. A database in memory cannot be opened
// a second time: then the reader runs `work` and `done` at once on the caller's thread, on the
// I/O thread's own stores.
#include <exception>
#include <functional>
#include <memory>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <nlohmann/json.hpp>

namespace agentdesk::server {

class CrmStore;
class KnowledgeStore;

class StoreReader {
public:
    // What `work` may read.
    struct Stores {
        CrmStore& crm;
        KnowledgeStore& kb;
    };
    // Exactly one of the two is set: the read model, or what `work` threw.
    struct Result {
        nlohmann::json value;
        std::exception_ptr error;
    };
    using Work = std::function<nlohmann::json(const Stores&)>;
    using Done = std::function<void(Result)>;

    // One reader thread on these stores of its own (connections nobody else uses); results are
    // posted to `io`.
    StoreReader(std::unique_ptr<CrmStore> crm, std::unique_ptr<KnowledgeStore> kb,
                boost::asio::io_context& io);
    // No thread: `work` runs on the caller's thread on these stores (a database in memory).
    StoreReader(CrmStore& crm, KnowledgeStore& kb);
    ~StoreReader();
    StoreReader(const StoreReader&) = delete;
    StoreReader& operator=(const StoreReader&) = delete;

    void read(Work work, Done done);
    // Finishes the queued work (their results are posted to `io`) and ends the reader thread;
    // read() must not be called afterwards. Idempotent.
    void join();
    bool offThread() const { return pool_ != nullptr; }

private:
    boost::asio::io_context* io_ = nullptr;
    std::unique_ptr<CrmStore> ownCrm_;
    std::unique_ptr<KnowledgeStore> ownKb_;
    Stores stores_;
    std::unique_ptr<boost::asio::thread_pool> pool_;  // one thread; null: on the caller's thread
};

}  // namespace agentdesk::server
