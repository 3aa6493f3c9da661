#pragma once
// Store work off the server's I/O thread, and the answer back on it.
//
//   - PostgreSQL: a small pool of threads (kPostgresConnections), each job on a connection of
//     its own (CRM and knowledge stores). Reads and writes both go there, so a round trip to the
//     database server never holds up the I/O thread (every stream, timer and the ACD).
//   - A SQLite file: reads that scan (the knowledge base's typo fallback, customer LIKE
//     searches) run on one reader thread with a read-only connection (WAL lets it read while the
//     serving connection writes); writes stay on the I/O thread's own connection, SQLite's one
//     writer, and finish before write() returns.
//   - A database in memory cannot be opened a second time: read() and write() both run on the
//     caller's thread, on the serving stores.
//
// Threads: read() and write() are called on the I/O thread; `work` runs on a pool thread (or
// inline, see above) and may only use the stores it is given and what it captured by value;
// `done` runs on the I/O thread, posted to `io` (or at once, inline).
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <nlohmann/json.hpp>

namespace agentdesk::server {

class CrmStore;
class KnowledgeStore;

class StorePool {
public:
    // Pool threads per node on PostgreSQL, each with its CRM and knowledge store (two
    // connections): enough to keep the I/O thread free and a few slow searches from queueing the
    // rest, few enough that seven nodes stay below PostgreSQL's default max_connections (100).
    static constexpr std::size_t kPostgresConnections = 4;

    // What `work` may use.
    struct Stores {
        CrmStore& crm;
        KnowledgeStore& kb;
    };
    // Stores a pool or reader thread owns: connections nobody else uses.
    struct OwnStores {
        std::unique_ptr<CrmStore> crm;
        std::unique_ptr<KnowledgeStore> kb;
    };
    // Exactly one of the two is set: the read model, or what `work` threw.
    struct Result {
        nlohmann::json value;
        std::exception_ptr error;
    };
    using Work = std::function<nlohmann::json(const Stores&)>;
    using Done = std::function<void(Result)>;

    // PostgreSQL: one thread per entry of `connections`, reads and writes on them.
    static std::unique_ptr<StorePool> pooled(std::vector<OwnStores> connections,
                                             boost::asio::io_context& io);
    // A SQLite file: reads on one thread with `reader` (read-only connections); writes inline
    // on `serving`.
    static std::unique_ptr<StorePool> withReader(OwnStores reader, CrmStore& servingCrm,
                                                 KnowledgeStore& servingKb,
                                                 boost::asio::io_context& io);
    // A database in memory: everything inline on these stores.
    static std::unique_ptr<StorePool> inlineOnly(CrmStore& crm, KnowledgeStore& kb);

    ~StorePool();
    StorePool(const StorePool&) = delete;
    StorePool& operator=(const StorePool&) = delete;

    // `work` only reads.
    void read(Work work, Done done);
    // `work` may write (in a transaction of its own store when it needs several statements).
    void write(Work work, Done done);
    // Finishes the queued work (their results are posted to `io`) and ends the threads; read()
    // and write() must not be called afterwards. Idempotent.
    void join();
    // What a failed job threw, for the log.
    static std::string describe(const std::exception_ptr& error);
    // Threads that run work off the I/O thread: 0 (inline), 1 (SQLite reader) or the pool's.
    std::size_t threads() const { return threads_; }
    // True when write() runs `work` off the I/O thread (PostgreSQL).
    bool writesOffThread() const { return writesOffThread_; }

private:
    StorePool() = default;
    void offThread(Work work, Done done);
    static Result run(const Work& work, const Stores& stores);

    boost::asio::io_context* io_ = nullptr;
    std::vector<OwnStores> own_;
    std::unique_ptr<Stores> serving_;  // inline work (writes on SQLite, all in memory)
    std::vector<Stores> idle_;         // connections no running job holds
    std::mutex idleMutex_;
    std::unique_ptr<boost::asio::thread_pool> pool_;  // null: nothing runs off the I/O thread
    std::size_t threads_ = 0;
    bool writesOffThread_ = false;
};

}  // namespace agentdesk::server
