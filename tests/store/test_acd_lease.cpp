// The ACD lease (server/cluster): one owner per routing group at a time in PostgreSQL, a
// renewed lease keeps its epoch, an expired one goes to the next node with the epoch one up,
// a fenced write under an old epoch changes nothing, a takeover waits for a write in flight,
// and the lease threads hand over on a clean stop and survive a database restart with never two
// owners.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <deque>
#include <mutex>
#include <thread>

#include "server/cluster/acd_lease.h"
#include "server/cluster/acd_state_store.h"
#include "server/store/field_cipher.h"
#include "server/store/pg/pg_crm_store.h"
#include "tests/support/pg_cluster.h"

using namespace agentdesk::server;
using namespace agentdesk::server::cluster;
using namespace std::chrono_literals;
using agentdesk::test::PgCluster;

namespace {

// A database with the CRM schema (which holds acd_leases) and a table to write under the lease.
std::string leaseDatabase(PgCluster& cluster) {
    const std::string conninfo = cluster.createDatabase();
    pg::PgCrmStore migrate(conninfo, FieldCipher::ephemeral());
    pg::PgDb(conninfo).execScript("CREATE TABLE acd_probe (writer TEXT NOT NULL)");
    return conninfo;
}

int probeRows(const std::string& conninfo, const std::string& writer) {
    pg::PgDb db(conninfo);
    return static_cast<int>(
        db.exec("SELECT count(*) FROM acd_probe WHERE writer = $1", {writer}).integer(0, 0));
}

// What the lease threads post, run on the test's thread when it asks.
struct Inbox {
    std::mutex mutex;
    std::deque<std::function<void()>> work;
    AcdLease::Post post() {
        return [this](std::function<void()> fn) {
            std::lock_guard lock(mutex);
            work.push_back(std::move(fn));
        };
    }
    void run() {
        std::deque<std::function<void()>> now;
        {
            std::lock_guard lock(mutex);
            now.swap(work);
        }
        for (auto& fn : now)
            fn();
    }
};

}  // namespace

TEST_CASE("ACD lease: one owner, renewals keep the epoch, an expired lease moves up one",
          "[store][cluster]") {
    const std::string conninfo = leaseDatabase(agentdesk::test::sharedPgCluster());
    pg::PgDb dbA(conninfo), dbB(conninfo);
    LeaseTable a(dbA, "center", "node-a", "instance-a", 400ms),
        b(dbB, "center", "node-b", "instance-b", 400ms);

    const LeaseState first = a.acquireOrRenew(0);
    CHECK(first == LeaseState{true, 1, "node-a"});
    CHECK(b.acquireOrRenew(0) == LeaseState{false, 1, "node-a"});
    CHECK(a.acquireOrRenew(1) == LeaseState{true, 1, "node-a"});  // renewed
    CHECK(b.current() == LeaseState{false, 1, "node-a"});
    // Another process with the same node name (node A restarted, or a copied machine) does
    // not share the lease, even with the right epoch.
    LeaseTable twin(dbB, "center", "node-a", "instance-a2", 400ms);
    CHECK(twin.acquireOrRenew(1) == LeaseState{false, 1, "node-a"});
    CHECK(twin.current() == LeaseState{false, 1, "node-a"});

    std::this_thread::sleep_for(500ms);  // node A stopped renewing
    CHECK(b.current() == LeaseState{false, 1, ""});
    CHECK(b.acquireOrRenew(0) == LeaseState{true, 2, "node-b"});
    // Node A comes back with its old epoch: it does not get the lease back.
    CHECK(a.acquireOrRenew(1) == LeaseState{false, 2, "node-b"});

    // Its writes are fenced off; the owner's go through.
    CHECK_THROWS_AS(
        a.fenced(1, [&] { dbA.exec("INSERT INTO acd_probe(writer) VALUES('node-a')"); }),
        LeaseLost);
    b.fenced(2, [&] { dbB.exec("INSERT INTO acd_probe(writer) VALUES('node-b')"); });
    CHECK(probeRows(conninfo, "node-a") == 0);
    CHECK(probeRows(conninfo, "node-b") == 1);

    // A clean stop releases the lease: the next node takes it at once.
    b.release(2);
    CHECK(a.acquireOrRenew(0) == LeaseState{true, 3, "node-a"});
    // Another routing group has a lease of its own.
    LeaseTable other(dbB, "loans", "node-b", "instance-b", 400ms);
    CHECK(other.acquireOrRenew(0) == LeaseState{true, 1, "node-b"});
}

