#include "resources/embedded.h"

#include <cstdint>

struct EmbeddedScenarioEntry {
    const char* name;
    const char* data;
    std::uint64_t size;
};

extern "C" {
extern const EmbeddedScenarioEntry agentdesk_demo_scenarios[];
extern const std::uint64_t agentdesk_demo_scenario_count;
extern const char agentdesk_demo_center_data[];
extern const std::uint64_t agentdesk_demo_center_size;
extern const char agentdesk_demo_customers_data[];
extern const std::uint64_t agentdesk_demo_customers_size;
extern const char agentdesk_demo_kb_data[];
extern const std::uint64_t agentdesk_demo_kb_size;
}

namespace agentdesk::resources {

std::string_view demoCenterJson() {
    return {agentdesk_demo_center_data, static_cast<std::size_t>(agentdesk_demo_center_size)};
}

std::string_view demoCustomersJson() {
    return {agentdesk_demo_customers_data, static_cast<std::size_t>(agentdesk_demo_customers_size)};
}

std::string_view demoKnowledgeJsonl() {
    return {agentdesk_demo_kb_data, static_cast<std::size_t>(agentdesk_demo_kb_size)};
}

std::vector<EmbeddedFile> demoScenarioFiles() {
    std::vector<EmbeddedFile> files;
    for (std::uint64_t i = 0; i < agentdesk_demo_scenario_count; ++i) {
        const auto& e = agentdesk_demo_scenarios[i];
        files.push_back({e.name, {e.data, static_cast<std::size_t>(e.size)}});
    }
    return files;
}

}  // namespace agentdesk::resources
