// A set of open event streams driven through libcurl's socket interface (see sse_stream_set.h).
#include "bench/sse_stream_set.h"

#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <stdexcept>

namespace agentdesk::bench {

namespace {

std::int64_t monotonicNs(SseStreamSet::Clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

}  // namespace

SseStreamSet::SseStreamSet(std::string apiBase) : api_(std::move(apiBase)) {
    epoll_ = epoll_create1(EPOLL_CLOEXEC);
    if (epoll_ < 0)
        throw std::runtime_error("epoll_create1 failed");
    multi_ = curl_multi_init();
    curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &SseStreamSet::onSocket);
    curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &SseStreamSet::onTimer);
    curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
    // The streams connect at once; libcurl would otherwise hold most of them back.
    curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS, 0L);
}

SseStreamSet::~SseStreamSet() {
    closeAll();
    curl_multi_cleanup(multi_);
    ::close(epoll_);
}

int SseStreamSet::onSocket(CURL*, curl_socket_t fd, int what, void* user, void*) {
    auto& self = *static_cast<SseStreamSet*>(user);
    if (what == CURL_POLL_REMOVE) {
        epoll_ctl(self.epoll_, EPOLL_CTL_DEL, fd, nullptr);
        return 0;
    }
    epoll_event ev{};
    ev.data.fd = fd;
    ev.events = (what & CURL_POLL_IN ? EPOLLIN : 0u) | (what & CURL_POLL_OUT ? EPOLLOUT : 0u);
    if (epoll_ctl(self.epoll_, EPOLL_CTL_MOD, fd, &ev) != 0 && errno == ENOENT)
        epoll_ctl(self.epoll_, EPOLL_CTL_ADD, fd, &ev);
    return 0;
}

int SseStreamSet::onTimer(CURLM*, long timeoutMs, void* user) {
    static_cast<SseStreamSet*>(user)->timeoutMs_ = timeoutMs;
    return 0;
}

std::size_t SseStreamSet::open(std::size_t count, const std::vector<std::string>& tokens,
                               std::size_t perToken) {
    closeAll();
    if (tokens.empty() || perToken == 0)
        return 0;
    streams_.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        Stream& s = streams_[i];
        s.owner = this;
        s.parser.emplace([this, &s](const crm::SseEvent& event) { onEvent(s, event); });
        s.easy = curl_easy_init();
        const std::string& token = tokens[std::min(i / perToken, tokens.size() - 1)];
        s.headers = curl_slist_append(nullptr, ("Authorization: Bearer " + token).c_str());
        s.headers = curl_slist_append(s.headers, "Accept: text/event-stream");
        CURL* e = s.easy;
        curl_easy_setopt(e, CURLOPT_URL, (api_ + "/events").c_str());
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, s.headers);
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, 60000L);
        curl_easy_setopt(e, CURLOPT_PRIVATE, &s);
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &SseStreamSet::onData);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, &s);
        curl_easy_setopt(e, CURLOPT_ERRORBUFFER, s.error);
        curl_multi_add_handle(multi_, e);
    }
    pump(Clock::now() + std::chrono::seconds(120), [&] {
        return std::all_of(streams_.begin(), streams_.end(),
                           [](const Stream& s) { return s.snapshot || s.ended; });
    });
    return live();
}

void SseStreamSet::closeAll() {
    for (auto& s : streams_) {
        if (!s.easy)
            continue;
        curl_multi_remove_handle(multi_, s.easy);
        curl_easy_cleanup(s.easy);
        curl_slist_free_all(s.headers);
        s.easy = nullptr;
    }
    streams_.clear();
}

void SseStreamSet::arm() {
    for (auto& s : streams_)
        s.delivery.reset();
    armed_ = true;
}

bool SseStreamSet::everyLiveStreamDelivered() const {
    return std::all_of(streams_.begin(), streams_.end(),
                       [](const Stream& s) { return s.ended || s.delivery; });
}

std::vector<std::optional<SseStreamSet::Delivery>> SseStreamSet::deliveries() const {
    std::vector<std::optional<Delivery>> out;
    out.reserve(streams_.size());
    for (const auto& s : streams_)
        out.push_back(s.delivery);
    return out;
}

std::size_t SseStreamSet::live() const {
    return static_cast<std::size_t>(std::count_if(
        streams_.begin(), streams_.end(), [](const Stream& s) { return s.snapshot && !s.ended; }));
}

