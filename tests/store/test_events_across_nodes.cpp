// Events across nodes through NATS JetStream (--events nats://…): two servers on one
// PostgreSQL database and one nats-server. An event published on either node reaches the
// streams of both with the same id (the stream's sequence); a client resumes on the other node
// with Last-Event-ID and misses nothing; a node started later takes the newest events back
// from the stream; a nats-server restart loses nothing.
#include <catch2/catch.hpp>

#include <thread>

#include <nlohmann/json.hpp>

#include "tests/support/center_nodes.h"

using namespace agentdesk::test;
using nlohmann::json;

namespace {

using Center = CenterNodes;

json note(const std::string& key, const std::string& text) {
    return {{"idempotencyKey", key},
            {"customerId", "C00001"},
            {"wrapupCode", "CARD_LOST"},
            {"text", text}};
}

// The note.saved event whose note has this text, from `from` on; its index or -1.
int waitNote(const EventCollector& events, const std::string& text, int from = 0) {
    return events.waitFor(
        [&](const ReceivedEvent& e) {
            return e.type == "note.saved" && e.data["note"]["text"] == text;
        },
        from, std::chrono::seconds(10));
}

// The ids and types of the events after the given id.
std::vector<std::pair<std::string, std::string>> idsAndTypes(const EventCollector& events,
                                                             std::uint64_t after) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& e : events.events()) {
        if (e.type != "snapshot" && std::stoull(e.id) > after)
            out.emplace_back(e.id, e.type);
    }
    return out;
}

std::uint64_t snapshotId(const EventCollector& events) {
    return std::stoull(events.events().at(0).id);
}

}  // namespace

TEST_CASE("two nodes share events through NATS, with the stream's sequence as id",
          "[store][nats]") {
    Center center;
    TestServer a(center.node("node-a")), b(center.node("node-b"));
    HttpClient onA = a.loggedIn("counselor1");
    HttpClient onB = b.client();
    onB.setToken(onA.token());  // the session is in the shared database
    REQUIRE(onB.get("/api/v1/agents/me").status == 200);

    EventCollector streamA(a.url(), onA.token()), streamB(b.url(), onA.token());
    REQUIRE(streamA.waitForType("snapshot") == 0);
    REQUIRE(streamB.waitForType("snapshot") == 0);

    REQUIRE(onA.post("/api/v1/notes", note("n-1", "A에서 저장")).status == 201);
    REQUIRE(onB.post("/api/v1/notes", note("n-2", "B에서 저장")).status == 201);
    const int a2 = waitNote(streamA, "B에서 저장"), b2 = waitNote(streamB, "B에서 저장");
    REQUIRE(a2 > 0);
    REQUIRE(b2 > 0);
    const int a1 = waitNote(streamA, "A에서 저장"), b1 = waitNote(streamB, "A에서 저장");
    REQUIRE(a1 > 0);
    REQUIRE(b1 > 0);
    // The same events in the same order with the same ids on both nodes (from where both
    // streams had begun).
    const std::uint64_t bothOpen = std::max(snapshotId(streamA), snapshotId(streamB));
    CHECK(idsAndTypes(streamA, bothOpen).size() >= 2);
    CHECK(idsAndTypes(streamA, bothOpen) == idsAndTypes(streamB, bothOpen));
    const auto all = streamA.events();
    CHECK(std::stoull(all[a2].id) > std::stoull(all[a1].id));

    // A client of node A goes to node B with its last id: B replays what came after it,
    // with no snapshot and nothing missed.
    const std::string resumeFrom = all[a1].id;
    REQUIRE(onA.post("/api/v1/notes", note("n-3", "다시 A에서")).status == 201);
    REQUIRE(waitNote(streamA, "다시 A에서") > 0);
    EventCollector resumed(b.url(), onA.token(), resumeFrom);
    REQUIRE(waitNote(resumed, "다시 A에서") >= 0);
    const auto replay = resumed.events();
    CHECK(replay.front().type != "snapshot");
    CHECK(replay.front().type != "resync");
    CHECK(idsAndTypes(resumed, 0) == idsAndTypes(streamA, std::stoull(resumeFrom)));

    // The lead's status page says which bus carries the events, and which node runs the ACD:
    // exactly one, the same on both pages.
    HttpClient leadA = a.loggedIn("lead1"), leadB = b.client();
    leadB.setToken(leadA.token());
    json statusA, statusB;
    CHECK(eventually([&] {
        statusA = leadA.get("/api/v1/server/status").json()["events"];
        statusB = leadB.get("/api/v1/server/status").json()["events"];
        return statusA["acd"]["owner"].is_string() &&
               statusA["acd"]["owner"] == statusB["acd"]["owner"] &&
               statusA["acd"]["here"] != statusB["acd"]["here"];
    }));
    CHECK(statusA["bus"] == "nats");
    CHECK(statusA["connected"] == true);
    CHECK(statusA["published"].get<int>() >= 2);
    CHECK(statusA["node"] == "node-a");
    CHECK(statusA["acd"]["epoch"].get<int>() >= 1);
    const std::string owner = statusA["acd"]["owner"];
    CHECK((owner == "node-a" || owner == "node-b"));
    CHECK(statusA["acd"]["here"] == (owner == "node-a"));
}

