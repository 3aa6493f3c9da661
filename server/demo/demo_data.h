#pragma once
// Reads the center configuration (queues, settings, users, wrap-up codes) and seeds the store
// with the demo data set.
#include <map>

#include <nlohmann/json.hpp>

#include "server/acd/acd_types.h"
#include "server/kb/knowledge_store.h"
#include "server/store/crm_store.h"

namespace agentdesk::server {

struct CenterConfig {
    AcdSettings settings;
    std::vector<QueueConfig> queues;
    std::vector<NotReadyReason> reasons;
    std::vector<User> users;  // without password hashes
    std::string demoPassword;
    // Real telephony: a dialled number (E.164) → the queue that answers it ("numbers").
    std::map<std::string, std::string> numbers;
};

// Throws std::runtime_error when the JSON is not a center configuration.
CenterConfig parseCenterConfig(const nlohmann::json& center);

// `count` synthetic counselors for load runs: usernames agent001, agent002, … (at least three
// digits), ids U-agent001, …, every queue's skill, extensions numbered on from the highest
// extension of the center's users. Without password hashes, like CenterConfig::users.
std::vector<User> demoLoadAgents(const CenterConfig& config, int count);

// Loads wrap-up codes and, when the store has no customers yet or `force` is set, the demo
// customers; creates the demo users that do not exist (password from the center config).
void seedDemoData(CrmStore& store, const CenterConfig& config, const nlohmann::json& center,
                  const nlohmann::json& customers, bool force);

// Loads the wrap-up codes only (a server without --demo still needs them).
void seedReferenceData(CrmStore& store, const nlohmann::json& center);

// What a server starts with. `demo`: the demo data (seedDemoData, not forced) and, with
// `demoKnowledge` and an empty knowledge base, the demo articles; otherwise the reference data.
void seedAtStart(CrmStore& store, KnowledgeStore& kb, const CenterConfig& config,
                 const nlohmann::json& center, bool demo, bool demoKnowledge, TimePoint now);

}  // namespace agentdesk::server
