#pragma once
// Test-side HTTP over libcurl: blocking requests and an SSE collector on its own thread.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/events/sse_parser.h"

namespace agentdesk::test {

// Percent-encodes every byte of a query parameter value.
std::string urlEncode(std::string_view text);

struct HttpResult {
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers;  // lower-case names
    int curlCode = 0;
    nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
    std::string errorCode() const;
};

class HttpClient {
public:
    explicit HttpClient(std::string baseUrl) : base_(std::move(baseUrl)) {}
    void setToken(std::string token) { token_ = std::move(token); }
    const std::string& token() const { return token_; }

    HttpResult request(const std::string& method, const std::string& path,
                       const std::string& body = {},
                       const std::vector<std::string>& headers = {}) const;
    HttpResult get(const std::string& path) const { return request("GET", path); }
    HttpResult post(const std::string& path,
                    const nlohmann::json& body = nlohmann::json::object()) const {
        return request("POST", path, body.dump());
    }
    HttpResult put(const std::string& path, const nlohmann::json& body) const {
        return request("PUT", path, body.dump());
    }
    HttpResult patch(const std::string& path, const nlohmann::json& body) const {
        return request("PATCH", path, body.dump());
    }
    HttpResult del(const std::string& path) const { return request("DELETE", path); }

    // Logs in and keeps the token. Returns the session response body.
    nlohmann::json login(const std::string& username, const std::string& password = "demo");

    // Runs before every request of every client in this process (none by default). The SIP
    // parity suite waits there for phones still picking up: a simulated call answers at once,
    // a phone takes a round trip, and the call-flow tests send their next command right away.
    static void setBeforeRequest(std::function<void()> hook);
    // The CA certificate (PEM) every client and EventCollector in this process trusts for
    // https:// URLs besides the system's; empty: the system's only.
    static void setTrustedCa(std::string caFile);

private:
    std::string base_;
    std::string token_;
};

struct ReceivedEvent {
    std::string type;
    std::string id;
    nlohmann::json data;
};

// Follows GET /events on a thread and records every event.
class EventCollector {
public:
    EventCollector(const std::string& baseUrl, const std::string& token,
                   std::optional<std::string> lastEventId = std::nullopt);
    ~EventCollector();
    EventCollector(const EventCollector&) = delete;
    EventCollector& operator=(const EventCollector&) = delete;

    std::vector<ReceivedEvent> events() const;
    // Waits until an event after index `from` satisfies pred; returns its index or -1.
    int waitFor(const std::function<bool(const ReceivedEvent&)>& pred, int from = 0,
                std::chrono::milliseconds timeout = std::chrono::seconds(5)) const;
    int waitForType(const std::string& type, int from = 0,
                    std::chrono::milliseconds timeout = std::chrono::seconds(5)) const;
    int comments() const { return comments_; }
    bool finished() const { return finished_; }
    void stop();
    std::string lastEventId() const;

private:
    void run(std::string url, std::string token, std::optional<std::string> lastEventId);

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::vector<ReceivedEvent> events_;
    std::atomic<bool> stop_{false};
    std::atomic<bool> finished_{false};
    bool responded_ = false;  // the server answered the request (guarded by mutex_)
    std::atomic<int> comments_{0};
    crm::SseParser parser_;
    std::thread thread_;
};

}  // namespace agentdesk::test
