#include "tests/support/test_server.h"

#include <stdexcept>
#include <thread>

#include "server/store/sqlite_crm_store.h"

namespace agentdesk::test {

namespace {
TestTelephonyFactory& telephonyFactory() {
    static TestTelephonyFactory factory;
    return factory;
}
}  // namespace

void setTestTelephony(TestTelephonyFactory factory) {
    telephonyFactory() = std::move(factory);
}

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
    config.sessionIdleTimeout = options.sessionIdleTimeout;
    config.corsOrigins = options.corsOrigins;
    config.limits = options.limits;
    config.maxStreamsPerUser = options.maxStreamsPerUser;
    config.maxReplayBytes = options.maxReplayBytes;
    config.tls = options.tls;
    config.keyFile = options.keyFile;
    config.eventsUrl = options.eventsUrl;
    config.nodeName = options.nodeName;
    if (telephonyFactory()) {
        telephony_ = telephonyFactory()();
        telephony_->configure(config);
    }
    app_ = std::make_unique<server::ServerApp>(config);
    app_->start();
    if (telephony_)
        telephony_->started(*this);
}

TestServer::~TestServer() {
    if (telephony_)
        telephony_->stopping();
    app_->stop();
}

void TestServer::advance(std::chrono::milliseconds by) {
    if (!telephony_)
        return app_->advance(by);
    const TimePoint target = clock_.now() + by;
    for (;;) {
        telephony_->advancing();
        const auto next = telephony_->nextDeadline();
        const TimePoint stop = next && *next > clock_.now() && *next < target ? *next : target;
        app_->advance(std::chrono::duration_cast<std::chrono::milliseconds>(stop - clock_.now()));
        telephony_->advanced();
        if (stop >= target)
            return;
    }
}

HttpClient TestServer::loggedIn(const std::string& username) const {
    HttpClient c(url());
    auto body = c.login(username);
    if (c.token().empty())
        throw std::runtime_error("login failed: " + body.dump());
    if (telephony_)
        telephony_->loggedIn(c);
    return c;
}

std::string TestServer::injectCall(const nlohmann::json& spec) {
    if (telephony_)
        return telephony_->injectCall(spec);
    if (!trainer_)
        trainer_ = std::make_unique<HttpClient>(loggedIn("trainer1"));
    auto r = trainer_->post("/api/v1/demo/calls", spec);
    if (r.status != 202)
        throw std::runtime_error("inject failed: " + r.body);
    return r.json()["callId"].get<std::string>();
}

nlohmann::json agentById(const HttpClient& supervisor, const std::string& agentId) {
    for (const auto& a : supervisor.get("/api/v1/agents").json()) {
        if (a["id"] == agentId)
            return a;
    }
    return {};
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

void TestServer::failNotesContaining(const std::string& marker) {
    if (marker.find('\'') != std::string::npos)
        throw std::invalid_argument("failNotesContaining: no quotes in the marker");
    auto& store = dynamic_cast<server::SqliteCrmStore&>(app_->store());
    app_->runOnIo([&] {
        store.database().exec(
            "CREATE TEMP TRIGGER fail_notes BEFORE INSERT ON main.notes WHEN instr(NEW.text, '" +
            marker + "') > 0 BEGIN SELECT RAISE(ABORT, 'injected fault'); END");
    });
}

void TestServer::stopFailingNotes() {
    auto& store = dynamic_cast<server::SqliteCrmStore&>(app_->store());
    app_->runOnIo([&] { store.database().exec("DROP TRIGGER IF EXISTS temp.fail_notes"); });
}

int TestServer::noteCountWithText(const std::string& text) {
    auto& store = dynamic_cast<server::SqliteCrmStore&>(app_->store());
    long long count = 0;
    app_->runOnIo([&] {
        auto st = store.database().prepare("SELECT count(*) FROM notes WHERE text = ?");
        st.bind(1, text);
        if (st.step())
            count = st.integer(0);
    });
    return static_cast<int>(count);
}

}  // namespace agentdesk::test
