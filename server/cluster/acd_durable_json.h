#pragma once
// The ACD's durable records (server/acd/acd_durable.h) as the JSON they are stored as in
// PostgreSQL (acd_agent_states.detail, acd_calls.detail). Times are Unix milliseconds.
// Parsing refuses a record that is not whole (nullopt): a takeover skips it rather than
// rebuilding a call from half of one.
#include <optional>
#include <string>

#include "server/acd/acd_durable.h"

namespace agentdesk::server::cluster {

std::string durableCallJson(const DurableCall& call);
std::optional<DurableCall> parseDurableCall(const std::string& text);
std::string durableAgentJson(const DurableAgent& agent);
std::optional<DurableAgent> parseDurableAgent(const std::string& text);

}  // namespace agentdesk::server::cluster
