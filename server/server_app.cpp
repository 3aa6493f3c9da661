#include "server/server_app.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <set>
#include <thread>

#include <unistd.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include "common/logging.h"
#include "common/version.h"
#include "resources/embedded.h"
#include "server/acd/acd.h"
#include "server/assist/assist_engine.h"
#include "server/auth/session_manager.h"
#include "server/auth/session_upkeep.h"
#include "server/calls/sim/sim_call_control.h"
#include "server/calls/sip/sip_call_control.h"
#include "server/cluster/acd_owner_gate.h"
#include "server/cluster/cluster_node.h"
#include "server/demo/call_generator.h"
#include "server/demo/demo_data.h"
#include "server/demo/scenario_runner.h"
#include "server/events/event_hub.h"
#include "server/http/http_server.h"
#include "server/routes/acd_presenter.h"
#include "server/routes/api_routes.h"
#include "server/routes/cluster_presenter.h"
#include "server/routes/dispatch.h"
#include "server/routes/kb_presenter.h"
#include "server/routes/live_assist.h"
#include "server/routes/status_presenter.h"
#include "server/sip_setup.h"
#include "server/store/database_lock.h"
#include "server/store/store_engine.h"
#include "server/store/store_hooks.h"
#include "server/store/store_pool.h"

namespace agentdesk::server {

namespace asio = boost::asio;
using nlohmann::json;

std::string defaultDatabasePath() {
    std::string dir;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        dir = std::string(xdg) + "/agentdesk";
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        dir = std::string(home) + "/.local/share/agentdesk";
    } else {
        dir = ".";
    }
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);  // 0700
    return dir + "/server.db";
}

struct ServerApp::Impl {
    ServerConfig config;
    SystemClock systemClock;
    std::unique_ptr<ScaledClock> scaledClock;
    const Clock* clock;
    std::chrono::milliseconds tickInterval{0};  // config.tickInterval, shortened by the time scale
    asio::io_context io;
    asio::thread_pool workers{2};  // password hashing
    // --node, or this machine's name and the port it serves on (the bound one once bound).
    std::string nodeName() const {
        if (!config.nodeName.empty())
            return config.nodeName;
        char host[256] = {};
        ::gethostname(host, sizeof host - 1);
        return std::string(host) + ":" + std::to_string(port ? port : config.port);
    }
    // Runs a function later on the I/O thread: for the parts that hand work back to it.
    std::function<void(std::function<void()>)> postToIo() {
        return [this](std::function<void()> fn) { asio::post(io, std::move(fn)); };
    }
    // Agent assist's word lists and analysers; before the store pool, whose threads use them.
    const assist::Lexicon assistLexicon = assist::Lexicon::builtIn();
    const assist::AssistEngine assist{assistLexicon};
    // Held while this server may use the database (server/store/database_lock.h); declared
    // before the store so it is released after the store is closed.
    std::optional<DatabaseLock> dbLock;
    std::unique_ptr<CrmStore> store;
    std::unique_ptr<KnowledgeStore> kb;
    std::unique_ptr<StorePool> pool;        // store work off the I/O thread
    std::unique_ptr<OrderedWrites> writes;  // the ACD's and assist's, in order
    std::unique_ptr<StoreHooks> hooks;
    // Events across nodes and the ACD lease; null: a single server (the hub numbers events).
    std::unique_ptr<cluster::ClusterNode> cluster;
    std::unique_ptr<EventHub> hub;
    std::unique_ptr<SessionManager> sessions;
    std::unique_ptr<SessionUpkeep> upkeep;  // accounts and sessions changed in the database
    std::unique_ptr<AcdEventPresenter> acdEvents;
    std::unique_ptr<LiveAssist> liveAssist;  // between the ACD and acdEvents
    // Between the ACD and liveAssist: shut while another node runs the ACD.
    std::unique_ptr<cluster::OwnerOnlyEvents> ownerEvents;
    std::unique_ptr<cluster::AcdOwnerGate> gate;  // several nodes: runs or forwards the ACD
    std::unique_ptr<Acd> acd;
    std::unique_ptr<SimCallControl> sim;  // simulated telephony
    std::unique_ptr<SipCallControl> sip;  // real telephony
    std::unique_ptr<DemoCallGenerator> demo;
    std::unique_ptr<ScenarioRunner> scenarios;
    std::unique_ptr<RouteContext> context;
    http::Router router;
    std::unique_ptr<http::HttpServer> http;
    std::unique_ptr<asio::steady_timer> tickTimer;
    std::unique_ptr<asio::steady_timer> heartbeatTimer;
    std::thread thread;
    std::uint16_t port = 0;
    bool running = false;
    bool listening = false;
    std::set<std::string> pendingLogouts;
    json center;

