#include "server/store/store_pool.h"

#include <optional>
#include <stdexcept>

#include <boost/asio/post.hpp>

#include "server/kb/knowledge_store.h"
#include "server/store/crm_store.h"

namespace agentdesk::server {

namespace asio = boost::asio;

std::string StorePool::describe(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown error";
    }
}

StorePool::Result StorePool::run(const Work& work, const Stores& stores) {
    Result result;
    try {
        result.value = work(stores);
    } catch (...) {
        result.error = std::current_exception();
    }
    return result;
}

std::unique_ptr<StorePool> StorePool::pooled(std::vector<OwnStores> connections,
                                             asio::io_context& io) {
    if (connections.empty())
        throw std::invalid_argument("a store pool needs at least one connection");
    std::unique_ptr<StorePool> p(new StorePool);
    p->io_ = &io;
    p->own_ = std::move(connections);
    for (auto& c : p->own_)
        p->idle_.push_back(Stores{*c.crm, *c.kb});
    p->threads_ = p->own_.size();
    p->pool_ = std::make_unique<asio::thread_pool>(p->threads_);
    p->writesOffThread_ = true;
    return p;
}

std::unique_ptr<StorePool> StorePool::withReader(OwnStores reader, CrmStore& servingCrm,
                                                 KnowledgeStore& servingKb, asio::io_context& io) {
    std::vector<OwnStores> one;
    one.push_back(std::move(reader));
    auto p = pooled(std::move(one), io);
    p->serving_ = std::make_unique<Stores>(Stores{servingCrm, servingKb});
    p->writesOffThread_ = false;
    return p;
}

std::unique_ptr<StorePool> StorePool::inlineOnly(CrmStore& crm, KnowledgeStore& kb) {
    std::unique_ptr<StorePool> p(new StorePool);
    p->serving_ = std::make_unique<Stores>(Stores{crm, kb});
    return p;
}

StorePool::~StorePool() {
    join();
}

void StorePool::read(Work work, Done done) {
    if (!pool_)
        return done(run(work, *serving_));
    offThread(std::move(work), std::move(done));
}

void StorePool::write(Work work, Done done) {
    if (!writesOffThread_)
        return done(run(work, *serving_));
    offThread(std::move(work), std::move(done));
}

void StorePool::offThread(Work work, Done done) {
    asio::post(*pool_, [this, work = std::move(work), done = std::move(done)]() mutable {
        // As many connections as threads: one is always idle when a job starts.
        std::optional<Stores> held;
        {
            std::lock_guard lock(idleMutex_);
            held.emplace(idle_.back());
            idle_.pop_back();
        }
        Result result = run(work, *held);
        {
            std::lock_guard lock(idleMutex_);
            idle_.push_back(*held);
        }
        asio::post(*io_, [done = std::move(done), result = std::move(result)]() mutable {
            done(std::move(result));
        });
    });
}

void StorePool::join() {
    if (pool_)
        pool_->join();
}

}  // namespace agentdesk::server
