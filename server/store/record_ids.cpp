#include "server/store/record_ids.h"

#include <sodium.h>

#include <cstdio>

namespace agentdesk::server {

std::string newRecordId(char prefix) {
    unsigned char bytes[8];
    randombytes_buf(bytes, sizeof bytes);
    static const char* hex = "0123456789abcdef";
    std::string id(1, prefix);
    for (unsigned char b : bytes) {
        id.push_back(hex[b >> 4]);
        id.push_back(hex[b & 15]);
    }
    return id;
}

std::string customerIdFor(std::int64_t sequence) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "C%05lld", static_cast<long long>(sequence));
    return buf;
}

std::string customerNumberAt(TimePoint now) {
    return "9" + std::to_string(toUnixMs(now) % 1000000000LL);
}

std::string randomCustomerNumber() {
    return "9" + std::to_string(100000000 + randombytes_uniform(900000000));
}

}  // namespace agentdesk::server