TEST_CASE("ACD lease: a takeover waits for the old owner's write in flight", "[store][cluster]") {
    const std::string conninfo = leaseDatabase(agentdesk::test::sharedPgCluster());
    pg::PgDb dbA(conninfo), dbB(conninfo);
    LeaseTable a(dbA, "center", "node-a", "instance-a", 200ms),
        b(dbB, "center", "node-b", "instance-b", 200ms);
    REQUIRE(a.acquireOrRenew(0).held);

    std::atomic<bool> holding{false};
    std::thread writer([&] {
        a.fenced(1, [&] {
            holding = true;
            std::this_thread::sleep_for(600ms);  // past the lease's expiry, still writing
            dbA.exec("INSERT INTO acd_probe(writer) VALUES('node-a')");
        });
    });
    while (!holding)
        std::this_thread::sleep_for(5ms);
    std::this_thread::sleep_for(300ms);  // the lease has expired meanwhile
    const auto asked = std::chrono::steady_clock::now();
    const LeaseState taken = b.acquireOrRenew(0);
    const auto waited = std::chrono::steady_clock::now() - asked;
    // The takeover came after the commit, not in the middle of it: the row is there the moment
    // it returns (asked on a connection of its own, before the writer's thread is joined).
    const int rowsAtTakeover = probeRows(conninfo, "node-a");
    writer.join();
    CHECK(taken == LeaseState{true, 2, "node-b"});
    CHECK(rowsAtTakeover == 1);
    CHECK(waited >= 200ms);  // it waited for the write in flight (300 ms of it were left)
}

TEST_CASE(
    "ACD lease threads: a clean stop hands over, a database restart never makes two "
    "owners",
    "[store][cluster]") {
    PgCluster cluster;  // its own: this test restarts it
    const std::string conninfo = leaseDatabase(cluster);
    Inbox inbox;
    LeaseState seenA, seenB;
    LeaseOptions options;
    options.database = conninfo;
    options.ttl = 1500ms;
    options.renewEvery = 300ms;
    options.tryEvery = 150ms;
    options.node = "node-a";
    auto a =
        std::make_unique<AcdLease>(options, inbox.post(), [&](const LeaseState& s) { seenA = s; });
    options.node = "node-b";
    AcdLease b(options, inbox.post(), [&](const LeaseState& s) { seenB = s; });

    const auto until = [&](const std::function<bool()>& done, std::chrono::milliseconds limit) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < deadline) {
            inbox.run();
            if (done())
                return true;
            // Never two owners, at any moment the test looks.
            REQUIRE_FALSE((a && a->valid() && b.valid()));
            std::this_thread::sleep_for(20ms);
        }
        return false;
    };
    a->start();
    REQUIRE(until([&] { return seenA.held; }, 5s));
    b.start();
    REQUIRE(until([&] { return seenB.owner == "node-a"; }, 5s));
    CHECK(a->valid());
    CHECK_FALSE(b.valid());

    // The database goes away: the owner stops acting once its lease could have run out.
    cluster.stop();
    REQUIRE(until([&] { return !a->valid(); }, 3s));
    CHECK_FALSE(b.valid());
    cluster.start();
    // Back: one of them owns the ACD again (node A renews or B takes over; never both).
    REQUIRE(until([&] { return a->valid() || b.valid(); }, 10s));
    const std::string owner = a->valid() ? "node-a" : "node-b";
    AcdLease& holder = a->valid() ? *a : b;
    const std::uint64_t epoch = holder.state().epoch;

    // The owner stops cleanly: the other takes over at once, with the next epoch.
    const auto stopped = std::chrono::steady_clock::now();
    if (owner == "node-a")
        a->stop();
    else
        b.stop();
    AcdLease& next = owner == "node-a" ? b : *a;
    REQUIRE(until([&] { return next.valid(); }, 3s));
    CHECK(std::chrono::steady_clock::now() - stopped < 1s);
    CHECK(next.state().epoch == epoch + 1);
    if (owner == "node-b")
        a->stop();
    a.reset();  // its posts are dropped from here on
    inbox.run();
}

