#include "common/redact.h"

#include <regex>

namespace agentdesk {
namespace {

// Order matters: resident numbers (13 digits with a date), then card numbers, then phones.
const std::regex& cardPattern() {
    static const std::regex re(R"((^|[^\d])(\d(?:[ -]?\d){12,18})(?![\d]))");
    return re;
}
const std::regex& rrnPattern() {
    static const std::regex re(R"((^|[^\d])(\d{2}[01]\d[0-3]\d)[ -]?([1-8])\d{6}(?![\d]))");
    return re;
}
const std::regex& phonePattern() {
    // +82 forms, mobile/landline with or without separators, representative 15NN-NNNN.
    static const std::regex re(
        R"((^|[^\d+])((?:\+82[ -]?|0)(?:1[016789]|2|[3-6][1-5]|70|50\d)[ -.)]?)(\d{3,4})([ -.]?)(\d{4})(?![\d]))");
    return re;
}
const std::regex& representativePattern() {
    static const std::regex re(R"((^|[^\d])(1[5-8]\d\d)-(\d{4})(?![\d]))");
    return re;
}

bool looksLikeCard(const std::string& digitsWithSeparators) {
    std::string digits;
    for (char c : digitsWithSeparators) {
        if (c >= '0' && c <= '9')
            digits.push_back(c);
    }
    return digits.size() >= 13 && digits.size() <= 19;
}

}  // namespace

std::string redactPersonalData(std::string_view input) {
    std::string text(input);
    bool hasDigit = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            hasDigit = true;
            break;
        }
    }
    if (!hasDigit)
        return text;

    text = std::regex_replace(text, rrnPattern(), "$1[rrn]");
    std::string out;
    {
        auto begin = std::sregex_iterator(text.begin(), text.end(), cardPattern());
        std::size_t last = 0;
        for (auto it = begin; it != std::sregex_iterator(); ++it) {
            const auto& m = *it;
            if (!looksLikeCard(m[2].str()))
                continue;
            out.append(text, last, m.position(2) - last);
            out.append("[card]");
            last = m.position(2) + m.length(2);
        }
        out.append(text, last, std::string::npos);
        text.swap(out);
    }
    text = std::regex_replace(text, phonePattern(), "$1$2****$4$5");
    text = std::regex_replace(text, representativePattern(), "$1$2-****");
    return text;
}

}  // namespace agentdesk
