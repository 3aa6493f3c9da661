#pragma once
// A real agentdesk-server on an ephemeral loopback port, with the demo data set, the demo call
// generator off and a ManualClock so call timing is deterministic.
#include <memory>

#include "server/clock.h"
#include "server/demo/demo_data.h"
#include "server/server_app.h"
#include "tests/support/http_client.h"

namespace agentdesk::test {

// 2026-11-23 10:00:00 in Seoul.
TimePoint testStartTime();

struct TestServerOptions {
    std::size_t replayCapacity = 4096;
    std::function<void(server::CenterConfig&)> adjustCenter;
    std::string dbPath = ":memory:";
    bool demoKnowledge = true;
    int demoAgents = 0;  // synthetic counselors agent001… (ServerConfig::demoAgents)
};

class TestServer {
public:
    explicit TestServer(TestServerOptions options = {});
    ~TestServer();

    std::string url() const { return app_->baseUrl(); }
    HttpClient client() const { return HttpClient(url()); }
    HttpClient loggedIn(const std::string& username) const;
    // Moves the clock and runs every timer that became due.
    void advance(std::chrono::milliseconds by) { app_->advance(by); }
    void advanceSec(int seconds) { advance(std::chrono::seconds(seconds)); }
    server::ManualClock& clock() { return clock_; }
    server::ServerApp& app() { return *app_; }
    // Injects a call as the trainer would (POST /demo/calls); returns the call id.
    std::string injectCall(const nlohmann::json& spec);
    void stop() { app_->stop(); }
    // Drops every connection and refuses new ones / listens again on the same port; the
    // server's state (calls, events, sessions) is kept. For reconnect tests.
    void stopListening() { app_->stopListening(); }
    void startListening() { app_->startListening(); }

private:
    server::ManualClock clock_;
    std::unique_ptr<server::ServerApp> app_;
    mutable std::unique_ptr<HttpClient> trainer_;
};

// Waits for the agent.state event that says `state` for agentId.
int waitAgentState(const EventCollector& events, const std::string& agentId,
                   const std::string& state, int from = 0);

}  // namespace agentdesk::test
