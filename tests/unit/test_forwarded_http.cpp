// The wire form of a request forwarded to the node that runs the ACD, and of its answer
// (server/cluster/forwarded_http.h): everything the owner's routes read crosses unchanged, a
// binary body too; hop-by-hop headers stay behind; malformed messages are refused whole.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "server/cluster/forwarded_http.h"

using namespace agentdesk::server;
using namespace agentdesk::server::cluster;

TEST_CASE("A forwarded request and its answer cross between nodes unchanged", "[unit][cluster]") {
    http::Request r;
    r.method = "POST";
    r.path = "/api/v1/notes";
    r.query = {{"lang", "ko"}};
    r.headers = {{"authorization", "Bearer abc"},
                 {"content-type", "application/json"},
                 {"connection", "keep-alive"},
                 {"content-length", "42"},
                 {"accept-language", "ko-KR"}};
    r.body = R"({"text":"카드 분실 신고 메모"})";
    r.remoteAddress = "10.1.2.3";
    r.params = {{"id", "not carried: the owner's router sets it"}};

    const auto back = decodeForwardedRequest(encodeForwardedRequest(r));
    REQUIRE(back);
    CHECK(back->method == "POST");
    CHECK(back->path == "/api/v1/notes");
    CHECK(back->query == r.query);
    CHECK(back->body == r.body);
    CHECK(back->remoteAddress == "10.1.2.3");
    CHECK(back->params.empty());
    CHECK(back->header("authorization") == "Bearer abc");
    CHECK(back->header("accept-language") == "ko-KR");
    CHECK(back->headers.count("connection") == 0);
    CHECK(back->headers.count("content-length") == 0);

    ForwardedAnswer a;
    a.response.status = 503;
    a.response.contentType = "audio/wav";
    a.response.body = std::string("RIFF\0\xff\xfe\x80", 8);  // binary, not UTF-8
    a.response.headers = {{"Retry-After", "1"}, {"X-Request-Id", "req-1"}};
    a.authenticated = true;
    const auto answer = decodeForwardedAnswer(encodeForwardedAnswer(a));
    REQUIRE(answer);
    CHECK(answer->response.status == 503);
    CHECK(answer->response.contentType == "audio/wav");
    CHECK(answer->response.body == a.response.body);
    CHECK(answer->response.headers == a.response.headers);
    CHECK(answer->authenticated);
}

TEST_CASE("Malformed forwarded messages are refused whole", "[unit][cluster]") {
    http::Request r;
    r.method = "GET";
    r.path = "/api/v1/agents/me";
    r.remoteAddress = "127.0.0.1";
    const auto good = nlohmann::json::parse(encodeForwardedRequest(r));
    REQUIRE(decodeForwardedRequest(good.dump()));

    CHECK_FALSE(decodeForwardedRequest(""));
    CHECK_FALSE(decodeForwardedRequest("[]"));
    CHECK_FALSE(decodeForwardedRequest("{\"method\":\"GET\""));
    for (const char* member : {"method", "path", "query", "headers", "remote", "body"}) {
        auto missing = good;
        missing.erase(member);
        CHECK_FALSE(decodeForwardedRequest(missing.dump()));
    }
    auto relative = good;
    relative["path"] = "api/v1/agents/me";
    CHECK_FALSE(decodeForwardedRequest(relative.dump()));
    auto badHeader = good;
    badHeader["headers"] = {{"authorization", 7}};
    CHECK_FALSE(decodeForwardedRequest(badHeader.dump()));
    auto badBody = good;
    badBody["body"] = "not base64!";
    CHECK_FALSE(decodeForwardedRequest(badBody.dump()));

    const auto answer = nlohmann::json::parse(encodeForwardedAnswer({}));
    REQUIRE(decodeForwardedAnswer(answer.dump()));
    auto badStatus = answer;
    badStatus["status"] = 1000;
    CHECK_FALSE(decodeForwardedAnswer(badStatus.dump()));
    auto stringStatus = answer;
    stringStatus["status"] = "200";
    CHECK_FALSE(decodeForwardedAnswer(stringStatus.dump()));
    auto badHeaders = answer;
    badHeaders["headers"] = {{"Retry-After"}};
    CHECK_FALSE(decodeForwardedAnswer(badHeaders.dump()));
    auto noFlag = answer;
    noFlag.erase("authenticated");
    CHECK_FALSE(decodeForwardedAnswer(noFlag.dump()));
}
