#pragma once
// What every route handler may use, passed in by ServerApp (no globals), and the small helpers
// that keep handlers short: authentication, JSON bodies, typed errors.
//
// Threads: handlers run on the I/O thread; slow work (password hashing) goes to `workers` and
// comes back with post(io, …); store work goes to `pool` (readThen(), writeThen()).
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <nlohmann/json.hpp>

#include "server/acd/telephony.h"
#include "server/api_error.h"
#include "server/auth/login_throttle.h"
#include "server/auth/session_manager.h"
#include "server/clock.h"
#include "server/events/event_hub.h"
#include "server/http/rate_limiter.h"
#include "server/http/router.h"
#include "server/store/crm_store.h"
#include "server/store/pg/pg_db.h"
#include "server/store/store_pool.h"

namespace agentdesk {
class SqliteError;
}

namespace agentdesk::server {

class DemoCallGenerator;
class KnowledgeStore;
namespace assist {
class AssistEngine;
}
class ScenarioRunner;

struct RouteContext {
    boost::asio::io_context& io;
    boost::asio::thread_pool& workers;
    const Clock& clock;
    CrmStore& store;
    KnowledgeStore& kb;
    // Store work off the I/O thread, on connections of its own (readThen(), writeThen()).
    StorePool& pool;
    // Agent assist's analysers (immutable; usable on the reader's thread too).
    const assist::AssistEngine& assist;
    Telephony& telephony;
    SessionManager& sessions;
    EventHub& hub;
    DemoCallGenerator* demo;     // null when the server is not in demo mode
    DemoControls* demoControls;  // null with real telephony
    std::function<void()> resetDemoData;
    std::string version;
    TimePoint startedAt;
    std::vector<std::string> notReadyReasons;
    ScenarioRunner* scenarios;  // null when the server is not in demo mode
    // Real telephony: where a call's recording is (nullopt: none).
    std::function<std::optional<std::filesystem::path>(const std::string& callId)> recordingPath;
    // After a session was removed (logout): closes its streams and logs the agent out of the
    // ACD when it was their last one (later, when they are on a call).
    std::function<void(const AuthSession&)> sessionEnded = {};
    // Agent assist: a live call's transcript and analysis (nullopt: not a live call it follows).
    std::function<std::optional<nlohmann::json>(const std::string& callId)> liveTranscript = {};
    // A node of several that does not run the ACD: the snapshot of a new event stream comes
    // from the node that does (cluster/acd_owner_gate.h); false when this node makes it itself.
    std::function<bool(const http::Request& events, const std::string& token,
                       std::function<void(std::optional<nlohmann::json>)> done)>
        snapshotFromOwner = {};
    // A node of several that runs the ACD: runs `then(true)` once every event of the changes
    // made so far has gone out, so a snapshot taken then is not ahead of the event stream
    // (then(false): this node gave the ACD up meanwhile). Empty: at once.
    std::function<void(std::function<void(bool)> then)> whenSettled = {};
    // The transport's connections, limits and what they refused (GET /server/status).
    std::function<nlohmann::json()> serverStatus = {};
    // Login failures per username and address; password checks running on `workers`.
    std::shared_ptr<LoginThrottle> logins = std::make_shared<LoginThrottle>();
    int passwordChecksRunning = 0;
    // Customer search per user: 20 at once, then one a second (against harvesting the CRM).
    std::shared_ptr<http::RateLimiter> customerSearches =
        std::make_shared<http::RateLimiter>(20, std::chrono::seconds(1));
};

using nlohmann::json;

http::Response jsonResponse(int status, const json& body);
http::Response errorResponse(const Outcome& outcome);
void respondError(const http::ExchangePtr& ex, ErrorCode code, const std::string& message);
// 503 unavailable with Retry-After: nothing was done, the client tries again by itself.
void respondUnavailable(const http::ExchangePtr& ex, const std::string& message, int retryAfterSec);
void respondOutcome(const http::ExchangePtr& ex, const Outcome& outcome);
// 202 {"requestId"} on success, the error otherwise.
void respondAccepted(const http::ExchangePtr& ex, const Outcome& outcome,
                     const std::string& requestId);

// The bearer token from the Authorization header (or, with allowQuery, ?access_token= for
// EventSource, which cannot send headers).
std::string bearerToken(const http::Request& request, bool allowQuery);
// Answers 401/403 itself and returns nullopt when the request may not go on. Called by the
// route table (api_routes.h) before any handler runs.
std::optional<AuthSession> authenticate(RouteContext& ctx, const http::Request& request,
                                        const http::ExchangePtr& ex, const std::vector<Role>& roles,
                                        bool allowQueryToken);
// Parses a JSON object body; answers 400 itself on anything else.
std::optional<json> jsonBody(const http::Request& request, const http::ExchangePtr& ex,
                             bool allowEmpty = false);
std::string requestIdOf(const http::Request& request);
// 429 too_many_requests with Retry-After.
void respondTooMany(const http::ExchangePtr& ex, const std::string& message,
                    std::chrono::seconds retryAfter);
// A store error while answering `what` ("GET /api/v1/…"), logged: 507 insufficient_storage with
// Retry-After when the disk is full (nothing was stored), 500 otherwise.
void respondStoreError(const http::ExchangePtr& ex, const SqliteError& error,
                       const std::string& what);
// PostgreSQL: 507 for a full disk, 503 with Retry-After while the database cannot be reached
// (the client retries, the desktop from its outbox), 500 otherwise.
void respondStoreError(const http::ExchangePtr& ex, const pg::PgError& error,
                       const std::string& what);
// Runs `work` on ctx.pool (off the I/O thread, store/store_pool.h) and `then` with its result
// back on the I/O thread. An exception from either is answered (a store error as
// respondStoreError does). readThen's `work` only reads; writeThen's may write.
// `work` may throw Refused to answer with an error instead (nothing changed).
void readThen(RouteContext& ctx, const http::Request& request, const http::ExchangePtr& ex,
              StorePool::Work work, std::function<void(json)> then);
void writeThen(RouteContext& ctx, const http::Request& request, const http::ExchangePtr& ex,
               StorePool::Work work, std::function<void(json)> then);
// The same for a later step, when the request is gone: `what` ("PUT /api/v1/…") names it in
// the log.
void writeThen(RouteContext& ctx, std::string what, const http::ExchangePtr& ex,
               StorePool::Work work, std::function<void(json)> then);
// Thrown by store work (readThen, writeThen) that cannot go on: the answer it gets instead.
struct Refused {
    explicit Refused(const Outcome& outcome) : response(errorResponse(outcome)) {}
    Refused(ErrorCode code, const std::string& message) : Refused(Outcome::fail(code, message)) {}
    explicit Refused(http::Response r) : response(std::move(r)) {}
    http::Response response;
};
// Takes a token from `limiter` for `key`; without one answers 429 with Retry-After itself and
// returns false.
bool withinLimit(http::RateLimiter& limiter, const std::string& key, TimePoint now,
                 const http::ExchangePtr& ex, const std::string& what);
Viewer viewerOf(RouteContext& ctx, const AuthSession& session);

// Typed field access that collects errors: wrong type → 400 bad_request.
class Fields {
public:
    explicit Fields(const json& object) : object_(object) {}
    std::optional<std::string> string(const char* key, bool required);
    std::optional<bool> boolean(const char* key, bool required);
    std::optional<long long> integer(const char* key, bool required);
    const json* object(const char* key, bool required);
    const json* array(const char* key, bool required);
    bool ok() const { return errors_.empty(); }
    Outcome error() const;

private:
    const json* get(const char* key, bool required);
    const json& object_;
    std::vector<FieldError> errors_;
};

}  // namespace agentdesk::server
