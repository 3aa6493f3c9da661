#include "tests/support/nats_server.h"

#include <filesystem>
#include <stdexcept>
#include <thread>

#include "tests/support/free_port.h"

namespace agentdesk::test {

NatsServer::NatsServer() {
    for (const char* candidate : {"/usr/sbin/nats-server", "/usr/bin/nats-server"}) {
        if (std::filesystem::exists(candidate))
            binary_ = candidate;
    }
    if (binary_.empty())
        throw std::runtime_error("nats-server is not installed (apt-get install nats-server)");
    port_ = freeLoopbackPort();
    start();
}

NatsServer::~NatsServer() {
    stop();
}

void NatsServer::start() {
    if (process_ && process_->running())
        return;
    const std::string log = (dir_.path / ("nats-" + std::to_string(++starts_) + ".log")).string();
    process_ = std::make_unique<SpawnedProcess>(
        std::vector<std::string>{binary_, "-a", "127.0.0.1", "-p", std::to_string(port_), "-js",
                                 "-sd", (dir_.path / "jetstream").string()},
        log);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline) {
        if (!process_->running())
            throw std::runtime_error("nats-server exited: " + process_->output());
        if (process_->output().find("Server is ready") != std::string::npos &&
            loopbackPortOpen(port_))
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    throw std::runtime_error("nats-server did not start in 15 s: " + process_->output());
}

void NatsServer::stop() {
    if (process_)
        process_->kill();
}

}  // namespace agentdesk::test
