#include "common/redact.h"

#include <regex>

#include "common/hex_digit.h"

namespace agentdesk {
namespace {

// Order matters: resident numbers (13 digits with a date), then card numbers, then phones.
// Phones are recognised with +82, with 82 and no plus (as some systems write E.164), and in
// the national 0 form.
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
        R"((^|[^\d+])((?:\+?82[ -]?|0)(?:1[016789]|2|[3-6][1-5]|70|50\d)[ -.)]?)(\d{3,4})([ -.]?)(\d{4})(?![\d]))");
    return re;
}
const std::regex& representativePattern() {
    static const std::regex re(R"((^|[^\d])(1[5-8]\d\d)-(\d{4})(?![\d]))");
    return re;
}

// Card numbers start with an issuer digit 2-6 (international brands) or 9 (Korean domestic
// cards); nothing is issued under 0, 1, 7 or 8. That keeps event ids and other counters
// (microsecond timestamps start with 1) out of "[card]".
bool looksLikeCard(const std::string& digitsWithSeparators) {
    std::string digits;
    for (char c : digitsWithSeparators) {
        if (c >= '0' && c <= '9')
            digits.push_back(c);
    }
    if (digits.size() < 13 || digits.size() > 19)
        return false;
    const char issuer = digits.front();
    return (issuer >= '2' && issuer <= '6') || issuer == '9';
}

// Decodes the percent escapes a number can hide behind in a URL ("%2B82%2010…", "010%2D…"):
// digits, plus, space, hyphen, dot and parentheses. Other escapes stay as they are, so no
// control character is ever produced.
std::string decodeNumberEscapes(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int hi = hexDigitValue(text[i + 1]);
            const int lo = hexDigitValue(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                const char c = static_cast<char>(hi * 16 + lo);
                if ((c >= '0' && c <= '9') || c == '+' || c == ' ' || c == '-' || c == '.' ||
                    c == '(' || c == ')') {
                    out.push_back(c);
                    i += 2;
                    continue;
                }
            }
        }
        out.push_back(text[i]);
    }
    return out;
}

}  // namespace

std::string redactPersonalData(std::string_view input) {
    std::string text =
        input.find('%') == std::string_view::npos ? std::string(input) : decodeNumberEscapes(input);
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

std::string escapeControlCharacters(std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte != 0x7f) {
            out.push_back(c);
        } else if (c == '\n') {
            out.append("\\n");
        } else if (c == '\r') {
            out.append("\\r");
        } else if (c == '\t') {
            out.append("\\t");
        } else {
            out.append("\\x");
            out.push_back(hex[byte >> 4]);
            out.push_back(hex[byte & 0xf]);
        }
    }
    return out;
}

}  // namespace agentdesk
