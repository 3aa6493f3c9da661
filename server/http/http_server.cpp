#include "server/http/http_server.h"

#include <array>
#include <deque>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "common/logging.h"

namespace agentdesk::server::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

class Session;

struct HttpServer::State {
    asio::io_context& io;
    ServerOptions options;
    Handler handler;
    tcp::acceptor acceptor;
    std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
    bool stopped = false;
    std::uint16_t boundPort = 0;  // kept over stop() so start() binds the same port again
    // An accept from before a stop() may complete after the next start(); it must not start a
    // second accept loop.
    std::uint64_t generation = 0;

    State(asio::io_context& ctx, ServerOptions opts, Handler h)
        : io(ctx), options(std::move(opts)), handler(std::move(h)), acceptor(ctx) {}
};

std::string percentDecode(std::string_view text, bool plusIsSpace) {
    std::string out;
    out.reserve(text.size());
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size()) {
            const int hi = hex(text[i + 1]);
            const int lo = hex(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(static_cast<char>(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.push_back(plusIsSpace && c == '+' ? ' ' : c);
    }
    return out;
}

namespace {

void splitTarget(std::string_view target, Request& request) {
    const auto q = target.find('?');
    request.path = percentDecode(target.substr(0, q), false);
    if (q == std::string_view::npos)
        return;
    std::string_view query = target.substr(q + 1);
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty())
            continue;
        const auto eq = pair.find('=');
        std::string key = percentDecode(pair.substr(0, eq), true);
        std::string value =
            eq == std::string_view::npos ? std::string() : percentDecode(pair.substr(eq + 1), true);
        request.query.emplace(std::move(key), std::move(value));
    }
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

}  // namespace

class Session final : public std::enable_shared_from_this<Session>, public EventStream {
public:
    Session(tcp::socket socket, std::shared_ptr<HttpServer::State> server)
        : stream_(std::move(socket)), server_(std::move(server)) {}

    ~Session() override {
        if (server_)
            server_->sessions.erase(this);
    }

    void run() { doRead(); }

    // --- plain responses ---
    void sendResponse(Response response) {
        auto res = std::make_shared<bhttp::response<bhttp::string_body>>(
            static_cast<bhttp::status>(response.status), version_);
        res->set(bhttp::field::server, "agentdesk-server");
        res->set(bhttp::field::content_type, response.contentType);
        res->set(bhttp::field::access_control_allow_origin, "*");
        for (auto& [name, value] : response.headers)
            res->set(name, value);
        res->keep_alive(keepAlive_);
        res->body() = std::move(response.body);
        res->prepare_payload();
        auto self = shared_from_this();
        bhttp::async_write(stream_, *res, [self, res](beast::error_code ec, std::size_t) {
            if (ec || !res->keep_alive()) {
                self->shutdown();
                return;
            }
            self->doRead();
        });
    }

    // --- event stream ---
    std::shared_ptr<EventStream> beginEventStream() {
        streaming_ = true;
        stream_.expires_never();
        bhttp::response<bhttp::empty_body> res(bhttp::status::ok, version_);
        res.set(bhttp::field::server, "agentdesk-server");
        res.set(bhttp::field::content_type, "text/event-stream; charset=utf-8");
        res.set(bhttp::field::cache_control, "no-cache");
        res.set(bhttp::field::access_control_allow_origin, "*");
        res.set("X-Accel-Buffering", "no");
        res.keep_alive(true);
        std::ostringstream head;
        head << res.base();
        send(std::make_shared<const std::string>(head.str()));
        doDrainRead();
        return shared_from_this();
    }

    void send(std::shared_ptr<const std::string> bytes) override {
        if (closed_)
            return;
        if (queuedBytes_ + bytes->size() > server_->options.maxStreamBacklogBytes) {
            logging::get("http")->warn("event stream client too slow ({} bytes queued); closing",
                                       queuedBytes_);
            close();
            return;
        }
        queuedBytes_ += bytes->size();
        queue_.push_back(std::move(bytes));
        if (!writing_)
            doWrite();
    }

    void close() override {
        if (closed_)
            return;
        closed_ = true;
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        stream_.socket().close(ec);
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

    void shutdown() {
        if (streaming_) {
            close();
            return;
        }
        closed_ = true;
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.socket().close(ec);
    }

private:
    void doRead() {
        if (closed_ || server_->stopped)
            return;
        parser_.emplace();
        parser_->body_limit(server_->options.bodyLimit);
        parser_->header_limit(64 * 1024);
        stream_.expires_after(server_->options.idleTimeout);
        auto self = shared_from_this();
        bhttp::async_read(stream_, buffer_, *parser_,
                          [self](beast::error_code ec, std::size_t) { self->onRead(ec); });
    }

    void onRead(beast::error_code ec);

    void doWrite() {
        writing_ = true;
        std::vector<asio::const_buffer> buffers;
        std::size_t count = 0;
        for (const auto& chunk : queue_) {
            buffers.emplace_back(asio::buffer(*chunk));
            if (++count == 64)
                break;
        }
        auto self = shared_from_this();
        asio::async_write(stream_.socket(), buffers,
                          [self, count](beast::error_code ec, std::size_t written) {
                              self->queuedBytes_ -= written;
                              for (std::size_t i = 0; i < count && !self->queue_.empty(); ++i) {
                                  self->queue_.pop_front();
                              }
                              if (ec) {
                                  self->close();
                                  return;
                              }
                              if (self->queue_.empty()) {
                                  self->writing_ = false;
                              } else {
                                  self->doWrite();
                              }
                          });
    }

    // The client never sends anything on an event stream; a completed read means it left.
    void doDrainRead() {
        auto self = shared_from_this();
        stream_.socket().async_read_some(asio::buffer(drain_),
                                         [self](beast::error_code ec, std::size_t) {
                                             if (ec) {
                                                 self->close();
                                                 return;
                                             }
                                             self->doDrainRead();
                                         });
    }

    beast::tcp_stream stream_;
    std::shared_ptr<HttpServer::State> server_;
    beast::flat_buffer buffer_;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    bool keepAlive_ = true;
    unsigned version_ = 11;
    bool streaming_ = false;
    bool closed_ = false;
    bool writing_ = false;
    std::deque<std::shared_ptr<const std::string>> queue_;
    std::size_t queuedBytes_ = 0;
    std::function<void()> onClosed_;
    std::array<char, 256> drain_{};
};

namespace {

class ExchangeImpl final : public Exchange {
public:
    explicit ExchangeImpl(std::shared_ptr<Session> session) : session_(std::move(session)) {}
    ~ExchangeImpl() override {
        if (!done_) {
            logging::get("http")->error("request finished without a response");
            Response r;
            r.status = 500;
            r.body = R"({"error":{"code":"internal","message":"no response"}})";
            session_->sendResponse(std::move(r));
        }
    }
    void respond(Response response) override {
        if (done_)
            return;
        done_ = true;
        session_->sendResponse(std::move(response));
    }
    std::shared_ptr<EventStream> startEventStream() override {
        done_ = true;
        return session_->beginEventStream();
    }

private:
    std::shared_ptr<Session> session_;
    bool done_ = false;
};

Response plainError(int status, const char* code, const char* message) {
    Response r;
    r.status = status;
    r.body = std::string(R"({"error":{"code":")") + code + R"(","message":")" + message + "\"}}";
    return r;
}

}  // namespace

void Session::onRead(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
        ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset) {
        shutdown();
        return;
    }
    if (ec == bhttp::error::body_limit) {
        keepAlive_ = false;
        sendResponse(plainError(413, "payload_too_large", "request body is over 1 MiB"));
        return;
    }
    if (ec) {
        if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category()) {
            keepAlive_ = false;
            sendResponse(plainError(400, "bad_request", "malformed HTTP request"));
            return;
        }
        shutdown();
        return;
    }
    auto message = parser_->release();
    keepAlive_ = message.keep_alive();
    version_ = message.version();

    Request request;
    request.method = std::string(message.method_string());
    splitTarget(message.target(), request);
    for (const auto& field : message) {
        request.headers[lower(field.name_string())] = std::string(field.value());
    }
    request.body = std::move(message.body());
    auto exchange = std::make_shared<ExchangeImpl>(shared_from_this());
    try {
        server_->handler(request, exchange);
    } catch (const std::exception& e) {
        logging::get("http")->error("handler for {} {} failed: {}", request.method, request.path,
                                    e.what());
        exchange->respond(plainError(500, "internal", "internal server error"));
    }
}

