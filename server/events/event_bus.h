#pragma once
// Where events go between being published and reaching the streams. Without a bus the hub
// numbers events itself (one server: the in-process default). With one, every node publishes
// to a shared, ordered log and takes each event back from it with the log's sequence as its id,
// so ids mean the same on every node and a client resumes on any of them with Last-Event-ID.
//
// Threads: publish() is called on the I/O thread; a bus hands events back on the I/O thread.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "server/events/event_publisher.h"

namespace agentdesk::server {

struct BusEvent {
    std::uint64_t id = 0;  // the log's sequence
    std::string type;
    Audience audience;
    std::string data;  // the event's JSON, as it goes on the wire
    // This node published it as its ownSeq-th event (0: another node's, or not known).
    std::uint64_t ownSeq = 0;
};

// The type of the control event a node publishes after one of its events could not be stored:
// every node sends its streams `resync` on it, so nobody keeps state built on a lost event.
inline constexpr std::string_view kBusResyncType = "bus.resync";

class EventBus {
public:
    // Called on the I/O thread with every event of the log, in sequence order, from the one
    // before which the node's replay buffer starts.
    using Sink = std::function<void(BusEvent)>;
    virtual ~EventBus() = default;
    virtual void publish(std::string_view type, std::string data, const Audience& audience) = 0;
    // How many events this node has published so far (any thread); BusEvent::ownSeq counts
    // the same way, so a node knows when its own events have all come back.
    virtual std::uint64_t ownPublished() const { return 0; }
};

}  // namespace agentdesk::server
