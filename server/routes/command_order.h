#pragma once
// A user's commands to the ACD take effect in the order they came. A command that first asks
// the store (off the I/O thread on PostgreSQL: click-to-dial's number checks, wrap-up's code and
// note checks) holds the same user's later commands until it has been answered; commands of
// other users are not held. Without it a wrap-up with its checks still on a pool thread could
// be overtaken by the "not ready" the desktop sent right after it.
//
// The route table (api_routes.h) runs the command routes through run(): the command counts as
// done when its exchange is answered (or dropped unanswered), which inOrder() arranges by
// wrapping the exchange.
//
// On a node that does not run the ACD the same order holds before the owner sees them: the
// cluster's gate (cluster/acd_owner_gate.h) forwards one command of a client at a time, keyed by
// its token, since commands forwarded side by side could reach the owner in another order.
//
// Threads: I/O thread only (`io` is the I/O thread's).
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include <boost/asio/io_context.hpp>

#include "server/http/http_types.h"

namespace agentdesk::server {

// Whether a request (or a route's pattern) is such a command: anything but GET under
// /api/v1/agents/me and /api/v1/calls.
bool isAcdCommand(std::string_view method, std::string_view path);

class CommandOrder {
public:
    using Step = std::function<void(const http::ExchangePtr&)>;

    // A waiting command is started from a handler posted to `io`, not from inside the answer
    // of the one before it.
    explicit CommandOrder(boost::asio::io_context& io);
    CommandOrder(const CommandOrder&) = delete;
    CommandOrder& operator=(const CommandOrder&) = delete;

    // Runs `step` with an exchange that stands for `ex` now, or once every earlier command of
    // `userId` has been answered.
    void run(const std::string& userId, const http::ExchangePtr& ex, Step step);
    // Commands of `userId` not answered yet (the running one included).
    std::size_t pending(const std::string& userId) const;

    struct State;  // shared with the wrapped exchanges, which may outlive this

private:
    std::shared_ptr<State> state_;
};

}  // namespace agentdesk::server
