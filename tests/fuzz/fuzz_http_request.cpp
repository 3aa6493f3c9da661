// Harness http_request: raw bytes as they arrive on a connection, through Boost.Beast's request
// parser (with the transport's header and body limits), makeRequest() (target splitting and
// percent-decoding, lower-case headers), the router and the real route table with its access
// checks, on an in-process server with the demo data (tests/fuzz/fuzz_world.h).
//
// "Bearer @counselor", "@lead" or "@trainer" in an Authorization header becomes a live token, so
// inputs reach the handlers behind the access checks. Every answer is checked (checkReply).
#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>

#include "server/http/http_connection.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_world.h"

namespace {

namespace bhttp = boost::beast::http;
using agentdesk::server::http::Request;

// Feeds the bytes to a parser as the connection would; false when they are not one complete
// request (the transport then answers 400 or waits for more).
bool parse(const std::uint8_t* data, std::size_t size,
           bhttp::request_parser<bhttp::string_body>& parser) {
    parser.header_limit(64 * 1024);
    parser.body_limit(1024 * 1024);
    parser.eager(true);
    boost::asio::const_buffer rest(data, size);
    boost::beast::error_code ec;
    while (rest.size() > 0 && !parser.is_done()) {
        const std::size_t used = parser.put(rest, ec);
        if (ec == bhttp::error::need_more && used == 0)
            break;
        if (ec && ec != bhttp::error::need_more)
            return false;
        rest += used;
    }
    if (!parser.got_some())
        return false;  // the connection closed before a byte: nothing to answer
    if (!parser.is_done()) {
        parser.put_eof(ec);
        if (ec)
            return false;
    }
    return parser.is_done();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    bhttp::request_parser<bhttp::string_body> parser;
    if (!parse(data, size, parser))
        return 0;
    Request request = agentdesk::server::http::makeRequest(parser.release(), "127.0.0.1");
    // Decoding never makes text longer; a decoded path beside its target proves nothing more.
    FUZZ_CHECK(request.path.size() <= size, "decoded path longer than the input");
    agentdesk::fuzz::ServerWorld world;
    world.insertTokens(request);
    const auto reply = world.handle(request);
    agentdesk::fuzz::checkReply(request, reply);
    return 0;
}
