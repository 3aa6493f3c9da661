#include "server/routes/status_presenter.h"

namespace agentdesk::server {

nlohmann::json serverStatusJson(const http::HttpServer& http, bool tls, nlohmann::json events) {
    const http::ServerLoad& load = http.load();
    return {{"tls", tls},
            {"connections", http.connectionCount()},
            {"maxConnections", http.effectiveMaxConnections()},
            {"refusedAtLimit", load.refusedAtLimit},
            {"refusedUnauthenticated", load.refusedUnauthenticated},
            {"slowClientsCut", load.slowClientsCut},
            {"acceptBackoffs", load.acceptBackoffs},
            {"tlsHandshakesFailed", load.tlsHandshakesFailed},
            {"events", std::move(events)}};
}

}  // namespace agentdesk::server