namespace {

void doAccept(const std::shared_ptr<HttpServer::State>& state) {
    const std::uint64_t generation = state->generation;
    state->acceptor.async_accept([state, generation](beast::error_code ec, tcp::socket socket) {
        if (state->stopped || state->generation != generation)
            return;
        if (!ec) {
            beast::error_code opt;
            socket.set_option(tcp::no_delay(true), opt);
            auto session = std::make_shared<Session>(std::move(socket), state);
            state->sessions[session.get()] = session;
            session->run();
        } else if (ec != asio::error::operation_aborted) {
            logging::get("http")->warn("accept failed: {}", ec.message());
        }
        if (!state->stopped)
            doAccept(state);
    });
}

}  // namespace

HttpServer::HttpServer(asio::io_context& io, ServerOptions options, Handler handler)
    : state_(std::make_shared<State>(io, std::move(options), std::move(handler))) {}

HttpServer::~HttpServer() {
    // Sessions may outlive us inside pending handlers; they keep the State alive.
}

std::uint16_t HttpServer::start() {
    if (state_->acceptor.is_open())
        return state_->boundPort;
    beast::error_code ec;
    const auto address = asio::ip::make_address(state_->options.host, ec);
    if (ec)
        throw std::runtime_error("invalid listen address: " + state_->options.host);
    const std::uint16_t port = state_->boundPort ? state_->boundPort : state_->options.port;
    tcp::endpoint endpoint(address, port);
    state_->acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        state_->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        state_->acceptor.bind(endpoint, ec);
    if (!ec)
        state_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        beast::error_code ignored;
        state_->acceptor.close(ignored);
        throw std::runtime_error("cannot listen on " + state_->options.host + ":" +
                                 std::to_string(port) + ": " + ec.message());
    }
    state_->boundPort = state_->acceptor.local_endpoint().port();
    state_->stopped = false;
    ++state_->generation;
    doAccept(state_);
    return state_->boundPort;
}

void HttpServer::stop() {
    state_->stopped = true;
    beast::error_code ec;
    state_->acceptor.close(ec);
    auto sessions = state_->sessions;
    for (auto& [raw, weak] : sessions) {
        if (auto session = weak.lock())
            session->shutdown();
    }
}

}  // namespace agentdesk::server::http
