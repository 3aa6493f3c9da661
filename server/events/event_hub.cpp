#include "server/events/event_hub.h"

#include <algorithm>

#include "common/logging.h"

namespace agentdesk::server {

EventHub::EventHub(std::uint64_t firstId, std::size_t replayCapacity, StreamLimits limits,
                   Defer defer, EventBus* bus)
    : nextId_(firstId + 1),
      capacity_(replayCapacity == 0 ? 1 : replayCapacity),
      limits_(limits),
      defer_(std::move(defer)),
      bus_(bus) {
    if (limits_.perUser == 0)
        limits_.perUser = 1;
}

std::string EventHub::format(std::uint64_t id, std::string_view type, const std::string& json) {
    std::string wire;
    wire.reserve(json.size() + type.size() + 40);
    wire.append("id: ").append(std::to_string(id)).append("\nevent: ");
    wire.append(type).append("\ndata: ").append(json).append("\n\n");
    return wire;
}

bool EventHub::visible(const Subscriber& s, const Audience& a) {
    switch (a.kind) {
        case Audience::Kind::Everyone:
            return true;
        case Audience::Kind::Agent:
            return s.supervisor || s.agentId == a.id;
        case Audience::Kind::AgentOnly:
            return s.agentId == a.id;
        case Audience::Kind::Supervisors:
            return s.supervisor;
        case Audience::Kind::Skill:
            return s.supervisor || s.skills.count(a.id) > 0;
    }
    return false;
}

void EventHub::publish(std::string_view type, nlohmann::json data, const Audience& audience) {
    std::string json = data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (bus_)
        return bus_->publish(type, std::move(json), audience);
    store(nextId_, type, audience, json);
}

void EventHub::accept(BusEvent event) {
    const bool mine = event.ownSeq > ownReturned_;
    if (mine)
        ownReturned_ = event.ownSeq;
    acceptFromBus(std::move(event));
    // Told once the event is in (a snapshot taken then has its id).
    if (mine && ownEventsBack_ && ownEventsBack())
        ownEventsBack_();
}

void EventHub::acceptFromBus(BusEvent event) {
    if (event.id < nextId_)
        return;  // seen already: a log's consumer may hand an event over twice after a reset
    if (event.id > nextId_) {
        logging::get("events")->warn("events {}..{} never arrived; every stream resyncs", nextId_,
                                     event.id - 1);
        nextId_ = event.id;
        lostAt_ = event.id - 1;
        resyncAll("events_lost");
    }
    if (event.type == kBusResyncType) {
        lostAt_ = event.id;
        ++nextId_;
        return resyncAll("events_lost");
    }
    store(event.id, event.type, event.audience, event.data);
}

void EventHub::store(std::uint64_t id, std::string_view type, const Audience& audience,
                     const std::string& json) {
    nextId_ = id + 1;
    auto wire = std::make_shared<const std::string>(format(id, type, json));
    buffer_.push_back({id, audience, wire});
    while (buffer_.size() > capacity_)
        buffer_.pop_front();
    deliver(id, audience, wire);
}

void EventHub::sendResync(http::EventStream& stream, const char* reason) {
    const nlohmann::json why{{"reason", reason}, {"lastEventId", lastId()}};
    stream.send(std::make_shared<const std::string>(format(lastId(), "resync", why.dump())));
}

void EventHub::ownerMoved() {
    movedAt_ = lastId();
    resyncAll("acd_moved");
}

void EventHub::resyncAll(std::string_view reason) {
    const std::string why(reason);
    for (auto& [key, open] : streams_) {
        open.skipThrough = 0;
        sendResync(*open.stream, why.c_str());
    }
    ahead_.clear();
}

void EventHub::checkAheadStreams(std::chrono::steady_clock::time_point now) {
    for (auto it = ahead_.begin(); it != ahead_.end();) {
        const auto open = streams_.find(it->first);
        if (open == streams_.end() || open->second.skipThrough <= lastId()) {
            it = ahead_.erase(it);
        } else if (now - it->second >= kAheadWait) {
            open->second.skipThrough = 0;
            sendResync(*open->second.stream, "unknown_event_id");
            it = ahead_.erase(it);
        } else {
            ++it;
        }
    }
}

const EventHub::Keys* EventHub::keysOf(const std::unordered_map<std::string, Keys>& index,
                                       const std::string& id) const {
    const auto it = index.find(id);
    return it == index.end() ? nullptr : &it->second;
}

void EventHub::sendTo(std::uint64_t id, const Keys* keys,
                      const std::shared_ptr<const std::string>& wire) {
    if (!keys)
        return;
    // A send may close a slow stream; its detach is posted, so the keys stay valid here.
    // Each event starts at another stream, so no one is always written last: at 10,000 streams
    // the last write comes ~100 ms after the first.
    rotor_ = rotor_ * 6364136223846793005ull + 1442695040888963407ull;
    const std::uint64_t from = nextStreamKey_ > 1 ? (rotor_ >> 33) % nextStreamKey_ : 0;
    const auto start = keys->lower_bound(from);
    const bool later = deferFor(keys->size());
    const auto sendKey = [&](std::uint64_t key) {
        const auto it = streams_.find(key);
        if (it != streams_.end())
            sendOne(it->second, key, id, wire, later);
    };
    for (auto it = start; it != keys->end(); ++it)
        sendKey(*it);
    for (auto it = keys->begin(); it != start; ++it)
        sendKey(*it);
}

void EventHub::sendOne(Open& open, std::uint64_t key, std::uint64_t id,
                       const std::shared_ptr<const std::string>& wire, bool later) {
    if (id != 0 && id <= open.skipThrough)
        return;  // a heartbeat (id 0) always goes
    if (!later) {
        open.stream->send(wire);  // with anything queued before it, in order
        return;
    }
    open.stream->enqueue(wire);
    if (!open.flushDue) {
        open.flushDue = true;
        unflushed_.push_back(key);
    }
    if (!flushPosted_)
        postFlush();
}

void EventHub::postFlush() {
    flushPosted_ = true;
    defer_([self = std::weak_ptr<EventHub*>(self_)] {
        if (const auto hub = self.lock())
            (*hub)->flushSlice();
    });
}

void EventHub::flushSlice() {
    flushPosted_ = false;
    std::size_t written = 0;
    while (!unflushed_.empty() && written < kFlushSlice) {
        const std::uint64_t key = unflushed_.front();
        unflushed_.pop_front();
        const auto it = streams_.find(key);
        if (it == streams_.end() || !it->second.flushDue)
            continue;  // closed meanwhile
        it->second.flushDue = false;
        it->second.stream->flush();
        ++written;
    }
    if (!unflushed_.empty())
        postFlush();
}

void EventHub::deliver(std::uint64_t id, const Audience& audience,
                       const std::shared_ptr<const std::string>& wire) {
    switch (audience.kind) {
        case Audience::Kind::Everyone: {
            const bool later = deferFor(streams_.size());
            for (auto& [key, open] : streams_)
                sendOne(open, key, id, wire, later);
            return;
        }
        case Audience::Kind::Supervisors:
            return sendTo(id, &supervisors_, wire);
        case Audience::Kind::AgentOnly:
            return sendTo(id, keysOf(byAgent_, audience.id), wire);
        case Audience::Kind::Agent:
            sendTo(id, &supervisors_, wire);
            if (const Keys* mine = keysOf(byAgent_, audience.id)) {
                for (const std::uint64_t key : *mine) {
                    const auto it = streams_.find(key);
                    if (it != streams_.end() && !it->second.subscriber.supervisor)
                        sendOne(it->second, key, id, wire, false);
                }
            }
            return;
        case Audience::Kind::Skill:
            sendTo(id, &supervisors_, wire);
            return sendTo(id, keysOf(bySkill_, audience.id), wire);
    }
}

void EventHub::attach(std::uint64_t key, Open open) {
    const Subscriber& s = open.subscriber;
    byAgent_[s.agentId].insert(key);
    byToken_[s.token].insert(key);
    if (s.supervisor) {
        supervisors_.insert(key);
    } else {
        for (const auto& skill : s.skills)
            bySkill_[skill].insert(key);
    }
    streams_.emplace(key, std::move(open));
}

void EventHub::detach(std::uint64_t key) {
    const auto it = streams_.find(key);
    if (it == streams_.end())
        return;
    const Subscriber& s = it->second.subscriber;
    const auto unindex = [key](std::unordered_map<std::string, Keys>& index,
                               const std::string& id) {
        const auto at = index.find(id);
        if (at == index.end())
            return;
        at->second.erase(key);
        if (at->second.empty())
            index.erase(at);
    };
    unindex(byAgent_, s.agentId);
    unindex(byToken_, s.token);
    supervisors_.erase(key);
    for (const auto& skill : s.skills)
        unindex(bySkill_, skill);
    ahead_.erase(key);
    streams_.erase(it);
}

void EventHub::subscribe(Subscriber subscriber, std::shared_ptr<http::EventStream> stream,
                         std::optional<std::uint64_t> lastEventId,
                         const std::function<nlohmann::json()>& snapshot) {
    // Tell EventSource to come back quickly after a drop.
    stream->send(std::make_shared<const std::string>("retry: 1000\n\n"));
    std::uint64_t skipThrough = 0;
    if (!lastEventId) {
        stream->send(
            std::make_shared<const std::string>(format(lastId(), "snapshot", snapshot().dump())));
    } else {
        skipThrough = resume(subscriber, *stream, *lastEventId);
    }
    attachStream(std::move(subscriber), std::move(stream), skipThrough);
}

void EventHub::subscribeAfterSnapshot(Subscriber subscriber,
                                      std::shared_ptr<http::EventStream> stream,
                                      const nlohmann::json& snapshot, std::uint64_t snapshotId) {
    stream->send(std::make_shared<const std::string>("retry: 1000\n\n"));
    stream->send(
        std::make_shared<const std::string>(format(snapshotId, "snapshot", snapshot.dump())));
    std::uint64_t skipThrough = 0;
    if (snapshotId < movedAt_)
        sendResync(*stream, "acd_moved");  // the snapshot came from the owner before the last
    else
        skipThrough = resume(subscriber, *stream, snapshotId);
    attachStream(std::move(subscriber), std::move(stream), skipThrough);
}

std::uint64_t EventHub::resume(const Subscriber& subscriber, http::EventStream& stream,
                               std::uint64_t last) {
    const std::uint64_t current = nextId_ - 1;
    std::vector<std::shared_ptr<const std::string>> replay;
    std::size_t replayBytes = 0;
    const char* reason = nullptr;
    if (last > current && bus_) {
        return last;  // from a node ahead of this one: the events are on their way
    } else if (last > current) {
        reason = "unknown_event_id";
    } else if (last + 1 < oldestBufferedId()) {
        reason = "replay_window_passed";
    } else if (last < lostAt_) {
        reason = "events_lost";
    } else {
        for (const auto& e : buffer_) {
            if (e.id > last && visible(subscriber, e.audience)) {
                replayBytes += e.wire->size();
                replay.push_back(e.wire);
            }
        }
        if (replayBytes > limits_.replayBytes)
            reason = "replay_too_large";
    }
    if (reason) {
        sendResync(stream, reason);
    } else {
        for (auto& wire : replay)
            stream.send(std::move(wire));
        // From before another node took the ACD over: the events are all there, but what the
        // new owner rebuilt is not quite what they built (a ring in progress went back to the
        // queue), so the desktop takes a snapshot after them.
        if (last < movedAt_)
            sendResync(stream, "acd_moved");
    }
    return 0;
}

void EventHub::attachStream(Subscriber subscriber, std::shared_ptr<http::EventStream> stream,
                            std::uint64_t skipThrough) {
    closeOldestOf(subscriber.agentId);
    const std::uint64_t key = nextStreamKey_++;
    // Attached first: a stream that is already closed calls back at once (or posts it).
    attach(key, Open{std::move(subscriber), stream, false, skipThrough});
    if (skipThrough)
        ahead_.emplace(key, std::chrono::steady_clock::now());
    stream->setOnClosed([this, key] { detach(key); });
}

void EventHub::closeOldestOf(const std::string& agentId) {
    const Keys* keys = keysOf(byAgent_, agentId);
    if (!keys || keys->size() < limits_.perUser)
        return;
    std::vector<std::shared_ptr<http::EventStream>> mine;  // oldest first
    for (const std::uint64_t key : *keys) {
        const auto it = streams_.find(key);
        if (it != streams_.end() && it->second.stream->isOpen())
            mine.push_back(it->second.stream);
    }
    if (mine.size() < limits_.perUser)
        return;
    const std::size_t excess = mine.size() + 1 - limits_.perUser;
    for (std::size_t i = 0; i < excess; ++i) {
        logging::get("events")->info("closing the oldest event stream of {} ({} open)", agentId,
                                     mine.size());
        mine[i]->close();
    }
}

void EventHub::sendHeartbeat() {
    static const auto beat = std::make_shared<const std::string>(": heartbeat\n\n");
    const bool later = deferFor(streams_.size());
    for (auto& [key, open] : streams_)
        sendOne(open, key, 0, beat, later);
}

void EventHub::closeStreamsOfToken(const std::string& token) {
    std::vector<std::shared_ptr<http::EventStream>> victims;
    if (const Keys* keys = keysOf(byToken_, token)) {
        for (const std::uint64_t key : *keys) {
            const auto it = streams_.find(key);
            if (it != streams_.end())
                victims.push_back(it->second.stream);
        }
    }
    for (auto& s : victims)
        s->close();
}

bool EventHub::hasStreamOfToken(const std::string& token) const {
    const Keys* keys = keysOf(byToken_, token);
    if (!keys)
        return false;
    for (const std::uint64_t key : *keys) {
        const auto it = streams_.find(key);
        if (it != streams_.end() && it->second.stream->isOpen())
            return true;
    }
    return false;
}

void EventHub::closeAll() {
    std::vector<std::shared_ptr<http::EventStream>> victims;
    for (auto& [key, open] : streams_)
        victims.push_back(open.stream);
    for (auto& s : victims)
        s->close();
    streams_.clear();
    supervisors_.clear();
    byAgent_.clear();
    bySkill_.clear();
    byToken_.clear();
    ahead_.clear();
}

}  // namespace agentdesk::server
