#pragma once
// Small helpers shared by the benchmarks: percentiles, blocking libcurl requests, file limits.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

namespace agentdesk::bench {

using SteadyClock = std::chrono::steady_clock;

inline double msBetween(SteadyClock::time_point from, SteadyClock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

// Nearest-rank percentile (p in 0..100) of an unsorted sample; 0 for an empty one.
inline double percentile(std::vector<double> sample, double p) {
    if (sample.empty())
        return 0;
    std::sort(sample.begin(), sample.end());
    const auto rank =
        static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sample.size())));
    return sample[std::clamp<std::size_t>(rank, 1, sample.size()) - 1];
}

inline double maxOf(const std::vector<double>& sample) {
    return sample.empty() ? 0 : *std::max_element(sample.begin(), sample.end());
}

// Raises the soft RLIMIT_NOFILE to at least `wanted` (up to the hard limit; raises the hard
// limit too when allowed). Returns the soft limit in effect afterwards.
inline rlim_t raiseFileLimit(rlim_t wanted) {
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) != 0)
        return 0;
    if (lim.rlim_cur >= wanted)
        return lim.rlim_cur;
    rlimit next = lim;
    next.rlim_cur = wanted;
    if (next.rlim_max != RLIM_INFINITY && next.rlim_max < wanted)
        next.rlim_max = wanted;
    if (setrlimit(RLIMIT_NOFILE, &next) != 0) {
        next = lim;
        next.rlim_cur = lim.rlim_max;  // as far as an unprivileged process may go
        setrlimit(RLIMIT_NOFILE, &next);
    }
    getrlimit(RLIMIT_NOFILE, &lim);
    return lim.rlim_cur;
}

// "1.23 0.98 0.70" (1, 5, 15 min), to show whether other work shared the machine.
// A fresh directory under /tmp for one run's database; empty string when it cannot be made.
inline std::string makeRunDirectory() {
    char dirTemplate[] = "/tmp/agentdesk-bench-XXXXXX";
    const char* dir = mkdtemp(dirTemplate);
    return dir ? dir : "";
}

inline std::string loadAverage() {
    double avg[3] = {0, 0, 0};
    if (getloadavg(avg, 3) != 3)
        return "unknown";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f %.2f %.2f", avg[0], avg[1], avg[2]);
    return buf;
}

inline std::size_t appendToString(char* data, std::size_t size, std::size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

struct Reply {
    long status = 0;
    std::string body;
    CURLcode code = CURLE_OK;
    nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
};

// One blocking request on `easy` (reused, so the connection is kept alive between calls).
inline Reply perform(CURL* easy, const std::string& method, const std::string& url,
                     const std::string& token = {}, const std::string& body = {}) {
    Reply r;
    curl_slist* headers = nullptr;
    if (!token.empty())
        headers = curl_slist_append(headers, ("Authorization: Bearer " + token).c_str());
    if (!body.empty())
        headers = curl_slist_append(headers, "Content-Type: application/json");
    curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, appendToString);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &r.body);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, 30000L);
    if (method == "GET") {
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method == "POST" ? nullptr : method.c_str());
        curl_easy_setopt(easy, CURLOPT_POST, 1L);
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body.c_str());
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    }
    r.code = curl_easy_perform(easy);
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &r.status);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, nullptr);
    curl_slist_free_all(headers);
    return r;
}

// POST /api/v1/sessions; returns the token or an empty string (and prints why).
inline std::string login(const std::string& apiBase, const std::string& username,
                         const std::string& password) {
    CURL* easy = curl_easy_init();
    const nlohmann::json body{{"username", username}, {"password", password}};
    const Reply r = perform(easy, "POST", apiBase + "/sessions", {}, body.dump());
    curl_easy_cleanup(easy);
    const auto j = r.json();
    if (r.status != 201 || !j.is_object() || !j.contains("token")) {
        std::fprintf(stderr, "login %s failed: HTTP %ld curl %d %s\n", username.c_str(), r.status,
                     static_cast<int>(r.code), r.body.c_str());
        return {};
    }
    return j["token"].get<std::string>();
}

}  // namespace agentdesk::bench
