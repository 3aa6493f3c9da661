#include "server/assist/transcript_mask.h"

#include <regex>

#include "common/redact.h"

namespace agentdesk::server::assist {

namespace {

// Korean bank account numbers: three groups (110-234-567890, 1002-345-678901,
// 123456-01-234567) or one run, 10 to 14 digits in all. Dates have 8 digits, phone numbers are
// masked before this runs (their middle group is then "****").
const std::regex& accountPattern() {
    static const std::regex re(R"((^|[^\d*])(\d{2,6}[- ]\d{2,6}[- ]\d{2,8}|\d{10,14})(?![\d*]))");
    return re;
}

std::size_t digitCount(const std::string& s) {
    std::size_t n = 0;
    for (char c : s)
        n += c >= '0' && c <= '9';
    return n;
}

}  // namespace

std::string maskTranscriptText(std::string_view text) {
    const std::string redacted = redactPersonalData(text);
    std::string out;
    std::size_t last = 0;
    for (std::sregex_iterator it(redacted.begin(), redacted.end(), accountPattern()), end;
         it != end; ++it) {
        const auto& m = *it;
        const std::size_t digits = digitCount(m[2].str());
        if (digits < 10 || digits > 14)
            continue;
        out.append(redacted, last, m.position(2) - last);
        out.append("[account]");
        last = m.position(2) + m.length(2);
    }
    out.append(redacted, last, std::string::npos);
    return out;
}

}  // namespace agentdesk::server::assist
