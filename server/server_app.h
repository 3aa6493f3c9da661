#pragma once
// agentdesk-server assembled: store, ACD, event hub, sessions, routes and the HTTP transport on
// one I/O thread. Used by main(), by the desktop app's embedded demo, and by tests (which pass a
// ManualClock and drive time with advance()).
//
// Threads: start()/stop()/stopListening()/startListening()/advance()/runOnIo() are called from
// the owning thread; everything inside runs on the I/O thread, which start() creates and stop()
// joins.
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server/clock.h"
#include "server/http/http_server.h"

namespace agentdesk::server {

class CrmStore;
class Telephony;
class DemoControls;
class SipCallControl;
class EventHub;
class KnowledgeStore;

struct ServerConfig {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8780;  // 0: any free port
    std::string dbPath;         // empty: $XDG_DATA_HOME/agentdesk/server.db; ":memory:" allowed
    // The key sealing resident numbers at rest; empty: server.key beside the database (created
    // 0600 on first start).
    std::string keyFile;
    bool demo = false;
    double demoRate = 2.0;      // calls per minute, demo mode only
    bool demoKnowledge = true;  // demo mode loads the bundled knowledge base into an empty one
    unsigned seed = 0;          // 0: random
    std::chrono::seconds tokenLifetime{12 * 3600};
    // A token unused this long (no request, no open event stream) ends; 0: never.
    std::chrono::seconds sessionIdleTimeout{0};
    // Web origins allowed to call the API from a browser (CORS); empty: none.
    std::vector<std::string> corsOrigins;
    std::size_t replayCapacity = 4096;
    // Connections, slow clients (--max-connections, --header-timeout-seconds, ...).
    http::ConnectionLimits limits;
    std::size_t maxStreamsPerUser = 4;             // a user's older event streams close beyond this
    std::size_t maxReplayBytes = 2 * 1024 * 1024;  // a larger replay is a `resync` instead
    // HTTPS instead of HTTP (--tls-cert, --tls-key).
    std::optional<http::TlsFiles> tls;
    // Synthetic counselors agent001… (password "demo", every queue), demo mode only. For load.
    int demoAgents = 0;
    // Runs the server's clock this many times faster than real time (a ScaledClock) when
    // `clock` is null; the timer tick shrinks by the same factor (not below 10 ms). Network timing
    // (heartbeats, idle and HTTP timeouts) stays real time. Must be > 0.
    double timeScale = 1.0;
    std::chrono::milliseconds tickInterval{200};
    std::chrono::seconds heartbeat{10};
    const Clock* clock = nullptr;  // null: system clock (or a ScaledClock, see timeScale)
    // Center configuration JSON; empty: the bundled demo center (resources/demo/center.json).
    std::string centerJson;
    // Demo mode: a directory of extra scenario files (*.json, docs/scenarios.md) loaded next to
    // the bundled ones; empty: bundled only. A file that is not valid stops start().
    std::string scenarioDir;
    // Telephony backend: simulated callers (demos, training) or real SIP calls.
    enum class Telephony { Simulated, Sip };
    Telephony telephony = Telephony::Simulated;
    std::string sipHost = "127.0.0.1";   // --sip-listen HOST:PORT
    std::uint16_t sipPort = 5080;        // 0: any free port (tests)
    std::vector<std::string> sipTrunks;  // addresses allowed to send inbound calls
    std::string sipOutbound;             // gateway URI for calls to numbers
    std::string recordingsDir;           // empty: <database dir>/recordings
    int recordingRetentionDays = 90;     // 0 keeps recordings for ever
    std::string promptsDir;              // empty: installed or build-tree prompts
    std::string promptLang = "ko";       // language of the caller announcements
    std::uint16_t rtpPortMin = 20000, rtpPortMax = 29999;
    int rtpTimeoutSec = 30;
    // Events across nodes: a NATS JetStream server (nats://HOST:PORT); empty: in-process (one
    // server). Every node of a center names the same server and stream.
    std::string eventsUrl;
    std::string eventsStream = "AGENTDESK_EVENTS";
    // This node's name in a cluster (NATS connection name, the ACD lease); empty: HOST:PORT.
    std::string nodeName;
    // Overrides applied after the center configuration is read (tests).
    std::function<void(struct CenterConfig&)> adjustCenter;
};

std::string defaultDatabasePath();

class ServerApp {
public:
    // Throws std::invalid_argument for a timeScale that is not a positive number.
    explicit ServerApp(ServerConfig config);
    ~ServerApp();
    ServerApp(const ServerApp&) = delete;
    ServerApp& operator=(const ServerApp&) = delete;

    // Opens the store, seeds demo data, binds and starts the I/O thread. Returns the port.
    // Throws std::runtime_error when it cannot start (e.g. an invalid scenario file, with every
    // problem listed in the message).
    std::uint16_t start();
    void stop();
    bool running() const;
    std::uint16_t port() const;
    std::string baseUrl() const;
    // The clock the server runs on (config.clock, a ScaledClock or the system clock).
    const Clock& clock() const;

    // For client reconnect tests: closes the listening socket and every open connection, event
    // streams included (clients see the connection drop; new connections are refused). The
    // ACD, the event hub (ids, replay buffer), sessions and the store stay as they are.
    // Idempotent; does nothing when the server is not running.
    void stopListening();
    // Listens again on the same port. Idempotent. Throws std::logic_error when the server is
    // not running, std::runtime_error when the port cannot be bound again.
    void startListening();
    bool listening() const;

    // Runs fn on the I/O thread and waits for it.
    void runOnIo(std::function<void()> fn);
    // ManualClock only: moves time forward in steps of at most one second, running timers.
    void advance(std::chrono::milliseconds by);

    // Only touch these inside runOnIo().
    CrmStore& store();
    Telephony& telephony();
    // The simulator's demo controls; null with real telephony.
    DemoControls* demoControls();
    // Real telephony only (null otherwise): the B2BUA and its SIP port.
    SipCallControl* sip();
    EventHub& hub();
    KnowledgeStore& kb();
    // The listener and its counters; null before start().
    http::HttpServer* httpServer();

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace agentdesk::server