    // A session ended (logout, expiry, idleness, revocation): its streams close, and an agent
    // whose last session it was leaves the ACD, so no call is offered to nobody. On a call the
    // logout is refused; it is tried again on every tick until it holds.
    void sessionEnded(const AuthSession& session) {
        hub->closeStreamsOfToken(session.token);
        if (sessions->sessionsOf(session.user.id) == 0 &&
            !acd->agentLoggedOut(session.user.id).ok())
            pendingLogouts.insert(session.user.id);
    }

    void expireSessions() {
        for (const auto& session : sessions->purgeEnded())
            sessionEnded(session);
        upkeep->tick();
        for (auto it = pendingLogouts.begin(); it != pendingLogouts.end();) {
            const bool done = sessions->sessionsOf(*it) > 0 || acd->agentLoggedOut(*it).ok();
            it = done ? pendingLogouts.erase(it) : std::next(it);
        }
    }

    // The backend's timers first (callers hanging up, picking up), then the ACD's.
    void advanceTelephony() {
        if (sim)
            sim->advance();
        if (sip)
            sip->advance();
        acd->advance();
    }

    void scheduleTick() {
        tickTimer->expires_after(tickInterval);
        tickTimer->async_wait([this](const boost::system::error_code& ec) {
            if (ec)
                return;
            try {
                // Several nodes: only the one that holds the lease runs the ACD and its callers.
                if (gate)
                    gate->tick();
                if (!gate || gate->owner()) {
                    advanceTelephony();
                    if (demo)
                        demo->tick();
                    if (scenarios)
                        scenarios->tick();
                }
                expireSessions();
                hub->checkAheadStreams(std::chrono::steady_clock::now());
            } catch (const std::exception& e) {
                logging::get("server")->error("timer: {}", e.what());
            }
            scheduleTick();
        });
    }
    json eventsStatus() const {
        if (!cluster)
            return {{"bus", "in-process"}, {"lastEventId", hub->lastId()}};
        return clusterStatusJson(cluster->status(), hub->lastId());
    }
    void scheduleHeartbeat() {
        heartbeatTimer->expires_after(config.heartbeat);
        heartbeatTimer->async_wait([this](const boost::system::error_code& ec) {
            if (ec)
                return;
            hub->sendHeartbeat();
            scheduleHeartbeat();
        });
    }
};

ServerApp::ServerApp(ServerConfig config) : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.config = std::move(config);
    const double scale = d.config.timeScale;
    if (!(scale > 0) || !std::isfinite(scale))
        throw std::invalid_argument("time scale must be a positive number");
    d.tickInterval = d.config.tickInterval;
    if (d.config.clock) {
        d.clock = d.config.clock;
    } else if (scale != 1.0) {
        d.scaledClock = std::make_unique<ScaledClock>(scale);
        d.clock = d.scaledClock.get();
        // Ring, patience and ACW timers and the Poisson arrivals run on the tick: keep their
        // resolution in demo time.
        if (scale > 1.0) {
            const auto scaled = std::chrono::duration_cast<std::chrono::milliseconds>(
                d.config.tickInterval / scale);
            d.tickInterval =
                std::min(d.config.tickInterval, std::max(scaled, std::chrono::milliseconds(10)));
        }
    } else {
        d.clock = &d.systemClock;
    }
}

ServerApp::~ServerApp() {
    stop();
}

