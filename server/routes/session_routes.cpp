// GET /health, POST /sessions, DELETE /sessions/current, GET /capabilities.
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

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

void serverStatus(RouteContext& ctx, ApiCall& call) {
    json status = ctx.serverStatus ? ctx.serverStatus() : json::object();
    status["eventStreams"] = ctx.hub.streamCount();
    call.ex->respond(jsonResponse(200, status));
}

// How long a login waits for its session's row before it answers anyway.
constexpr std::chrono::seconds kLoginSaveWait{3};

void finishLogin(RouteContext& ctx, const http::ExchangePtr& ex, bool ok,
                 const std::optional<User>& user, const std::string& name,
                 const std::string& address) {
    auto log = logging::get("auth");
    if (!ok) {
        ctx.logins->failed(name, address, ctx.clock.now());
        log->warn("failed login as '{}' from {}", name, address);
        return respondError(ex, ErrorCode::Unauthorized, "wrong username or password");
    }
    if (user->disabled) {
        log->warn("login as '{}' from {} refused: the account is disabled", name, address);
        return respondError(ex, ErrorCode::Forbidden,
                            "this account is disabled; ask your administrator");
    }
    ctx.logins->succeeded(name);
    // Answered once the session's row is written, so the desktop's next request finds the
    // token on any node; at most kLoginSaveWait later (the database is slow or away: the
    // session works here meanwhile, and its row is written when the database is back).
    struct Answer {
        explicit Answer(boost::asio::io_context& io) : timer(io) {}
        boost::asio::steady_timer timer;
        std::optional<http::Response> response;  // set once the session is made
        bool saved = false;                      // its row is written (or will not be)
        bool sent = false;
    };
    auto answer = std::make_shared<Answer>(ctx.io);
    auto send = [answer, ex] {
        if (answer->sent || !answer->response)
            return;
        answer->sent = true;
        answer->timer.cancel();
        ex->respond(std::move(*answer->response));
    };
    const AuthSession& session = ctx.sessions.create(*user, [answer, send](bool) {
        answer->saved = true;
        send();
    });
    if (isAgentRole(user->role))
        ctx.telephony.agentLoggedIn(*user);
    log->info("{} logged in as {} from {}", user->username, roleName(user->role), address);
    answer->response = jsonResponse(201, {{"token", session.token},
                                          {"expiresAt", toRfc3339(session.expiresAt)},
                                          {"agent",
                                           {{"id", user->id},
                                            {"name", user->name},
                                            {"nameEn", user->nameEn},
                                            {"role", roleName(user->role)},
                                            {"skills", user->skills},
                                            {"extension", user->extension}}}});
    if (answer->saved)  // written already (SQLite writes at once)
        return send();
    answer->timer.expires_after(kLoginSaveWait);
    answer->timer.async_wait([send](const boost::system::error_code& ec) {
        if (!ec)
            send();
    });
}

// Password checks (Argon2id, deliberately slow) run on the worker pool; this many at most.
constexpr int kMaxPasswordChecks = 16;

void checkPassword(RouteContext& ctx, const http::ExchangePtr& ex, std::optional<User> user,
                   std::string name, std::string password, std::string address) {
    if (ctx.passwordChecksRunning >= kMaxPasswordChecks) {
        logging::get("auth")->warn("login as '{}' from {} refused: {} password checks running",
                                   name, address, ctx.passwordChecksRunning);
        return respondUnavailable(ex, "the server is busy with logins; try again", 1);
    }
    // Verify even for unknown users so timing does not tell which usernames exist.
    static const std::string decoy = hashPassword("decoy-password-for-timing");
    const std::string hash = user ? user->passwordHash : decoy;
    ++ctx.passwordChecksRunning;
    // The worker holds the exchange only until it hands it back: the exchange (owned by the
    // I/O thread's connection) must never be released on a worker thread.
    boost::asio::post(
        ctx.workers, [&ctx, ex = ex, hash, password = std::move(password), user = std::move(user),
                      name = std::move(name), address = std::move(address)]() mutable {
            const bool ok = verifyPassword(hash, password) && user.has_value();
            boost::asio::post(ctx.io, [&ctx, ex = std::move(ex), ok, user = std::move(user),
                                       name = std::move(name), address = std::move(address)] {
                --ctx.passwordChecksRunning;
                finishLogin(ctx, ex, ok, user, name, address);
            });
        });
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
    const std::string address = call.req.remoteAddress;
    auto log = logging::get("auth");
    if (auto wait = ctx.logins->locked(*username, address, ctx.clock.now())) {
        log->warn("login as '{}' from {} refused: locked for {} s after failed logins", *username,
                  address, wait->count());
        return respondTooMany(ex, "too many failed logins", *wait);
    }
    // The user is looked up on the store pool, then the password checked on `workers`.
    storeThen<std::optional<User>>(
        ctx, "POST " + call.req.path, ex,
        [name = *username](const StorePool::Stores& s) { return s.crm.userByUsername(name); },
        [&ctx, ex, name = *username, password = *password,
         address](std::optional<User> user) mutable {
            checkPassword(ctx, ex, std::move(user), std::move(name), std::move(password),
                          std::move(address));
        });
}

// Always ends the token, even on a call: the agent then leaves the ACD when the call ends.
void logout(RouteContext& ctx, ApiCall& call) {
    const AuthSession session = *call.session;
    ctx.sessions.remove(session.token);
    if (ctx.sessionEnded)
        ctx.sessionEnded(session);
    logging::get("server")->info("{} logged out", session.user.username);
    http::Response r;
    r.status = 204;
    r.contentType = "application/json";
    call.ex->respond(std::move(r));
}

const char* kindName(LoginThrottle::Kind kind) {
    return kind == LoginThrottle::Kind::User ? "user" : "address";
}

void listLockouts(RouteContext& ctx, ApiCall& call) {
    json out = json::array();
    for (const auto& e : ctx.logins->lockouts(ctx.clock.now())) {
        out.push_back({{"kind", kindName(e.kind)},
                       {"key", e.key},
                       {"failures", e.failures},
                       {"lockedUntil", toRfc3339(e.lockedUntil)}});
    }
    call.ex->respond(jsonResponse(200, out));
}

void clearLockout(RouteContext& ctx, ApiCall& call) {
    const std::string& kind = call.param("kind");
    if (kind != "user" && kind != "address")
        return respondError(call.ex, ErrorCode::BadRequest, "kind must be user or address");
    const auto k = kind == "user" ? LoginThrottle::Kind::User : LoginThrottle::Kind::Address;
    if (!ctx.logins->clear(k, call.param("key")))
        return respondError(call.ex, ErrorCode::NotFound, "no failed logins for this " + kind);
    logging::get("auth")->info("{} cleared the login lockout of {} '{}'", call.user().username,
                               kind, call.param("key"));
    http::Response r;
    r.status = 204;
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
        {"GET", "/api/v1/server/status", onlyRoles({Role::TeamLead}), serverStatus},
        {"POST", "/api/v1/sessions", publicRoute(), login},
        {"DELETE", "/api/v1/sessions/current",
         onlyRoles({Role::Counselor, Role::TeamLead, Role::Trainer, Role::Stt}), logout},
        {"GET", "/api/v1/capabilities", anyRole(), capabilities},
        {"GET", "/api/v1/login-lockouts", onlyRoles({Role::TeamLead}), listLockouts},
        {"DELETE", "/api/v1/login-lockouts/{kind}/{key}", onlyRoles({Role::TeamLead}),
         clearLockout},
    };
}

}  // namespace agentdesk::server
