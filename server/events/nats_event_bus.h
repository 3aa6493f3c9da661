#pragma once
// The event bus across nodes: a NATS JetStream stream (nats.c, libnats-dev). Every node
// publishes its events to one subject of the stream and takes every event back through an
// ordered consumer; the stream's sequence is the event id, so it is the same on every node.
// The type and audience travel as message headers, the JSON as the body, untouched.
//
// Threads: construct, start() and stop() on the owning thread before and after the I/O thread
// runs; publish() on the I/O thread. nats.c calls back on threads of its own; what they hand
// over (events, a lost publish) is posted to the I/O thread and nothing else is touched there.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "server/events/event_bus.h"

struct __natsConnection;
struct __jsCtx;
struct __natsSubscription;
struct __natsMsg;
struct jsPubAckErr;

namespace agentdesk::server {

struct NatsBusOptions {
    std::string url;  // nats://HOST:PORT (several, comma-separated, for a NATS cluster)
    std::string stream = "AGENTDESK_EVENTS";
    std::string subject = "agentdesk.events";
    std::string clientName = "agentdesk-server";  // as nats-server lists its connections
    // How many of the newest events start() takes back from the stream: the replay buffer a
    // client resuming on this node can be served from.
    std::size_t warmEvents = 4096;
    std::chrono::hours maxAge{24};            // the stream keeps events this long at most
    std::chrono::milliseconds timeout{2000};  // connecting, and each JetStream request
    // A published event whose acknowledgement has not come back after this long counts as lost
    // (every stream then resyncs). Longer than a nats-server restart takes, so that events kept
    // in the reconnect buffer meanwhile are not counted.
    std::chrono::milliseconds ackWait{5000};
};

class NatsEventBus final : public EventBus {
public:
    using Post = std::function<void(std::function<void()>)>;
    // Connects and creates the stream when it does not exist. Throws std::runtime_error with
    // what failed (no server at the address, JetStream not enabled…).
    NatsEventBus(NatsBusOptions options, Post postToIo);
    ~NatsEventBus() override;
    NatsEventBus(const NatsEventBus&) = delete;
    NatsEventBus& operator=(const NatsEventBus&) = delete;

    struct Backlog {
        std::uint64_t before = 0;      // the id before the first of `events`
        std::vector<BusEvent> events;  // the newest events already in the stream, in order
    };
    // Subscribes to the stream from up to warmEvents before its end and returns those events
    // (for the replay buffer, before the I/O thread runs); every later event goes to `sink`,
    // posted to the I/O thread. `lost` runs on the I/O thread when one of this node's events did
    // not reach the stream (its streams resync at once; the others on `bus.resync`). Throws
    // std::runtime_error when the stream cannot be read.
    Backlog start(Sink sink, std::function<void()> lost);
    // Unsubscribes and closes the connection; after it returns nothing more is posted.
    void stop();

    void publish(std::string_view type, std::string data, const Audience& audience) override;
    std::uint64_t ownPublished() const override { return ownPublished_.load(); }

    // Counters for the status endpoint and tests (any thread).
    struct Stats {
        bool connected = false;
        std::uint64_t published = 0, received = 0, publishFailures = 0;
        std::uint64_t reconnects = 0;
    };
    Stats stats() const;

private:
    // nats.c's callbacks; nothing may be thrown back into it.
    static void onMessage(__natsConnection*, __natsSubscription*, __natsMsg* msg,
                          void* self) noexcept;
    static void takeMessage(NatsEventBus* bus, __natsMsg* msg);
    static void onPublishFailed(__jsCtx*, ::jsPubAckErr* err, void* self) noexcept;
    static void onDisconnected(__natsConnection*, void* self) noexcept;
    static void onReconnected(__natsConnection*, void* self) noexcept;
    static void onClosed(__natsConnection*, void* self) noexcept;
    void received(BusEvent event);
    // A publish that did not land: the other nodes and this one resync their streams.
    void publishLost(const std::string& why);
    void ensureStream();

    NatsBusOptions options_;
    Post post_;
    __natsConnection* conn_ = nullptr;
    __jsCtx* js_ = nullptr;
    __natsSubscription* sub_ = nullptr;
    Sink sink_;
    std::function<void()> lost_;

    mutable std::mutex mutex_;  // guards what follows, shared with nats.c's threads
    std::condition_variable backlogArrived_;
    std::condition_variable closedCv_;
    bool closed_ = false;   // nats.c made its last connection callback
    bool live_ = false;     // start() returned: events are posted, not kept in backlog_
    bool stopped_ = false;  // stop() ran: nothing is posted any more
    std::uint64_t backlogEnd_ = 0;
    std::vector<BusEvent> backlog_;
    Stats stats_;
    bool resyncPending_ = false;  // a resync is on its way through the stream
    // This process's events carry "origin:count" (AD-Origin), so it knows its own coming back.
    const std::string origin_;
    std::atomic<std::uint64_t> ownPublished_{0};
    // Posted work runs only while the bus lives.
    std::shared_ptr<NatsEventBus*> self_ = std::make_shared<NatsEventBus*>(this);
};

}  // namespace agentdesk::server
