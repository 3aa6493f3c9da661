#include "server/masking.h"

namespace agentdesk::server {

std::string maskResidentNumber(std::string_view rrn) {
    std::string digits;
    for (char c : rrn) {
        if (c >= '0' && c <= '9')
            digits.push_back(c);
    }
    if (digits.size() != 13)
        return "******-*******";
    return digits.substr(0, 6) + "-" + digits[6] + "******";
}

std::string maskCardNumber(std::string_view card) {
    int total = 0;
    for (char c : card) {
        if (c >= '0' && c <= '9')
            ++total;
    }
    std::string out;
    int seen = 0;
    for (char c : card) {
        if (c >= '0' && c <= '9') {
            ++seen;
            out.push_back(seen <= 6 || seen > total - 4 ? c : '*');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

}  // namespace agentdesk::server
