#pragma once
// One request through the router: the route's handler, or 404/405 as JSON. A store error the
// handler did not catch is answered here (503 while the database is away, 507 on a full disk,
// 500 otherwise), never left to cut the connection.
//
// Threads: the I/O thread.
#include "server/http/router.h"

namespace agentdesk::server {

void dispatchApi(const http::Router& router, http::Request& req, const http::ExchangePtr& ex);

}  // namespace agentdesk::server
