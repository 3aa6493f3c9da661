#pragma once
// One client connection of HttpServer (plain TCP or TLS): reads requests within time limits,
// writes responses, and may turn into an event stream. Included by http_server.cpp and by the
// two files that instantiate HttpConnection, one stream type each (http_connection_plain.cpp,
// http_connection_tls.cpp): the heaviest code of the server to compile, built in parallel.
//
// Time limits (ConnectionLimits): a new connection has headerTimeout to complete its TLS
// handshake and its first request's headers; the body then has bodyTimeout; between requests a
// kept-alive connection may stay quiet for keepAliveIdle, after which the next request's
// headers again have headerTimeout. A client that dribbles bytes is cut when a limit passes.
//
// Threads: the server's I/O thread only.
#include <algorithm>
#include <array>
#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <type_traits>
#include <unordered_map>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include "common/logging.h"
#include "server/http/http_server.h"

namespace agentdesk::server::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

// What the server keeps of a connection, and what an Exchange answers through.
class Connection {
public:
    virtual ~Connection() = default;
    virtual void shutdown() = 0;
    virtual void sendResponse(Response response) = 0;
    virtual std::shared_ptr<EventStream> beginEventStream() = 0;
    virtual void markAuthenticated() = 0;
};

struct HttpServer::State {
    asio::io_context& io;
    ServerOptions options;
    Handler handler;
    tcp::acceptor acceptor;
    std::shared_ptr<asio::ssl::context> tls;  // null: plain HTTP
    std::unordered_map<Connection*, std::weak_ptr<Connection>> connections;
    // Connections per client address that have not yet carried an authenticated request.
    std::unordered_map<std::string, std::size_t> unauthenticated;
    asio::steady_timer acceptBackoff;
    // Connections allowed by the descriptor limit at start() (a few are kept for the database,
    // logs and SIP); descriptors used up later by something else make accept back off.
    std::size_t descriptorCap = SIZE_MAX;
    bool stopped = false;
    std::uint16_t boundPort = 0;  // kept over stop() so start() binds the same port again
    // An accept from before a stop() may complete after the next start(); it must not start a
    // second accept loop.
    std::uint64_t generation = 0;
    ServerLoad load;

    State(asio::io_context& ctx, ServerOptions opts, Handler h)
        : io(ctx),
          options(std::move(opts)),
          handler(std::move(h)),
          acceptor(ctx),
          acceptBackoff(ctx) {}

    void releaseUnauthenticated(const std::string& address) {
        auto it = unauthenticated.find(address);
        if (it == unauthenticated.end())
            return;
        if (--it->second == 0)
            unauthenticated.erase(it);
    }
};

// The request handling shared by both stream types (defined in http_server.cpp).
Request makeRequest(bhttp::request<bhttp::string_body>&& message, const std::string& address);
Response plainError(int status, const char* code, const std::string& message);
void dispatch(HttpServer::State& server, Request& request, std::shared_ptr<Connection> self);

// An admitted connection, registered in the server's connections and started (reading, or the
// TLS handshake first). Plain: http_connection_plain.cpp; TLS: http_connection_tls.cpp.
void startPlainConnection(const std::shared_ptr<HttpServer::State>& server, tcp::socket socket,
                          const std::string& address);
void startTlsConnection(const std::shared_ptr<HttpServer::State>& server, tcp::socket socket,
                        const std::string& address);

