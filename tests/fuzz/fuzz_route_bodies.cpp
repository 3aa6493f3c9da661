// Harness route_bodies: every route of the API table with a fuzzed JSON body (POST, PUT, PATCH)
// or query string (GET, DELETE), sent with a live token of the chosen role, on an in-process
// server with the demo data (tests/fuzz/fuzz_world.h). Every answer is checked (checkReply):
// bad input must be a 4xx, never a 500 or a crash.
//
// Input: one line "METHOD PATTERN ROLE [PARAM]", then the body (or query string) as is.
//   POST /api/v1/customers lead
//   {"name":"김민수","phones":[{"number":"010-1234-5678"}]}
// A first line that names no route picks one by the sum of its bytes, so mutations still reach
// every route. ROLE is counselor, lead, trainer or none (no token); anything else is the
// route's first role. PARAM fills every {…} of the pattern ("x" when absent).
#include <numeric>
#include <sstream>
#include <string>

#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_world.h"

namespace {

using agentdesk::server::ApiRoute;
using agentdesk::server::Role;
using agentdesk::server::http::Request;

const ApiRoute& chooseRoute(const std::vector<ApiRoute>& routes, const std::string& method,
                            const std::string& pattern, const std::string& line) {
    for (const auto& route : routes) {
        if (route.method == method && route.pattern == pattern)
            return route;
    }
    const unsigned sum = std::accumulate(line.begin(), line.end(), 0u, [](unsigned s, char c) {
        return s + static_cast<unsigned char>(c);
    });
    return routes[sum % routes.size()];
}

std::string roleWord(Role role) {
    switch (role) {
        case Role::Counselor:
            return "counselor";
        case Role::TeamLead:
            return "lead";
        case Role::Trainer:
            return "trainer";
        case Role::Stt:
            return "stt";
    }
    return "none";
}

std::string fillParams(const std::string& pattern, const std::string& param) {
    std::string path;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            const auto close = pattern.find('}', i);
            path += param;
            i = close;
        } else {
            path.push_back(pattern[i]);
        }
    }
    return path;
}

void addQuery(const std::string& text, Request& request) {
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto amp = std::min(text.find('&', start), text.size());
        const std::string pair = text.substr(start, amp - start);
        const auto eq = pair.find('=');
        if (!pair.empty())
            request.query.emplace(pair.substr(0, eq),
                                  eq == std::string::npos ? std::string() : pair.substr(eq + 1));
        start = amp + 1;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    const auto newline = input.find('\n');
    const std::string line = input.substr(0, newline);
    const std::string rest =
        newline == std::string::npos ? std::string() : input.substr(newline + 1);
    std::istringstream words(line);
    std::string method, pattern, role, param;
    words >> method >> pattern >> role >> param;

    agentdesk::fuzz::ServerWorld world;
    const ApiRoute& route = chooseRoute(world.routes(), method, pattern, line);
    if (role != "counselor" && role != "lead" && role != "trainer" && role != "stt" &&
        role != "none")
        role = route.access.roles.empty() ? "none" : roleWord(route.access.roles.front());

    Request request;
    request.method = route.method;
    request.path = fillParams(route.pattern, param.empty() ? "x" : param);
    request.remoteAddress = "127.0.0.1";
    if (role != "none")
        request.headers["authorization"] = "Bearer " + world.tokenFor(role);
    if (route.method == "GET" || route.method == "DELETE") {
        addQuery(rest, request);
    } else {
        request.headers["content-type"] = "application/json";
        request.body = rest;
    }
    const auto reply = world.handle(request);
    agentdesk::fuzz::checkReply(request, reply);
    return 0;
}
