#pragma once
// Redaction of personal data (DOMAIN.md "Personal data") before anything reaches a log.
#include <string>
#include <string_view>

namespace agentdesk {

// Replaces resident registration numbers and card numbers entirely, and masks the middle
// group of phone numbers ("010-****-5678"). Safe to call on any text; returns it unchanged
// when nothing matches.
std::string redactPersonalData(std::string_view text);

}  // namespace agentdesk
