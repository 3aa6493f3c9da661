#pragma once
// Server-sent events: ids, the replay buffer, per-user filtering and fan-out to open streams.
//
// Threads: used only on the server's I/O thread.
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include "server/events/event_bus.h"
#include "server/events/event_publisher.h"
#include "server/http/http_types.h"

namespace agentdesk::server {

struct Subscriber {
    std::string agentId;
    bool supervisor = false;  // team lead or trainer: sees every agent and all alerts
    std::set<std::string> skills;
    std::string token;  // closing the session closes its streams
};

struct StreamLimits {
    // A user's streams beyond this close, oldest first (a desktop opens one).
    std::size_t perUser = 4;
    // A replay larger than this is not sent: the client gets `resync` (once; it then takes a
    // snapshot) instead of a replay the transport would cut as a slow client, again and again.
    std::size_t replayBytes = 2 * 1024 * 1024;
};

class EventHub final : public EventPublisher {
public:
    // Runs a function later on the I/O thread (asio::post on the server's io_context).
    using Defer = std::function<void(std::function<void()>)>;

    // firstId: ids start above it. Taking the start time in ms × 1000 keeps ids increasing
    // across restarts, so a client resuming against a restarted server gets a resync.
    // With `defer`, an event for more than kImmediateStreams streams (a queue's figures for
    // all its agents, a heartbeat) is queued on each stream at once and written
    // kFlushSlice streams at a time, one slice per pass of the I/O thread: requests that
    // arrive meanwhile are answered between slices instead of behind the whole fan-out (at
    // 2,000 agents a queue's figures took the I/O thread ~150 ms: every write on loopback wakes
    // a client, which takes the core). A stream's events stay in order: its queue is one, and
    // an event for a few streams writes theirs at once, with what is queued before it.
    //
    // With a bus, publish() goes to the bus and the hub numbers nothing: the bus hands every
    // event back through accept() with its id, and firstId is the id before the first of them.
    EventHub(std::uint64_t firstId, std::size_t replayCapacity, StreamLimits limits = {},
             Defer defer = {}, EventBus* bus = nullptr);

    static constexpr std::size_t kImmediateStreams = 32;
    static constexpr std::size_t kFlushSlice = 64;

    void publish(std::string_view type, nlohmann::json data, const Audience& audience) override;

    // An event from the bus, on the I/O thread, in id order. An id already seen is dropped; an
    // id past the next one means events were lost on the way, and every stream gets `resync`.
    void accept(BusEvent event);
    // Sends every stream `resync` (it takes a snapshot and carries on from its lastEventId).
    void resyncAll(std::string_view reason);
    // Another node took the ACD over (its cluster.owner event, just accepted): every stream
    // resyncs (`acd_moved`), and so does one that starts later from a snapshot taken before.
    void ownerMoved();
    // Every event this node published has come back from the bus (always, without one): a
    // snapshot taken now is not ahead of the stream. `back` runs (I/O thread) each time that
    // becomes true.
    bool ownEventsBack() const { return !bus_ || ownReturned_ >= bus_->ownPublished(); }
    void onOwnEventsBack(std::function<void()> back) { ownEventsBack_ = std::move(back); }
    // With a bus: a stream that resumed from an id this node has not received yet (it comes
    // from a node that is ahead) skips events up to it; if the id has not arrived after
    // kAheadWait, it was never in the log and the stream gets `resync`. Called on the heartbeat.
    void checkAheadStreams(std::chrono::steady_clock::time_point now);
    static constexpr std::chrono::seconds kAheadWait{3};

    // Attaches a stream. Without lastEventId it starts with `snapshot`; with one it replays
    // what came after it, or sends `resync` when that is no longer in the buffer or is more
    // than limits.replayBytes. Closes the user's oldest streams beyond limits.perUser.
    void subscribe(Subscriber subscriber, std::shared_ptr<http::EventStream> stream,
                   std::optional<std::uint64_t> lastEventId,
                   const std::function<nlohmann::json()>& snapshot);
    // Attaches a stream that starts with a snapshot made elsewhere (the node that runs the ACD)
    // as of event `snapshotId`: what this node has after that id follows it, and what it has not
    // received yet is skipped as it arrives (the snapshot holds it).
    void subscribeAfterSnapshot(Subscriber subscriber, std::shared_ptr<http::EventStream> stream,
                                const nlohmann::json& snapshot, std::uint64_t snapshotId);