std::uint16_t ServerApp::start() {
    Impl& d = *impl_;
    if (d.running)
        return d.port;
    const std::string centerText = d.config.centerJson.empty()
                                       ? std::string(resources::demoCenterJson())
                                       : d.config.centerJson;
    d.center = json::parse(centerText);
    CenterConfig center = parseCenterConfig(d.center);
    if (d.config.adjustCenter)
        d.config.adjustCenter(center);
    if (d.config.demo && d.config.demoAgents > 0) {
        // Added to the center's users, so seedDemoData gives them the one shared demo hash.
        for (auto& agent : demoLoadAgents(center, d.config.demoAgents))
            center.users.push_back(std::move(agent));
    }

    const std::string dbPath = d.config.dbPath.empty() ? defaultDatabasePath() : d.config.dbPath;
    const bool postgres = isPostgresUri(dbPath);
    // PostgreSQL serves several nodes at once and keeps its own locks; a SQLite file is this
    // server's alone.
    if (!d.dbLock && !postgres) {
        std::string lockError;
        d.dbLock = DatabaseLock::tryAcquire(dbPath, DatabaseLock::Mode::Shared, lockError);
        if (!d.dbLock)
            throw std::runtime_error(lockError);
    }
    OpenedStores opened = openStores(dbPath, d.config.keyFile, StoreUse::Serve);
    d.store = std::move(opened.crm);
    d.kb = std::move(opened.kb);
    seedAtStart(*d.store, *d.kb, center, d.center, d.config.demo, d.config.demoKnowledge,
                d.clock->now());
    // Store work off the I/O thread, on connections of its own (store/store_pool.h).
    d.pool = openStorePool(dbPath, d.config.keyFile, *d.store, *d.kb, d.io);
    d.writes = std::make_unique<OrderedWrites>(*d.pool, d.io);
    d.hooks = std::make_unique<StoreHooks>(*d.pool, *d.writes, *d.clock);
    const auto idBase =
        static_cast<std::uint64_t>(toUnixMs(std::chrono::system_clock::now())) * 1000;
    StreamLimits streamLimits;
    streamLimits.perUser = d.config.maxStreamsPerUser;
    streamLimits.replayBytes = d.config.maxReplayBytes;
    NatsEventBus::Backlog backlog{idBase, {}};
    if (!d.config.eventsUrl.empty()) {
        d.cluster = std::make_unique<cluster::ClusterNode>(
            cluster::ClusterOptions{d.config.eventsUrl, d.config.eventsStream, dbPath, d.nodeName(),
                                    "center", d.config.replayCapacity},
            d.postToIo());
        backlog = d.cluster->startBus(
            [&d](BusEvent event) {
                const bool moved = event.type == "cluster.owner";
                d.hub->accept(std::move(event));
                if (moved)  // every desktop takes the new owner's snapshot
                    d.hub->ownerMoved();
            },
            [&d] { d.hub->resyncAll("events_lost"); });
    }
    d.hub = std::make_unique<EventHub>(backlog.before, d.config.replayCapacity, streamLimits,
                                       d.postToIo(), d.cluster ? d.cluster->bus() : nullptr);
    for (auto& event : backlog.events)
        d.hub->accept(std::move(event));
    // Sessions are kept in the database (hashed), so a restart logs nobody out: a desktop that
    // comes back with its token is let in, and its agent is put back into the ACD.
    // Its rows are written in order with the ACD's and looked up on the pool.
    SessionPersistence persistence = sessionPersistence(*d.pool, *d.writes);
    persistence.restored = [&d](const AuthSession& session) {
        if (isAgentRole(session.user.role))
            d.acd->agentLoggedIn(session.user);
    };
    d.sessions = std::make_unique<SessionManager>(
        *d.clock, d.config.tokenLifetime, d.config.sessionIdleTimeout,
        [&d](const std::string& token) { return d.hub->hasStreamOfToken(token); },
        std::move(persistence));
    d.upkeep = std::make_unique<SessionUpkeep>(
        *d.sessions, *d.pool, [&d](const AuthSession& session) { d.sessionEnded(session); });
    d.acdEvents = std::make_unique<AcdEventPresenter>(*d.hub, [&d](const std::string& intent) {
        return suggestionsJson(d.hooks->suggestionsFor(intent));
    });
    d.liveAssist =
        std::make_unique<LiveAssist>(*d.acdEvents, *d.hub, *d.pool, *d.writes, d.assist, *d.clock);
    d.ownerEvents = std::make_unique<cluster::OwnerOnlyEvents>(*d.liveAssist);
    d.ownerEvents->setOpen(!d.cluster);
    d.acd = std::make_unique<Acd>(*d.clock, *d.ownerEvents, *d.hooks, center.settings,
                                  center.queues, center.reasons);
    for (const auto& user : d.store->users()) {
        if (isAgentRole(user.role))
            d.acd->registerAgent(user);
    }
    if (d.config.telephony == ServerConfig::Telephony::Sip) {
        d.sip =
            startSipTelephony(d.config, center, dbPath, *d.clock, *d.acd, *d.store, d.postToIo());
    } else {
        d.sim = std::make_unique<SimCallControl>(*d.clock, *d.acd, *d.acd,
                                                 center.settings.outboundAnswerSec);
        d.acd->attach(*d.sim, "simulated");
    }
    if (d.config.demo && d.sim) {
        const unsigned seed = d.config.seed ? d.config.seed : std::random_device{}();
        d.demo = std::make_unique<DemoCallGenerator>(*d.clock, *d.sim, *d.store, center.queues,
                                                     seed, d.config.demoRate);
        ScenarioRules rules;
        rules.queues = &center.queues;
        rules.customerExists = [&d](const std::string& id) { return d.store->customerExists(id); };
        auto scenarios = loadDemoScenarios(d.config.scenarioDir, rules);
        logging::get("server")->info("demo scenarios: {}", scenarios.size());
        d.scenarios = std::make_unique<ScenarioRunner>(*d.clock, *d.acd, *d.sim, *d.pool,
                                                       std::move(scenarios));
    }
    std::vector<std::string> reasonCodes;
    for (const auto& r : center.reasons)
        reasonCodes.push_back(r.code);
    d.context.reset(new RouteContext{d.io,
                                     d.workers,
                                     *d.clock,
                                     *d.store,
                                     *d.kb,
                                     *d.pool,
                                     *d.writes,
                                     d.assist,
                                     *d.acd,
                                     *d.sessions,
                                     *d.hub,
                                     d.demo.get(),
                                     d.sim.get(),
                                     nullptr,
                                     agentdesk::kVersion,
                                     std::chrono::system_clock::now(),
                                     reasonCodes,
                                     d.scenarios.get(),
                                     {}});
    if (d.config.demo) {
        d.context->resetDemoData = [this, center] {
            Impl& i = *impl_;
            const json customers = json::parse(resources::demoCustomersJson());
            seedDemoData(*i.store, center, i.center, customers, true);
        };
    }
    d.context->liveTranscript = [&d](const std::string& callId) {
        return d.liveAssist->transcriptOf(callId);
    };
    d.context->sessionEnded = [&d](const AuthSession& session) { d.sessionEnded(session); };
    mountApiRoutes(d.router, *d.context, apiRoutes());
    if (d.sip) {
        d.context->recordingPath = [&d](const std::string& callId) {
            return d.sip->recordingPath(callId);
        };
    }

    http::ServerOptions options;
    options.host = d.config.host;
    options.port = d.config.port;
    options.corsOrigins = d.config.corsOrigins;
    options.limits = d.config.limits;
    options.tls = d.config.tls;
    if (d.cluster) {
        cluster::AcdOwnerGate::Parts parts{
            *d.cluster, *d.acd, *d.ownerEvents, *d.cluster->states(), *d.clock,
            d.config.sessionIdleTimeout,
            [&d](http::Request& req, const http::ExchangePtr& ex) {
                dispatchApi(d.router, req, ex);
            },
            // The team leads hear which node runs the ACD; every node's streams then resync
            // to the new owner's state (the bus sink).
            [&d] {
                const auto lease = d.cluster->status().lease;
                d.hub->publish("cluster.owner", {{"node", lease.owner}, {"epoch", lease.epoch}},
                               Audience::supervisors());
            },
            d.postToIo(),
            [&d](bool owner) {
                if (d.sip)
                    d.sip->setStandby(!owner);
            },
            std::make_shared<CommandOrder>(d.io), sessionPersistence(*d.pool, *d.writes).read};
        d.gate = std::make_unique<cluster::AcdOwnerGate>(std::move(parts));
        d.context->snapshotFromOwner = [&d](const http::Request& req, const std::string& token,
                                            std::function<void(std::optional<json>)> done) {
            return d.gate->snapshotFromOwner(req, token, std::move(done));
        };
        d.context->whenSettled = [&d](auto then) { d.gate->whenSettled(std::move(then)); };
        d.ownerEvents->settledAlsoWhen([&d] { return d.hub->ownEventsBack(); });
        d.hub->onOwnEventsBack([&d] { d.ownerEvents->checkSettled(); });
    }
    d.http = std::make_unique<http::HttpServer>(
        d.io, options, [&d](http::Request& req, const http::ExchangePtr& ex) {
            if (d.gate)
                return d.gate->handle(req, ex);
            dispatchApi(d.router, req, ex);
        });
    d.context->serverStatus = [&d] {
        return serverStatusJson(*d.http, d.config.tls.has_value(), d.eventsStatus());
    };
    d.port = d.http->start();
    d.listening = true;
    if (d.cluster) {
        d.cluster->startLease(d.nodeName(), [&d](const cluster::LeaseState&) { d.gate->tick(); });
    }
    d.tickTimer = std::make_unique<asio::steady_timer>(d.io);
    d.heartbeatTimer = std::make_unique<asio::steady_timer>(d.io);
    d.scheduleTick();
    d.scheduleHeartbeat();
    d.running = true;
    d.thread = std::thread([&d] {
        for (;;) {
            try {
                d.io.run();
                break;
            } catch (const std::exception& e) {
                logging::get("server")->error("I/O loop: {}", e.what());
            }
        }
    });
    logging::get("server")->info(
        "agentdesk-server {} listening on {} (db {}, demo {}, demo agents {}, time scale {})",
        agentdesk::kVersion, baseUrl(), databaseForDisplay(dbPath), d.config.demo,
        d.config.demo ? d.config.demoAgents : 0, d.scaledClock ? d.scaledClock->scale() : 1.0);
    return d.port;
}

