#pragma once
// The ACD states of an agent (docs/api.md 4.1) and their wire names.
#include <optional>
#include <string_view>

namespace agentdesk::server {

enum class AgentState { LoggedOut, NotReady, Ready, Ringing, OnCall, AfterCallWork };

inline std::string_view agentStateName(AgentState s) {
    switch (s) {
        case AgentState::LoggedOut:
            return "logged_out";
        case AgentState::NotReady:
            return "not_ready";
        case AgentState::Ready:
            return "ready";
        case AgentState::Ringing:
            return "ringing";
        case AgentState::OnCall:
            return "on_call";
        case AgentState::AfterCallWork:
            return "after_call_work";
    }
    return "logged_out";
}

inline std::optional<AgentState> parseAgentState(std::string_view name) {
    for (auto s : {AgentState::LoggedOut, AgentState::NotReady, AgentState::Ready,
                   AgentState::Ringing, AgentState::OnCall, AgentState::AfterCallWork}) {
        if (agentStateName(s) == name)
            return s;
    }
    return std::nullopt;
}

// A call as the ACD sees it.
enum class CallState { Queued, Ringing, Connected, Held, Ended };

inline std::string_view callStateName(CallState s) {
    switch (s) {
        case CallState::Queued:
            return "queued";
        case CallState::Ringing:
            return "ringing";
        case CallState::Connected:
            return "connected";
        case CallState::Held:
            return "held";
        case CallState::Ended:
            return "ended";
    }
    return "ended";
}

}  // namespace agentdesk::server
