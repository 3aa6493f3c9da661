#pragma once
// A throwaway nats-server with JetStream for tests: a free loopback port, its stream files in a
// temp dir, killed when the object goes. stop() and start() make an outage on the same port
// with the same files, as a restarted server would have them.
#include <memory>
#include <string>

#include "tests/support/spawned_process.h"
#include "tests/support/temp_dir.h"

namespace agentdesk::test {

class NatsServer {
public:
    // Throws std::runtime_error (with the server's output) when it does not start.
    NatsServer();
    ~NatsServer();
    NatsServer(const NatsServer&) = delete;
    NatsServer& operator=(const NatsServer&) = delete;

    std::string url() const { return "nats://127.0.0.1:" + std::to_string(port_); }
    int port() const { return port_; }
    void stop();  // SIGKILL: what a crash does
    void start();
    // SIGSTOP / SIGCONT: a server that stops answering without closing its connections.
    void freeze() { process_->freeze(); }
    void thaw() { process_->thaw(); }

private:
    TempDir dir_{"agentdesk-nats"};
    std::string binary_;
    int port_ = 0;
    int starts_ = 0;
    std::unique_ptr<SpawnedProcess> process_;
};

}  // namespace agentdesk::test
