#include "server/store/store_reader.h"

#include <boost/asio/post.hpp>

#include "server/kb/knowledge_store.h"
#include "server/store/crm_store.h"

namespace agentdesk::server {

namespace asio = boost::asio;

namespace {

StoreReader::Result run(const StoreReader::Work& work, const StoreReader::Stores& stores) {
    StoreReader::Result result;
    try {
        result.value = work(stores);
    } catch (...) {
        result.error = std::current_exception();
    }
    return result;
}

}  // namespace

StoreReader::StoreReader(std::unique_ptr<CrmStore> crm, std::unique_ptr<KnowledgeStore> kb,
                         asio::io_context& io)
    : io_(&io),
      ownCrm_(std::move(crm)),
      ownKb_(std::move(kb)),
      stores_{*ownCrm_, *ownKb_},
      pool_(std::make_unique<asio::thread_pool>(1)) {}

StoreReader::StoreReader(CrmStore& crm, KnowledgeStore& kb) : stores_{crm, kb} {}

StoreReader::~StoreReader() {
    join();
}

void StoreReader::read(Work work, Done done) {
    if (!pool_) {
        done(run(work, stores_));
        return;
    }
    asio::post(*pool_, [this, work = std::move(work), done = std::move(done)]() mutable {
        asio::post(*io_, [done = std::move(done), result = run(work, stores_)]() mutable {
            done(std::move(result));
        });
    });
}

void StoreReader::join() {
    if (pool_)
        pool_->join();
}

}  // namespace agentdesk::server
