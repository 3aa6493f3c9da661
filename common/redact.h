#pragma once
// Redaction of personal data (docs/security.md "Logs") before anything reaches a log.
#include <string>
#include <string_view>

namespace agentdesk {

// Replaces resident registration numbers and card numbers entirely, and masks the middle
// group of phone numbers ("010-****-5678"). Safe to call on any text; returns it unchanged
// when nothing matches.
// Percent-escaped numbers ("%2B8210…") are decoded first, so they are caught too.
std::string redactPersonalData(std::string_view text);

// Makes text from outside (request paths, headers, typed text) safe for a one-line log record:
// control characters (newlines, ESC, NUL, DEL…) become "\n", "\r", "\t" or "\xNN".
std::string escapeControlCharacters(std::string_view text);

}  // namespace agentdesk
