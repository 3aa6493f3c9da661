// The ACD lease between real agentdesk-server processes (one PostgreSQL, one nats-server):
// the node started first runs the ACD; kill -9 it and the other takes over within 4 s; freeze
// the owner (SIGSTOP) and the other takes over; thaw it and it steps down at once, never a
// second owner. The takeover times are printed.
#include <catch2/catch.hpp>

#include <csignal>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "tests/support/free_port.h"
#include "tests/support/http_client.h"
#include "tests/support/nats_server.h"
#include "tests/support/pg_cluster.h"
#include "tests/support/server_binary.h"
#include "tests/support/temp_dir.h"

using namespace agentdesk::test;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

struct Node {
    std::string name;
    int port = 0;
    std::unique_ptr<SpawnedProcess> process;
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }
};

class Cluster {
public:
    Cluster() {
        db_ = sharedPgCluster().createDatabaseUri();
        key_ = (dir_.path / "server.key").string();
    }
    void start(Node& node) {
        if (!node.port)
            node.port = freeLoopbackPort();
        static int run = 0;
        node.process = std::make_unique<SpawnedProcess>(
            std::vector<std::string>{
                AGENTDESK_SERVER_BINARY, "--db", db_, "--key-file", key_, "--demo", "--demo-rate",
                "0", "--listen", "127.0.0.1:" + std::to_string(node.port), "--events", nats_.url(),
                "--node", node.name, "--log", "warn,cluster=info"},
            (dir_.path / (node.name + "-" + std::to_string(++run) + ".log")).string());
        REQUIRE(servedUrl(*node.process) == node.url());
    }
    // The ACD part of GET /server/status on this node, as a team lead sees it.
    json acd(const Node& node) {
        if (token_.empty()) {
            HttpClient client(node.url());
            const auto r =
                client.post("/api/v1/sessions", {{"username", "lead1"}, {"password", "demo"}});
            REQUIRE(r.status == 201);
            token_ = r.json()["token"];
        }
        HttpClient client(node.url());
        client.setToken(token_);
        const auto r = client.get("/api/v1/server/status");
        return r.status == 200 ? r.json()["events"]["acd"] : json();
    }

private:
    TempDir dir_{"agentdesk-lease-nodes"};
    NatsServer nats_;
    std::string db_, key_, token_;
};

bool runsAcd(const json& acd) {
    return acd.is_object() && acd["here"] == true;
}

// How long until `node` runs the ACD, checking every 50 ms; -1 after 10 s.
long long msUntilOwner(Cluster& cluster, const Node& node) {
    const auto start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - start < 10s) {
        if (runsAcd(cluster.acd(node)))
            return std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::steady_clock::now() - start)
                .count();
        std::this_thread::sleep_for(50ms);
    }
    return -1;
}

}  // namespace

TEST_CASE("ACD lease across processes: kill -9 and SIGSTOP of the owner", "[store][cluster]") {
    Cluster cluster;
    Node a{"node-a", 0, nullptr}, b{"node-b", 0, nullptr};
    cluster.start(a);
    REQUIRE(msUntilOwner(cluster, a) >= 0);
    cluster.start(b);
    json first;
    REQUIRE(eventually([&] {  // node B's lease thread has looked once
        first = cluster.acd(b);
        return first["owner"] == "node-a";
    }));
    CHECK_FALSE(runsAcd(first));
    const int epoch = first["epoch"];

    // kill -9 the owner: node B takes over within 4 s, with the next epoch.
    a.process->kill();
    const long long afterKill = msUntilOwner(cluster, b);
    CHECK(afterKill >= 0);
    CHECK(afterKill < 4000);
    CHECK(cluster.acd(b)["epoch"] == epoch + 1);

    // Node A comes back: it does not take the ACD from a live owner.
    cluster.start(a);
    json back;
    CHECK(eventually([&] {
        back = cluster.acd(a);
        return back["owner"] == "node-b";
    }));
    CHECK_FALSE(runsAcd(back));

    // Freeze the owner: node A takes over; thawed, node B steps down at once.
    b.process->freeze();
    const long long afterFreeze = msUntilOwner(cluster, a);
    CHECK(afterFreeze >= 0);
    CHECK(afterFreeze < 4000);
    CHECK(cluster.acd(a)["epoch"] == epoch + 2);
    b.process->thaw();
    const auto thawed = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - thawed < 2s) {
        const json onB = cluster.acd(b), onA = cluster.acd(a);
        CHECK_FALSE(runsAcd(onB));  // never a second owner, from its first answer on
        CHECK(runsAcd(onA));
        std::this_thread::sleep_for(100ms);
    }
    CHECK(cluster.acd(b)["owner"] == "node-a");
    std::printf("ACD takeover: %lld ms after kill -9 of the owner, %lld ms after SIGSTOP\n",
                afterKill, afterFreeze);
}
