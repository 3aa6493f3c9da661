#pragma once
// The HTTP/1.1 transport of agentdesk-server, on Boost.Beast. One io_context thread serves all
// connections asynchronously, so event streams cost a socket and a small buffer each, not a
// thread (1000 concurrent streams on 2 cores).
//
// Threads: every method and every callback runs on the io_context's thread, except
// constructor/the first start(), which run before the context does.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include <boost/asio/io_context.hpp>

#include "server/http/http_types.h"

namespace agentdesk::server::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8780;  // 0: pick a free port
    std::size_t bodyLimit = 1024 * 1024;
    std::chrono::seconds idleTimeout{60};
    std::size_t maxStreamBacklogBytes = 4 * 1024 * 1024;
};

class HttpServer {
public:
    HttpServer(boost::asio::io_context& io, ServerOptions options, Handler handler);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and starts accepting; returns the bound port. Throws std::runtime_error when the
    // address cannot be bound. After stop() it binds the port bound first again (also when
    // options.port was 0). Does nothing while already listening.
    std::uint16_t start();
    // Stops accepting (new connections are refused) and closes every open connection, event
    // streams included. Idempotent; start() may follow.
    void stop();

    struct State;

private:
    std::shared_ptr<State> state_;
};

std::string percentDecode(std::string_view text, bool plusIsSpace);

}  // namespace agentdesk::server::http
