#pragma once
// Who may see an event, and the narrow interface the ACD uses to emit them.
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace agentdesk::server {

struct Audience {
    enum class Kind { Everyone, Agent, AgentOnly, Supervisors, Skill };
    Kind kind = Kind::Everyone;
    std::string id;  // agent id or skill

    static Audience everyone() { return {Kind::Everyone, {}}; }
    // The agent and the supervisors.
    static Audience agent(std::string agentId) { return {Kind::Agent, std::move(agentId)}; }
    // The agent alone: call details carry the caller's full number (docs/api.md 7.6).
    static Audience agentOnly(std::string agentId) { return {Kind::AgentOnly, std::move(agentId)}; }
    static Audience supervisors() { return {Kind::Supervisors, {}}; }
    static Audience skill(std::string skill) { return {Kind::Skill, std::move(skill)}; }
};

class EventPublisher {
public:
    virtual ~EventPublisher() = default;
    // Sends an event to every stream the audience allows, on this node and (with an event bus)
    // on every other; its id is assigned on the way (by the hub, or by the bus's log).
    virtual void publish(std::string_view type, nlohmann::json data, const Audience& audience) = 0;
};

}  // namespace agentdesk::server
