#include "resources/embedded.h"

#include <cstdint>

extern "C" {
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

}  // namespace agentdesk::resources
