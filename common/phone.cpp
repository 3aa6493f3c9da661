#include "common/phone.h"

#include <cctype>

namespace agentdesk::phone {
namespace {

bool isRepresentative(std::string_view national) {
    return national.size() == 8 && national[0] == '1' && national[1] >= '5' && national[1] <= '8';
}

// Length of the area/carrier prefix of a national number that starts with 0, or 0 if invalid.
std::size_t prefixLength(std::string_view national) {
    if (national.size() < 9 || national[0] != '0')
        return 0;
    if (national[1] == '2')
        return 2;              // Seoul
    if (national[1] == '1') {  // mobile 010/011/016/017/018/019
        const char c = national[2];
        return (c == '0' || c == '1' || c == '6' || c == '7' || c == '8' || c == '9') ? 3 : 0;
    }
    if (national[1] >= '3' && national[1] <= '6' && national[2] >= '1' && national[2] <= '5') {
        return 3;  // regional 031..064
    }
    if (national[1] == '7' && national[2] == '0')
        return 3;  // 070 internet phone
    if (national[1] == '5' && national[2] == '0')
        return 4;  // 050N personal numbers
    return 0;
}

bool validNational(std::string_view national) {
    if (isRepresentative(national))
        return true;
    const std::size_t prefix = prefixLength(national);
    if (prefix == 0)
        return false;
    const std::size_t subscriber = national.size() - prefix;
    return subscriber == 7 || subscriber == 8;
}

}  // namespace

std::optional<std::string> toE164(std::string_view input) {
    std::string digits;
    bool plus = false;
    for (char c : input) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits.push_back(c);
        } else if (c == '+' && digits.empty() && !plus) {
            plus = true;
        } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
            continue;
        } else {
            return std::nullopt;
        }
    }
    if (digits.empty())
        return std::nullopt;
    std::string national;
    if (plus || (digits.size() >= 10 && digits.rfind("82", 0) == 0 && digits[2] != '0')) {
        if (digits.rfind("82", 0) != 0)
            return std::nullopt;
        std::string rest = digits.substr(2);
        if (!rest.empty() && rest[0] == '0')
            rest.erase(0, 1);  // "+82 (0)10 ..." written loosely
        national = isRepresentative(rest) ? rest : "0" + rest;
    } else {
        national = digits;
    }
    if (!validNational(national))
        return std::nullopt;
    return "+82" + (national[0] == '0' ? national.substr(1) : national);
}

std::string formatLocal(std::string_view e164) {
    if (e164.rfind("+82", 0) != 0)
        return std::string(e164);
    std::string rest(e164.substr(3));
    if (isRepresentative(rest))
        return rest.substr(0, 4) + "-" + rest.substr(4);
    const std::string national = "0" + rest;
    const std::size_t prefix = prefixLength(national);
    if (prefix == 0 || !validNational(national))
        return std::string(e164);
    const std::size_t subscriber = national.size() - prefix;
    const std::size_t middle = subscriber - 4;
    return national.substr(0, prefix) + "-" + national.substr(prefix, middle) + "-" +
           national.substr(prefix + middle);
}

std::string maskLocal(std::string_view number) {
    std::string local;
    if (auto e164 = toE164(number)) {
        local = formatLocal(*e164);
    } else {
        local = std::string(number);
    }
    const auto first = local.find('-');
    const auto last = local.rfind('-');
    if (first == std::string::npos)
        return local;
    if (first == last)
        return local.substr(0, first + 1) + "****";  // 1588-****
    return local.substr(0, first + 1) + std::string(last - first - 1, '*') + local.substr(last);
}

}  // namespace agentdesk::phone
