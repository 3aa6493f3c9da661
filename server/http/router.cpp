#include "server/http/router.h"

namespace agentdesk::server::http {

std::vector<std::string> splitPath(const std::string& path) {
    std::vector<std::string> parts;
    std::string current;
    for (char c : path) {
        if (c == '/') {
            if (!current.empty())
                parts.push_back(std::move(current));
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    if (!current.empty())
        parts.push_back(std::move(current));
    return parts;
}

void Router::add(std::string method, std::string pattern, Handler handler) {
    routes_.push_back({std::move(method), splitPath(pattern), std::move(handler)});
}

Router::Match Router::route(Request& request, const Handler** handler) const {
    const auto parts = splitPath(request.path);
    bool pathMatched = false;
    for (const auto& route : routes_) {
        if (route.segments.size() != parts.size())
            continue;
        std::map<std::string, std::string> params;
        bool ok = true;
        for (std::size_t i = 0; i < parts.size() && ok; ++i) {
            const auto& seg = route.segments[i];
            if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
                params[seg.substr(1, seg.size() - 2)] = parts[i];
            } else {
                ok = seg == parts[i];
            }
        }
        if (!ok)
            continue;
        pathMatched = true;
        if (route.method != request.method)
            continue;
        request.params = std::move(params);
        *handler = &route.handler;
        return Match::Found;
    }
    return pathMatched ? Match::MethodNotAllowed : Match::NotFound;
}

}  // namespace agentdesk::server::http
