#pragma once
// Agent assist's records as JSON, at the API's edge (docs/api.md "Assist").
#include <nlohmann/json.hpp>

#include "server/api_error.h"
#include "server/assist/assist_engine.h"
#include "server/store/crm_records.h"

namespace agentdesk::server {

// Limits of POST /assist/analyze.
inline constexpr std::size_t kAnalyzeMaxLines = 500;
inline constexpr std::size_t kAnalyzeMaxLineChars = 2000;

// {"lang", "queue"?, "intent"?, "lines": [{"speaker", "text"}]} → request. Unknown lang or a
// malformed field → 400; too many lines or a line too long → 422.
Outcome parseAnalyzeRequest(const nlohmann::json& body, assist::AnalyzeRequest& out);
// The note templates of the CRM store's wrap-up codes (GET /wrapup-codes).
assist::NoteTemplates noteTemplates(const std::vector<WrapupCode>& wrapupCodes);

nlohmann::json toJson(const assist::Analysis& analysis);
nlohmann::json toJson(const std::vector<assist::CodeScore>& wrapup);
nlohmann::json toJson(const std::vector<assist::Suggestion>& suggestions);
nlohmann::json toJson(const std::vector<assist::ChecklistState>& checklist);
nlohmann::json toJson(const assist::Draft& draft);
// {"overall", "score", "trend", "negativeRun"}
nlohmann::json toJson(const assist::CallSentiment& sentiment);
// [{"index", "category"}]
nlohmann::json abusiveJson(const std::vector<std::pair<int, assist::AbuseCategory>>& abusive);
// {"speaker", "text", "atSec"}
nlohmann::json toJson(const assist::Line& line);

}  // namespace agentdesk::server
