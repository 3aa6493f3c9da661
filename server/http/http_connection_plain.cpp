// HttpConnection over plain TCP (http_connection.h).
#include "server/http/http_connection.h"

namespace agentdesk::server::http {

void startPlainConnection(const std::shared_ptr<HttpServer::State>& server, tcp::socket socket,
                          const std::string& address) {
    startConnection(server, beast::tcp_stream(std::move(socket)), address);
}

}  // namespace agentdesk::server::http
