#include "resources/embedded.h"

#include <cstdint>

struct EmbeddedTableEntry {
    const char* name;
    const char* data;
    std::uint64_t size;
};

extern "C" {
extern const EmbeddedTableEntry agentdesk_demo_scenarios[];
extern const EmbeddedTableEntry agentdesk_assist_files[];
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

namespace {
std::vector<EmbeddedFile> tableFiles(const EmbeddedTableEntry* table) {
    std::vector<EmbeddedFile> files;
    for (const EmbeddedTableEntry* e = table; e->name; ++e)
        files.push_back({e->name, {e->data, static_cast<std::size_t>(e->size)}});
    return files;
}
}  // namespace

std::vector<EmbeddedFile> demoScenarioFiles() {
    return tableFiles(agentdesk_demo_scenarios);
}

std::vector<EmbeddedFile> assistFiles() {
    return tableFiles(agentdesk_assist_files);
}

std::string_view assistFile(std::string_view name) {
    for (const EmbeddedFile& file : assistFiles()) {
        if (file.name == name)
            return file.data;
    }
    return {};
}

}  // namespace agentdesk::resources
