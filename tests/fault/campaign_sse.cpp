// Phase 2 of the fault campaign: one team lead's event stream (the client core's EventStream,
// resuming with Last-Event-ID) through the proxy, cut N times while agents change state, against
// a second stream of the same lead straight to the server that is never cut.
#include <atomic>
#include <cstdio>
#include <map>
#include <optional>
#include <thread>

#include "crm/net/http_transport.h"
#include "crm/session/client_session.h"
#include "tests/fault/campaign.h"
#include "tests/fault/fault_proxy.h"
#include "tests/support/http_client.h"
#include "tests/support/qt_wait.h"

namespace agentdesk::fault {

namespace {

using std::chrono::milliseconds;

bool waitFor(const std::function<bool()>& pred, milliseconds timeout) {
    return test::waitUntil(pred, timeout);
}

// Counselors going ready and not ready in turn, each change an agent.state event for leads.
class StateChurn {
public:
    explicit StateChurn(const std::string& url) {
        for (const char* user : {"counselor1", "counselor2"}) {
            test::HttpClient client(url);
            client.login(user);
            clients_.push_back(std::move(client));
        }
        thread_ = std::thread([this] { run(); });
    }
    ~StateChurn() { stop(); }
    void stop() {
        stop_ = true;
        if (thread_.joinable())
            thread_.join();
    }
    int changes() const { return changes_; }

private:
    void run() {
        for (int i = 0; !stop_; ++i) {
            const auto& client = clients_[static_cast<std::size_t>(i) % clients_.size()];
            const char* state = (i / 2) % 2 == 0 ? "ready" : "not_ready";
            if (client.put("/api/v1/agents/me/state", {{"state", state}}).status == 202)
                ++changes_;
            std::this_thread::sleep_for(milliseconds(15));
        }
    }

    std::vector<test::HttpClient> clients_;
    std::atomic<bool> stop_{false};
    std::atomic<int> changes_{0};
    std::thread thread_;
};

}  // namespace

SseReport runSseCampaign(const CampaignOptions& options, ServerProcess& server,
                         std::mt19937_64& rng) {
    SseReport report;
    const auto started = std::chrono::steady_clock::now();
    FaultProxy proxy(server.port());

    // The stream under test: the desktop's client core, through the proxy.
    crm::HttpTransport transport;
    crm::ClientSession lead(
        transport, QStringLiteral("http://127.0.0.1:%1/api/v1").arg(proxy.port()), nullptr);
    std::optional<crm::ApiError> login;
    lead.login(QStringLiteral("lead1"), QStringLiteral("demo"),
               [&](const crm::ApiError& e) { login = e; });
    if (!waitFor([&] { return login.has_value(); }, milliseconds(20000)) || !login->ok())
        throw std::runtime_error("sse phase: lead1 could not log in through the proxy");
    std::map<std::int64_t, int> seen;  // event id -> times delivered to the listener
    QObject::connect(&lead.events(), &crm::EventStream::eventReceived,
                     [&](const crm::StreamEvent& event) {
                         if (event.id > 0)
                             ++seen[event.id];
                     });
    auto connected = [&] { return lead.events().status() == crm::ConnectionStatus::Connected; };
    if (!waitFor(connected, milliseconds(20000)))
        throw std::runtime_error("sse phase: the lead's stream did not connect");

    // The reference: the same lead's events, straight from the server, never cut.
    test::HttpClient direct(server.url());
    direct.login("lead1");
    test::EventCollector reference(server.url(), direct.token());
    if (reference.waitForType("snapshot", 0, std::chrono::seconds(20)) < 0)
        throw std::runtime_error("sse phase: the reference stream did not open");

    const std::int64_t before = seen.empty() ? 0 : seen.rbegin()->first;
    StateChurn churn(server.url());
    for (int i = 0; i < options.sseCuts; ++i) {
        const int wait = std::uniform_int_distribution<int>(60, 250)(rng);
        test::processEventsFor(milliseconds(wait));
        // Each cut while the stream is up: a cut of a stream that is reconnecting is no cut.
        waitFor(connected, milliseconds(20000));
        proxy.cutAll();
        ++report.cuts;
    }
    churn.stop();

    // Settled: both streams have the last event the churn caused.
    std::int64_t last = 0;
    waitFor(
        [&] {
            const auto events = reference.events();
            for (auto it = events.rbegin(); it != events.rend(); ++it) {
                if (!it->id.empty() && it->type != "snapshot") {
                    last = std::stoll(it->id);
                    break;
                }
            }
            return last > 0 && !seen.empty() && seen.rbegin()->first >= last;
        },
        milliseconds(30000));
    test::processEventsFor(milliseconds(500));

    for (const auto& event : reference.events()) {
        if (event.id.empty() || event.type == "snapshot")
            continue;  // the snapshot opens a stream; its id marks a position, not an event
        const std::int64_t id = std::stoll(event.id);
        if (id <= before || id > last)
            continue;
        ++report.expected;
        const auto it = seen.find(id);
        if (it == seen.end()) {
            ++report.lost;
            std::fprintf(stderr, "LOST EVENT: %lld %s\n", static_cast<long long>(id),
                         event.type.c_str());
        } else {
            ++report.received;
            report.duplicates += it->second - 1;
        }
    }
    report.reconnects = lead.events().stats().connects - 1;
    report.resyncs = lead.events().stats().resyncs;
    report.stateChanges = churn.changes();
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    QObject::disconnect(&lead.events(), nullptr, nullptr, nullptr);
    return report;
}

}  // namespace agentdesk::fault
