#include "server/auth/sip_credentials.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace agentdesk::server {

std::string sipDigestHa1(std::string_view extension, std::string_view realm,
                         std::string_view password) {
    std::string input;
    input.reserve(extension.size() + realm.size() + password.size() + 2);
    input.append(extension).append(":").append(realm).append(":").append(password);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(input.data(), input.size(), digest, &length, EVP_md5(), nullptr) != 1)
        throw std::runtime_error("MD5 is not available");
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out.push_back(hex[digest[i] >> 4]);
        out.push_back(hex[digest[i] & 15]);
    }
    return out;
}

}  // namespace agentdesk::server