std::vector<std::string> SseStreamSet::describeFailures() const {
    std::vector<std::string> lines;
    std::size_t failed = 0;
    for (std::size_t i = 0; i < streams_.size(); ++i) {
        const auto& s = streams_[i];
        if (s.snapshot && !s.ended)
            continue;
        if (++failed <= 5) {
            lines.push_back("stream " + std::to_string(i) + ": " +
                            (s.ended ? "ended" : "no snapshot") + ", HTTP " +
                            std::to_string(s.status) + ", curl " +
                            std::to_string(static_cast<int>(s.result)) + " " + s.error);
        }
    }
    if (failed > 5)
        lines.push_back("... and " + std::to_string(failed - 5) + " more");
    return lines;
}

void SseStreamSet::readDone() {
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        Stream* s = nullptr;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&s));
        if (!s)
            continue;
        s->ended = true;
        s->result = msg->data.result;
        curl_easy_getinfo(s->easy, CURLINFO_RESPONSE_CODE, &s->status);
    }
}

bool SseStreamSet::pump(Clock::time_point deadline, const std::function<bool()>& done, int extraFd,
                        bool* extraReady) {
    if (extraReady)
        *extraReady = false;
    if (extraFd >= 0) {
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = extraFd;
        epoll_ctl(epoll_, EPOLL_CTL_ADD, extraFd, &ev);
    }
    const auto finish = [&](bool result) {
        if (extraFd >= 0)
            epoll_ctl(epoll_, EPOLL_CTL_DEL, extraFd, nullptr);
        return result;
    };
    int running = 0;
    // Handles just added have asked for an immediate timeout.
    curl_multi_socket_action(multi_, CURL_SOCKET_TIMEOUT, 0, &running);
    readDone();
    std::vector<epoll_event> events(256);
    for (;;) {
        if (done())
            return finish(true);
        const auto now = Clock::now();
        if (now >= deadline)
            return finish(false);
        long wait =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1;
        wait = std::min(wait, 100L);
        if (timeoutMs_ >= 0)
            wait = std::min(wait, timeoutMs_);
        const int n = epoll_wait(epoll_, events.data(), static_cast<int>(events.size()),
                                 static_cast<int>(wait));
        if (n == 0) {
            curl_multi_socket_action(multi_, CURL_SOCKET_TIMEOUT, 0, &running);
        }
        for (int i = 0; i < n; ++i) {
            const int fd = events[static_cast<std::size_t>(i)].data.fd;
            const auto flags = events[static_cast<std::size_t>(i)].events;
            if (fd == extraFd) {
                if (extraReady)
                    *extraReady = true;
                continue;
            }
            int mask = 0;
            if (flags & EPOLLIN)
                mask |= CURL_CSELECT_IN;
            if (flags & EPOLLOUT)
                mask |= CURL_CSELECT_OUT;
            if (flags & (EPOLLERR | EPOLLHUP))
                mask |= CURL_CSELECT_ERR;
            curl_multi_socket_action(multi_, fd, mask, &running);
        }
        if (timeoutMs_ == 0)
            curl_multi_socket_action(multi_, CURL_SOCKET_TIMEOUT, 0, &running);
        readDone();
        if (extraReady && *extraReady)
            return finish(done());
    }
}

std::size_t SseStreamSet::onData(char* data, std::size_t size, std::size_t count, void* user) {
    const auto now = Clock::now();
    auto& s = *static_cast<Stream*>(user);
    const std::size_t n = size * count;
    if (s.status == 0) {
        curl_easy_getinfo(s.easy, CURLINFO_RESPONSE_CODE, &s.status);
        if (s.status != 200)
            return 0;  // aborts the transfer; reported as a failure
    }
    s.arrived = now;
    s.parser->feed(std::string_view(data, n));
    return n;
}

void SseStreamSet::onEvent(Stream& s, const crm::SseEvent& event) {
    const std::string_view type = event.type;
    const std::string_view data = event.data;
    const Clock::time_point now = s.arrived;
    if (type == "snapshot") {
        s.snapshot = true;
        return;
    }
    if (type != "queue.stats" || data.find("\"id\":\"general\"") == std::string_view::npos)
        return;
    if (now > lastGeneralStats_)
        lastGeneralStats_ = now;
    const auto w = data.find("\"waiting\":");
    if (!armed_ || s.delivery || w == std::string_view::npos)
        return;
    s.delivery = Delivery{monotonicNs(now),
                          std::strtol(std::string(data.substr(w + 10, 12)).c_str(), nullptr, 10)};
}

}  // namespace agentdesk::bench
