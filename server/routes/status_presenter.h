#pragma once
// GET /server/status: the transport's connections, limits and what they refused, beside the
// events block (cluster_presenter.h). JSON only here.
#include <nlohmann/json.hpp>

#include "server/http/http_server.h"

namespace agentdesk::server {

nlohmann::json serverStatusJson(const http::HttpServer& http, bool tls, nlohmann::json events);

}  // namespace agentdesk::server
