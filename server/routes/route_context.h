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
#include "server/routes/command_order.h"
#include "server/store/crm_store.h"
#include "server/store/ordered_writes.h"
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
    // Writes that must not be lost and need no answer (the audit rows of call commands), in
    // order, kept through a database outage.
    OrderedWrites& writes;
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
    // Each user's commands to the ACD, in the order they came (command_order.h).
    std::shared_ptr<CommandOrder> commands = std::make_shared<CommandOrder>(io);
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
// Runs `then` with the request's session, or answers 401/403 itself. A token this node does
// not know (another node issued it, or this one before a restart) is looked up in the database
// off the I/O thread; `then` gets a copy of the request then. Called by the route table
// (api_routes.h) before any handler runs.
using Authenticated =
    std::function<void(http::Request&, const http::ExchangePtr&, const AuthSession&)>;
void authenticate(RouteContext& ctx, http::Request& request, const http::ExchangePtr& ex,
                  const std::vector<Role>& roles, bool allowQueryToken, Authenticated then);
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
// writeThen() with a typed result: `work` returns a T on the pool (on SQLite inline, on the
// serving connection, like every write), `then` takes it on the I/O thread. For the lookups a
// command makes before it goes to the ACD.
template <class T>
void storeThen(RouteContext& ctx, std::string what, const http::ExchangePtr& ex,
               std::function<T(const StorePool::Stores&)> work, std::function<void(T)> then) {
    auto box = std::make_shared<std::optional<T>>();
    writeThen(
        ctx, std::move(what), ex,
        [box, work = std::move(work)](const StorePool::Stores& stores) {
            box->emplace(work(stores));
            return json();
        },
        [box, then = std::move(then)](json) { then(std::move(**box)); });
}
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