void ServerApp::stopListening() {
    Impl& d = *impl_;
    if (!d.running || !d.listening)
        return;
    runOnIo([&d] {
        d.http->stop();
        // The transport's close already detaches every stream from the hub (on a posted
        // callback); closeAll() makes it immediate.
        d.hub->closeAll();
    });
    d.listening = false;
    logging::get("server")->info("stopped listening on {}", baseUrl());
}

void ServerApp::startListening() {
    Impl& d = *impl_;
    if (!d.running)
        throw std::logic_error("startListening() needs a started server");
    if (d.listening)
        return;
    runOnIo([&d] { d.http->start(); });
    d.listening = true;
    logging::get("server")->info("listening again on {}", baseUrl());
}

bool ServerApp::listening() const {
    return impl_->running && impl_->listening;
}

const Clock& ServerApp::clock() const {
    return *impl_->clock;
}

void ServerApp::stop() {
    Impl& d = *impl_;
    if (!d.running)
        return;
    // The I/O thread runs on, its timers and connections gone, until io.stop() below.
    const auto keepIo = asio::make_work_guard(d.io);
    // Every leg gets its BYE while the I/O thread still takes the engine's last reports.
    if (d.sip)
        d.sip->stop();
    runOnIo([&d] {
        if (d.gate)
            d.gate->syncDurable();  // the last changes, written before the lease goes
        d.http->stop();
        d.hub->closeAll();
        d.tickTimer->cancel();
        d.heartbeatTimer->cancel();
    });
    d.workers.join();
    // The last calls' interactions and transcripts go to the database before the pool ends.
    d.writes->drain([this](std::function<void()> fn) { runOnIo(std::move(fn)); },
                    std::chrono::seconds(5));
    d.pool->join();
    d.io.stop();
    if (d.thread.joinable())
        d.thread.join();
    if (d.cluster)
        d.cluster->stop();  // the lease goes to the next node; nothing publishes any more
    d.running = false;
    d.listening = false;
}

