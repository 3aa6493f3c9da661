#pragma once
// A real agentdesk-server on an ephemeral loopback port, with the demo data set, the demo call
// generator off and a ManualClock so call timing is deterministic.
#include <memory>
#include <optional>

#include "server/clock.h"
#include "server/demo/demo_data.h"
#include "server/server_app.h"
#include "tests/support/eventually.h"
#include "tests/support/http_client.h"

namespace agentdesk::test {

// 2026-11-23 10:00:00 in Seoul.
TimePoint testStartTime();

class TestServer;

// How calls reach the server under test. Without one (the default) the server runs the
// simulated telephony and calls are injected as a trainer would (POST /demo/calls). The SIP
// parity suite installs one that runs the server with SIP telephony, registers a phone for each
// logged-in user and places injected calls as real SIP calls (tests/sip/parity).
class TestTelephony {
public:
    virtual ~TestTelephony() = default;
    virtual void configure(server::ServerConfig& config) = 0;
    virtual void started(TestServer& server) = 0;  // the server it serves, until stopping()
    // After login: e.g. the user's phone registers.
    virtual void loggedIn(const HttpClient& user) = 0;
    // The spec of POST /demo/calls; returns the call id.
    virtual std::string injectCall(const nlohmann::json& spec) = 0;
    // Before the clock moves: e.g. wait for phones still picking up.
    virtual void advancing() = 0;
    // After the clock moved: e.g. callers whose patience ran out hang up.
    virtual void advanced() = 0;
    // The next moment something must happen (a caller's patience ends); the clock stops there
    // on its way, as the simulator's own timers would.
    virtual std::optional<TimePoint> nextDeadline() const = 0;
    virtual void stopping() = 0;  // before the server stops
};
using TestTelephonyFactory = std::function<std::unique_ptr<TestTelephony>()>;
// The factory every TestServer of this process uses (a test main sets it once, first thing).
void setTestTelephony(TestTelephonyFactory factory);

struct TestServerOptions {
    std::size_t replayCapacity = 4096;
    std::function<void(server::CenterConfig&)> adjustCenter;
    std::string dbPath = ":memory:";
    bool demoKnowledge = true;
    int demoAgents = 0;  // synthetic counselors agent001… (ServerConfig::demoAgents)
    std::chrono::seconds sessionIdleTimeout{0};  // ServerConfig::sessionIdleTimeout
    std::vector<std::string> corsOrigins;        // ServerConfig::corsOrigins
    server::http::ConnectionLimits limits;       // ServerConfig::limits
    std::size_t maxStreamsPerUser = 4;           // ServerConfig::maxStreamsPerUser
    std::size_t maxReplayBytes = 2 * 1024 * 1024;
    std::optional<server::http::TlsFiles> tls;  // ServerConfig::tls
    std::string keyFile;                        // ServerConfig::keyFile
    std::string eventsUrl;                      // ServerConfig::eventsUrl (NATS)
    std::string nodeName;                       // ServerConfig::nodeName
};

class TestServer {
public:
    explicit TestServer(TestServerOptions options = {});
    ~TestServer();

    std::string url() const { return app_->baseUrl(); }
    HttpClient client() const { return HttpClient(url()); }
    HttpClient loggedIn(const std::string& username) const;
    // Moves the clock and runs every timer that became due.
    void advance(std::chrono::milliseconds by);
    void advanceSec(int seconds) { advance(std::chrono::seconds(seconds)); }
    server::ManualClock& clock() { return clock_; }
    server::ServerApp& app() { return *app_; }
    // Injects a call as the trainer would (POST /demo/calls), or through the TestTelephony;
    // returns the call id.
    std::string injectCall(const nlohmann::json& spec);
    void stop() { app_->stop(); }
    // Drops every connection and refuses new ones / listens again on the same port; the
    // server's state (calls, events, sessions) is kept. For reconnect tests.
    void stopListening() { app_->stopListening(); }
    void startListening() { app_->startListening(); }
    // A fault in the server's own database: inserting a note whose text contains `marker`
    // fails (the server answers 500 through its normal error path) until stopFailingNotes().
    void failNotesContaining(const std::string& marker);
    void stopFailingNotes();
    // How many stored notes have exactly this text.
    int noteCountWithText(const std::string& text);

private:
    server::ManualClock clock_;
    std::unique_ptr<TestTelephony> telephony_;
    std::unique_ptr<server::ServerApp> app_;
    mutable std::unique_ptr<HttpClient> trainer_;
};

// GET /agents (a lead's or trainer's client): the agent with this id, or null.
nlohmann::json agentById(const HttpClient& supervisor, const std::string& agentId);

// Waits for the agent.state event that says `state` for agentId.
int waitAgentState(const EventCollector& events, const std::string& agentId,
                   const std::string& state, int from = 0);

}  // namespace agentdesk::test