    void sendHeartbeat();
    void closeStreamsOfToken(const std::string& token);
    bool hasStreamOfToken(const std::string& token) const;
    void closeAll();

    std::size_t streamCount() const { return streams_.size(); }
    std::uint64_t lastId() const { return nextId_ - 1; }
    std::uint64_t oldestBufferedId() const {
        return buffer_.empty() ? nextId_ : buffer_.front().id;
    }

    static std::string format(std::uint64_t id, std::string_view type, const std::string& json);
    // Whether a subscriber may see an event for this audience (the replay asks it per event;
    // live delivery finds the same streams through the indexes).
    static bool visible(const Subscriber& s, const Audience& a);

private:
    struct Stored {
        std::uint64_t id;
        Audience audience;
        std::shared_ptr<const std::string> wire;
    };
    struct Open {
        Subscriber subscriber;
        std::shared_ptr<http::EventStream> stream;
        bool flushDue = false;          // in unflushed_
        std::uint64_t skipThrough = 0;  // events up to this id went to the stream elsewhere
    };
    using Keys = std::set<std::uint64_t>;  // stream keys, oldest first

    // Sends to every open stream the audience allows, without looking at the others: a
    // counselor's own event touches the supervisors' streams and theirs, not all 2,000.
    void deliver(std::uint64_t id, const Audience& audience,
                 const std::shared_ptr<const std::string>& wire);
    void sendTo(std::uint64_t id, const Keys* keys, const std::shared_ptr<const std::string>& wire);
    // Sends to one stream, or with `later` queues on it and lists it for flushSlice().
    void sendOne(Open& open, std::uint64_t key, std::uint64_t id,
                 const std::shared_ptr<const std::string>& wire, bool later);
    void store(std::uint64_t id, std::string_view type, const Audience& audience,
               const std::string& json);
    void sendResync(http::EventStream& stream, const char* reason);
    void acceptFromBus(BusEvent event);
    // Replays what came after `last` to a stream (or sends resync); returns the id up to which
    // the stream skips events still on their way (0: none).
    std::uint64_t resume(const Subscriber& subscriber, http::EventStream& stream,
                         std::uint64_t last);
    void attachStream(Subscriber subscriber, std::shared_ptr<http::EventStream> stream,
                      std::uint64_t skipThrough);
    bool deferFor(std::size_t streams) const { return defer_ && streams > kImmediateStreams; }
    void postFlush();
    void flushSlice();
    const Keys* keysOf(const std::unordered_map<std::string, Keys>& index,
                       const std::string& id) const;
    void attach(std::uint64_t key, Open open);
    void detach(std::uint64_t key);
    void closeOldestOf(const std::string& agentId);

    std::uint64_t nextId_;
    std::uint64_t movedAt_ = 0;      // the id of the last change of the ACD's owner
    std::uint64_t ownReturned_ = 0;  // the highest BusEvent::ownSeq seen
    std::function<void()> ownEventsBack_;
    // The id at which events were last lost (a gap in the bus's ids, or `bus.resync`): a
    // client resuming from before it is told to resync, not replayed past the hole.
    std::uint64_t lostAt_ = 0;
    std::size_t capacity_;
    StreamLimits limits_;
    std::deque<Stored> buffer_;
    std::unordered_map<std::uint64_t, Open> streams_;
    // Indexes of streams_ by who may see what. A supervisor's streams are in supervisors_ and
    // byAgent_ only (they see every skill); a counselor's in byAgent_ and bySkill_. Every
    // stream is also in byToken_.
    Keys supervisors_;
    std::unordered_map<std::string, Keys> byAgent_;
    std::unordered_map<std::string, Keys> bySkill_;
    // By session token: the idle-session check asks for every session on every tick.
    std::unordered_map<std::string, Keys> byToken_;
    std::uint64_t nextStreamKey_ = 1;
    std::uint64_t rotor_ = 0;  // where the next delivery starts (sendTo)
    Defer defer_;
    EventBus* bus_;
    // Streams that resumed ahead of this node (see checkAheadStreams), with when they did.
    std::unordered_map<std::uint64_t, std::chrono::steady_clock::time_point> ahead_;
    std::deque<std::uint64_t> unflushed_;  // streams with queued events, in write order
    bool flushPosted_ = false;
    // The posted flushSlice() runs only while the hub lives.
    std::shared_ptr<EventHub*> self_ = std::make_shared<EventHub*>(this);
};

}  // namespace agentdesk::server
