// EventHub's delivery by audience: the indexed fan-out sends each event to exactly the streams
// the visibility rule allows (EventHub::visible, which the replay uses), streams leave the
// indexes when they close, a user's oldest streams close beyond the limit, and a fan-out to
// many streams is written a slice at a time with each stream's events in order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "server/events/event_hub.h"
#include "tests/support/held_event_stream.h"

using namespace agentdesk::server;

namespace {

struct Opened {
    Subscriber who;
    std::shared_ptr<agentdesk::test::HeldEventStream> stream;
};

Opened open(EventHub& hub, Subscriber who) {
    auto stream = std::make_shared<agentdesk::test::HeldEventStream>("probe");
    hub.subscribe(who, stream, std::nullopt, [] { return nlohmann::json::object(); });
    return {std::move(who), stream};
}

}  // namespace

TEST_CASE("Each event reaches exactly the streams its audience allows", "[unit][sse]") {
    EventHub hub(0, 64, StreamLimits{3, 1 << 20});
    std::vector<Opened> streams;
    streams.push_back(open(hub, {"U-lead1", true, {}, "t-lead"}));
    streams.push_back(open(hub, {"U-lead1", true, {}, "t-lead"}));  // a second desktop
    streams.push_back(open(hub, {"U-a1", false, {"general", "card"}, "t-a1"}));
    streams.push_back(open(hub, {"U-a2", false, {"general"}, "t-a2"}));
    streams.push_back(open(hub, {"U-a2", false, {"general"}, "t-a2"}));
    streams.push_back(open(hub, {"U-a3", false, {"loan"}, "t-a3"}));
    streams.push_back(open(hub, {"U-a4", false, {}, "t-a4"}));

    const std::vector<Audience> audiences{Audience::everyone(),       Audience::agent("U-a1"),
                                          Audience::agent("U-lead1"), Audience::agentOnly("U-a2"),
                                          Audience::agentOnly("U-x"), Audience::supervisors(),
                                          Audience::skill("general"), Audience::skill("loan"),
                                          Audience::skill("none"),    Audience::agent("U-a2")};
    for (const auto& audience : audiences) {
        for (auto& s : streams)
            s.stream->counted = 0;
        hub.publish("probe", nlohmann::json::object(), audience);
        for (std::size_t i = 0; i < streams.size(); ++i) {
            INFO("audience kind " << static_cast<int>(audience.kind) << " '" << audience.id
                                  << "', stream " << i << " of " << streams[i].who.agentId);
            CHECK(streams[i].stream->counted ==
                  (EventHub::visible(streams[i].who, audience) ? 1 : 0));
        }
    }
}

TEST_CASE("A closed stream gets nothing more and a user's oldest streams close past the limit",
          "[unit][sse]") {
    EventHub hub(0, 64, StreamLimits{2, 1 << 20});
    auto first = open(hub, {"U-a1", false, {"general"}, "t1"});
    auto second = open(hub, {"U-a1", false, {"general"}, "t1"});
    auto other = open(hub, {"U-a2", false, {"general"}, "t2"});
    CHECK(hub.streamCount() == 3);
    auto third = open(hub, {"U-a1", false, {"general"}, "t1"});  // over 2 for U-a1
    CHECK_FALSE(first.stream->isOpen());
    CHECK(second.stream->isOpen());
    CHECK(third.stream->isOpen());
    CHECK(hub.streamCount() == 3);

    hub.publish("probe", nlohmann::json::object(), Audience::skill("general"));
    CHECK(first.stream->counted == 0);
    CHECK(second.stream->counted == 1);
    CHECK(third.stream->counted == 1);
    CHECK(other.stream->counted == 1);

    other.stream->close();
    hub.publish("probe", nlohmann::json::object(), Audience::agent("U-a2"));
    CHECK(other.stream->counted == 1);
    CHECK(hub.streamCount() == 2);

    CHECK(hub.hasStreamOfToken("t1"));
    CHECK_FALSE(hub.hasStreamOfToken("t2"));  // its one stream closed
    CHECK_FALSE(hub.hasStreamOfToken("t-unknown"));
    hub.closeStreamsOfToken("t1");
    CHECK(hub.streamCount() == 0);
    CHECK_FALSE(hub.hasStreamOfToken("t1"));
    hub.publish("probe", nlohmann::json::object(), Audience::everyone());
    CHECK(second.stream->counted == 1);
}

