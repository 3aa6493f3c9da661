#pragma once
// The writes the ACD and live assist make as calls go (a call leg's interaction, a wrap-up
// code, an abusive caller's flag, a call's transcript and analysis), written in the order they
// were made through the store pool (store/store_pool.h): on PostgreSQL off the I/O thread, so
// the ACD never waits on the database; on SQLite at once, on the serving connection, as before.
//
// The ACD never sees a store failure half-way through a hang-up or a wrap-up. While the database
// cannot take them (PostgreSQL unreachable, SQLite's disk full or locked) they wait in memory,
// in order, and are tried again every second; up to kCapacity wait, then the oldest is dropped
// with an error in the log. A write the database refuses for any other reason is logged and
// dropped, and the next one goes on.
//
// Threads: the I/O thread (push, waiting); the writes themselves run where the pool runs them.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include <boost/asio/io_context.hpp>

#include "server/store/store_pool.h"

namespace agentdesk::server {

class OrderedWrites {
public:
    static constexpr std::size_t kCapacity = 20000;
    using Write = std::function<void(CrmStore&)>;

    OrderedWrites(StorePool& pool, boost::asio::io_context& io);
    // Logs what still waits (nothing written after this).
    ~OrderedWrites();
    OrderedWrites(const OrderedWrites&) = delete;
    OrderedWrites& operator=(const OrderedWrites&) = delete;

    // Told on the I/O thread whether a write was written (false: refused or dropped; never
    // told at shutdown).
    using Done = std::function<void(bool written)>;

    // `what` names the write in the log ("interaction of call 12"; no personal data).
    void push(std::string what, Write write, Done done = {});
    // Writes waiting, the one being written included.
    std::size_t waiting() const;
    // Nothing more will be written without waiting: none waits, or the first waits for its
    // retry (the database is away).
    bool settled() const;
    // From a thread other than the I/O thread, at shutdown before the pool is joined: waits
    // until settled() (asked on the I/O thread through `onIo`, which runs a function there and
    // returns when it has run) or until `within` has passed. False when writes were left.
    bool drain(const std::function<void(std::function<void()>)>& onIo,
               std::chrono::milliseconds within);

    struct State;  // shared with the pool's callbacks, which may come back after this is gone

private:
    std::shared_ptr<State> state_;
};

}  // namespace agentdesk::server
