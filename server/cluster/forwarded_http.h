#pragma once
// An HTTP request that a node which does not run the ACD hands to the node that does, and the
// answer, as they travel over NATS request/reply (server/cluster/acd_forwarder.h): JSON, with
// the body in base64 (a recording is binary). Hop-by-hop headers stay behind.
//
// Messages come from the center's own nodes; a malformed one is still refused (nullopt), never
// trusted half-read.
#include <optional>
#include <string>
#include <string_view>

#include "server/http/http_types.h"

namespace agentdesk::server::cluster {

struct ForwardedAnswer {
    http::Response response;
    bool authenticated = false;  // the request carried a valid session (http::Exchange)
};

std::string encodeForwardedRequest(const http::Request& request);
std::optional<http::Request> decodeForwardedRequest(std::string_view data);

std::string encodeForwardedAnswer(const ForwardedAnswer& answer);
std::optional<ForwardedAnswer> decodeForwardedAnswer(std::string_view data);

}  // namespace agentdesk::server::cluster
