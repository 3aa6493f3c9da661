// Cases ported from the WHATWG spec examples and web-platform-tests eventsource/ (format-*).
#include <catch2/catch.hpp>

#include "crm/events/sse_parser.h"

using agentdesk::crm::SseEvent;
using agentdesk::crm::SseParser;
using namespace std::string_literals;

namespace {
struct Collected {
    std::vector<SseEvent> events;
    std::vector<int> retries;
    int comments = 0;
    SseParser parser{[this](const SseEvent& e) { events.push_back(e); },
                     [this](int ms) { retries.push_back(ms); },
                     [this](std::string_view) { ++comments; }};
};

std::vector<SseEvent> parseWhole(std::string_view text) {
    Collected c;
    c.parser.feed(text);
    return c.events;
}
}  // namespace

TEST_CASE("Basic fields, default type and multi-line data", "[sse]") {
    auto ev = parseWhole("data: one\ndata: two\n\nevent: call.state\ndata: {}\nid: 7\n\n");
    REQUIRE(ev.size() == 2);
    CHECK(ev[0].type == "message");
    CHECK(ev[0].data == "one\ntwo");
    CHECK(ev[1].type == "call.state");
    CHECK(ev[1].lastEventId == "7");
}

TEST_CASE("Only one leading space of a value is removed, no colon means empty value", "[sse]") {
    auto ev = parseWhole("data:  two spaces\n\ndata\n\ndata:nospace\n\n");
    REQUIRE(ev.size() == 3);  // "data" alone is an empty data line: dispatched as ""
    CHECK(ev[0].data == " two spaces");
    CHECK(ev[1].data.empty());
    CHECK(ev[2].data == "nospace");
}

TEST_CASE("Comments and unknown fields are ignored, blank event with no data is dropped", "[sse]") {
    Collected c;
    c.parser.feed(": heartbeat\n\nfoo: bar\nevent: x\n\ndata: y\n\n");
    REQUIRE(c.events.size() == 1);
    CHECK(c.events[0].type == "message");  // the type of an undispatched event is reset
    CHECK(c.comments == 1);
}

TEST_CASE("CR, LF and CRLF all end lines, also across chunk boundaries", "[sse]") {
    for (const char* text :
         {"data: a\r\rdata: b\r\r", "data: a\n\ndata: b\n\n", "data: a\r\n\r\ndata: b\r\n\r\n"}) {
        INFO(text);
        auto ev = parseWhole(text);
        REQUIRE(ev.size() == 2);
        CHECK(ev[0].data == "a");
        CHECK(ev[1].data == "b");
    }
    // Every possible split point of a CRLF stream.
    const std::string text = "id: 1\r\nevent: t\r\ndata: hello\r\n\r\ndata: x\r\n\r\n";
    for (std::size_t split = 0; split <= text.size(); ++split) {
        Collected c;
        c.parser.feed(std::string_view(text).substr(0, split));
        c.parser.feed(std::string_view(text).substr(split));
        INFO("split at " << split);
        REQUIRE(c.events.size() == 2);
        CHECK(c.events[0].data == "hello");
        CHECK(c.events[0].type == "t");
        CHECK(c.events[1].lastEventId == "1");
    }
}

TEST_CASE("Byte-by-byte feeding gives the same events", "[sse]") {
    const std::string text =
        "\xEF\xBB\xBF"
        "data: 한국어\n\nretry: 1500\nid: 9\ndata: z\n\n";
    Collected c;
    for (char ch : text)
        c.parser.feed(std::string_view(&ch, 1));
    REQUIRE(c.events.size() == 2);
    CHECK(c.events[0].data == "한국어");
    CHECK(c.events[1].lastEventId == "9");
    CHECK(c.retries == std::vector<int>{1500});
}

TEST_CASE("A leading BOM is stripped once, a second one is data", "[sse]") {
    auto ev = parseWhole(
        "\xEF\xBB\xBF"
        "data: a\n\n");
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].data == "a");
    auto two = parseWhole(
        "\xEF\xBB\xBF\xEF\xBB\xBF"
        "data: a\n\n");
    CHECK(two.empty());  // the second BOM makes the field name unknown
}

TEST_CASE("retry takes digits only, id with NUL is ignored, id persists", "[sse]") {
    Collected c;
    c.parser.feed("retry: 10x\n\nretry: 250\n\nid: 3\ndata: a\n\nid: 4\0\ndata: b\n\ndata: c\n\n"s);
    CHECK(c.retries == std::vector<int>{250});
    REQUIRE(c.events.size() == 3);
    CHECK(c.events[0].lastEventId == "3");
    CHECK(c.events[1].lastEventId == "3");
    CHECK(c.events[2].lastEventId == "3");
    c.parser.feed("id\ndata: d\n\n");
    CHECK(c.events.back().lastEventId.empty());  // "id" with no value resets it
}

TEST_CASE("An event not ended by a blank line is not dispatched", "[sse]") {
    Collected c;
    c.parser.feed("data: partial\n");
    CHECK(c.events.empty());
    c.parser.resetConnection();
    c.parser.feed("data: fresh\n\n");
    REQUIRE(c.events.size() == 1);
    CHECK(c.events[0].data == "fresh");
}
