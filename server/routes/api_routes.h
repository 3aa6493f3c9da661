#pragma once
// The API's routes in one table: method, path and who may call each, beside its handler (the
// way Drogon declares filters with the route). mountApiRoutes() puts them on the router, which
// checks the caller before any handler runs:
//   - a route that is not public needs a live session (401) of one of its roles (403);
//   - the token comes from `Authorization: Bearer`; only routes that say so (GET /events, for
//     EventSource, which cannot send headers) also take `?access_token=`;
//   - a request with a body (POST, PUT, PATCH) must send `Content-Type: application/json`
//     (415 otherwise).
// A handler therefore starts with the request's meaning, never with access checks. docs/api.md
// shows the same table (routeTableMarkdown(); a test keeps the two equal).
//
// Threads: handlers run on the I/O thread, like the rest of the routes.
#include <string>
#include <vector>

#include "server/routes/route_context.h"

namespace agentdesk::server {

// Who may call a route.
struct RouteAccess {
    bool isPublic = false;    // no session needed (health, login)
    std::vector<Role> roles;  // otherwise: a session of one of these
    bool queryToken = false;  // ?access_token= accepted (EventSource)
};
RouteAccess publicRoute();
RouteAccess anyRole();  // every role that can log in
RouteAccess onlyRoles(std::vector<Role> roles);
RouteAccess supervisors();  // team leads and trainers

// One request as its handler sees it: the caller is checked already.
struct ApiCall {
    http::Request& req;
    const http::ExchangePtr& ex;
    const AuthSession* session;  // null only on public routes

    const User& user() const { return session->user; }
    const std::string& param(const std::string& name) { return req.params[name]; }
};

using ApiHandler = void (*)(RouteContext& ctx, ApiCall& call);

struct ApiRoute {
    std::string method;
    std::string pattern;
    RouteAccess access;
    ApiHandler handler;
    // A command to the ACD: runs after the same user's earlier commands have been answered
    // (routes/command_order.h).
    bool inOrder = false;
};

// Each area's routes (server/routes/*_routes.cpp).
std::vector<ApiRoute> sessionRoutes();
std::vector<ApiRoute> eventRoutes();
std::vector<ApiRoute> agentRoutes();
std::vector<ApiRoute> callRoutes();
std::vector<ApiRoute> customerRoutes();
std::vector<ApiRoute> noteRoutes();
std::vector<ApiRoute> demoRoutes();
std::vector<ApiRoute> knowledgeRoutes();
std::vector<ApiRoute> recordingRoutes();
std::vector<ApiRoute> assistRoutes();
// All of them, in the order the router tries them.
std::vector<ApiRoute> apiRoutes();

void mountApiRoutes(http::Router& router, RouteContext& ctx, const std::vector<ApiRoute>& routes);

// "| METHOD | /path | roles |" rows, one per route, as in docs/api.md.
std::string routeTableMarkdown(const std::vector<ApiRoute>& routes);

}  // namespace agentdesk::server