TEST_CASE("A stream that closed before it was attached leaves nothing behind", "[unit][sse]") {
    EventHub hub(0, 64, StreamLimits{4, 1 << 20});
    auto stream = std::make_shared<agentdesk::test::HeldEventStream>("probe");
    stream->close();  // the client left while the snapshot was being made
    hub.subscribe({"U-a1", false, {"general"}, "t1"}, stream, std::nullopt,
                  [] { return nlohmann::json::object(); });
    CHECK(hub.streamCount() == 0);
    CHECK_FALSE(hub.hasStreamOfToken("t1"));
    hub.publish("probe", nlohmann::json::object(), Audience::skill("general"));
    CHECK(stream->counted == 0);
}

namespace {

// Keeps a queue as a connection does: enqueue() holds the bytes, flush() writes them, send()
// does both. `written` lists the event types in the order they reached the "socket".
class QueueingStream final : public http::EventStream {
public:
    void send(std::shared_ptr<const std::string> bytes) override {
        enqueue(std::move(bytes));
        flush();
    }
    void enqueue(std::shared_ptr<const std::string> bytes) override {
        if (open_)
            queue_.push_back(*bytes);
    }
    void flush() override {
        ++flushes;
        for (const auto& wire : queue_) {
            const auto at = wire.find("event: ");
            if (at != std::string::npos)
                written.push_back(wire.substr(at + 7, wire.find('\n', at) - at - 7));
        }
        queue_.clear();
    }
    void close() override {
        if (!open_)
            return;
        open_ = false;
        queue_.clear();
        if (onClosed_)
            std::exchange(onClosed_, nullptr)();
    }
    bool isOpen() const override { return open_; }
    void setOnClosed(std::function<void()> callback) override {
        if (!open_)
            return callback();
        onClosed_ = std::move(callback);
    }
    std::size_t queued() const { return queue_.size(); }

    std::vector<std::string> written;  // "snapshot" first
    int flushes = 0;

private:
    bool open_ = true;
    std::vector<std::string> queue_;
    std::function<void()> onClosed_;
};

struct Deferred {
    std::vector<std::function<void()>> pending;
    EventHub::Defer defer() {
        return [this](std::function<void()> fn) { pending.push_back(std::move(fn)); };
    }
    // Runs what is pending now (what it posts waits for the next call); how many ran.
    std::size_t runOnce() {
        auto now = std::exchange(pending, {});
        for (auto& fn : now)
            fn();
        return now.size();
    }
};

std::vector<std::shared_ptr<QueueingStream>> openQueueing(EventHub& hub, int count,
                                                          const std::string& skill) {
    std::vector<std::shared_ptr<QueueingStream>> out;
    for (int i = 0; i < count; ++i) {
        auto s = std::make_shared<QueueingStream>();
        const std::string agent = "U-" + std::to_string(i);
        hub.subscribe({agent, false, {skill}, "t-" + agent}, s, std::nullopt,
                      [] { return nlohmann::json::object(); });
        out.push_back(std::move(s));
    }
    return out;
}

std::size_t countWritten(const std::vector<std::shared_ptr<QueueingStream>>& streams,
                         const std::string& type) {
    std::size_t n = 0;
    for (const auto& s : streams)
        n += static_cast<std::size_t>(std::count(s->written.begin(), s->written.end(), type));
    return n;
}

}  // namespace

