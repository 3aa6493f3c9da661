// The client core (crm/) against a real agentdesk-server over real HTTP: transport errors and
// threads, TLS, a dead stream noticed, a whole call through ClientSession, knowledge search,
// the 360 view with its offline cache and the live queue figures. Results come back through
// the Qt event loop, which the test thread runs while it waits (tests/support/qt_wait.h).
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <curl/curl.h>
#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include "crm/api/api_client.h"
#include "crm/events/event_stream.h"
#include "crm/net/http_transport.h"
#include "crm/session/client_session.h"
#include "crm/session/customer360_model.h"
#include "crm/session/knowledge_search.h"
#include "crm/store/local_store.h"
#include "tests/support/qt_wait.h"
#include "tests/support/spawned_process.h"
#include "tests/support/test_server.h"

using namespace agentdesk;
using namespace agentdesk::crm;
using namespace std::chrono_literals;
using agentdesk::test::eventually;
using agentdesk::test::processEventsFor;
using agentdesk::test::SpawnedProcess;
using agentdesk::test::TestServer;
using agentdesk::test::waitUntil;

namespace {

// A loopback port nobody listens on (bound once by us, then released).
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        if (fd >= 0)
            ::close(fd);
        return 0;
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

bool canConnect(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// A loopback TCP listener that answers each request with fixed bytes (possibly none) and then
// says nothing more, keeping the connection open: a server that hangs, or a stream gone quiet.
class RawTcpServer {
public:
    explicit RawTcpServer(std::string reply = {}, bool closeAfterReply = false)
        : reply_(std::move(reply)), closeAfterReply_(closeAfterReply) {
        listenFd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(listenFd_ >= 0);
        const int one = 1;
        ::setsockopt(listenFd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        REQUIRE(::bind(listenFd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        REQUIRE(::listen(listenFd_, 16) == 0);
        REQUIRE(::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
        port_ = ntohs(addr.sin_port);
        thread_ = std::thread([this] { run(); });
    }
    ~RawTcpServer() {
        stop_ = true;
        thread_.join();
        ::close(listenFd_);
    }
    RawTcpServer(const RawTcpServer&) = delete;
    RawTcpServer& operator=(const RawTcpServer&) = delete;

    int port() const { return port_; }
    QString url(const char* path = "/") const {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(port_).arg(QLatin1String(path));
    }
    int connections() const { return accepted_; }

private:
    struct Client {
        int fd;
        std::string request;
        bool answered = false;
    };

    void run() {
        std::vector<Client> clients;
        while (!stop_) {
            std::vector<pollfd> fds{{listenFd_, POLLIN, 0}};
            for (const Client& c : clients)
                fds.push_back({c.fd, POLLIN, 0});
            if (::poll(fds.data(), fds.size(), 50) <= 0)
                continue;
            if (fds[0].revents & POLLIN) {
                const int fd = ::accept(listenFd_, nullptr, nullptr);
                if (fd >= 0) {
                    clients.push_back({fd, {}, false});
                    ++accepted_;
                }
            }
            for (std::size_t i = 1; i < fds.size(); ++i) {
                if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                    continue;
                Client& c = clients[i - 1];
                char buffer[4096];
                const ssize_t n = ::read(c.fd, buffer, sizeof buffer);
                if (n <= 0) {
                    ::close(c.fd);
                    c.fd = -1;
                    continue;
                }
                c.request.append(buffer, static_cast<std::size_t>(n));
                if (c.answered || c.request.find("\r\n\r\n") == std::string::npos)
                    continue;
                c.answered = true;
                if (!reply_.empty())
                    (void)!::write(c.fd, reply_.data(), reply_.size());
                if (closeAfterReply_) {
                    ::close(c.fd);
                    c.fd = -1;
                }
            }
            std::erase_if(clients, [](const Client& c) { return c.fd < 0; });
        }
        for (const Client& c : clients)
            ::close(c.fd);
    }

    std::string reply_;
    bool closeAfterReply_;
    int listenFd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> accepted_{0};
    std::thread thread_;
};

// What one HttpTransport::send delivered. Shared, so a late handler never writes to a dead frame.
struct Outcome {
    std::atomic<bool> done{false};
    std::atomic<int> calls{0};
    HttpResponse response;
    ApiError error;
    std::atomic<QThread*> thread{nullptr};
    std::atomic<pid_t> tid{0};
};

pid_t currentTid() {
    return static_cast<pid_t>(::syscall(SYS_gettid));
}

std::set<pid_t> threadIds() {
    std::set<pid_t> ids;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/task"))
        ids.insert(static_cast<pid_t>(std::stol(entry.path().filename().string())));
    return ids;
}

HttpTransport::RequestId sendRecorded(HttpTransport& transport, HttpRequest request,
                                      QObject* context, const std::shared_ptr<Outcome>& out) {
    return transport.send(std::move(request), context,
                          [out](const HttpResponse& response, const ApiError& error) {
                              out->response = response;
                              out->error = error;
                              out->thread = QThread::currentThread();
                              out->tid = currentTid();
                              ++out->calls;
                              out->done = true;
                          });
}

HttpRequest get(const QString& url, std::chrono::milliseconds timeout = 15s) {
    HttpRequest request;
    request.url = url;
    request.timeout = timeout;
    return request;
}

QString apiBase(const TestServer& server) {
    return QString::fromStdString(server.url()) + QStringLiteral("/api/v1");
}

void loginApi(ApiClient& api, const QString& username) {
    bool done = false;
    ApiError error;
    api.login(&api, username, QStringLiteral("demo"), [&](const LoginResult&, const ApiError& e) {
        error = e;
        done = true;
    });
    REQUIRE(waitUntil([&] { return done; }));
    INFO(error.describe().toStdString());
    REQUIRE(error.ok());
}

// Logs a ClientSession in and waits until its stream is open and the snapshot applied.
void loginSession(ClientSession& session, const QString& username, int& snapshots) {
    QObject::connect(&session.events(), &EventStream::snapshotReceived, &session,
                     [&snapshots](const Snapshot&) { ++snapshots; });
    bool done = false;
    ApiError error;
    session.login(username, QStringLiteral("demo"), [&](const ApiError& e) {
        error = e;
        done = true;
    });
    REQUIRE(waitUntil([&] { return done; }));
    INFO(error.describe().toStdString());
    REQUIRE(error.ok());
    REQUIRE(session.loggedIn());
    REQUIRE(waitUntil(
        [&] { return session.events().status() == ConnectionStatus::Connected && snapshots > 0; }));
}

}  // namespace

// --- 1. Transport --------------------------------------------------------------------------

TEST_CASE("Transport: a refused connection is a retryable transport error, curl code 7",
          "[crm][transport]") {
    const int port = freePort();
    REQUIRE(port > 0);
    HttpTransport transport;
    QObject context;
    auto out = std::make_shared<Outcome>();
    sendRecorded(transport, get(QStringLiteral("http://127.0.0.1:%1/api/v1/health").arg(port)),
                 &context, out);
    REQUIRE(waitUntil([&] { return out->done.load(); }));
    const ApiError& e = out->error;
    CHECK(e.kind == ApiError::Kind::Transport);
    CHECK(e.curlCode == CURLE_COULDNT_CONNECT);
    CHECK(e.curlCode == 7);
    CHECK(e.httpStatus == 0);
    CHECK(e.retryable());
    CHECK_FALSE(e.isTls());
    CHECK_FALSE(e.isUnauthorized());
    CHECK_FALSE(e.message.isEmpty());
    CHECK(out->response.status == 0);
}

TEST_CASE("Transport: the server's 404 and 401 are Http errors with its code and message",
          "[crm][transport]") {
    TestServer server;
    HttpTransport transport;
    QObject context;

    auto notFound = std::make_shared<Outcome>();
    sendRecorded(transport, get(apiBase(server) + QStringLiteral("/no-such-endpoint")), &context,
                 notFound);
    auto noToken = std::make_shared<Outcome>();
    sendRecorded(transport, get(apiBase(server) + QStringLiteral("/agents/me")), &context, noToken);
    auto health = std::make_shared<Outcome>();
    sendRecorded(transport, get(apiBase(server) + QStringLiteral("/health")), &context, health);
    REQUIRE(waitUntil([&] { return notFound->done && noToken->done && health->done; }));

    CHECK(notFound->error.kind == ApiError::Kind::Http);
    CHECK(notFound->error.httpStatus == 404);
    CHECK(notFound->error.curlCode == 0);
    CHECK(notFound->error.code == QStringLiteral("not_found"));
    CHECK_FALSE(notFound->error.message.isEmpty());
    CHECK(notFound->error.body.value(QStringLiteral("error")).isObject());
    CHECK_FALSE(notFound->error.retryable());
    CHECK(notFound->response.status == 404);

    CHECK(noToken->error.kind == ApiError::Kind::Http);
    CHECK(noToken->error.httpStatus == 401);
    CHECK(noToken->error.code == QStringLiteral("unauthorized"));
    CHECK(noToken->error.isUnauthorized());
    CHECK_FALSE(noToken->error.retryable());

    // Only 2xx is success, and it carries the body.
    CHECK(health->error.ok());
    CHECK(health->response.status == 200);
    CHECK(health->response.contentType.startsWith("application/json"));
    CHECK(QJsonDocument::fromJson(health->response.body)
              .object()
              .value(QStringLiteral("status"))
              .toString() == QStringLiteral("ok"));

    // ApiClient reports a request made with a token that got 401 as the end of the session.
    ApiClient api(transport, apiBase(server));
    api.setToken(
        QStringLiteral("0000000000000000000000000000000000000000000000000000000000000000"));
    int unauthorized = 0;
    QObject::connect(&api, &ApiClient::unauthorized, [&] { ++unauthorized; });
    bool done = false;
    ApiError meError;
    api.me(&api, [&](const Agent&, const ApiError& e) {
        meError = e;
        done = true;
    });
    REQUIRE(waitUntil([&] { return done; }));
    CHECK(meError.isUnauthorized());
    CHECK(unauthorized == 1);
}

TEST_CASE("Transport: a 2xx answer that is not JSON is a Protocol error", "[crm][transport]") {
    const std::string html = "<html><body>captive portal</body></html>";
    RawTcpServer portal("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " +
                            std::to_string(html.size()) + "\r\nConnection: close\r\n\r\n" + html,
                        true);
    HttpTransport transport;
    ApiClient api(transport, portal.url("/api/v1"));
    bool done = false;
    ApiError error;
    api.health(&api, [&](const QJsonDocument& doc, const ApiError& e) {
        CHECK(doc.isNull());
        error = e;
        done = true;
    });
    REQUIRE(waitUntil([&] { return done; }));
    CHECK(error.kind == ApiError::Kind::Protocol);
    CHECK(error.httpStatus == 200);
    CHECK(error.curlCode == 0);
    CHECK(error.code == QStringLiteral("protocol"));
    CHECK_FALSE(error.retryable());

    // A typed call on top reports the same kind.
    bool capsDone = false;
    ApiError capsError;
    api.capabilities(&api, [&](const Capabilities&, const ApiError& e) {
        capsError = e;
        capsDone = true;
    });
    REQUIRE(waitUntil([&] { return capsDone; }));
    CHECK(capsError.kind == ApiError::Kind::Protocol);
}

TEST_CASE("Transport: a server that never answers times out with curl code 28",
          "[crm][transport]") {
    RawTcpServer silent;  // accepts, reads the request, never answers
    HttpTransport transport;
    QObject context;
    auto out = std::make_shared<Outcome>();
    const auto started = std::chrono::steady_clock::now();
    sendRecorded(transport, get(silent.url("/api/v1/health"), 300ms), &context, out);
    REQUIRE(waitUntil([&] { return out->done.load(); }));
    const auto took = std::chrono::steady_clock::now() - started;
    CHECK(silent.connections() == 1);
    CHECK(out->error.kind == ApiError::Kind::Transport);
    CHECK(out->error.curlCode == CURLE_OPERATION_TIMEDOUT);
    CHECK(out->error.curlCode == 28);
    CHECK(out->error.retryable());
    CHECK_FALSE(out->error.isTls());
    CHECK(took >= 250ms);
    CHECK(took < 5s);
}

TEST_CASE("Transport: a cancelled request never runs its handler", "[crm][transport]") {
    TestServer server;
    RawTcpServer silent;
    HttpTransport transport;
    QObject context;

    SECTION("cancelled while in flight") {
        auto out = std::make_shared<Outcome>();
        const auto id =
            sendRecorded(transport, get(silent.url("/api/v1/health"), 1000ms), &context, out);
        REQUIRE(waitUntil([&] { return silent.connections() == 1; }));
        REQUIRE(transport.activeTransfers() == 1);
        transport.cancel(id);
        // Past the request's own timeout: no late "timed out" either.
        processEventsFor(1500ms);
        CHECK(out->calls == 0);
        CHECK(transport.activeTransfers() == 0);
    }

    SECTION("cancelled after the answer was already queued to the context") {
        auto out = std::make_shared<Outcome>();
        const quint64 finishedBefore = transport.finishedTransfers();
        const auto id = sendRecorded(transport, get(apiBase(server) + QStringLiteral("/health")),
                                     &context, out);
        // The event loop does not run: the answer arrives and waits in the queue.
        REQUIRE(eventually([&] { return transport.finishedTransfers() > finishedBefore; }, 5s));
        transport.cancel(id);
        processEventsFor(500ms);
        CHECK(out->calls == 0);
    }

    SECTION("cancelAll cancels every request of one context only") {
        QObject other;
        auto mine = std::make_shared<Outcome>();
        auto theirs = std::make_shared<Outcome>();
        sendRecorded(transport, get(silent.url("/a"), 1000ms), &context, mine);
        sendRecorded(transport, get(apiBase(server) + QStringLiteral("/health")), &other, theirs);
        transport.cancelAll(&context);
        REQUIRE(waitUntil([&] { return theirs->done.load(); }));
        processEventsFor(1500ms);
        CHECK(mine->calls == 0);
        CHECK(theirs->calls == 1);
        CHECK(theirs->error.ok());
    }
}

TEST_CASE("Transport: results arrive on the context's thread, never on the network thread",
          "[crm][transport]") {
    TestServer server;
    const std::set<pid_t> before = threadIds();
    HttpTransport transport;
    const std::set<pid_t> after = threadIds();
    std::vector<pid_t> started;
    for (pid_t id : after) {
        if (!before.count(id))
            started.push_back(id);
    }
    const pid_t testTid = currentTid();
    QThread* const testThread = QThread::currentThread();

    QObject context;
    auto out = std::make_shared<Outcome>();
    sendRecorded(transport, get(apiBase(server) + QStringLiteral("/health")), &context, out);
    REQUIRE(waitUntil([&] { return out->done.load(); }));
    CHECK(out->error.ok());
    CHECK(out->thread == testThread);
    CHECK(out->tid == testTid);
    if (started.size() == 1) {
        const pid_t networkTid = started.front();
        CHECK(networkTid != testTid);
        CHECK(out->tid != networkTid);
    } else {
        WARN("could not single out the network thread (" << started.size() << " threads started)");
    }

    // A context on another thread gets its result there, not on the test thread. That thread is
    // a std::thread running its own event loop, like crm's threads, and its context lives and
    // dies on it: with a QThread and moveToThread the hand-overs go through Qt's own locks, which
    // ThreadSanitizer does not see (Qt is not instrumented), and it reports them as races.
    std::atomic<QObject*> remote{nullptr};
    std::atomic<QThread*> workerThread{nullptr};
    std::jthread worker([&](const std::stop_token& stop) {
        QEventLoop loop;  // the thread's event dispatcher exists before anything is posted to it
        QObject context;
        workerThread = QThread::currentThread();
        remote = &context;
        while (!stop.stop_requested())  // sleeps until something is posted to this thread
            loop.processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        remote = nullptr;
    });
    REQUIRE(waitUntil([&] { return remote.load() != nullptr; }));
    auto remoteOut = std::make_shared<Outcome>();
    sendRecorded(transport, get(apiBase(server) + QStringLiteral("/health")), remote.load(),
                 remoteOut);
    REQUIRE(waitUntil([&] { return remoteOut->done.load(); }));
    worker.request_stop();
    QMetaObject::invokeMethod(
        remote.load(), [] {}, Qt::QueuedConnection);  // wakes the loop
    worker.join();
    CHECK(remoteOut->error.ok());
    CHECK(remoteOut->thread == workerThread.load());
    CHECK(remoteOut->thread != testThread);
    CHECK(remoteOut->tid != testTid);
    if (started.size() == 1)
        CHECK(remoteOut->tid != started.front());
}

TEST_CASE("Transport: destroying the context before the answer drops the result",
          "[crm][transport]") {
    TestServer server;
    RawTcpServer silent;
    HttpTransport transport;

    // Still in flight: the transfer is aborted with its context.
    auto inFlight = std::make_shared<Outcome>();
    auto* context = new QObject;
    sendRecorded(transport, get(silent.url("/x"), 1000ms), context, inFlight);
    REQUIRE(waitUntil([&] { return silent.connections() == 1; }));
    delete context;
    REQUIRE(waitUntil([&] { return transport.activeTransfers() == 0; }, 2s));
    processEventsFor(1500ms);
    CHECK(inFlight->calls == 0);

    // Already answered and queued to the context when it goes.
    auto queued = std::make_shared<Outcome>();
    auto* context2 = new QObject;
    const quint64 finishedBefore = transport.finishedTransfers();
    sendRecorded(transport, get(apiBase(server) + QStringLiteral("/health")), context2, queued);
    REQUIRE(eventually([&] { return transport.finishedTransfers() > finishedBefore; }, 5s));
    delete context2;
    processEventsFor(500ms);
    CHECK(queued->calls == 0);

    // The transport is still fine afterwards.
    QObject context3;
    auto later = std::make_shared<Outcome>();
    sendRecorded(transport, get(apiBase(server) + QStringLiteral("/health")), &context3, later);
    REQUIRE(waitUntil([&] { return later->done.load(); }));
    CHECK(later->error.ok());
}

// --- 2. TLS --------------------------------------------------------------------------------

TEST_CASE("TLS: a self-signed server is refused by default", "[crm][tls]") {
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        WARN("openssl is not on PATH: TLS test skipped");
        return;
    }
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    // Not QProcess: it breaks ThreadSanitizer's view of this process (spawned_process.h).
    {
        SpawnedProcess req(
            {openssl.toStdString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
             "-keyout", key.toStdString(), "-out", cert.toStdString()},
            dir.filePath(QStringLiteral("req.log")).toStdString());
        REQUIRE(req.started());
        const int exitCode = req.wait(60s);
        INFO(req.output());
        REQUIRE(exitCode == 0);
    }

    const int port = freePort();
    REQUIRE(port > 0);
    SpawnedProcess tls(
        {openssl.toStdString(), "s_server", "-accept", "127.0.0.1:" + std::to_string(port), "-cert",
         cert.toStdString(), "-key", key.toStdString(), "-www", "-quiet"},
        dir.filePath(QStringLiteral("s_server.log")).toStdString());
    REQUIRE(tls.started());
    eventually([&] { return canConnect(port) || !tls.running(); }, 10s);
    INFO(tls.output());
    REQUIRE(canConnect(port));
    const QString url = QStringLiteral("https://127.0.0.1:%1/").arg(port);

    {
        HttpTransport transport;  // system trust store, verification on
        QObject context;
        auto out = std::make_shared<Outcome>();
        sendRecorded(transport, get(url), &context, out);
        REQUIRE(waitUntil([&] { return out->done.load(); }));
        INFO(out->error.describe().toStdString());
        CHECK(out->error.kind == ApiError::Kind::Transport);
        CHECK(out->error.curlCode == CURLE_PEER_FAILED_VERIFICATION);
        CHECK(out->error.curlCode == 60);
        CHECK(out->error.isTls());
        CHECK_FALSE(out->error.retryable());  // needs a settings change, not a retry
    }
    {
        TlsSettings trustOwnCa;
        trustOwnCa.caFile = cert;
        HttpTransport transport(trustOwnCa);
        QObject context;
        auto out = std::make_shared<Outcome>();
        sendRecorded(transport, get(url), &context, out);
        REQUIRE(waitUntil([&] { return out->done.load(); }));
        INFO(out->error.describe().toStdString());
        CHECK(out->error.ok());
        CHECK(out->response.status == 200);
    }
}

// --- 3. Dead connection --------------------------------------------------------------------

TEST_CASE("EventStream: a stream that goes silent is noticed and reopened", "[crm][stream]") {
    RawTcpServer quiet("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n");
    HttpTransport transport;
    ApiClient api(transport, quiet.url("/api/v1"));
    EventStream::Options options;
    options.lowSpeedTime = 2s;
    EventStream stream(api, options);
    std::vector<ConnectionStatus> seen;
    QObject::connect(&stream, &EventStream::statusChanged,
                     [&](ConnectionStatus status) { seen.push_back(status); });

    stream.start();
    REQUIRE(waitUntil([&] { return stream.status() == ConnectionStatus::Connected; }));
    const auto connectedAt = std::chrono::steady_clock::now();
    REQUIRE(waitUntil([&] { return stream.status() == ConnectionStatus::Reconnecting; }, 8s));
    const auto took = std::chrono::steady_clock::now() - connectedAt;
    CHECK(took >= 1500ms);
    CHECK(took <= 5s);
    REQUIRE(seen.size() >= 3);
    CHECK(seen[0] == ConnectionStatus::Connecting);
    CHECK(seen[1] == ConnectionStatus::Connected);
    CHECK(seen[2] == ConnectionStatus::Reconnecting);
    // It comes back by itself (the listener answers the next attempt too).
    REQUIRE(waitUntil([&] { return quiet.connections() >= 2; }));
    REQUIRE(waitUntil([&] { return stream.status() == ConnectionStatus::Connected; }));
    CHECK(stream.stats().connects >= 2);
    CHECK(stream.stats().events == 0);
    stream.stop();
    CHECK(stream.status() == ConnectionStatus::Disconnected);
}

TEST_CASE("EventStream: destroying it cancels the snapshot it fetches after a resync",
          "[crm][stream]") {
    // Every request gets the same open-ended answer: the stream says `resync`, and the
    // GET /snapshot that follows gets a 200 whose body never ends, so it stays in flight.
    RawTcpServer server(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n"
        "id: 5\nevent: resync\ndata: {\"lastEventId\":5,\"reason\":\"replay_window_passed\"}\n\n");
    HttpTransport transport;
    ApiClient api(transport, server.url("/api/v1"));
    api.setTimeout(8s);
    auto stream = std::make_unique<EventStream>(api);
    stream->start();
    REQUIRE(waitUntil([&] { return stream->stats().resyncs == 1 && server.connections() >= 2; }));
    REQUIRE(waitUntil([&] { return transport.activeTransfers() == 2; }));  // stream + snapshot

    // The snapshot's handler belongs to the stream: it must not outlive it.
    stream.reset();
    CHECK(waitUntil([&] { return transport.activeTransfers() == 0; }, 2s));
}

TEST_CASE("EventStream: the default low-speed limit and the reconnect backoff", "[crm][stream]") {
    const EventStream::Options defaults;
    // Longer than the server's heartbeat interval (10 s), short enough to notice within 30 s.
    CHECK(defaults.lowSpeedTime > 10s);
    CHECK(defaults.lowSpeedTime < 30s);
    CHECK(StreamOptions().lowSpeedTime > 10s);
    CHECK(StreamOptions().lowSpeedTime < 30s);

    CHECK(EventStream::backoffFor(0, defaults) == 0ms);
    CHECK(EventStream::backoffFor(1, defaults) == 100ms);
    CHECK(EventStream::backoffFor(2, defaults) == 200ms);
    CHECK(EventStream::backoffFor(3, defaults) == 400ms);
    CHECK(EventStream::backoffFor(4, defaults) == 800ms);
    CHECK(EventStream::backoffFor(7, defaults) == 6400ms);
    CHECK(EventStream::backoffFor(8, defaults) == 10000ms);
    CHECK(EventStream::backoffFor(50, defaults) == 10000ms);
    CHECK(EventStream::backoffFor(1000000, defaults) == 10000ms);
}

// --- 4. ClientSession ----------------------------------------------------------------------

TEST_CASE("ClientSession: a whole inbound call from login to wrap-up", "[crm][session]") {
    TestServer server;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    LocalStore store(dir.filePath(QStringLiteral("client.db")));
    HttpTransport transport;
    ClientSession session(transport, apiBase(server), &store);

    QStringList confirmed;
    QStringList failed;
    QObject::connect(&session.commands(), &CommandTracker::confirmed,
                     [&](const QString& id, const QString&) { confirmed.append(id); });
    QObject::connect(&session.commands(), &CommandTracker::failed,
                     [&](const QString& id, const QString& what, const ApiError& e) {
                         failed.append(id);
                         UNSCOPED_INFO(what.toStdString() << ": " << e.describe().toStdString());
                     });
    std::vector<CallPhase> phases;
    QObject::connect(&session.call(), &CallSession::phaseChanged,
                     [&](CallPhase phase) { phases.push_back(phase); });

    // Login: capabilities and wrap-up codes first, then the stream and its snapshot.
    int snapshots = 0;
    loginSession(session, QStringLiteral("counselor1"), snapshots);
    CHECK_FALSE(session.capabilities().acwMode.isEmpty());
    CHECK(session.capabilities().ringTimeoutSec > 0);
    REQUIRE_FALSE(session.wrapupCodes().isEmpty());
    CHECK(session.agent().agent().id == QStringLiteral("A1001"));
    CHECK(session.agent().state() == AgentState::NotReady);
    CHECK(session.call().phase() == CallPhase::Idle);
    CHECK(session.owner().startsWith(QStringLiteral("counselor1@127.0.0.1:")));
    REQUIRE(session.outbox());

    // Ready: the agent.state event carries our request id.
    const QString readyId = session.agent().goReady();
    REQUIRE_FALSE(readyId.isEmpty());
    REQUIRE(waitUntil([&] { return confirmed.contains(readyId); }));
    CHECK(session.agent().state() == AgentState::Ready);

    // The offer.
    const std::string callId = server.injectCall({{"customerId", "C00001"},
                                                  {"queue", "general"},
                                                  {"intent", "billing_inquiry"},
                                                  {"verified", true}});
    REQUIRE(waitUntil([&] { return session.call().phase() == CallPhase::Ringing; }));
    CHECK(session.call().callId() == QString::fromStdString(callId));
    REQUIRE(session.call().call().customerMatches.size() == 1);
    CHECK(session.call().call().customerMatches[0].id == QStringLiteral("C00001"));
    CHECK(session.call().call().customerMatches[0].name == QStringLiteral("김민준"));
    REQUIRE(waitUntil([&] { return session.agent().state() == AgentState::Ringing; }));

    server.advanceSec(3);
    const QString answerId = session.call().answer();
    REQUIRE_FALSE(answerId.isEmpty());
    REQUIRE(waitUntil([&] { return session.call().phase() == CallPhase::Connected; }));
    REQUIRE(waitUntil([&] { return confirmed.contains(answerId); }));
    CHECK(session.agent().state() == AgentState::OnCall);

    const QString holdId = session.call().hold();
    REQUIRE_FALSE(holdId.isEmpty());
    REQUIRE(waitUntil([&] { return session.call().phase() == CallPhase::Held; }));
    server.advanceSec(5);
    const QString resumeId = session.call().resume();
    REQUIRE_FALSE(resumeId.isEmpty());
    REQUIRE(waitUntil([&] { return session.call().phase() == CallPhase::Connected; }));
    CHECK(session.call().call().heldSec == 5);

    const QString muteId = session.call().setMuted(true);
    REQUIRE_FALSE(muteId.isEmpty());
    REQUIRE(waitUntil([&] { return session.call().call().muted; }));
    CHECK(session.call().phase() == CallPhase::Connected);

    server.advanceSec(30);
    const QString hangupId = session.call().hangup();
    REQUIRE_FALSE(hangupId.isEmpty());
    REQUIRE(waitUntil([&] { return session.call().phase() == CallPhase::AfterCallWork; }));
    CHECK(session.call().endReason() == QStringLiteral("completed"));
    CHECK(session.agent().state() == AgentState::AfterCallWork);
    REQUIRE(phases.size() >= 2);
    CHECK(phases[phases.size() - 2] == CallPhase::Ended);
    CHECK(phases.back() == CallPhase::AfterCallWork);

    // The note goes through the outbox (stored first, then sent).
    QString wrapupCode = session.wrapupCodes().front().code;
    for (const WrapupCode& code : session.wrapupCodes()) {
        if (code.code == QStringLiteral("BILLING_INQUIRY"))
            wrapupCode = code.code;
    }
    QString deliveredKey;
    Note deliveredNote;
    QObject::connect(session.outbox(), &Outbox::delivered,
                     [&](const QString& key, const Note& note) {
                         deliveredKey = key;
                         deliveredNote = note;
                     });
    int rejected = 0;
    QObject::connect(session.outbox(), &Outbox::rejected,
                     [&](const QString&, const ApiError&) { ++rejected; });
    NoteSubmission submission;
    submission.callId = QString::fromStdString(callId);
    submission.customerId = QStringLiteral("C00001");
    submission.wrapupCode = wrapupCode;
    submission.text = QStringLiteral("11월 청구 요금 문의. 부가서비스 요금 안내함.");
    const QString key = session.outbox()->submitNote(submission);
    REQUIRE_FALSE(key.isEmpty());
    REQUIRE(waitUntil([&] { return !deliveredKey.isEmpty() || rejected > 0; }));
    REQUIRE(rejected == 0);
    CHECK(deliveredKey == key);
    REQUIRE_FALSE(deliveredNote.id.isEmpty());
    CHECK(deliveredNote.callId == QString::fromStdString(callId));
    CHECK(deliveredNote.idempotencyKey == key);
    CHECK(session.outbox()->pendingCount() == 0);

    server.advanceSec(10);
    const QString wrapupId = session.call().wrapup(wrapupCode, deliveredNote.id);
    REQUIRE_FALSE(wrapupId.isEmpty());
    REQUIRE(waitUntil([&] {
        return session.call().phase() == CallPhase::Idle &&
               session.agent().state() == AgentState::Ready;
    }));
    REQUIRE(waitUntil([&] { return confirmed.contains(wrapupId); }));

    for (const QString& id : {holdId, resumeId, muteId, hangupId})
        CHECK(confirmed.contains(id));
    CHECK(failed.isEmpty());
    CHECK(session.commands().pendingCount() == 0);
    CHECK(session.agent().unexpectedTransitions() == 0);
    CHECK(session.call().unexpectedEvents() == 0);
    CHECK(session.events().stats().duplicates == 0);
    CHECK(session.events().stats().protocolErrors == 0);
    CHECK(session.events().stats().connects == 1);
    CHECK(snapshots == 1);
}

TEST_CASE("ClientSession: a command the server refuses fails in the CommandTracker",
          "[crm][session]") {
    TestServer server;
    HttpTransport transport;
    ClientSession session(transport, apiBase(server), nullptr);
    int snapshots = 0;
    loginSession(session, QStringLiteral("counselor1"), snapshots);
    const QString readyId = session.agent().goReady();
    REQUIRE(waitUntil([&] { return session.agent().state() == AgentState::Ready; }));
    server.injectCall({{"customerId", "C00001"}, {"queue", "general"}});
    REQUIRE(waitUntil([&] { return session.call().phase() == CallPhase::Ringing; }));

    // The local check refuses at once, without a request.
    QString refusedWhat;
    QObject::connect(&session.call(), &CallSession::commandRefused,
                     [&](const QString& what, const QString&) { refusedWhat = what; });
    CHECK(session.call().hold().isEmpty());
    CHECK(refusedWhat == QStringLiteral("hold"));

    // Past the local check, the server says no: 409 invalid_state.
    QString failedId;
    QString failedWhat;
    ApiError failedError;
    int confirmedCount = 0;
    QObject::connect(&session.commands(), &CommandTracker::failed,
                     [&](const QString& id, const QString& what, const ApiError& e) {
                         failedId = id;
                         failedWhat = what;
                         failedError = e;
                     });
    QObject::connect(&session.commands(), &CommandTracker::confirmed,
                     [&](const QString&, const QString&) { ++confirmedCount; });
    const QString callId = session.call().callId();
    const QString holdId =
        session.commands().issue(QStringLiteral("hold"), [&](ApiClient::DoneHandler done) {
            return session.api().callAction(&session.api(), callId, QStringLiteral("hold"),
                                            std::move(done));
        });
    REQUIRE_FALSE(holdId.isEmpty());
    CHECK(session.commands().isPending(holdId));
    REQUIRE(waitUntil([&] { return !failedId.isEmpty(); }));
    CHECK(failedId == holdId);
    CHECK(failedWhat == QStringLiteral("hold"));
    CHECK(failedError.kind == ApiError::Kind::Http);
    CHECK(failedError.httpStatus == 409);
    CHECK(failedError.code == QStringLiteral("invalid_state"));
    CHECK_FALSE(failedError.message.isEmpty());
    CHECK_FALSE(session.commands().isPending(holdId));
    processEventsFor(300ms);
    CHECK(confirmedCount == 0);
    CHECK(session.call().phase() == CallPhase::Ringing);
    CHECK(session.call().unexpectedEvents() == 0);
    CHECK_FALSE(session.commands().isPending(readyId));
}

// --- 5. KnowledgeSearch --------------------------------------------------------------------

TEST_CASE("KnowledgeSearch: typing supersedes, only the last query's results are shown",
          "[crm][kb]") {
    TestServer server;
    HttpTransport transport;
    ApiClient api(transport, apiBase(server));
    loginApi(api, QStringLiteral("counselor1"));
    KnowledgeSearch search(api, nullptr, nullptr, 150ms);
    QStringList queries;
    QList<QList<KbHit>> results;
    int failures = 0;
    QObject::connect(&search, &KnowledgeSearch::resultsReady,
                     [&](const QString& query, const QList<KbHit>& hits) {
                         queries.append(query);
                         results.append(hits);
                     });
    QObject::connect(&search, &KnowledgeSearch::searchFailed,
                     [&](const QString&, const ApiError&) { ++failures; });

    search.setQuery(QStringLiteral("환"));
    search.setQuery(QStringLiteral("환불"));
    search.setQuery(QStringLiteral("환불 방법"));
    REQUIRE(waitUntil([&] { return !queries.isEmpty(); }));
    processEventsFor(600ms);  // nothing else comes
    INFO("results for: " << queries.join(QStringLiteral(" | ")).toStdString());
    REQUIRE(queries == QStringList{QStringLiteral("환불 방법")});
    CHECK_FALSE(results.front().isEmpty());
    CHECK(search.results().size() == results.front().size());
    CHECK(search.cancelledSearches() == 0);  // the pause never let the first two start
    CHECK_FALSE(search.busy());

    // Enter twice in a row: the first request is cancelled, its answer never shows.
    queries.clear();
    results.clear();
    search.setQuery(QStringLiteral("환불"));
    search.searchNow();
    CHECK(search.busy());
    search.setQuery(QStringLiteral("OTP 재발급"));
    search.searchNow();
    REQUIRE(waitUntil([&] { return !queries.isEmpty(); }));
    processEventsFor(600ms);
    CHECK(search.cancelledSearches() >= 1);
    INFO("results for: " << queries.join(QStringLiteral(" | ")).toStdString());
    REQUIRE(queries == QStringList{QStringLiteral("OTP 재발급")});
    REQUIRE_FALSE(results.front().isEmpty());
    CHECK(results.front().front().title.contains(QStringLiteral("OTP"), Qt::CaseInsensitive));

    // The first answer has already arrived and waits in the event queue (the GUI thread was
    // busy) when the counselor presses Enter on a new query: it still never shows.
    queries.clear();
    results.clear();
    const int cancelledBefore = search.cancelledSearches();
    const quint64 finishedBefore = transport.finishedTransfers();
    search.setQuery(QStringLiteral("환불"));
    search.searchNow();
    REQUIRE(eventually([&] { return transport.finishedTransfers() > finishedBefore; }, 10s));
    search.setQuery(QStringLiteral("카드 분실"));
    search.searchNow();
    REQUIRE(waitUntil([&] { return !queries.isEmpty(); }));
    processEventsFor(600ms);
    CHECK(search.cancelledSearches() == cancelledBefore + 1);
    INFO("results for: " << queries.join(QStringLiteral(" | ")).toStdString());
    REQUIRE(queries == QStringList{QStringLiteral("카드 분실")});
    CHECK_FALSE(results.front().isEmpty());
    CHECK(failures == 0);
}

// --- 6. Customer360Model -------------------------------------------------------------------

TEST_CASE("Customer360Model: the server first, the local cache when it is gone, never for a 404",
          "[crm][customer]") {
    TestServer server;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    LocalStore store(dir.filePath(QStringLiteral("client.db")));
    HttpTransport transport;
    ApiClient api(transport, apiBase(server));
    loginApi(api, QStringLiteral("counselor1"));
    Customer360Model model(api, &store);
    const QString owner = QStringLiteral("counselor1@test");
    model.setOwner(owner);

    struct Loaded {
        Customer360 customer;
        bool fromCache = false;
    };
    QList<Loaded> loaded;
    QList<QPair<QString, ApiError>> failed;
    QObject::connect(&model, &Customer360Model::loaded, [&](const Customer360& c, bool fromCache) {
        loaded.append({c, fromCache});
    });
    QObject::connect(&model, &Customer360Model::failed, [&](const QString& id, const ApiError& e) {
        failed.append({id, e});
    });

    model.load(QStringLiteral("C00001"));
    CHECK(model.status() == Customer360Model::Status::Loading);
    REQUIRE(waitUntil([&] { return !loaded.isEmpty() || !failed.isEmpty(); }));
    REQUIRE(failed.isEmpty());
    REQUIRE(loaded.size() == 1);
    CHECK_FALSE(loaded[0].fromCache);
    CHECK(loaded[0].customer.customer.name == QStringLiteral("김민준"));
    CHECK(model.status() == Customer360Model::Status::Ready);
    CHECK_FALSE(model.fromCache());

    // A 404 is the server's answer: even a cached copy under that id is not shown. (The kind
    // "customer360" is the one Customer360Model caches under.)
    store.putCache(owner, QStringLiteral("customer360"), QStringLiteral("C99999"),
                   R"({"customer":{"id":"C99999","name":"캐시에만 있는 고객"}})");
    model.load(QStringLiteral("C99999"));
    REQUIRE(waitUntil([&] { return !failed.isEmpty() || loaded.size() > 1; }));
    processEventsFor(300ms);
    CHECK(loaded.size() == 1);
    REQUIRE(failed.size() == 1);
    CHECK(failed[0].first == QStringLiteral("C99999"));
    CHECK(failed[0].second.kind == ApiError::Kind::Http);
    CHECK(failed[0].second.httpStatus == 404);
    CHECK(failed[0].second.code == QStringLiteral("not_found"));
    CHECK(model.status() == Customer360Model::Status::Failed);

    // The server cannot be reached: the copy cached by the first load is shown, marked so.
    server.stopListening();
    model.load(QStringLiteral("C00001"));
    REQUIRE(waitUntil([&] { return loaded.size() > 1 || failed.size() > 1; }));
    REQUIRE(failed.size() == 1);
    REQUIRE(loaded.size() == 2);
    CHECK(loaded[1].fromCache);
    CHECK(loaded[1].customer.customer.name == QStringLiteral("김민준"));
    CHECK(model.fromCache());
    CHECK(model.cachedAt().isValid());
    CHECK(model.lastError().kind == ApiError::Kind::Transport);
    CHECK(model.lastError().curlCode == CURLE_COULDNT_CONNECT);

    // Not cached and unreachable: failed.
    model.load(QStringLiteral("C00002"));
    REQUIRE(waitUntil([&] { return failed.size() > 1 || loaded.size() > 2; }));
    CHECK(loaded.size() == 2);
    REQUIRE(failed.size() == 2);
    CHECK(failed[1].first == QStringLiteral("C00002"));
    CHECK(failed[1].second.kind == ApiError::Kind::Transport);
}

// --- 7. QueueStatsModel --------------------------------------------------------------------

TEST_CASE("QueueStatsModel: rows from the snapshot, updates from queue.stats", "[crm][queues]") {
    TestServer server;
    HttpTransport transport;
    ClientSession session(transport, apiBase(server), nullptr);
    int snapshots = 0;
    loginSession(session, QStringLiteral("counselor1"), snapshots);

    QueueStatsModel& model = session.queues();
    REQUIRE(model.rowCount() > 0);
    const QueueStats* general = model.find(QStringLiteral("general"));
    REQUIRE(general);
    CHECK(general->waiting == 0);
    int generalRow = -1;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex index = model.index(r);
        CHECK_FALSE(model.data(index, QueueStatsModel::IdRole).toString().isEmpty());
        CHECK_FALSE(model.data(index, Qt::DisplayRole).toString().isEmpty());
        if (model.data(index, QueueStatsModel::IdRole).toString() == QStringLiteral("general"))
            generalRow = r;
    }
    REQUIRE(generalRow >= 0);

    QList<int> changedRows;
    QObject::connect(
        &model, &QAbstractItemModel::dataChanged,
        [&](const QModelIndex& topLeft, const QModelIndex&) { changedRows.append(topLeft.row()); });
    const int rowsBefore = model.rowCount();
    const qint64 updatesBefore = model.updates();

    // The agent is not ready, so the call waits in the queue.
    server.advanceSec(5);  // past the pushes that the login caused (at most one per 2 s)
    server.injectCall({{"phone", "010-8200-0001"}, {"queue", "general"}});
    const auto waitingOne = [&] {
        const QueueStats* q = model.find(QStringLiteral("general"));
        return q && q->waiting == 1;
    };
    if (!waitUntil(waitingOne, 3s)) {
        server.advanceSec(2);
        REQUIRE(waitUntil(waitingOne));
    }
    CHECK(model.updates() > updatesBefore);
    CHECK(model.rowCount() == rowsBefore);
    CHECK(changedRows.contains(generalRow));
    CHECK(model.data(model.index(generalRow), QueueStatsModel::WaitingRole).toInt() == 1);
    CHECK(session.events().stats().protocolErrors == 0);
}