namespace {

DurableChanges agentChange(const std::string& id, AgentState state, const std::string& reason,
                           agentdesk::TimePoint since) {
    DurableChanges ch;
    DurableAgent a;
    a.agentId = id;
    a.state = state;
    a.reason = reason;
    a.since = since;
    ch.agents.push_back(a);
    return ch;
}

DurableChanges callChange(const std::string& id, bool priority, agentdesk::TimePoint entered) {
    DurableChanges ch;
    DurableCall c;
    c.id = id;
    c.queue = "card";
    c.priority = priority;
    c.enteredAt = entered;
    ch.calls.push_back(c);
    return ch;
}

}  // namespace

TEST_CASE("ACD state store: agents and calls are written under the owner's epoch only",
          "[store][cluster]") {
    const std::string conninfo = leaseDatabase(agentdesk::test::sharedPgCluster());
    pg::PgDb dbA(conninfo), dbB(conninfo);
    LeaseTable a(dbA, "center", "node-a", "instance-a", 400ms),
        b(dbB, "center", "node-b", "instance-b", 400ms);
    REQUIRE(a.acquireOrRenew(0).held);
    AcdStateStore store(conninfo, "center");
    const agentdesk::TimePoint since{std::chrono::milliseconds(1'764'900'000'000)};
    store.save(1, agentChange("A1001", AgentState::Ready, "", since));
    store.save(1, agentChange("A1003", AgentState::NotReady, "lunch", since));
    store.save(1, agentChange("A1003", AgentState::NotReady, "break", since));  // the latest
    // Calls come back in the queue's order: priority first, then the earliest.
    store.save(1, callChange("call-b", false, since + 2s));
    store.save(1, callChange("call-a", false, since + 5s));
    store.save(1, callChange("call-c", true, since + 9s));
    store.save(1, callChange("call-d", false, since + 1s));
    DurableChanges over;
    over.endedCalls.push_back("call-d");
    store.save(1, over);
    REQUIRE(store.flush(5s));
    DurableAcd stored = store.load();
    REQUIRE(stored.agents.size() == 2);
    CHECK(stored.agents[0].state == AgentState::Ready);
    CHECK(stored.agents[1].state == AgentState::NotReady);
    CHECK(stored.agents[1].reason == "break");
    CHECK(stored.agents[1].since == since);
    REQUIRE(stored.calls.size() == 3);
    CHECK(stored.calls[0].id == "call-c");
    CHECK(stored.calls[1].id == "call-b");
    CHECK(stored.calls[2].id == "call-a");
    CHECK(stored.calls[2].enteredAt == since + 5s);

    // Node B takes over; what node A still sends under epoch 1 is fenced off.
    a.release(1);
    REQUIRE(b.acquireOrRenew(0) == LeaseState{true, 2, "node-b"});
    store.save(1, agentChange("A1001", AgentState::NotReady, "training", since));
    DurableChanges late;
    late.endedCalls.push_back("call-a");
    store.save(1, late);
    REQUIRE(store.flush(5s));
    CHECK(store.stats().fencedOff == 2);
    store.save(2, agentChange("A1002", AgentState::Ready, "", since));
    REQUIRE(store.flush(5s));
    stored = store.load();
    REQUIRE(stored.agents.size() == 3);
    CHECK(stored.agents[0].state == AgentState::Ready);  // not node A's late "training"
    CHECK(stored.agents[1].agentId == "A1002");
    CHECK(stored.calls.size() == 3);  // nor its late deletion
    // Another routing group's state is its own.
    const DurableAcd loans = AcdStateStore(conninfo, "loans").load();
    CHECK(loans.agents.empty());
    CHECK(loans.calls.empty());
}
