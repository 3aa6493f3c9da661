#include "tests/fuzz/fuzz_world.h"

#include <chrono>
#include <filesystem>
#include <map>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>

#include "resources/embedded.h"
#include "server/acd/acd.h"
#include "server/assist/assist_engine.h"
#include "server/calls/sim/sim_call_control.h"
#include "server/demo/call_generator.h"
#include "server/demo/demo_data.h"
#include "server/demo/scenario_runner.h"
#include "server/events/event_hub.h"
#include "server/kb/sqlite_knowledge_store.h"
#include "server/routes/acd_presenter.h"
#include "server/routes/kb_presenter.h"
#include "server/store/sqlite_crm_store.h"
#include "server/store/store_hooks.h"
#include "server/store/store_pool.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_seed.h"
#include "tests/support/held_event_stream.h"

namespace agentdesk::fuzz {

namespace asio = boost::asio;
namespace fs = std::filesystem;
using namespace agentdesk::server;
using nlohmann::json;

namespace {

class RecordingExchange final : public http::Exchange {
public:
    explicit RecordingExchange(Reply& reply) : reply_(reply) {}
    void respond(http::Response response) override {
        ++reply_.responses;
        reply_.response = std::move(response);
    }
    std::shared_ptr<http::EventStream> startEventStream() override {
        reply_.eventStream = true;
        return std::make_shared<agentdesk::test::HeldEventStream>();
    }

private:
    Reply& reply_;
};

}  // namespace

struct ServerWorld::Parts {
    ManualClock clock{startTime()};
    asio::io_context io;
    asio::thread_pool workers{1};  // password checks of POST /sessions
    const assist::Lexicon assistLexicon = assist::Lexicon::builtIn();
    const assist::AssistEngine assist{assistLexicon};
    std::unique_ptr<SqliteCrmStore> store;
    std::unique_ptr<SqliteKnowledgeStore> kb;
    std::unique_ptr<StorePool> pool;  // in memory: on the calling thread
    std::unique_ptr<OrderedWrites> writes;
    std::unique_ptr<StoreHooks> hooks;
    std::unique_ptr<EventHub> hub;
    std::unique_ptr<SessionManager> sessions;
    std::unique_ptr<AcdEventPresenter> acdEvents;
    std::unique_ptr<Acd> acd;
    std::unique_ptr<SimCallControl> sim;
    std::unique_ptr<DemoCallGenerator> demo;
    std::unique_ptr<ScenarioRunner> scenarios;
    std::unique_ptr<RouteContext> context;
    std::vector<ApiRoute> routes = apiRoutes();
    http::Router router;
    std::map<std::string, std::string> tokens;

