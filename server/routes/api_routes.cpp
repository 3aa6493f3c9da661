#include "server/routes/api_routes.h"

#include <cctype>
#include <optional>

namespace agentdesk::server {

namespace {

bool hasBody(const std::string& method) {
    return method == "POST" || method == "PUT" || method == "PATCH";
}

// "application/json", optionally with parameters ("; charset=utf-8"), any case.
bool isJsonContentType(std::string value) {
    for (char& c : value)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto semi = value.find(';');
    std::string type = value.substr(0, semi);
    while (!type.empty() && type.back() == ' ')
        type.pop_back();
    while (!type.empty() && type.front() == ' ')
        type.erase(0, 1);
    return type == "application/json";
}

std::string rolesText(const RouteAccess& access) {
    if (access.isPublic)
        return "public";
    if (access.roles.size() == 3)
        return "any";
    std::string text;
    for (Role r : access.roles)
        text += (text.empty() ? "" : ", ") + std::string(roleName(r));
    return text;
}

// The route's handler, once the caller is known (`session` null on a public route).
void runRoute(RouteContext& ctx, const ApiRoute& route, http::Request& req,
              const http::ExchangePtr& ex, const AuthSession* session) {
    if (hasBody(req.method) && !req.body.empty() &&
        !isJsonContentType(req.header("content-type"))) {
        return ex->respond(
            jsonResponse(415, {{"error",
                                {{"code", "unsupported_media_type"},
                                 {"message", "the body must be sent as application/json"}}}}));
    }
    if (route.inOrder && session) {
        // The request outlives this call when the command waits for another.
        auto kept = std::make_shared<http::Request>(req);
        auto held = std::make_shared<AuthSession>(*session);
        return ctx.commands->run(session->user.id, ex,
                                 [&ctx, route, kept, held](const http::ExchangePtr& in) {
                                     ApiCall call{*kept, in, held.get()};
                                     route.handler(ctx, call);
                                 });
    }
    ApiCall call{req, ex, session};
    route.handler(ctx, call);
}

}  // namespace

RouteAccess publicRoute() {
    return {true, {}, false};
}

RouteAccess anyRole() {
    return {false, {Role::Counselor, Role::TeamLead, Role::Trainer}, false};
}

RouteAccess onlyRoles(std::vector<Role> roles) {
    return {false, std::move(roles), false};
}

RouteAccess supervisors() {
    return onlyRoles({Role::TeamLead, Role::Trainer});
}

std::vector<ApiRoute> apiRoutes() {
    std::vector<ApiRoute> all;
    for (auto part :
         {sessionRoutes(), eventRoutes(), agentRoutes(), callRoutes(), customerRoutes(),
          noteRoutes(), demoRoutes(), knowledgeRoutes(), recordingRoutes(), assistRoutes()}) {
        all.insert(all.end(), part.begin(), part.end());
    }
    return all;
}

void mountApiRoutes(http::Router& router, RouteContext& ctx, const std::vector<ApiRoute>& routes) {
    for (const ApiRoute& route : routes) {
        router.add(route.method, route.pattern,
                   [&ctx, route](http::Request& req, const http::ExchangePtr& ex) {
                       if (route.access.isPublic)
                           return runRoute(ctx, route, req, ex, nullptr);
                       authenticate(ctx, req, ex, route.access.roles, route.access.queryToken,
                                    [&ctx, route](http::Request& r, const http::ExchangePtr& e,
                                                  const AuthSession& session) {
                                        e->markAuthenticated();
                                        runRoute(ctx, route, r, e, &session);
                                    });
                   });
    }
}

std::string routeTableMarkdown(const std::vector<ApiRoute>& routes) {
    std::string out = "| method | path | who may call it |\n|---|---|---|\n";
    for (const ApiRoute& r : routes) {
        out += "| " + r.method + " | `" + r.pattern + "` | " + rolesText(r.access) +
               (r.access.queryToken ? " (token also as `?access_token=`)" : "") + " |\n";
    }
    return out;
}

}  // namespace agentdesk::server
