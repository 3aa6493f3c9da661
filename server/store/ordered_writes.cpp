#include "server/store/ordered_writes.h"

#include <chrono>
#include <deque>
#include <thread>

#include <boost/asio/steady_timer.hpp>

#include "common/logging.h"
#include "common/sqlite_db.h"
#include "server/store/pg/pg_db.h"

namespace agentdesk::server {

namespace asio = boost::asio;

struct OrderedWrites::State : std::enable_shared_from_this<OrderedWrites::State> {
    State(StorePool& p, asio::io_context& io) : pool(p), retry(io) {}

    struct Item {
        std::string what;
        Write write;
        Done done;
    };
    StorePool& pool;
    asio::steady_timer retry;
    std::deque<Item> queue;
    bool writing = false;   // the front item is with the pool, or waiting for a retry
    bool retrying = false;  // the front item waits for its retry
    bool closed = false;
    bool inNext = false;  // next()'s loop runs (a pool that writes inline comes back into it)

    void next();
    void written(StorePool::Result result);
};

namespace {

// The database cannot take the write now but will later: try again.
bool worthRetrying(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const pg::PgError& e) {
        return e.connectionLost();
    } catch (const SqliteError& e) {
        const int primary = e.code() & 0xff;
        return e.storageFull() || primary == 5 /* SQLITE_BUSY */ || primary == 6 /* LOCKED */;
    } catch (...) {
        return false;
    }
}

}  // namespace

void OrderedWrites::State::next() {
    if (inNext)
        return;  // the loop below goes on with it
    inNext = true;
    while (!writing && !queue.empty() && !closed) {
        writing = true;
        Write write = queue.front().write;
        pool.write(
            [write](const StorePool::Stores& s) {
                write(s.crm);
                return nlohmann::json();
            },
            [self = shared_from_this()](StorePool::Result result) {
                self->written(std::move(result));
            });
    }
    inNext = false;
}

void OrderedWrites::State::written(StorePool::Result result) {
    if (closed)
        return;
    auto log = logging::get("store");
    if (result.error && worthRetrying(result.error)) {
        log->warn("{}: {} ({} writes waiting; trying again in 1 s)", queue.front().what,
                  StorePool::describe(result.error), queue.size());
        retrying = true;
        retry.expires_after(std::chrono::seconds(1));
        retry.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
            if (ec || self->closed)
                return;
            self->retrying = false;
            self->writing = false;
            self->next();
        });
        return;
    }
    if (result.error)
        log->error("{} not written: {}", queue.front().what, StorePool::describe(result.error));
    Done done = std::move(queue.front().done);
    queue.pop_front();
    writing = false;
    if (done)
        done(!result.error);
    next();
}

OrderedWrites::OrderedWrites(StorePool& pool, asio::io_context& io)
    : state_(std::make_shared<State>(pool, io)) {}

OrderedWrites::~OrderedWrites() {
    state_->closed = true;
    state_->retry.cancel();
    if (!state_->queue.empty())
        logging::get("store")->error("{} writes not written at shutdown, the first: {}",
                                     state_->queue.size(), state_->queue.front().what);
}

void OrderedWrites::push(std::string what, Write write, Done done) {
    if (state_->queue.size() >= kCapacity) {
        // The front one may be with the pool: drop the next oldest.
        auto oldest = state_->queue.begin() + (state_->writing ? 1 : 0);
        logging::get("store")->error("{} dropped: {} writes wait for the database", oldest->what,
                                     state_->queue.size());
        Done dropped = std::move(oldest->done);
        state_->queue.erase(oldest);
        if (dropped)
            dropped(false);
    }
    state_->queue.push_back({std::move(what), std::move(write), std::move(done)});
    state_->next();
}

std::size_t OrderedWrites::waiting() const {
    return state_->queue.size();
}

bool OrderedWrites::settled() const {
    return state_->queue.empty() || state_->retrying;
}

bool OrderedWrites::drain(const std::function<void(std::function<void()>)>& onIo,
                          std::chrono::milliseconds within) {
    const auto until = std::chrono::steady_clock::now() + within;
    for (;;) {
        bool done = false;
        bool empty = false;
        onIo([&] {
            done = settled();
            empty = state_->queue.empty();
        });
        if (done || std::chrono::steady_clock::now() >= until)
            return empty;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

}  // namespace agentdesk::server
