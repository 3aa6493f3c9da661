#include "tests/support/http_client.h"

#include <strings.h>

#include <algorithm>

#include <cstdio>

#include <curl/curl.h>

namespace agentdesk::test {

namespace {
size_t appendBody(char* ptr, size_t size, size_t n, void* user) {
    static_cast<std::string*>(user)->append(ptr, size * n);
    return size * n;
}
size_t collectHeader(char* ptr, size_t size, size_t n, void* user) {
    std::string line(ptr, size * n);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (auto& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' '))
            value.erase(0, 1);
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n'))
            value.pop_back();
        (*static_cast<std::map<std::string, std::string>*>(user))[name] = value;
    }
    return size * n;
}
}  // namespace

std::string urlEncode(std::string_view text) {
    std::string encoded;
    for (unsigned char c : text) {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        encoded += buf;
    }
    return encoded;
}

std::string HttpResult::errorCode() const {
    auto j = json();
    if (j.is_object() && j.contains("error"))
        return j["error"].value("code", "");
    return {};
}

namespace {
std::function<void()>& beforeRequest() {
    static std::function<void()> hook;
    return hook;
}
std::string& trustedCa() {
    static std::string path;
    return path;
}
void trustCa(CURL* curl) {
    if (!trustedCa().empty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, trustedCa().c_str());
}
}  // namespace

void HttpClient::setTrustedCa(std::string caFile) {
    trustedCa() = std::move(caFile);
}

void HttpClient::setBeforeRequest(std::function<void()> hook) {
    beforeRequest() = std::move(hook);
}

HttpResult HttpClient::request(const std::string& method, const std::string& path,
                               const std::string& body,
                               const std::vector<std::string>& headers) const {
    if (beforeRequest())
        beforeRequest()();
    HttpResult result;
    CURL* curl = curl_easy_init();
    const std::string url = base_ + path;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 10000L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    trustCa(curl);
    struct curl_slist* list = nullptr;
    const bool ownType = std::any_of(headers.begin(), headers.end(), [](const std::string& h) {
        return h.size() >= 13 && strncasecmp(h.c_str(), "content-type:", 13) == 0;
    });
    if (!ownType)  // a test may send another type (or "Content-Type:" to send none)
        list = curl_slist_append(list, "Content-Type: application/json");
    if (!token_.empty())
        list = curl_slist_append(list, ("Authorization: Bearer " + token_).c_str());
    for (const auto& h : headers)
        list = curl_slist_append(list, h.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    }
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, appendBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &result.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collectHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &result.headers);
    result.curlCode = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result.status);
    curl_slist_free_all(list);
    curl_easy_cleanup(curl);
    return result;
}

nlohmann::json HttpClient::login(const std::string& username, const std::string& password) {
    auto r = post("/api/v1/sessions", {{"username", username}, {"password", password}});
    auto body = r.json();
    if (r.status == 201)
        token_ = body["token"].get<std::string>();
    return body;
}

EventCollector::EventCollector(const std::string& baseUrl, const std::string& token,
                               std::optional<std::string> lastEventId)
    : parser_(
          [this](const crm::SseEvent& e) {
              ReceivedEvent r{e.type, e.lastEventId, nlohmann::json::parse(e.data, nullptr, false)};
              std::lock_guard lock(mutex_);
              events_.push_back(std::move(r));
              changed_.notify_all();
          },
          {}, [this](std::string_view) { ++comments_; }) {
    thread_ = std::thread(&EventCollector::run, this, baseUrl + "/api/v1/events", token,
                          std::move(lastEventId));
    // Once the server has answered, the stream is subscribed (the server subscribes it in the
    // same turn as it sends the headers): what the test does next is seen. Without this wait a
    // busy machine lets a test publish events before the stream is there.
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, std::chrono::seconds(5), [this] { return responded_ || finished_; });
}

EventCollector::~EventCollector() {
    stop();
}

void EventCollector::stop() {
    stop_ = true;
    if (thread_.joinable())
        thread_.join();
}

void EventCollector::run(std::string url, std::string token,
                         std::optional<std::string> lastEventId) {
    CURL* curl = curl_easy_init();
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    trustCa(curl);
    struct curl_slist* list = nullptr;
    list = curl_slist_append(list, ("Authorization: Bearer " + token).c_str());
    list = curl_slist_append(list, "Accept: text/event-stream");
    if (lastEventId)
        list = curl_slist_append(list, ("Last-Event-ID: " + *lastEventId).c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    auto write = +[](char* ptr, size_t size, size_t n, void* user) -> size_t {
        static_cast<EventCollector*>(user)->parser_.feed(std::string_view(ptr, size * n));
        return size * n;
    };
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, this);
    auto header = +[](char* ptr, size_t size, size_t n, void* user) -> size_t {
        auto* self = static_cast<EventCollector*>(user);
        if (size * n == 2 && ptr[0] == '\r') {  // the blank line after the response headers
            std::lock_guard lock(self->mutex_);
            self->responded_ = true;
            self->changed_.notify_all();
        }
        return size * n;
    };
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    auto progress = +[](void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) -> int {
        return static_cast<EventCollector*>(user)->stop_ ? 1 : 0;
    };
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, this);
    curl_easy_perform(curl);
    curl_slist_free_all(list);
    curl_easy_cleanup(curl);
    std::lock_guard lock(mutex_);
    finished_ = true;
    changed_.notify_all();
}

std::vector<ReceivedEvent> EventCollector::events() const {
    std::lock_guard lock(mutex_);
    return events_;
}

std::string EventCollector::lastEventId() const {
    std::lock_guard lock(mutex_);
    return events_.empty() ? std::string() : events_.back().id;
}

int EventCollector::waitFor(const std::function<bool(const ReceivedEvent&)>& pred, int from,
                            std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    int found = -1;
    changed_.wait_for(lock, timeout, [&] {
        for (int i = from; i < static_cast<int>(events_.size()); ++i) {
            if (pred(events_[i])) {
                found = i;
                return true;
            }
        }
        return finished_.load();
    });
    return found;
}

int EventCollector::waitForType(const std::string& type, int from,
                                std::chrono::milliseconds timeout) const {
    return waitFor([&](const ReceivedEvent& e) { return e.type == type; }, from, timeout);
}

}  // namespace agentdesk::test