TEST_CASE("a node started later serves a resume from the events before its start",
          "[store][nats]") {
    Center center;
    std::string token, before;
    {
        TestServer a(center.node("node-a"));
        HttpClient onA = a.loggedIn("counselor1");
        token = onA.token();
        EventCollector stream(a.url(), token);
        REQUIRE(stream.waitForType("snapshot") == 0);
        before = stream.events()[0].id;  // the snapshot's id: the last before it
        REQUIRE(onA.post("/api/v1/notes", note("late-1", "먼저 저장")).status == 201);
        REQUIRE(waitNote(stream, "먼저 저장") > 0);
    }
    // Node A is gone; node B starts afterwards and has never seen the event.
    TestServer b(center.node("node-b"));
    EventCollector resumed(b.url(), token, before);
    CHECK(waitNote(resumed, "먼저 저장") >= 0);
    const auto got = resumed.events();
    REQUIRE_FALSE(got.empty());
    CHECK(got.front().type != "resync");
}

TEST_CASE("a nats-server restart: the nodes reconnect and no event is lost", "[store][nats]") {
    Center center;
    TestServer a(center.node("node-a")), b(center.node("node-b"));
    HttpClient onA = a.loggedIn("counselor1");
    EventCollector streamB(b.url(), onA.token());
    REQUIRE(streamB.waitForType("snapshot") == 0);
    REQUIRE(onA.post("/api/v1/notes", note("r-1", "재시작 전")).status == 201);
    const int first = waitNote(streamB, "재시작 전");
    REQUIRE(first > 0);

    center.nats.stop();
    // Once node A knows the bus is down, what it publishes waits in its reconnect buffer. (An
    // event published before it noticed would be lost with the connection: its missing ack
    // makes every stream resync instead.)
    HttpClient lead = a.loggedIn("lead1");
    REQUIRE(eventually(
        [&] { return lead.get("/api/v1/server/status").json()["events"]["connected"] == false; }));
    REQUIRE(onA.post("/api/v1/notes", note("r-2", "중단 중")).status == 201);
    center.nats.start();
    REQUIRE(onA.post("/api/v1/notes", note("r-3", "재시작 후")).status == 201);
    const int during = waitNote(streamB, "중단 중", first);
    const int after = waitNote(streamB, "재시작 후", first);
    CHECK(during > first);
    CHECK(after > during);
    // Ids kept counting from where they were; nobody was told to resync.
    const auto got = streamB.events();
    if (after > 0)
        CHECK(std::stoull(got[after].id) > std::stoull(got[first].id));
    CHECK(streamB.waitForType("resync", 1, std::chrono::milliseconds(200)) == -1);
}

TEST_CASE("a frozen nats-server: an event published meanwhile arrives or every stream resyncs",
          "[store][nats]") {
    Center center;
    TestServer a(center.node("node-a")), b(center.node("node-b"));
    HttpClient onA = a.loggedIn("counselor1");
    EventCollector streamA(a.url(), onA.token()), streamB(b.url(), onA.token());
    REQUIRE(streamA.waitForType("snapshot") == 0);
    REQUIRE(streamB.waitForType("snapshot") == 0);

    // The server stops answering without closing anything: the publish goes into a connection
    // that may never deliver it, and no acknowledgement comes back.
    center.nats.freeze();
    REQUIRE(onA.post("/api/v1/notes", note("z-1", "멈춘 동안")).status == 201);
    std::this_thread::sleep_for(std::chrono::seconds(6));
    center.nats.thaw();
    // Never silently lost: on both nodes the note arrives, or the stream is told to resync.
    for (const EventCollector* stream : {&streamA, &streamB}) {
        CHECK(stream->waitFor(
                  [](const ReceivedEvent& e) {
                      return e.type == "resync" ||
                             (e.type == "note.saved" && e.data["note"]["text"] == "멈춘 동안");
                  },
                  1, std::chrono::seconds(20)) > 0);
    }
    // And the bus works again afterwards.
    REQUIRE(onA.post("/api/v1/notes", note("z-2", "다시 흐름")).status == 201);
    CHECK(waitNote(streamB, "다시 흐름") > 0);
}
