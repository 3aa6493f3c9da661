#include "server/routes/dispatch.h"

#include "common/sqlite_db.h"
#include "server/routes/route_context.h"
#include "server/store/pg/pg_db.h"

namespace agentdesk::server {

void dispatchApi(const http::Router& router, http::Request& req, const http::ExchangePtr& ex) {
    const http::Handler* handler = nullptr;
    switch (router.route(req, &handler)) {
        case http::Router::Match::Found:
            try {
                (*handler)(req, ex);
            } catch (const SqliteError& e) {
                respondStoreError(ex, e, req.method + " " + req.path);
            } catch (const pg::PgError& e) {
                respondStoreError(ex, e, req.method + " " + req.path);
            }
            break;
        case http::Router::Match::MethodNotAllowed:
            ex->respond(jsonResponse(
                405, {{"error",
                       {{"code", "method_not_allowed"},
                        {"message", req.method + " is not allowed on " + req.path}}}}));
            break;
        case http::Router::Match::NotFound:
            respondError(ex, ErrorCode::NotFound, "no such endpoint: " + req.path);
            break;
    }
}

}  // namespace agentdesk::server
