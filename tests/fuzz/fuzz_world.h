#pragma once
// An agentdesk-server assembled in process the way ServerApp::start() assembles it (demo data,
// knowledge base, simulated telephony, demo controls, scenarios, the real route table), with
// requests handed straight to the router: no sockets, no I/O thread. Each ServerWorld starts
// from the same seeded database (a copy of a template made once per process), so an input
// behaves the same whatever ran before it.
//
// Threads: one (the caller's); the io_context runs inside handle().
#include <memory>
#include <string>
#include <vector>

#include "server/http/http_types.h"
#include "server/routes/api_routes.h"

namespace agentdesk::fuzz {

struct Reply {
    int responses = 0;  // respond() calls; the contract is exactly one (or an event stream)
    bool eventStream = false;
    server::http::Response response;
};

class ServerWorld {
public:
    ServerWorld();
    ~ServerWorld();
    ServerWorld(const ServerWorld&) = delete;
    ServerWorld& operator=(const ServerWorld&) = delete;

    // A live session's token for "counselor", "lead", "trainer" or "stt"; empty for anything else.
    std::string tokenFor(const std::string& who) const;
    // Replaces "@counselor", "@lead" and "@trainer" in the Authorization header with tokens.
    void insertTokens(server::http::Request& request) const;

    // Routes the request as ServerApp's handler does and runs the I/O context until it is
    // answered (aborts after 20 s without an answer).
    Reply handle(server::http::Request& request);

    const std::vector<server::ApiRoute>& routes() const;

    struct Parts;

private:
    std::unique_ptr<Parts> parts_;
};

// Checks what every answer must be: one response (or an event stream), a status from 100 to
// 599 and never 500 (a handler threw or the store failed), a JSON body that parses.
void checkReply(const server::http::Request& request, const Reply& reply);

}  // namespace agentdesk::fuzz