TEST_CASE("A fan-out to many streams is written a slice per pass, each stream's events in order",
          "[unit][sse]") {
    Deferred io;
    EventHub hub(0, 64, StreamLimits{4, 1 << 20}, io.defer());
    const int n = static_cast<int>(EventHub::kFlushSlice * 2 + 10);
    auto streams = openQueueing(hub, n, "general");
    REQUIRE(countWritten(streams, "snapshot") == static_cast<std::size_t>(n));

    hub.publish("queue.stats", nlohmann::json::object(), Audience::skill("general"));
    // Queued on every stream, written on none yet: the request that caused it is answered first.
    CHECK(countWritten(streams, "queue.stats") == 0);
    // The agent's own event goes out at once, behind the figures queued before it on its stream.
    hub.publish("call.answered", nlohmann::json::object(), Audience::agentOnly("U-7"));
    CHECK(streams[7]->written ==
          std::vector<std::string>{"snapshot", "queue.stats", "call.answered"});

    REQUIRE(io.runOnce() == 1);
    // One slice of streams flushed; U-7 had its figures already, whether or not it is in it.
    CHECK(countWritten(streams, "queue.stats") >= EventHub::kFlushSlice);
    CHECK(countWritten(streams, "queue.stats") <= EventHub::kFlushSlice + 1);
    REQUIRE(io.runOnce() == 1);
    REQUIRE(io.runOnce() == 1);
    CHECK(io.runOnce() == 0);  // nothing left, nothing posted
    CHECK(countWritten(streams, "queue.stats") == static_cast<std::size_t>(n));
    for (const auto& s : streams)
        CHECK(s->queued() == 0);
    CHECK(streams[7]->written ==
          std::vector<std::string>{"snapshot", "queue.stats", "call.answered"});

    // A heartbeat for all is deferred the same way; a stream closed before its turn is skipped.
    std::vector<int> before;
    for (const auto& s : streams)
        before.push_back(s->flushes);
    hub.sendHeartbeat();
    CHECK(streams[0]->queued() == 1);
    streams[3]->close();
    int passes = 0;
    while (io.runOnce() > 0)
        ++passes;
    CHECK(passes == 3);
    for (std::size_t i = 0; i < streams.size(); ++i) {
        INFO("stream " << i);
        CHECK(streams[i]->flushes == before[i] + (i == 3 ? 0 : 1));
        CHECK(streams[i]->queued() == 0);
    }
}

TEST_CASE("Two fan-outs before a flush reach each stream once each, in order, in one write",
          "[unit][sse]") {
    Deferred io;
    EventHub hub(0, 64, StreamLimits{4, 1 << 20}, io.defer());
    auto streams = openQueueing(hub, static_cast<int>(EventHub::kFlushSlice + 5), "general");
    std::vector<int> before;
    for (const auto& s : streams)
        before.push_back(s->flushes);
    hub.publish("first", nlohmann::json::object(), Audience::skill("general"));
    hub.publish("second", nlohmann::json::object(), Audience::skill("general"));
    CHECK(io.pending.size() == 1);  // one flush posted for both
    while (io.runOnce() > 0) {
    }
    for (std::size_t i = 0; i < streams.size(); ++i) {
        INFO("stream " << i);
        CHECK(streams[i]->written == std::vector<std::string>{"snapshot", "first", "second"});
        CHECK(streams[i]->flushes == before[i] + 1);
    }
}

// The guard against a destroyed hub is checked for real by the ASan build of these tests
// (build-asan/ in CI): without it, the posted flush reads the hub after its scope.
TEST_CASE("A fan-out to a few streams is written at once, and a pending flush outlives no hub",
          "[unit][sse]") {
    Deferred io;
    std::vector<std::shared_ptr<QueueingStream>> many;
    {
        EventHub hub(0, 64, StreamLimits{4, 1 << 20}, io.defer());
        auto few = openQueueing(hub, static_cast<int>(EventHub::kImmediateStreams), "loan");
        hub.publish("queue.stats", nlohmann::json::object(), Audience::skill("loan"));
        CHECK(countWritten(few, "queue.stats") == EventHub::kImmediateStreams);
        CHECK(io.pending.empty());

        std::vector<std::shared_ptr<QueueingStream>> others;
        for (int i = 0; i < 40; ++i) {
            auto s = std::make_shared<QueueingStream>();
            const std::string agent = "U-card-" + std::to_string(i);
            hub.subscribe({agent, false, {"card"}, "t-" + agent}, s, std::nullopt,
                          [] { return nlohmann::json::object(); });
            many.push_back(s);
        }
        hub.publish("queue.stats", nlohmann::json::object(), Audience::skill("card"));
        CHECK(countWritten(many, "queue.stats") == 0);
        CHECK(io.pending.size() == 1);
    }
    // The hub is gone before its flush ran: the posted flush does nothing.
    CHECK(io.runOnce() == 1);
    CHECK(countWritten(many, "queue.stats") == 0);
}

