#include "server/http/http_server.h"

#include <sys/resource.h>

#include <stdexcept>

#include "common/hex_digit.h"
#include "server/http/http_connection.h"

namespace agentdesk::server::http {

std::string percentDecode(std::string_view text, bool plusIsSpace) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size()) {
            const int hi = hexDigitValue(text[i + 1]);
            const int lo = hexDigitValue(text[i + 2]);
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

namespace {

class ExchangeImpl final : public Exchange {
public:
    explicit ExchangeImpl(std::shared_ptr<Connection> connection)
        : connection_(std::move(connection)) {}
    ~ExchangeImpl() override {
        if (!done_) {
            logging::get("http")->error("request finished without a response");
            connection_->sendResponse(plainError(500, "internal", "no response"));
        }
    }
    void respond(Response response) override {
        if (done_)
            return;
        done_ = true;
        connection_->sendResponse(std::move(response));
    }
    std::shared_ptr<EventStream> startEventStream() override {
        done_ = true;
        return connection_->beginEventStream();
    }
    void markAuthenticated() override { connection_->markAuthenticated(); }

private:
    std::shared_ptr<Connection> connection_;
    bool done_ = false;
};

}  // namespace

Response plainError(int status, const char* code, const std::string& message) {
    Response r;
    r.status = status;
    r.body = std::string(R"({"error":{"code":")") + code + R"(","message":")" + message + "\"}}";
    return r;
}

Request makeRequest(bhttp::request<bhttp::string_body>&& message, const std::string& address) {
    Request request;
    request.method = std::string(message.method_string());
    splitTarget(message.target(), request);
    for (const auto& field : message)
        request.headers[lower(field.name_string())] = std::string(field.value());
    request.remoteAddress = address;
    request.body = std::move(message.body());
    return request;
}

void dispatch(HttpServer::State& server, Request& request, std::shared_ptr<Connection> self) {
    auto exchange = std::make_shared<ExchangeImpl>(std::move(self));
    try {
        server.handler(request, exchange);
    } catch (const std::exception& e) {
        logging::get("http")->error("handler for {} {} failed: {}", request.method, request.path,
                                    e.what());
        exchange->respond(plainError(500, "internal", "internal server error"));
    }
}

namespace {

// The descriptor limit bounds connections: a few are kept for the database, logs and SIP.
std::size_t descriptorBound() {
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) != 0 || lim.rlim_cur == RLIM_INFINITY)
        return SIZE_MAX;
    return lim.rlim_cur > 64 ? static_cast<std::size_t>(lim.rlim_cur - 64) : 1;
}

// A connection over a limit: a 503 a client can show (plain HTTP), then closed.
void refuse(const std::shared_ptr<HttpServer::State>& state, tcp::socket socket, const char* why) {
    if (state->tls) {
        beast::error_code ec;
        socket.close(ec);
        return;
    }
    auto s = std::make_shared<tcp::socket>(std::move(socket));
    const std::string body =
        std::string(R"({"error":{"code":"unavailable","message":")") + why + "\"}}";
    auto text = std::make_shared<std::string>(
        "HTTP/1.1 503 Service Unavailable\r\nServer: agentdesk-server\r\n"
        "Content-Type: application/json; charset=utf-8\r\nRetry-After: 1\r\n"
        "Connection: close\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body);
    asio::async_write(*s, asio::buffer(*text), [s, text](beast::error_code, std::size_t) {
        beast::error_code ec;
        s->shutdown(tcp::socket::shutdown_both, ec);
        s->close(ec);
    });
}

void doAccept(const std::shared_ptr<HttpServer::State>& state);

void admit(const std::shared_ptr<HttpServer::State>& state, tcp::socket socket) {
    beast::error_code ec;
    socket.set_option(tcp::no_delay(true), ec);
    const auto peer = socket.remote_endpoint(ec);
    const std::string address = ec ? std::string("?") : peer.address().to_string();
    const ConnectionLimits& limits = state->options.limits;
    if (state->connections.size() >= std::min(limits.maxConnections, state->descriptorCap)) {
        ++state->load.refusedAtLimit;
        return refuse(state, std::move(socket), "the server is at its connection limit");
    }
    std::size_t& pending = state->unauthenticated[address];
    if (pending >= limits.maxUnauthenticatedPerAddress) {
        ++state->load.refusedUnauthenticated;
        return refuse(state, std::move(socket), "too many connections without a login");
    }
    ++pending;
    if (state->tls)
        startTlsConnection(state, std::move(socket), address);
    else
        startPlainConnection(state, std::move(socket), address);
}

void doAccept(const std::shared_ptr<HttpServer::State>& state) {
    const std::uint64_t generation = state->generation;
    state->acceptor.async_accept([state, generation](beast::error_code ec, tcp::socket socket) {
        if (state->stopped || state->generation != generation)
            return;
        if (!ec) {
            admit(state, std::move(socket));
            return doAccept(state);
        }
        if (ec == asio::error::operation_aborted)
            return;
        // Out of descriptors (EMFILE/ENFILE) or another failure: accepting again at once would
        // fail again and spin the I/O thread. Wait, then try again; connections that close
        // meanwhile free descriptors.
        ++state->load.acceptBackoffs;
        if (state->load.acceptBackoffs % 50 == 1)
            logging::get("http")->warn("accept failed ({}); waiting 100 ms", ec.message());
        state->acceptBackoff.expires_after(std::chrono::milliseconds(100));
        state->acceptBackoff.async_wait([state, generation](beast::error_code waitError) {
            if (!waitError && !state->stopped && state->generation == generation)
                doAccept(state);
        });
    });
}

std::shared_ptr<asio::ssl::context> tlsContext(const TlsFiles& files) {
    auto ctx = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_server);
    ctx->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                     asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                     asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
    beast::error_code ec;
    ctx->use_certificate_chain_file(files.certificateChain, ec);
    if (ec)
        throw std::runtime_error("cannot use TLS certificate " + files.certificateChain + ": " +
                                 ec.message());
    ctx->use_private_key_file(files.privateKey, asio::ssl::context::pem, ec);
    if (ec)
        throw std::runtime_error("cannot use TLS key " + files.privateKey + ": " + ec.message());
    if (SSL_CTX_check_private_key(ctx->native_handle()) != 1)
        throw std::runtime_error("the TLS key " + files.privateKey +
                                 " does not belong to the certificate " + files.certificateChain);
    return ctx;
}

}  // namespace

HttpServer::HttpServer(asio::io_context& io, ServerOptions options, Handler handler)
    : state_(std::make_shared<State>(io, std::move(options), std::move(handler))) {
    if (state_->options.tls)
        state_->tls = tlsContext(*state_->options.tls);
}

std::size_t HttpServer::connectionCount() const {
    return state_->connections.size();
}

std::size_t HttpServer::effectiveMaxConnections() const {
    return std::min(state_->options.limits.maxConnections, state_->descriptorCap);
}

const ServerLoad& HttpServer::load() const {
    return state_->load;
}

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
    state_->descriptorCap = descriptorBound();
    state_->stopped = false;
    ++state_->generation;
    doAccept(state_);
    return state_->boundPort;
}

void HttpServer::stop() {
    state_->stopped = true;
    beast::error_code ec;
    state_->acceptor.close(ec);
    state_->acceptBackoff.cancel();
    auto connections = state_->connections;
    for (auto& [raw, weak] : connections) {
        if (auto connection = weak.lock())
            connection->shutdown();
    }
}

}  // namespace agentdesk::server::http
