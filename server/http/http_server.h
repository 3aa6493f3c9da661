#pragma once
// The HTTP/1.1 transport of agentdesk-server, on Boost.Beast. One io_context thread serves all
// connections asynchronously, so event streams cost a socket and a small buffer each, not a
// thread (1000 concurrent streams on 2 cores).
//
// Plain HTTP or, with ServerOptions::tls, HTTPS (TLS 1.2+, OpenSSL); limits on connections and
// slow clients in ConnectionLimits.
//
// Threads: every method and every callback runs on the io_context's thread, except
// constructor/the first start(), which run before the context does.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "server/http/http_types.h"

namespace agentdesk::server::http {

// What one server lets its clients hold. Beyond maxConnections, or beyond
// maxUnauthenticatedPerAddress connections from one address that have not yet made an
// authenticated request, a new connection gets 503 (plain HTTP; TLS: closed) and is closed.
struct ConnectionLimits {
    std::size_t maxConnections = 8000;  // also kept below the process's descriptor limit
    std::size_t maxUnauthenticatedPerAddress = 100;
    std::chrono::seconds headerTimeout{10};  // TLS handshake and request headers
    std::chrono::seconds bodyTimeout{30};    // the rest of a request; writing a response
    std::chrono::seconds keepAliveIdle{60};  // a quiet kept-alive connection is closed
};

// Counters of what the limits did, for /health and tests.
struct ServerLoad {
    std::size_t refusedAtLimit = 0;          // connections over maxConnections
    std::size_t refusedUnauthenticated = 0;  // over maxUnauthenticatedPerAddress
    std::size_t slowClientsCut = 0;          // a time limit passed
    std::size_t acceptBackoffs = 0;          // accept failed (descriptors ran out) and waited
    std::size_t tlsHandshakesFailed = 0;
};

struct TlsFiles {
    std::string certificateChain;  // PEM: the server certificate, then intermediates
    std::string privateKey;        // PEM
};

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8780;  // 0: pick a free port
    std::size_t bodyLimit = 1024 * 1024;
    ConnectionLimits limits;
    std::size_t maxStreamBacklogBytes = 4 * 1024 * 1024;
    std::optional<TlsFiles> tls;  // set: HTTPS only
    // Web origins allowed to read responses (CORS), e.g. "https://desk.example.kr". Empty (the
    // default): no Access-Control-Allow-Origin at all, so no web page can read the API.
    std::vector<std::string> corsOrigins;
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

    std::size_t connectionCount() const;
    std::size_t effectiveMaxConnections() const;
    const ServerLoad& load() const;

    struct State;

private:
    std::shared_ptr<State> state_;
};

std::string percentDecode(std::string_view text, bool plusIsSpace);

}  // namespace agentdesk::server::http
