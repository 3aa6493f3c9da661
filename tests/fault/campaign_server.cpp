#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <stdexcept>
#include <thread>

#include "tests/fault/campaign.h"
#include "tests/support/http_client.h"

namespace agentdesk::fault {

int freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        throw std::runtime_error("socket() failed");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        ::close(fd);
        throw std::runtime_error("no free loopback port");
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

ServerProcess::ServerProcess(std::string binary, std::filesystem::path db, int port,
                             std::filesystem::path log)
    : binary_(std::move(binary)), db_(std::move(db)), log_(std::move(log)), port_(port) {}

std::string ServerProcess::url() const {
    return "http://127.0.0.1:" + std::to_string(port_);
}

void ServerProcess::start() {
    bench::ChildSpec spec;
    // The demo center's users and customers; no generated calls (the campaign makes its own
    // traffic). The database persists across kills: that is what is under test.
    spec.argv = {binary_, "--demo",     "--demo-rate", "0",
                 "--db",  db_.string(), "--listen",    "127.0.0.1:" + std::to_string(port_),
                 "--log", "warn"};
    // One log per start (a file is truncated when a child opens it).
    spec.stderrFile = log_.string() + "." + std::to_string(++starts_);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    for (;;) {
        // The port of a killed server can be in use for a moment (its sockets closing): the
        // new process then exits; try again.
        process_ = bench::ChildProcess(spec);
        test::HttpClient client(url());
        while (process_.running() && std::chrono::steady_clock::now() < deadline) {
            if (client.get("/api/v1/health").status == 200)
                return;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (std::chrono::steady_clock::now() >= deadline)
            throw std::runtime_error(
                "the server did not start within 30 s: " + process_.describeExit() +
                " (log: " + spec.stderrFile.string() + ")");
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

void ServerProcess::kill9() {
    process_.signal(SIGKILL);
    process_.waitExit(std::chrono::seconds(10));
}

bool ServerProcess::running() {
    return process_.running();
}

}  // namespace agentdesk::fault
