#pragma once
// Masking of personal data for display (docs/api.md 7.6).
#include <string>
#include <string_view>

namespace agentdesk::server {

// "850312-1234567" → "850312-1******".
std::string maskResidentNumber(std::string_view rrn);
// Keeps at most the first 6 and last 4 digits: "9410-1234-5678-9012" → "9410-12**-****-9012".
std::string maskCardNumber(std::string_view card);

}  // namespace agentdesk::server
