#pragma once
// Maps "METHOD /api/v1/calls/{id}/answer" patterns to handlers.
#include <string>
#include <vector>

#include "server/http/http_types.h"

namespace agentdesk::server::http {

class Router {
public:
    void add(std::string method, std::string pattern, Handler handler);

    enum class Match { Found, NotFound, MethodNotAllowed };
    // On Found, fills request.params and returns the handler through `handler`.
    Match route(Request& request, const Handler** handler) const;

private:
    struct Route {
        std::string method;
        std::vector<std::string> segments;  // "{name}" segments capture
        Handler handler;
    };
    std::vector<Route> routes_;
};

std::vector<std::string> splitPath(const std::string& path);

}  // namespace agentdesk::server::http
