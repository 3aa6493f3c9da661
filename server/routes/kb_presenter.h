#pragma once
// The knowledge base's records as the API shows them (docs/api.md, knowledge base).
#include <vector>

#include <nlohmann/json.hpp>

#include "server/kb/knowledge_store.h"

namespace agentdesk::server {

// {id,title,bodyHtml,tags,lang,updatedAt,helpful,notHelpful}
nlohmann::json articleJson(const KbArticle& article);
// The feedback counts alone: {id,helpful,notHelpful}
nlohmann::json feedbackJson(const KbArticle& article);
// A search's hits, best first: [{id,title,snippet,score,lang,tags,fuzzy}]
nlohmann::json searchHitsJson(const std::vector<KbHit>& hits);
// Suggestions (for an intent, on an offered call): [{id,title,snippet,lang,tags}]
nlohmann::json suggestionsJson(const std::vector<KbHit>& hits);

}  // namespace agentdesk::server
