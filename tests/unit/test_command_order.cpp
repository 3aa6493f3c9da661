// A user's commands in the order they came (server/routes/command_order.h): one waiting for the
// store holds that user's later commands, not other users'; answering it, or dropping it
// unanswered, lets the next one go.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "server/routes/command_order.h"

namespace srv = agentdesk::server;
namespace http = agentdesk::server::http;

namespace {

// Counts the answers it got.
class CountingExchange final : public http::Exchange {
public:
    void respond(http::Response response) override { statuses.push_back(response.status); }
    std::shared_ptr<http::EventStream> startEventStream() override { return nullptr; }
    std::vector<int> statuses;
};

http::Response ok() {
    http::Response r;
    r.status = 202;
    return r;
}

}  // namespace

TEST_CASE("command order: a command waiting for the store holds the user's next ones only",
          "[unit]") {
    boost::asio::io_context io;
    srv::CommandOrder order(io);
    std::vector<std::string> ran;
    http::ExchangePtr waiting;  // the first command's exchange, answered later

    auto a1 = std::make_shared<CountingExchange>();
    order.run("A1001", a1, [&](const http::ExchangePtr& ex) {
        ran.push_back("A1001 wrap-up");
        waiting = ex;  // its checks are on the pool
    });
    auto a2 = std::make_shared<CountingExchange>();
    order.run("A1001", a2, [&](const http::ExchangePtr& ex) {
        ran.push_back("A1001 not ready");
        ex->respond(ok());
    });
    auto b1 = std::make_shared<CountingExchange>();
    order.run("A1002", b1, [&](const http::ExchangePtr& ex) {
        ran.push_back("A1002 ready");
        ex->respond(ok());
    });
    // A1002 was not held; A1001's second command waits.
    CHECK(ran == std::vector<std::string>{"A1001 wrap-up", "A1002 ready"});
    CHECK(order.pending("A1001") == 2);
    CHECK(order.pending("A1002") == 0);
    CHECK(b1->statuses == std::vector<int>{202});

    // The wrap-up is answered: the next command runs from the I/O thread, after it.
    waiting->respond(ok());
    CHECK(a1->statuses == std::vector<int>{202});
    CHECK(ran.size() == 2);
    io.run();
    CHECK(ran.back() == "A1001 not ready");
    CHECK(a2->statuses == std::vector<int>{202});
    CHECK(order.pending("A1001") == 0);
}

TEST_CASE("command order: a command dropped without an answer does not hold the user forever",
          "[unit]") {
    boost::asio::io_context io;
    srv::CommandOrder order(io);
    int ran = 0;
    http::ExchangePtr held;
    order.run("A1001", std::make_shared<CountingExchange>(),
              [&](const http::ExchangePtr& ex) { held = ex; });
    order.run("A1001", std::make_shared<CountingExchange>(), [&](const http::ExchangePtr& ex) {
        ++ran;
        ex->respond(ok());
    });
    io.poll();
    CHECK(ran == 0);
    held.reset();  // the store's answer never came (the server stops, the work was dropped)
    io.restart();  // poll() ran out of work
    io.run();
    CHECK(ran == 1);
    CHECK(order.pending("A1001") == 0);
}

TEST_CASE("command order: commands answered at once run at once, in order", "[unit]") {
    boost::asio::io_context io;
    srv::CommandOrder order(io);
    std::vector<int> ran;
    for (int i = 0; i < 5; ++i) {
        order.run("A1001", std::make_shared<CountingExchange>(),
                  [&, i](const http::ExchangePtr& ex) {
                      ran.push_back(i);
                      ex->respond(ok());
                  });
    }
    CHECK(ran == std::vector<int>{0, 1, 2, 3, 4});  // nothing waited for the I/O thread
    CHECK(order.pending("A1001") == 0);
}

TEST_CASE("command order: which requests are commands to the ACD", "[unit]") {
    CHECK(srv::isAcdCommand("PUT", "/api/v1/agents/me/state"));
    CHECK(srv::isAcdCommand("POST", "/api/v1/calls"));
    CHECK(srv::isAcdCommand("POST", "/api/v1/calls/C-1/wrapup"));
    CHECK(srv::isAcdCommand("POST", "/api/v1/calls/{id}/answer"));  // a route's pattern
    CHECK_FALSE(srv::isAcdCommand("GET", "/api/v1/calls/current"));
    CHECK_FALSE(srv::isAcdCommand("GET", "/api/v1/agents/me"));
    CHECK_FALSE(srv::isAcdCommand("POST", "/api/v1/callsheet"));  // not under /calls
    CHECK_FALSE(srv::isAcdCommand("POST", "/api/v1/agents/menu"));
    CHECK_FALSE(srv::isAcdCommand("POST", "/api/v1/notes"));
    CHECK_FALSE(srv::isAcdCommand("POST", "/api/v1/sessions"));
}
