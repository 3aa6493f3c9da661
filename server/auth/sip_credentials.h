#pragma once
// Agents' SIP phone credentials. The server keeps only the digest HA1 (MD5 of
// "extension:realm:password", RFC 2617/3261), never the phone's password itself.
#include <string>
#include <string_view>

namespace agentdesk::server {

// The digest realm every agent phone authenticates in.
inline constexpr std::string_view kSipRealm = "agentdesk";

// Lower-case hex MD5("extension:realm:password").
std::string sipDigestHa1(std::string_view extension, std::string_view realm,
                         std::string_view password);

}  // namespace agentdesk::server