template <class Stream>
class HttpConnection final : public Connection,
                             public EventStream,
                             public std::enable_shared_from_this<HttpConnection<Stream>> {
public:
    static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

    HttpConnection(Stream stream, std::shared_ptr<HttpServer::State> server, std::string address)
        : stream_(std::move(stream)), server_(std::move(server)), address_(std::move(address)) {}

    ~HttpConnection() override {
        server_->connections.erase(this);
        if (!authenticated_)
            server_->releaseUnauthenticated(address_);
    }

    void run() {
        lowest().expires_after(server_->options.limits.headerTimeout);
        if constexpr (kTls) {
            auto self = this->shared_from_this();
            stream_.async_handshake(asio::ssl::stream_base::server, [self](beast::error_code ec) {
                if (ec) {
                    ++self->server_->load.tlsHandshakesFailed;
                    self->shutdown();
                    return;
                }
                self->readHeader();
            });
        } else {
            readHeader();
        }
    }

    void markAuthenticated() override {
        if (authenticated_)
            return;
        authenticated_ = true;
        server_->releaseUnauthenticated(address_);
    }

    // CORS: only an origin on the allowlist gets Access-Control-Allow-Origin (its own name,
    // never "*"); Vary tells caches the answer depends on it.
    template <class Fields>
    void allowOrigin(bhttp::header<false, Fields>& res) const {
        const auto& allowed = server_->options.corsOrigins;
        if (allowed.empty())
            return;
        res.set(bhttp::field::vary, "Origin");
        if (std::find(allowed.begin(), allowed.end(), origin_) != allowed.end())
            res.set(bhttp::field::access_control_allow_origin, origin_);
    }

    void sendResponse(Response response) override {
        auto res = std::make_shared<bhttp::response<bhttp::string_body>>(
            static_cast<bhttp::status>(response.status), version_);
        res->set(bhttp::field::server, "agentdesk-server");
        res->set(bhttp::field::content_type, response.contentType);
        allowOrigin(*res);
        for (auto& [name, value] : response.headers)
            res->set(name, value);
        res->keep_alive(keepAlive_ && !server_->stopped);
        res->body() = std::move(response.body);
        res->prepare_payload();
        lowest().expires_after(server_->options.limits.bodyTimeout);
        const Clock::time_point answered = Clock::now();
        auto self = this->shared_from_this();
        bhttp::async_write(stream_, *res, [self, res, answered](beast::error_code ec, std::size_t) {
            if (!ec)
                self->logTimes(res->result_int(), answered);
            if (ec || !res->keep_alive()) {
                self->shutdown();
                return;
            }
            self->awaitNextRequest();
        });
    }

    std::shared_ptr<EventStream> beginEventStream() override {
        streaming_ = true;
        lowest().expires_never();
        bhttp::response<bhttp::empty_body> res(bhttp::status::ok, version_);
        res.set(bhttp::field::server, "agentdesk-server");
        res.set(bhttp::field::content_type, "text/event-stream; charset=utf-8");
        res.set(bhttp::field::cache_control, "no-cache");
        allowOrigin(res);
        res.set("X-Accel-Buffering", "no");
        res.keep_alive(true);
        std::ostringstream head;
        head << res.base();
        send(std::make_shared<const std::string>(head.str()));
        drainRead();
        return this->shared_from_this();
    }

    // --- EventStream ---
    void send(std::shared_ptr<const std::string> bytes) override {
        enqueue(std::move(bytes));
        flush();
    }

    void enqueue(std::shared_ptr<const std::string> bytes) override {
        if (closed_ || bytes->empty())
            return;  // an empty chunk would never be consumed (writeNow)
        if (queuedBytes_ + bytes->size() > server_->options.maxStreamBacklogBytes) {
            logging::get("http")->warn("event stream client too slow ({} bytes queued); closing",
                                       queuedBytes_);
            close();
            return;
        }
        queuedBytes_ += bytes->size();
        queue_.push_back(std::move(bytes));
    }

    void flush() override {
        if (!closed_ && !writing_ && !queue_.empty())
            writeQueued();
    }

    void close() override {
        if (closed_)
            return;
        closed_ = true;
        closeSocket();
        if (onClosed_) {
            auto callback = std::move(onClosed_);
            onClosed_ = nullptr;
            asio::post(server_->io, std::move(callback));
        }
    }

    bool isOpen() const override { return !closed_; }

    void setOnClosed(std::function<void()> callback) override {
        if (closed_) {
            asio::post(server_->io, std::move(callback));
            return;
        }
        onClosed_ = std::move(callback);
    }

    void shutdown() override {
        if (streaming_) {
            close();
            return;
        }
        closed_ = true;
        closeSocket();
    }

private:
    using Clock = std::chrono::steady_clock;

    beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

    // At debug level, where a request's time went on this side: from its first bytes read to
    // the whole request, to the handler's answer, to the answer written to the socket. (A
    // client's time minus these is the time in the network and in the kernels' queues.) A
    // connection's first request counts from its whole header; a pipelined one from when its
    // bytes were read, with the request before it.
    void logTimes(unsigned status, Clock::time_point answered) {
        const auto written = Clock::now();
        auto log = logging::get("http");
        // Not for an answer to a request that could not be read (413, 400): no read_ of its own.
        if (log->should_log(spdlog::level::debug) && arrived_ != Clock::time_point{} &&
            read_ >= arrived_) {
            const auto ms = [](Clock::duration d) {
                return std::chrono::duration<double, std::milli>(d).count();
            };
            log->debug("{} {} {}: read {:.2f} ms, handler {:.2f} ms, written {:.2f} ms", method_,
                       path_, status, ms(read_ - arrived_), ms(answered - read_),
                       ms(written - answered));
        }
        if (buffer_.size() == 0)
            arrived_ = {};  // else the next request's bytes came with this one's
        read_ = {};
    }

    void closeSocket() {
        beast::error_code ec;
        lowest().socket().shutdown(tcp::socket::shutdown_both, ec);
        lowest().socket().close(ec);
    }

    // Between requests: quiet for up to keepAliveIdle, then the headers within headerTimeout.
    void awaitNextRequest() {
        if (closed_ || server_->stopped)
            return shutdown();
        if (buffer_.size() > 0)
            return readHeader();  // a pipelined request is already here
        lowest().expires_after(server_->options.limits.keepAliveIdle);
        auto self = this->shared_from_this();
        stream_.async_read_some(buffer_.prepare(4096), [self](beast::error_code ec, std::size_t n) {
            if (ec)
                return self->shutdown();
            self->buffer_.commit(n);
            self->arrived_ = Clock::now();
            self->readHeader();
        });
    }

    void readHeader() {
        if (closed_ || server_->stopped)
            return shutdown();
        parser_.emplace();
        origin_.clear();
        parser_->body_limit(server_->options.bodyLimit);
        parser_->header_limit(64 * 1024);
        lowest().expires_after(server_->options.limits.headerTimeout);
        auto self = this->shared_from_this();
        bhttp::async_read_header(stream_, buffer_, *parser_,
                                 [self](beast::error_code ec, std::size_t) {
                                     if (ec)
                                         return self->onRead(ec);
                                     if (self->arrived_ == Clock::time_point{})
                                         self->arrived_ = Clock::now();
                                     self->readBody();
                                 });
    }

    void readBody() {
        if (parser_->is_done())
            return onRead({});
        lowest().expires_after(server_->options.limits.bodyTimeout);
        auto self = this->shared_from_this();
        bhttp::async_read(stream_, buffer_, *parser_,
                          [self](beast::error_code ec, std::size_t) { self->onRead(ec); });
    }

    void onRead(beast::error_code ec) {
        if (ec == beast::error::timeout) {
            ++server_->load.slowClientsCut;
            return shutdown();
        }
        if (ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
            ec == asio::error::operation_aborted || ec == asio::error::connection_reset) {
            return shutdown();
        }
        if (ec == bhttp::error::body_limit) {
            keepAlive_ = false;
            return sendResponse(plainError(413, "payload_too_large", "request body is over 1 MiB"));
        }
        if (ec) {
            if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category()) {
                keepAlive_ = false;
                return sendResponse(plainError(400, "bad_request", "malformed HTTP request"));
            }
            return shutdown();
        }
        lowest().expires_never();  // the handler may answer later (asynchronous work)
        auto message = parser_->release();
        keepAlive_ = message.keep_alive();
        version_ = message.version();
        Request request = makeRequest(std::move(message), address_);
        origin_ = request.header("origin");
        read_ = Clock::now();
        method_ = request.method;
        path_ = request.path;
        dispatch(*server_, request, this->shared_from_this());
    }

    // An event stream's queued bytes. A plain socket is written at once without blocking and
    // waits for room only when the kernel's buffer is full: one broadcast to 10,000 streams is
    // 10,000 writes, and an asynchronous operation each (allocated, queued, completed) cost
    // as much as the write itself. TLS goes through the stream's asynchronous write.
    void writeQueued() {
        if constexpr (kTls) {
            writeAsync();
        } else {
            writeNow();
        }
    }

    void writeNow() {
        if (closed_)
            return;
        auto& socket = lowest().socket();
        beast::error_code ec;
        if (!nonBlocking_) {
            // A blocking write_some would stall the I/O thread behind one slow client.
            if (socket.non_blocking(true, ec); ec)
                return close();
            nonBlocking_ = true;
        }
        while (!queue_.empty()) {
            std::array<asio::const_buffer, 64> buffers;
            std::size_t count = 0;
            for (const auto& chunk : queue_) {
                buffers[count] = asio::buffer(*chunk) + (count == 0 ? frontOffset_ : 0);
                if (++count == buffers.size())
                    break;
            }
            const std::size_t written =
                socket.write_some(std::span<const asio::const_buffer>(buffers.data(), count), ec);
            if (ec == asio::error::would_block || ec == asio::error::try_again ||
                (!ec && written == 0)) {
                return waitWritable();
            }
            if (ec)
                return close();
            consume(written);
        }
        writing_ = false;
    }

    void consume(std::size_t n) {
        queuedBytes_ -= n;
        while (n > 0 && !queue_.empty()) {
            const std::size_t left = queue_.front()->size() - frontOffset_;
            if (n < left) {
                frontOffset_ += n;
                return;
            }
            n -= left;
            frontOffset_ = 0;
            queue_.pop_front();
        }
    }

    void waitWritable() {
        writing_ = true;
        auto self = this->shared_from_this();
        lowest().socket().async_wait(tcp::socket::wait_write, [self](beast::error_code ec) {
            if (ec)
                return self->close();
            self->writeNow();
        });
    }

    void writeAsync() {
        writing_ = true;
        std::vector<asio::const_buffer> buffers;
        std::size_t count = 0;
        for (const auto& chunk : queue_) {
            buffers.emplace_back(asio::buffer(*chunk));
            if (++count == 64)
                break;
        }
        auto self = this->shared_from_this();
        asio::async_write(stream_, buffers,
                          [self, count](beast::error_code ec, std::size_t written) {
                              self->queuedBytes_ -= written;
                              for (std::size_t i = 0; i < count && !self->queue_.empty(); ++i)
                                  self->queue_.pop_front();
                              if (ec)
                                  return self->close();
                              if (self->queue_.empty()) {
                                  self->writing_ = false;
                              } else {
                                  self->writeAsync();
                              }
                          });
    }

    // The client never sends anything on an event stream; a completed read means it left.
    void drainRead() {
        auto self = this->shared_from_this();
        stream_.async_read_some(asio::buffer(drain_), [self](beast::error_code ec, std::size_t) {
            if (ec)
                return self->close();
            self->drainRead();
        });
    }

    Stream stream_;
    std::shared_ptr<HttpServer::State> server_;
    const std::string address_;
    bool authenticated_ = false;
    beast::flat_buffer buffer_;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    bool keepAlive_ = true;
    unsigned version_ = 11;
    std::string origin_;  // of the request being answered
    // The request being answered, for the debug line of its times (logTimes).
    std::string method_;
    std::string path_;
    Clock::time_point arrived_{};
    Clock::time_point read_{};
    bool streaming_ = false;
    bool closed_ = false;
    bool writing_ = false;
    std::deque<std::shared_ptr<const std::string>> queue_;
    std::size_t queuedBytes_ = 0;
    std::size_t frontOffset_ = 0;  // bytes of queue_.front() already written (plain sockets)
    bool nonBlocking_ = false;
    std::function<void()> onClosed_;
    std::array<char, 256> drain_{};
};

template <class Stream>
void startConnection(const std::shared_ptr<HttpServer::State>& server, Stream stream,
                     const std::string& address) {
    auto connection = std::make_shared<HttpConnection<Stream>>(std::move(stream), server, address);
    server->connections[connection.get()] = connection;
    connection->run();
}

}  // namespace agentdesk::server::http
