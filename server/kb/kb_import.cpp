#include "server/kb/kb_import.h"

#include <set>
#include <thread>

namespace agentdesk::server {

KbImportReport importArticles(KnowledgeStore& store, std::string_view jsonl, TimePoint now,
                              KbImportPacing pacing) {
    KbImportReport report;
    std::set<std::string> idsInFile;
    int lineNo = 0;
    std::size_t pos = 0;
    // Imports the lines until the end or until the batch's time is up.
    auto importBatch = [&](std::chrono::steady_clock::time_point until) {
        while (pos <= jsonl.size()) {
            if (pacing.batch.count() > 0 && std::chrono::steady_clock::now() >= until)
                return;
            const std::size_t end = std::min(jsonl.find('\n', pos), jsonl.size());
            std::string_view line = jsonl.substr(pos, end - pos);
            pos = end + 1;
            ++lineNo;
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (line.find_first_not_of(" \t") == std::string_view::npos) {
                if (end >= jsonl.size())
                    break;
                continue;
            }
            const auto object = nlohmann::json::parse(line, nullptr, false);
            if (object.is_discarded()) {
                report.skipped.push_back({lineNo, "not valid JSON"});
                continue;
            }
            ArticleInput input;
            const Outcome parsed = parseArticle(object, input);
            if (!parsed.ok()) {
                std::string reason;
                for (const auto& f : parsed.fields) {
                    reason += (reason.empty() ? "" : "; ") + f.field + " " + f.message;
                }
                report.skipped.push_back({lineNo, reason.empty() ? parsed.message : reason});
                continue;
            }
            if (input.id && !idsInFile.insert(*input.id).second) {
                report.skipped.push_back(
                    {lineNo, "id " + *input.id + " appears twice in the file"});
                continue;
            }
            const bool existed = input.id && store.article(*input.id).has_value();
            store.saveArticle(input, now);
            ++report.imported;
            report.replaced += existed;
            if (end >= jsonl.size())
                break;
        }
    };
    for (;;) {
        const auto until = std::chrono::steady_clock::now() + pacing.batch;
        store.atomically([&] { importBatch(until); });
        if (pos > jsonl.size())
            break;
        std::this_thread::sleep_for(pacing.pause);
    }
    return report;
}

}  // namespace agentdesk::server
