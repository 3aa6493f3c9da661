#pragma once
// Korean phone numbers (docs/api.md 1.5, "Phone numbers"): stored as E.164, shown in local form.
#include <optional>
#include <string>
#include <string_view>

namespace agentdesk::phone {

// "010-1234-5678", "01012345678", "+82 10 1234 5678", "(02) 555-1234", "1588-1234" → E.164
// ("+821012345678", "+8225551234", "+8215881234"). nullopt when it is not a valid Korean number.
std::optional<std::string> toE164(std::string_view input);

// E.164 → local display form: "010-1234-5678", "02-555-1234", "031-123-4567", "1588-1234".
// Input that is not a Korean E.164 number is returned unchanged.
std::string formatLocal(std::string_view e164);

// Local or E.164 → local form with the middle group masked: "010-****-5678", "1588-****".
std::string maskLocal(std::string_view number);

}  // namespace agentdesk::phone
