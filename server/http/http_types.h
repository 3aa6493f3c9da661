#pragma once
// Request/response types the routes see; they hide Boost.Beast from everything but the server
// transport (http_server.cpp).
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace agentdesk::server::http {

struct Request {
    std::string method;  // "GET", "POST", ...
    std::string path;    // decoded path without query
    std::map<std::string, std::string> query;
    std::map<std::string, std::string> params;   // from the route pattern, e.g. {id}
    std::map<std::string, std::string> headers;  // lower-case names
    std::string body;
    std::string remoteAddress;  // the client's IP, e.g. "127.0.0.1"

    std::string header(const std::string& lowerName) const {
        auto it = headers.find(lowerName);
        return it == headers.end() ? std::string() : it->second;
    }
    std::string queryValue(const std::string& name) const {
        auto it = query.find(name);
        return it == query.end() ? std::string() : it->second;
    }
};

struct Response {
    int status = 200;
    std::string body;
    std::string contentType = "application/json; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
};

// A long-lived text/event-stream response. Owned by the transport; everything else holds it
// by shared_ptr and must only touch it on the server's I/O thread.
class EventStream {
public:
    virtual ~EventStream() = default;
    // Queues bytes for the client. Never blocks; a client that falls too far behind is cut off.
    virtual void send(std::shared_ptr<const std::string> bytes) = 0;
    // Queues bytes behind what is queued, without writing yet; flush() writes the queue. A
    // fan-out to thousands of streams queues on each and flushes them a slice at a time
    // (EventHub), so requests are answered in between. send() = enqueue() + flush().
    virtual void enqueue(std::shared_ptr<const std::string> bytes) { send(std::move(bytes)); }
    virtual void flush() {}
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    // Called once when the client goes away or close() is called (at once when already
    // closed), but never from inside send(): a send that cuts a slow client posts it. The hub
    // relies on that while it walks its stream indexes.
    virtual void setOnClosed(std::function<void()> callback) = 0;
};

// One request in flight. respond() or startEventStream() exactly once; may be called later
// (after asynchronous work), on the I/O thread.
class Exchange {
public:
    virtual ~Exchange() = default;
    virtual void respond(Response response) = 0;
    virtual std::shared_ptr<EventStream> startEventStream() = 0;
    // The request carried a valid session: the connection no longer counts against the
    // per-address limit of unauthenticated connections.
    virtual void markAuthenticated() {}
};

using ExchangePtr = std::shared_ptr<Exchange>;
using Handler = std::function<void(Request&, const ExchangePtr&)>;

}  // namespace agentdesk::server::http
