// GET /health, POST /sessions, DELETE /sessions/current, GET /capabilities.
#include <boost/asio/post.hpp>

#include "common/logging.h"
#include "server/auth/password_hash.h"
#include "server/routes/acd_presenter.h"
#include "server/routes/api_routes.h"

namespace agentdesk::server {

namespace {

void health(RouteContext& ctx, ApiCall& call) {
    const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now() - ctx.startedAt)
                            .count();
    call.ex->respond(
        jsonResponse(200, {{"status", "ok"}, {"version", ctx.version}, {"uptimeSec", uptime}}));
}

void login(RouteContext& ctx, ApiCall& call) {
    const http::ExchangePtr& ex = call.ex;
    auto body = jsonBody(call.req, ex);
    if (!body)
        return;
    Fields f(*body);
    auto username = f.string("username", true);
    auto password = f.string("password", true);
    if (!f.ok())
        return respondOutcome(ex, f.error());
    auto user = ctx.store.userByUsername(*username);
    // Verify even for unknown users so timing does not tell which usernames exist.
    static const std::string decoy = hashPassword("decoy-password-for-timing");
    const std::string hash = user ? user->passwordHash : decoy;
    boost::asio::post(ctx.workers, [&ctx, ex, hash, password = *password, user] {
        const bool ok = verifyPassword(hash, password) && user.has_value();
        boost::asio::post(ctx.io, [&ctx, ex, ok, user] {
            if (!ok) {
                logging::get("server")->info("failed login");
                return respondError(ex, ErrorCode::Unauthorized, "wrong username or password");
            }
            const AuthSession& session = ctx.sessions.create(*user);
            ctx.telephony.agentLoggedIn(*user);
            logging::get("server")->info("{} logged in as {}", user->username,
                                         roleName(user->role));
            ex->respond(jsonResponse(201, {{"token", session.token},
                                           {"expiresAt", toRfc3339(session.expiresAt)},
                                           {"agent",
                                            {{"id", user->id},
                                             {"name", user->name},
                                             {"nameEn", user->nameEn},
                                             {"role", roleName(user->role)},
                                             {"skills", user->skills},
                                             {"extension", user->extension}}}}));
        });
    });
}

void logout(RouteContext& ctx, ApiCall& call) {
    const AuthSession& session = *call.session;
    if (ctx.sessions.sessionsOf(session.user.id) <= 1) {
        auto outcome = ctx.telephony.agentLoggedOut(session.user.id);
        if (!outcome.ok())
            return respondOutcome(call.ex, outcome);
    }
    ctx.sessions.remove(session.token);
    ctx.hub.closeStreamsOfToken(session.token);
    http::Response r;
    r.status = 204;
    r.contentType = "application/json";
    call.ex->respond(std::move(r));
}

void capabilities(RouteContext& ctx, ApiCall& call) {
    json caps = capabilitiesJson(ctx.telephony.capabilities());
    caps["demo"] = ctx.demo != nullptr;
    if (!ctx.demo) {
        // Scripted transcripts come only from demo calls.
        auto& features = caps["features"];
        for (auto it = features.begin(); it != features.end();) {
            it = (*it == "demo" || *it == "transcript") ? features.erase(it) : it + 1;
        }
    }
    caps["version"] = ctx.version;
    call.ex->respond(jsonResponse(200, caps));
}

}  // namespace

std::vector<ApiRoute> sessionRoutes() {
    return {
        {"GET", "/api/v1/health", publicRoute(), health},
        {"POST", "/api/v1/sessions", publicRoute(), login},
        {"DELETE", "/api/v1/sessions/current", anyRole(), logout},
        {"GET", "/api/v1/capabilities", anyRole(), capabilities},
    };
}

}  // namespace agentdesk::server
