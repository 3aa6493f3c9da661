#include "tests/support/test_server.h"

#include <stdexcept>

namespace agentdesk::test {

TimePoint testStartTime() {
    return *parseRfc3339("2026-11-23T01:00:00Z");
}

TestServer::TestServer(TestServerOptions options) : clock_(testStartTime()) {
    server::ServerConfig config;
    config.port = 0;
    config.dbPath = options.dbPath;
    config.demo = true;
    config.demoRate = 0;
    config.seed = 42;
    config.clock = &clock_;
    config.replayCapacity = options.replayCapacity;
    config.tickInterval = std::chrono::milliseconds(50);
    config.adjustCenter = options.adjustCenter;
    config.demoKnowledge = options.demoKnowledge;
    config.demoAgents = options.demoAgents;
    app_ = std::make_unique<server::ServerApp>(config);
    app_->start();
}

TestServer::~TestServer() {
    app_->stop();
}

HttpClient TestServer::loggedIn(const std::string& username) const {
    HttpClient c(url());
    auto body = c.login(username);
    if (c.token().empty())
        throw std::runtime_error("login failed: " + body.dump());
    return c;
}

std::string TestServer::injectCall(const nlohmann::json& spec) {
    if (!trainer_)
        trainer_ = std::make_unique<HttpClient>(loggedIn("trainer1"));
    auto r = trainer_->post("/api/v1/demo/calls", spec);
    if (r.status != 202)
        throw std::runtime_error("inject failed: " + r.body);
    return r.json()["callId"].get<std::string>();
}

int waitAgentState(const EventCollector& events, const std::string& agentId,
                   const std::string& state, int from) {
    return events.waitFor(
        [&](const ReceivedEvent& e) {
            return e.type == "agent.state" && e.data.value("agentId", "") == agentId &&
                   e.data.value("state", "") == state;
        },
        from);
}

}  // namespace agentdesk::test
