#pragma once
// Bulk import of articles from JSON Lines (docs/api.md 10a: one {"id"?, "title", "body",
// "tags", "lang"} a line), with a report of what was imported and what was skipped and why.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "server/kb/knowledge_store.h"

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

// How an import shares the database with a running server (another process): it commits after
// at most `batch` of work (0: the whole file in one transaction) and waits `pause` before the
// next transaction, so the server's own writes get the write lock in between.
struct KbImportPacing {
    std::chrono::milliseconds batch{0};
    std::chrono::milliseconds pause{0};
};

KbImportReport importArticles(KnowledgeStore& store, std::string_view jsonl, TimePoint now,
                              KbImportPacing pacing = {});

}  // namespace agentdesk::server
