// Harness forwarded_http: a request forwarded between the nodes of a center, and its answer
// (server/cluster/forwarded_http.h), from any bytes on the bus.
//   - decoding never throws or crashes; what it refuses, it refuses whole;
//   - a decoded request has a method and an absolute path, and encoding it again decodes to the
//     same request (nothing is lost or invented on a second hop);
//   - the same for an answer, whose status stays within 100-599.
#include <cstdint>
#include <string>

#include "server/cluster/forwarded_http.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace agentdesk::server;
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    if (const auto request = cluster::decodeForwardedRequest(text)) {
        FUZZ_CHECK(!request->method.empty(), "empty method");
        FUZZ_CHECK(!request->path.empty() && request->path.front() == '/', request->path);
        FUZZ_CHECK(request->params.empty(), "params came over the wire");
        const auto again =
            cluster::decodeForwardedRequest(cluster::encodeForwardedRequest(*request));
        FUZZ_CHECK(again.has_value(), "a decoded request does not decode again");
        FUZZ_CHECK(again->method == request->method && again->path == request->path &&
                       again->query == request->query && again->body == request->body &&
                       again->remoteAddress == request->remoteAddress,
                   "a second hop changed the request");
    }
    if (const auto answer = cluster::decodeForwardedAnswer(text)) {
        FUZZ_CHECK(answer->response.status >= 100 && answer->response.status <= 599,
                   std::to_string(answer->response.status));
        const auto again = cluster::decodeForwardedAnswer(cluster::encodeForwardedAnswer(*answer));
        FUZZ_CHECK(again.has_value(), "a decoded answer does not decode again");
        FUZZ_CHECK(again->response.status == answer->response.status &&
                       again->response.body == answer->response.body &&
                       again->response.headers == answer->response.headers &&
                       again->response.contentType == answer->response.contentType &&
                       again->authenticated == answer->authenticated,
                   "a second hop changed the answer");
    }
    return 0;
}