namespace {

// A bus that keeps what it is given; the test hands events back with ids, as a log would.
class RecordingBus final : public EventBus {
public:
    void publish(std::string_view type, std::string data, const Audience& audience) override {
        sent.push_back({0, std::string(type), audience, std::move(data)});
    }
    std::vector<BusEvent> sent;
};

BusEvent withId(BusEvent event, std::uint64_t id) {
    event.id = id;
    return event;
}

}  // namespace

TEST_CASE(
    "With a bus, ids come back from the log, a repeat is dropped, a gap or a lost event "
    "resyncs",
    "[unit][sse]") {
    RecordingBus bus;
    EventHub hub(10, 64, StreamLimits{}, {}, &bus);
    auto stream = std::make_shared<QueueingStream>();
    hub.subscribe({"U-a1", false, {"general"}, "t1"}, stream, std::nullopt,
                  [] { return nlohmann::json::object(); });
    hub.publish("probe", nlohmann::json::object(), Audience::agent("U-a1"));
    CHECK(stream->written == std::vector<std::string>{"snapshot"});  // not before the log has it
    REQUIRE(bus.sent.size() == 1);
    CHECK(bus.sent[0].data == "{}");

    hub.accept(withId(bus.sent[0], 11));
    CHECK(hub.lastId() == 11);
    hub.accept(withId(bus.sent[0], 11));  // a consumer's redelivery
    CHECK(stream->written == std::vector<std::string>{"snapshot", "probe"});

    hub.accept(withId(bus.sent[0], 14));  // 12 and 13 never came
    CHECK(hub.lastId() == 14);
    hub.accept({15, std::string(kBusResyncType), Audience::everyone(), "{}"});
    CHECK(hub.lastId() == 15);
    CHECK(stream->written ==
          std::vector<std::string>{"snapshot", "probe", "resync", "probe", "resync"});

    // A client that was away meanwhile and resumes from before the loss is told to resync,
    // not replayed past the hole; one that resumes after it is replayed as usual.
    hub.accept(withId(bus.sent[0], 16));
    auto before = std::make_shared<QueueingStream>();
    hub.subscribe({"U-a1", false, {"general"}, "t1"}, before, 11,
                  [] { return nlohmann::json::object(); });
    CHECK(before->written == std::vector<std::string>{"resync"});
    auto after = std::make_shared<QueueingStream>();
    hub.subscribe({"U-a1", false, {"general"}, "t1"}, after, 15,
                  [] { return nlohmann::json::object(); });
    CHECK(after->written == std::vector<std::string>{"probe"});
}

TEST_CASE(
    "With a bus, a stream resuming ahead of this node skips to its id, or resyncs when "
    "the id never comes",
    "[unit][sse]") {
    RecordingBus bus;
    EventHub hub(10, 64, StreamLimits{}, {}, &bus);
    const auto probe = [](std::uint64_t id) {
        return BusEvent{id, "probe", Audience::everyone(), "{}"};
    };
    auto behind = std::make_shared<QueueingStream>();
    hub.subscribe({"U-a1", false, {}, "t1"}, behind, 12, [] { return nlohmann::json::object(); });
    auto bogus = std::make_shared<QueueingStream>();
    hub.subscribe({"U-a2", false, {}, "t2"}, bogus, 500, [] { return nlohmann::json::object(); });
    CHECK(behind->written.empty());  // neither a replay nor a resync: its events are coming
    hub.accept(probe(11));
    hub.accept(probe(12));
    CHECK(behind->written.empty());  // it had those from the node it came from
    hub.accept(probe(13));
    CHECK(behind->written == std::vector<std::string>{"probe"});

    const auto now = std::chrono::steady_clock::now();
    hub.checkAheadStreams(now + std::chrono::seconds(1));
    CHECK(bogus->written.empty());
    hub.checkAheadStreams(now + EventHub::kAheadWait + std::chrono::seconds(1));
    CHECK(bogus->written == std::vector<std::string>{"resync"});
    hub.accept(probe(14));
    CHECK(bogus->written == std::vector<std::string>{"resync", "probe"});
    CHECK(behind->written == std::vector<std::string>{"probe", "probe"});
}
