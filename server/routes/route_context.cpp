#include "server/routes/route_context.h"

#include <algorithm>

#include "common/logging.h"
#include "common/sqlite_db.h"
#include "server/auth/password_hash.h"

namespace agentdesk::server {

http::Response jsonResponse(int status, const json& body) {
    http::Response r;
    r.status = status;
    r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
    return r;
}

http::Response errorResponse(const Outcome& outcome) {
    return jsonResponse(httpStatus(outcome.code), errorBody(outcome));
}

void respondError(const http::ExchangePtr& ex, ErrorCode code, const std::string& message) {
    ex->respond(errorResponse(Outcome::fail(code, message)));
}

void respondOutcome(const http::ExchangePtr& ex, const Outcome& outcome) {
    ex->respond(errorResponse(outcome));
}

void respondAccepted(const http::ExchangePtr& ex, const Outcome& outcome,
                     const std::string& requestId) {
    if (!outcome.ok()) {
        respondOutcome(ex, outcome);
        return;
    }
    ex->respond(jsonResponse(202, {{"requestId", requestId}}));
}

void respondStoreError(const http::ExchangePtr& ex, const SqliteError& error,
                       const std::string& what) {
    logging::get("server")->error("{}: store error: {}", what, error.what());
    if (!error.storageFull())
        return respondError(ex, ErrorCode::Internal, "store error");
    // Nothing was stored (the transaction rolled back): the client keeps what it sent and
    // retries, the desktop from its outbox.
    auto full = jsonResponse(507, {{"error",
                                    {{"code", "insufficient_storage"},
                                     {"message",
                                      "the server's disk is full; nothing was stored, try again "
                                      "later"}}}});
    full.headers.emplace_back("Retry-After", "30");
    ex->respond(std::move(full));
}

void respondStoreError(const http::ExchangePtr& ex, const pg::PgError& error,
                       const std::string& what) {
    logging::get("server")->error("{}: store error: {}", what, error.what());
    if (error.sqlState() == "53100") {
        auto full = jsonResponse(507, {{"error",
                                        {{"code", "insufficient_storage"},
                                         {"message",
                                          "the database's disk is full; nothing was stored, try "
                                          "again later"}}}});
        full.headers.emplace_back("Retry-After", "30");
        return ex->respond(std::move(full));
    }
    if (!error.connectionLost())
        return respondError(ex, ErrorCode::Internal, "store error");
    respondUnavailable(ex, "the database cannot be reached; nothing was stored, try again shortly",
                       5);
}

void respondUnavailable(const http::ExchangePtr& ex, const std::string& message,
                        int retryAfterSec) {
    auto down = jsonResponse(503, {{"error", {{"code", "unavailable"}, {"message", message}}}});
    down.headers.emplace_back("Retry-After", std::to_string(retryAfterSec));
    ex->respond(std::move(down));
}

namespace {

StorePool::Done answerFailures(std::string what, const http::ExchangePtr& ex,
                               std::function<void(json)> then) {
    return [ex, what = std::move(what), then = std::move(then)](StorePool::Result result) {
        try {
            if (result.error)
                std::rethrow_exception(result.error);
            then(std::move(result.value));
        } catch (const Refused& refused) {
            ex->respond(refused.response);
        } catch (const SqliteError& e) {
            respondStoreError(ex, e, what);
        } catch (const pg::PgError& e) {
            respondStoreError(ex, e, what);
        } catch (const std::exception& e) {
            logging::get("server")->error("{}: {}", what, e.what());
            respondError(ex, ErrorCode::Internal, "internal error");
        }
    };
}

}  // namespace

void readThen(RouteContext& ctx, const http::Request& request, const http::ExchangePtr& ex,
              StorePool::Work work, std::function<void(json)> then) {
    ctx.pool.read(std::move(work),
                  answerFailures(request.method + " " + request.path, ex, std::move(then)));
}

void writeThen(RouteContext& ctx, const http::Request& request, const http::ExchangePtr& ex,
               StorePool::Work work, std::function<void(json)> then) {
    writeThen(ctx, request.method + " " + request.path, ex, std::move(work), std::move(then));
}

void writeThen(RouteContext& ctx, std::string what, const http::ExchangePtr& ex,
               StorePool::Work work, std::function<void(json)> then) {
    ctx.pool.write(std::move(work), answerFailures(std::move(what), ex, std::move(then)));
}

std::string bearerToken(const http::Request& request, bool allowQuery) {
    const std::string header = request.header("authorization");
    static const std::string prefix = "Bearer ";
    if (header.size() > prefix.size() && (header.compare(0, prefix.size(), prefix) == 0 ||
                                          header.compare(0, prefix.size(), "bearer ") == 0)) {
        return header.substr(prefix.size());
    }
    return allowQuery ? request.queryValue("access_token") : std::string();
}

namespace {

// Answers 403 itself when the session's role is not one of `roles` (none: any).
bool roleAllowed(const AuthSession& session, const std::vector<Role>& roles,
                 const http::ExchangePtr& ex) {
    if (roles.empty() || std::find(roles.begin(), roles.end(), session.user.role) != roles.end())
        return true;
    std::string names;
    for (std::size_t i = 0; i < roles.size(); ++i)
        names += (i == 0                  ? ""
                  : i + 1 == roles.size() ? " or "
                                          : ", ") +
                 std::string(roleName(roles[i]));
    respondError(ex, ErrorCode::Forbidden, "this needs the role " + names);
    return false;
}

}  // namespace

void authenticate(RouteContext& ctx, http::Request& request, const http::ExchangePtr& ex,
                  const std::vector<Role>& roles, bool allowQueryToken, Authenticated then) {
    const std::string token = bearerToken(request, allowQueryToken);
    if (token.empty())
        return respondError(ex, ErrorCode::Unauthorized, "missing bearer token");
    if (auto session = ctx.sessions.find(token)) {
        if (roleAllowed(*session, roles, ex))
            then(request, ex, *session);
        return;
    }
    if (!ctx.sessions.askStore(token))
        return respondError(ex, ErrorCode::Unauthorized, "invalid or expired token");
    ctx.sessions.lookUp(
        token, [kept = std::make_shared<http::Request>(request), ex = ex, roles,
                then = std::move(then)](std::optional<AuthSession> session, bool answered) {
            // The database could not say: the token may be good, so the client tries again rather
            // than log its counselor out.
            if (!session && !answered)
                return respondUnavailable(
                    ex, "the database cannot be reached to check the token; try again shortly", 2);
            if (!session)
                return respondError(ex, ErrorCode::Unauthorized, "invalid or expired token");
            if (roleAllowed(*session, roles, ex))
                then(*kept, ex, *session);
        });
}

std::optional<json> jsonBody(const http::Request& request, const http::ExchangePtr& ex,
                             bool allowEmpty) {
    if (request.body.empty() && allowEmpty)
        return json::object();
    json body = json::parse(request.body, nullptr, false);
    if (body.is_discarded()) {
        respondError(ex, ErrorCode::BadRequest, "the body is not valid JSON");
        return std::nullopt;
    }
    if (!body.is_object()) {
        respondError(ex, ErrorCode::BadRequest, "the body must be a JSON object");
        return std::nullopt;
    }
    return body;
}

std::string requestIdOf(const http::Request& request) {
    std::string id = request.header("x-request-id");
    if (!id.empty() && id.size() <= 128)
        return id;
    return "req-" + randomToken().substr(0, 16);
}

void respondTooMany(const http::ExchangePtr& ex, const std::string& message,
                    std::chrono::seconds retryAfter) {
    const auto seconds = std::max<long long>(1, retryAfter.count());
    http::Response r = jsonResponse(
        429, {{"error",
               {{"code", "too_many_requests"},
                {"message", message + "; try again in " + std::to_string(seconds) + " s"}}}});
    r.headers.push_back({"Retry-After", std::to_string(seconds)});
    ex->respond(std::move(r));
}

bool withinLimit(http::RateLimiter& limiter, const std::string& key, TimePoint now,
                 const http::ExchangePtr& ex, const std::string& what) {
    std::chrono::seconds retry{1};
    if (limiter.take(key, now, &retry))
        return true;
    respondTooMany(ex, "too many " + what, retry);
    return false;
}

Viewer viewerOf(RouteContext& ctx, const AuthSession& session) {
    Viewer v;
    v.userId = session.user.id;
    v.role = session.user.role;
    v.currentCallCustomerId = ctx.telephony.currentCallCustomer(session.user.id);
    v.currentCallerE164 = ctx.telephony.currentCallerE164(session.user.id);
    return v;
}

const json* Fields::get(const char* key, bool required) {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) {
        if (required)
            errors_.push_back({key, "is required"});
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> Fields::string(const char* key, bool required) {
    const json* v = get(key, required);
    if (!v)
        return std::nullopt;
    if (!v->is_string()) {
        errors_.push_back({key, "must be a string"});
        return std::nullopt;
    }
    return v->get<std::string>();
}

std::optional<bool> Fields::boolean(const char* key, bool required) {
    const json* v = get(key, required);
    if (!v)
        return std::nullopt;
    if (!v->is_boolean()) {
        errors_.push_back({key, "must be true or false"});
        return std::nullopt;
    }
    return v->get<bool>();
}

std::optional<long long> Fields::integer(const char* key, bool required) {
    const json* v = get(key, required);
    if (!v)
        return std::nullopt;
    if (!v->is_number_integer()) {
        errors_.push_back({key, "must be an integer"});
        return std::nullopt;
    }
    return v->get<long long>();
}

const json* Fields::object(const char* key, bool required) {
    const json* v = get(key, required);
    if (v && !v->is_object()) {
        errors_.push_back({key, "must be an object"});
        return nullptr;
    }
    return v;
}

const json* Fields::array(const char* key, bool required) {
    const json* v = get(key, required);
    if (v && !v->is_array()) {
        errors_.push_back({key, "must be an array"});
        return nullptr;
    }
    return v;
}

Outcome Fields::error() const {
    Outcome o;
    o.code = ErrorCode::BadRequest;
    o.message = "invalid fields: ";
    for (std::size_t i = 0; i < errors_.size(); ++i) {
        o.message += (i ? ", " : "") + errors_[i].field + " " + errors_[i].message;
    }
    o.fields = errors_;
    return o;
}

}  // namespace agentdesk::server
