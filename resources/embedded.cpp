#include "resources/embedded.h"

#include "resources/embedded_table.h"

// The tables the build generates (resources/embed_table.cmake).
extern "C" {
extern const agentdesk::resources::EmbeddedTableEntry agentdesk_demo_data[];
extern const agentdesk::resources::EmbeddedTableEntry agentdesk_demo_scenarios[];
extern const agentdesk::resources::EmbeddedTableEntry agentdesk_assist_files[];
}

namespace agentdesk::resources {

namespace {

std::vector<EmbeddedFile> tableFiles(const EmbeddedTableEntry* table) {
    std::vector<EmbeddedFile> files;
    for (const EmbeddedTableEntry* e = table; e->name; ++e)
        files.push_back({e->name, {e->data, static_cast<std::size_t>(e->size)}});
    return files;
}

std::string_view demoFile(std::string_view name) {
    for (const EmbeddedTableEntry* e = agentdesk_demo_data; e->name; ++e) {
        if (name == e->name)
            return {e->data, static_cast<std::size_t>(e->size)};
    }
    return {};
}

}  // namespace

std::string_view demoCenterJson() {
    return demoFile("demo/center.json");
}

std::string_view demoCustomersJson() {
    return demoFile("demo/customers.json");
}

std::string_view demoKnowledgeJsonl() {
    return demoFile("kb/demo_kb.jsonl");
}

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