    ~Parts() {
        if (hub)
            hub->closeAll();
        io.poll();
        workers.join();
    }
};

ServerWorld::ServerWorld() : parts_(std::make_unique<Parts>()) {
    const Template& t = seeded();
    Parts& p = *parts_;
    const fs::path db = workDir() / "world.db";
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(db.string() + suffix, ec);
    fs::copy_file(t.db, db, ec);
    FUZZ_CHECK(!ec, "cannot copy the template database: " + ec.message());
    p.store = std::make_unique<SqliteCrmStore>(db.string(), t.cipher);
    p.kb = std::make_unique<SqliteKnowledgeStore>(db.string());
    p.pool = StorePool::inlineOnly(*p.store, *p.kb);
    p.writes = std::make_unique<OrderedWrites>(*p.pool, p.io);
    p.hooks = std::make_unique<StoreHooks>(*p.pool, *p.writes, p.clock);
    p.hub = std::make_unique<EventHub>(1000, 256, StreamLimits{});
    p.sessions = std::make_unique<SessionManager>(
        p.clock, std::chrono::hours(12), std::chrono::seconds(0),
        [&p](const std::string& token) { return p.hub->hasStreamOfToken(token); });
    p.acdEvents = std::make_unique<AcdEventPresenter>(*p.hub, [&p](const std::string& intent) {
        return suggestionsJson(p.hooks->suggestionsFor(intent));
    });
    const CenterConfig& center = t.center;
    p.acd = std::make_unique<Acd>(p.clock, *p.acdEvents, *p.hooks, center.settings, center.queues,
                                  center.reasons);
    for (const auto& user : p.store->users())
        p.acd->registerAgent(user);
    p.sim = std::make_unique<SimCallControl>(p.clock, *p.acd, *p.acd,
                                             center.settings.outboundAnswerSec);
    p.acd->attach(*p.sim, "simulated");
    p.demo = std::make_unique<DemoCallGenerator>(p.clock, *p.sim, *p.store, center.queues, 1, 0.0);
    p.scenarios = std::make_unique<ScenarioRunner>(p.clock, *p.acd, *p.sim, *p.pool, t.scenarios);
    std::vector<std::string> reasonCodes;
    for (const auto& r : center.reasons)
        reasonCodes.push_back(r.code);
    p.context.reset(new RouteContext{p.io,
                                     p.workers,
                                     p.clock,
                                     *p.store,
                                     *p.kb,
                                     *p.pool,
                                     *p.writes,
                                     p.assist,
                                     *p.acd,
                                     *p.sessions,
                                     *p.hub,
                                     p.demo.get(),
                                     p.sim.get(),
                                     nullptr,
                                     "fuzz",
                                     startTime(),
                                     reasonCodes,
                                     p.scenarios.get(),
                                     {}});
    p.context->resetDemoData = [&p, &t] {
        seedDemoData(*p.store, t.center, t.centerJson, json::parse(resources::demoCustomersJson()),
                     true);
    };
    p.context->sessionEnded = [&p](const AuthSession& session) {
        p.hub->closeStreamsOfToken(session.token);
        if (p.sessions->sessionsOf(session.user.id) == 0)
            p.acd->agentLoggedOut(session.user.id);
    };
    p.context->serverStatus = [] { return json{{"tls", false}, {"connections", 1}}; };
    mountApiRoutes(p.router, *p.context, p.routes);
    for (const auto& [who, username] : std::map<std::string, std::string>{
             {"counselor", "counselor1"}, {"lead", "lead1"}, {"trainer", "trainer1"}}) {
        auto user = p.store->userByUsername(username);
        FUZZ_CHECK(user.has_value(), "no demo user " + username);
        p.tokens[who] = p.sessions->create(*user).token;
        p.acd->agentLoggedIn(*user);
    }
    // The speech-to-text service account (POST /calls/{id}/transcript): a session, no agent.
    User stt;
    stt.id = "S9001";
    stt.username = "stt1";
    stt.name = "stt";
    stt.role = Role::Stt;
    p.store->upsertUser(stt);
    p.tokens["stt"] = p.sessions->create(stt).token;
}

ServerWorld::~ServerWorld() = default;

std::string ServerWorld::tokenFor(const std::string& who) const {
    auto it = parts_->tokens.find(who);
    return it == parts_->tokens.end() ? std::string() : it->second;
}

void ServerWorld::insertTokens(http::Request& request) const {
    auto it = request.headers.find("authorization");
    if (it == request.headers.end())
        return;
    for (const auto& [who, token] : parts_->tokens) {
        const std::string mark = "@" + who;
        for (auto at = it->second.find(mark); at != std::string::npos;
             at = it->second.find(mark, at + token.size()))
            it->second.replace(at, mark.size(), token);
    }
}

const std::vector<ApiRoute>& ServerWorld::routes() const {
    return parts_->routes;
}

Reply ServerWorld::handle(http::Request& request) {
    Parts& p = *parts_;
    Reply reply;
    {
        http::ExchangePtr ex = std::make_shared<RecordingExchange>(reply);
        // What ServerApp::start() installs as the server's handler, and http_server.cpp's
        // dispatch() around it.
        try {
            const http::Handler* handler = nullptr;
            switch (p.router.route(request, &handler)) {
                case http::Router::Match::Found:
                    try {
                        (*handler)(request, ex);
                    } catch (const SqliteError& e) {
                        respondError(ex, ErrorCode::Internal,
                                     std::string("store error: ") + e.what());
                    }
                    break;
                case http::Router::Match::MethodNotAllowed:
                    ex->respond(jsonResponse(405, {{"error", {{"code", "method_not_allowed"}}}}));
                    break;
                case http::Router::Match::NotFound:
                    respondError(ex, ErrorCode::NotFound, "no such endpoint: " + request.path);
                    break;
            }
        } catch (const std::exception& e) {
            ex->respond(
                jsonResponse(500, {{"error", {{"code", "internal"}, {"message", e.what()}}}}));
        }
    }
    // Asynchronous handlers (login) answer later through the I/O context.
    auto guard = asio::make_work_guard(p.io);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (reply.responses == 0 && !reply.eventStream) {
        FUZZ_CHECK(std::chrono::steady_clock::now() < deadline,
                   "no answer to " + request.method + " " + request.path);
        if (p.io.stopped())
            p.io.restart();
        p.io.run_one_for(std::chrono::milliseconds(50));
    }
    guard.reset();
    if (p.io.stopped())
        p.io.restart();
    p.io.poll();
    return reply;
}

void checkReply(const http::Request& request, const Reply& reply) {
    const std::string what = request.method + " " + request.path;
    if (reply.eventStream) {
        FUZZ_CHECK(reply.responses == 0, what + ": a response after the event stream started");
        return;
    }
    const http::Response& r = reply.response;
    FUZZ_CHECK(reply.responses == 1, what + ": " + std::to_string(reply.responses) + " responses");
    FUZZ_CHECK(r.status >= 100 && r.status <= 599, what + ": status " + std::to_string(r.status));
    FUZZ_CHECK(r.status != 500, what + ": 500 " + r.body);
    if (!r.body.empty() && r.contentType.rfind("application/json", 0) == 0)
        FUZZ_CHECK(json::accept(r.body), what + ": body is not JSON: " + r.body.substr(0, 200));
}

}  // namespace agentdesk::fuzz
