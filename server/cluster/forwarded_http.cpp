#include "server/cluster/forwarded_http.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

namespace agentdesk::server::cluster {

namespace {

using nlohmann::json;

std::string toBase64(const std::string& bytes) {
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

std::optional<std::string> fromBase64(const std::string& text) {
    std::string out(text.size() / 4 * 3 + 3, '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                          text.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    out.resize(length);
    return out;
}

// Headers about this connection, not the request: they do not cross to the other node.
bool hopByHop(const std::string& name) {
    return name == "connection" || name == "keep-alive" || name == "transfer-encoding" ||
           name == "upgrade" || name == "te" || name == "trailer" || name == "content-length" ||
           name == "proxy-authorization" || name == "proxy-connection";
}

template <typename Map>
bool readStringMap(const json& from, Map& to) {
    if (!from.is_object())
        return false;
    for (const auto& [key, value] : from.items()) {
        if (!value.is_string())
            return false;
        to[key] = value.template get<std::string>();
    }
    return true;
}

std::optional<std::string> stringField(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string())
        return std::nullopt;
    return it->get<std::string>();
}

}  // namespace

std::string encodeForwardedRequest(const http::Request& request) {
    json headers = json::object();
    for (const auto& [name, value] : request.headers) {
        if (!hopByHop(name))
            headers[name] = value;
    }
    return json{{"method", request.method},        {"path", request.path},
                {"query", request.query},          {"headers", std::move(headers)},
                {"remote", request.remoteAddress}, {"body", toBase64(request.body)}}
        .dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<http::Request> decodeForwardedRequest(std::string_view data) {
    const json j = json::parse(data, nullptr, false);
    if (!j.is_object())
        return std::nullopt;
    http::Request r;
    const auto method = stringField(j, "method");
    const auto path = stringField(j, "path");
    const auto remote = stringField(j, "remote");
    const auto body = stringField(j, "body");
    if (!method || !path || !remote || !body || method->empty() || path->empty() ||
        path->front() != '/')
        return std::nullopt;
    if (!j.contains("query") || !readStringMap(j["query"], r.query) || !j.contains("headers") ||
        !readStringMap(j["headers"], r.headers))
        return std::nullopt;
    auto bytes = fromBase64(*body);
    if (!bytes)
        return std::nullopt;
    r.method = *method;
    r.path = *path;
    r.remoteAddress = *remote;
    r.body = std::move(*bytes);
    return r;
}

std::string encodeForwardedAnswer(const ForwardedAnswer& answer) {
    json headers = json::array();
    for (const auto& [name, value] : answer.response.headers)
        headers.push_back({name, value});
    return json{{"status", answer.response.status},
                {"contentType", answer.response.contentType},
                {"headers", std::move(headers)},
                {"authenticated", answer.authenticated},
                {"body", toBase64(answer.response.body)}}
        .dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<ForwardedAnswer> decodeForwardedAnswer(std::string_view data) {
    const json j = json::parse(data, nullptr, false);
    if (!j.is_object())
        return std::nullopt;
    const auto status = j.find("status");
    const auto contentType = stringField(j, "contentType");
    const auto body = stringField(j, "body");
    const auto headers = j.find("headers");
    const auto authenticated = j.find("authenticated");
    if (status == j.end() || !status->is_number_integer() || !contentType || !body ||
        headers == j.end() || !headers->is_array() || authenticated == j.end() ||
        !authenticated->is_boolean())
        return std::nullopt;
    ForwardedAnswer a;
    a.response.status = status->get<int>();
    if (a.response.status < 100 || a.response.status > 599)
        return std::nullopt;
    for (const auto& h : *headers) {
        if (!h.is_array() || h.size() != 2 || !h[0].is_string() || !h[1].is_string())
            return std::nullopt;
        a.response.headers.emplace_back(h[0].get<std::string>(), h[1].get<std::string>());
    }
    auto bytes = fromBase64(*body);
    if (!bytes)
        return std::nullopt;
    a.response.contentType = *contentType;
    a.response.body = std::move(*bytes);
    a.authenticated = authenticated->get<bool>();
    return a;
}

}  // namespace agentdesk::server::cluster