bool ServerApp::running() const {
    return impl_->running;
}
std::uint16_t ServerApp::port() const {
    return impl_->port;
}
std::string ServerApp::baseUrl() const {
    return std::string(impl_->config.tls ? "https://" : "http://") + impl_->config.host + ":" +
           std::to_string(impl_->port);
}

void ServerApp::runOnIo(std::function<void()> fn) {
    std::promise<void> done;
    auto future = done.get_future();
    asio::post(impl_->io, [&] {
        try {
            fn();
            done.set_value();
        } catch (...) {
            done.set_exception(std::current_exception());
        }
    });
    future.get();
}

void ServerApp::advance(std::chrono::milliseconds by) {
    auto* manual = dynamic_cast<const ManualClock*>(impl_->clock);
    if (!manual)
        throw std::logic_error("advance() needs a ManualClock");
    auto* clock = const_cast<ManualClock*>(manual);
    while (by.count() > 0) {
        const auto step = std::min(by, std::chrono::milliseconds(1000));
        by -= step;
        runOnIo([&] {
            clock->advance(step);
            impl_->advanceTelephony();
            if (impl_->demo)
                impl_->demo->tick();
            if (impl_->scenarios)
                impl_->scenarios->tick();
            impl_->expireSessions();
        });
    }
}

CrmStore& ServerApp::store() {
    return *impl_->store;
}
Telephony& ServerApp::telephony() {
    return *impl_->acd;
}
DemoControls* ServerApp::demoControls() {
    return impl_->sim.get();
}
SipCallControl* ServerApp::sip() {
    return impl_->sip.get();
}
EventHub& ServerApp::hub() {
    return *impl_->hub;
}

http::HttpServer* ServerApp::httpServer() {
    return impl_->http.get();
}

KnowledgeStore& ServerApp::kb() {
    return *impl_->kb;
}

}  // namespace agentdesk::server
