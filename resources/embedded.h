#pragma once
// The demo data set (resources/demo/*.json) and assist's word lists (resources/assist/), as
// compiled into the binary.
#include <string_view>
#include <vector>

namespace agentdesk::resources {

std::string_view demoCenterJson();      // queues, users, wrap-up codes, not-ready reasons
std::string_view demoCustomersJson();   // customers with phones, products, cases, history
std::string_view demoKnowledgeJsonl();  // knowledge-base articles, one JSON object a line

struct EmbeddedFile {
    std::string_view name;  // file name, e.g. "card_lost.json"
    std::string_view data;
};
std::vector<EmbeddedFile> demoScenarioFiles();  // resources/demo/scenarios/*.json
// Agent assist's word lists and rules (resources/assist/); empty for a name not there.
std::vector<EmbeddedFile> assistFiles();
std::string_view assistFile(std::string_view name);

}  // namespace agentdesk::resources
