// HttpConnection over TLS (http_connection.h).
#include "server/http/http_connection.h"

namespace agentdesk::server::http {

void startTlsConnection(const std::shared_ptr<HttpServer::State>& server, tcp::socket socket,
                        const std::string& address) {
    startConnection(
        server,
        beast::ssl_stream<beast::tcp_stream>(beast::tcp_stream(std::move(socket)), *server->tls),
        address);
}

}  // namespace agentdesk::server::http
