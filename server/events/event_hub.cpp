#include "server/events/event_hub.h"

#include <algorithm>

#include "common/logging.h"

namespace agentdesk::server {

EventHub::EventHub(std::uint64_t firstId, std::size_t replayCapacity, StreamLimits limits)
    : nextId_(firstId + 1), capacity_(replayCapacity == 0 ? 1 : replayCapacity), limits_(limits) {
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

std::uint64_t EventHub::publish(std::string_view type, nlohmann::json data,
                                const Audience& audience) {
    const std::uint64_t id = nextId_++;
    auto wire = std::make_shared<const std::string>(
        format(id, type, data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
    buffer_.push_back({id, audience, wire});
    while (buffer_.size() > capacity_)
        buffer_.pop_front();
    for (auto& [key, open] : streams_) {
        if (visible(open.subscriber, audience))
            open.stream->send(wire);
    }
    return id;
}

void EventHub::subscribe(Subscriber subscriber, std::shared_ptr<http::EventStream> stream,
                         std::optional<std::uint64_t> lastEventId,
                         const std::function<nlohmann::json()>& snapshot) {
    // Tell EventSource to come back quickly after a drop.
    stream->send(std::make_shared<const std::string>("retry: 1000\n\n"));
    const std::uint64_t current = nextId_ - 1;
    if (!lastEventId) {
        stream->send(
            std::make_shared<const std::string>(format(current, "snapshot", snapshot().dump())));
    } else {
        const std::uint64_t last = *lastEventId;
        std::vector<std::shared_ptr<const std::string>> replay;
        std::size_t replayBytes = 0;
        const char* reason = nullptr;
        if (last > current) {
            reason = "unknown_event_id";
        } else if (last + 1 < oldestBufferedId()) {
            reason = "replay_window_passed";
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
            nlohmann::json why{{"reason", reason}, {"lastEventId", current}};
            stream->send(
                std::make_shared<const std::string>(format(current, "resync", why.dump())));
        } else {
            for (auto& wire : replay)
                stream->send(std::move(wire));
        }
    }
    closeOldestOf(subscriber.agentId);
    const std::uint64_t key = nextStreamKey_++;
    stream->setOnClosed([this, key] { streams_.erase(key); });
    streams_.emplace(key, Open{std::move(subscriber), std::move(stream)});
}

void EventHub::closeOldestOf(const std::string& agentId) {
    std::vector<std::pair<std::uint64_t, std::shared_ptr<http::EventStream>>> mine;
    for (auto& [key, open] : streams_) {
        if (open.subscriber.agentId == agentId && open.stream->isOpen())
            mine.emplace_back(key, open.stream);
    }
    if (mine.size() < limits_.perUser)
        return;
    std::sort(mine.begin(), mine.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    const std::size_t excess = mine.size() + 1 - limits_.perUser;
    for (std::size_t i = 0; i < excess; ++i) {
        logging::get("events")->info("closing the oldest event stream of {} ({} open)", agentId,
                                     mine.size());
        mine[i].second->close();
    }
}

void EventHub::sendHeartbeat() {
    static const auto beat = std::make_shared<const std::string>(": heartbeat\n\n");
    for (auto& [key, open] : streams_)
        open.stream->send(beat);
}

void EventHub::closeStreamsOfToken(const std::string& token) {
    std::vector<std::shared_ptr<http::EventStream>> victims;
    for (auto& [key, open] : streams_) {
        if (open.subscriber.token == token)
            victims.push_back(open.stream);
    }
    for (auto& s : victims)
        s->close();
}

bool EventHub::hasStreamOfToken(const std::string& token) const {
    for (const auto& [key, open] : streams_) {
        if (open.subscriber.token == token && open.stream->isOpen())
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
}

}  // namespace agentdesk::server
