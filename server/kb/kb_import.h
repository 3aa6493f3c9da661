#pragma once
// Bulk import of articles from JSON Lines (API.md: one {"id"?, "title", "body", "tags", "lang"}
// a line), with a report of what was imported and what was skipped and why.
#include <string>
#include <string_view>
#include <vector>

#include "server/kb/sqlite_knowledge_store.h"

namespace agentdesk::server {

struct KbImportReport {
    int imported = 0;
    int replaced = 0;  // ids that existed before
    struct Skipped {
        int line;
        std::string reason;
    };
    std::vector<Skipped> skipped;
};

KbImportReport importArticles(SqliteKnowledgeStore& store, std::string_view jsonl, TimePoint now);

}  // namespace agentdesk::server
