#pragma once
// Masking of transcript lines before they are stored or sent (docs/assist.md): resident
// registration and card numbers replaced, account numbers replaced, phone numbers with their
// middle group hidden; amounts, dates and times stay as they are.
//
// Threads: pure function.
#include <string>
#include <string_view>

namespace agentdesk::server::assist {

std::string maskTranscriptText(std::string_view text);

}  // namespace agentdesk::server::assist
