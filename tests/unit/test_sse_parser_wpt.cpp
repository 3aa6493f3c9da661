// The parsing cases of the web-platform-tests EventSource suite, ported to pure-function tests of
// agentdesk::crm::SseParser.
//
// Source read on 2026-11-23:
//   web-platform-tests/wpt, folder eventsource/, at wpt commit
//   9dafa892146c4b5b1f604a39b3cf8677f8f70d44 (the snapshot nodejs/node vendors in
//   test/fixtures/wpt/eventsource, per its versions.json at node commit 698a391107b9), and the
//   stream generators of wpt's eventsource/resources/: message.py, message2.py, last-event-id.py,
//   last-event-id2.py (the ID_RESETS_2 version that format-field-id-3.window.js uses) and
//   status-reconnect.py. eventsource-from-readable-stream.any.js is from wpt commit
//   25bde9530a9322260f3d00da1b061b870d254414.
//   https://github.com/web-platform-tests/wpt/tree/master/eventsource
//
// message.py answers `message + ("" if newline=none else "\n\n") + "\n"`, so every stream below
// is that; the query strings are kept percent-encoded as in wpt and decoded by pct(). When the
// browser test needs more than one connection (the server reacts to Last-Event-ID, or the stream
// ends and the browser reconnects), the connections are fed one after the other with
// resetConnection() in between, and the server's answer is computed from parser.lastEventId()
// exactly as the .py file does.
//
// Every case is fed (a) whole, (b) byte by byte, (c) split at every single boundary and
// (d) in random chunks (fixed seed); all must give the same events, ids, retry values and
// comments (runAllWays()).
//
// Not ported, because they test the browser's networking or DOM rather than stream parsing (the
// reconnect and Last-Event-ID request header are tested against the real server elsewhere):
//   format-mime-bogus, format-mime-valid-bogus, format-mime-trailing-semicolon: Content-Type check.
//     (format-utf-8's `charset=windows-1252` is a MIME parameter too; its decoding part is ported.)
//   request-accept, request-cache-control: request headers.
//   request-credentials, eventsource-cross-origin, eventsource-cross-origin-preflight,
//   eventsource-constructor-non-same-origin, eventsource-constructor-document-domain: CORS/origin.
//   request-redirect, request-status-error: HTTP redirects and status codes.
//   eventsource-constructor-url-bogus, -empty-url, -stringify, -url-multi-window, eventsource-url:
//     URL resolution in the constructor.
//   eventsource-close, eventsource-onopen, eventsource-readyState, eventsource-prototype,
//   eventsource-onmessage-trusted, eventsource-onmessage-realm, eventsource-request-cancellation,
//   eventsource-bfcache, interfaces.html, dedicated-worker/*, shared-worker/*: the DOM object,
//     its lifecycle, workers and realms.
//   The timing halves of format-field-retry(-bogus) and eventsource-reconnect (the delay before
//   reconnecting, error events, readyState): only the retry values and the streams are checked.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "crm/events/sse_parser.h"

using agentdesk::crm::SseEvent;
using agentdesk::crm::SseParser;
using namespace std::string_literals;

namespace {

std::string escaped(std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\\') {
            out += "\\\\";
        } else if (u < 0x20 || u >= 0x7F) {
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

// Percent-decodes a wpt query-string value (what the wpt server hands message.py).
std::string pct(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// eventsource/resources/message.py
std::string messagePy(std::string_view message = "data: data", bool newlineNone = false) {
    return std::string(message) + (newlineNone ? "" : "\n\n") + "\n";
}

struct Ev {
    std::string type;
    std::string data;
    std::string lastEventId;
    bool operator==(const Ev&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Ev& e) {
    return os << "{type=" << escaped(e.type) << " data=\"" << escaped(e.data) << "\" id=\""
              << escaped(e.lastEventId) << "\"}";
}

Ev msg(std::string data, std::string id = {}) {
    return {"message", std::move(data), std::move(id)};
}

struct Outcome {
    std::vector<Ev> events;
    std::vector<int> retries;
    std::vector<std::string> comments;
    // parser.lastEventId() at the end of each connection: the Last-Event-ID a reconnect sends.
    std::vector<std::string> lastEventIdAfter;
    bool operator==(const Outcome&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Outcome& o) {
    os << "events:";
    for (const auto& e : o.events)
        os << ' ' << e;
    os << "\nretries:";
    for (int r : o.retries)
        os << ' ' << r;
    os << "\ncomments:";
    for (const auto& c : o.comments)
        os << " \"" << escaped(c) << '"';
    os << "\nlast event id after each connection:";
    for (const auto& id : o.lastEventIdAfter)
        os << " \"" << escaped(id) << '"';
    return os;
}

// The server: the body of connection `index`, given the Last-Event-ID the client sends ("" for
// none).
using Server = std::function<std::string(int index, const std::string& lastEventId)>;
using Chunker = std::function<std::vector<std::string_view>(std::string_view)>;

Outcome runOnce(const Server& server, int connections, const Chunker& chunker,
                std::vector<std::string>* bodies = nullptr) {
    Outcome out;
    SseParser parser{[&](const SseEvent& e) {
                         out.events.push_back({e.type, e.data, e.lastEventId});
                     },
                     [&](int ms) { out.retries.push_back(ms); },
                     [&](std::string_view c) { out.comments.emplace_back(c); }};
    for (int i = 0; i < connections; ++i) {
        if (i > 0)
            parser.resetConnection();  // the stream ended: a new connection
        const std::string body = server(i, parser.lastEventId());
        for (std::string_view piece : chunker(body))
            parser.feed(piece);
        out.lastEventIdAfter.push_back(parser.lastEventId());
        if (bodies)
            bodies->push_back(body);
    }
    return out;
}

// Feeds the streams whole, byte by byte, split at every single boundary and in random chunks;
// every way must give the same outcome, which is returned.
Outcome runAllWays(const Server& server, int connections = 1) {
    std::vector<std::string> bodies;
    const Outcome whole = runOnce(
        server, connections, [](std::string_view s) { return std::vector<std::string_view>{s}; },
        &bodies);
    {
        INFO("byte by byte");
        CHECK(runOnce(server, connections, [](std::string_view s) {
                  std::vector<std::string_view> pieces;
                  for (std::size_t i = 0; i < s.size(); ++i)
                      pieces.push_back(s.substr(i, 1));
                  return pieces;
              }) == whole);
    }
    std::size_t longest = 0;
    for (const auto& b : bodies)
        longest = std::max(longest, b.size());
    for (std::size_t at = 0; at <= longest; ++at) {
        INFO("split at byte " << at << " of each connection");
        CHECK(runOnce(server, connections, [at](std::string_view s) {
                  const std::size_t cut = std::min(at, s.size());
                  return std::vector<std::string_view>{s.substr(0, cut), s.substr(cut)};
              }) == whole);
    }
    std::mt19937 rng(20261123u);
    for (int round = 0; round < 25; ++round) {
        const std::uint32_t seed = rng();
        INFO("random chunks, round " << round);
        CHECK(runOnce(server, connections, [seed](std::string_view s) {
                  std::mt19937 chunkRng(seed);
                  std::vector<std::string_view> pieces;
                  for (std::size_t pos = 0; pos < s.size();) {
                      const std::size_t n = 1 + chunkRng() % 16;
                      pieces.push_back(s.substr(pos, n));
                      pos += n;
                  }
                  return pieces;
              }) == whole);
    }
    return whole;
}

// The same fixed stream(s), one per connection, whatever the client sends.
Outcome runAllWays(std::vector<std::string> streams) {
    const int n = static_cast<int>(streams.size());
    return runAllWays(
        [streams = std::move(streams)](int index, const std::string&) { return streams[index]; },
        n);
}

Outcome runAllWays(std::string stream) {
    return runAllWays(std::vector<std::string>{std::move(stream)});
}

// eventsource/resources/last-event-id.py: echoes Last-Event-ID, else sends an id and "hello".
Server lastEventIdPy(std::string idvalue = "…") {
    return [idvalue = std::move(idvalue)](int, const std::string& lastEventId) {
        if (!lastEventId.empty())
            return "data: " + lastEventId + "\n\n";
        return "id: " + idvalue + "\nretry: 200\ndata: hello\n\n";
    };
}

}  // namespace

TEST_CASE("wpt eventsource-onmessage: the default message.py stream", "[sse][wpt]") {
    const auto out = runAllWays(messagePy());
    CHECK(out.events == std::vector<Ev>{msg("data")});
}

TEST_CASE("wpt eventsource-eventtarget: the event is of type message", "[sse][wpt]") {
    const auto out = runAllWays(messagePy());
    REQUIRE(out.events.size() == 1);
    CHECK(out.events[0].type == "message");
    CHECK(out.events[0].data == "data");
}

TEST_CASE("wpt event-data: lines and data parsing (message2.py)", "[sse][wpt]") {
    // One iteration of message2.py's `while True` loop, written twice as the server does.
    const std::string iteration =
        "data:msg\ndata: msg\n\n"
        ":\n"
        "falsefield:msg\n\n"
        "falsefield:msg\nData:data\n\n"
        "data\n\n"
        "data:end\n\n";
    const auto out = runAllWays(iteration + iteration);
    CHECK(out.events == std::vector<Ev>{msg("msg\nmsg"), msg(""), msg("end"), msg("msg\nmsg"),
                                        msg(""), msg("end")});
    CHECK(out.comments == std::vector<std::string>{"", ""});
}

TEST_CASE("wpt eventsource-reconnect: the stream after a reconnect is parsed afresh",
          "[sse][wpt]") {
    // status-reconnect.py: the first request gets "retry: 2\n" (plus "data: ok\n\n" with
    // ok_first), the reconnect gets "data: data\n\n". Its `id=2` query parameter only names the
    // server's cookie: no SSE id is involved, so none may appear.
    SECTION("status=200") {
        const auto out = runAllWays(std::vector<std::string>{"retry: 2\n", "data: data\n\n"});
        CHECK(out.events == std::vector<Ev>{msg("data")});
        CHECK(out.retries == std::vector<int>{2});
    }
    SECTION("status=200 and ok_first: test reconnection events") {
        const auto out =
            runAllWays(std::vector<std::string>{"retry: 2\ndata: ok\n\n", "data: data\n\n"});
        CHECK(out.events == std::vector<Ev>{msg("ok"), msg("data")});
        CHECK(out.retries == std::vector<int>{2});
        CHECK(out.lastEventIdAfter == std::vector<std::string>{"", ""});
    }
}

TEST_CASE("wpt format-bom: only a leading BOM is skipped", "[sse][wpt]") {
    const auto out =
        runAllWays(messagePy(pct("%EF%BB%BFdata%3A1%0A%0A%EF%BB%BFdata%3A2%0A%0Adata%3A3")));
    // The second BOM starts the field name "\uFEFFdata", an unknown field.
    CHECK(out.events == std::vector<Ev>{msg("1"), msg("3")});
}

TEST_CASE("wpt format-bom-2: of a double BOM only the first is skipped", "[sse][wpt]") {
    const auto out =
        runAllWays(messagePy(pct("%EF%BB%BF%EF%BB%BFdata%3A1%0A%0Adata%3A2%0A%0Adata%3A3")));
    CHECK(out.events == std::vector<Ev>{msg("2"), msg("3")});
}

TEST_CASE("wpt format-comments: comment fest", "[sse][wpt]") {
    const std::string longstring(2 * 1024, 'x');
    const std::string message = "data:1\r:\0\n:\r\ndata:2\n:"s + longstring +
                                "\rdata:3\n:data:fail\r:" + longstring + "\ndata:4\n";
    const auto out = runAllWays(messagePy(message, /*newlineNone=*/true));
    CHECK(out.events == std::vector<Ev>{msg("1\n2\n3\n4")});
    CHECK(out.comments == std::vector<std::string>{"\0"s, "", longstring, "data:fail", longstring});
}

TEST_CASE("wpt format-data-before-final-empty-line: an unfinished event is dropped, id too",
          "[sse][wpt]") {
    // The stream ends without the blank line after "data:test2": that event, and the id set
    // inside it, are discarded, and the browser reconnects to the same stream.
    const std::string stream = messagePy("retry:1000\ndata:test1\n\nid:test\ndata:test2", true);
    const auto out = runAllWays(std::vector<std::string>{stream, stream});
    CHECK(out.events == std::vector<Ev>{msg("test1", ""), msg("test1", "")});
    CHECK(out.retries == std::vector<int>{1000, 1000});
    CHECK(out.lastEventIdAfter == std::vector<std::string>{"", ""});
}

TEST_CASE("wpt format-field-data: data field parsing", "[sse][wpt]") {
    const auto out = runAllWays(messagePy(pct("data%3A%0A%0Adata%0Adata%0A%0Adata%3Atest")));
    CHECK(out.events == std::vector<Ev>{msg(""), msg("\n"), msg("test")});
}

TEST_CASE("wpt format-field-event-empty: an empty event field gives type message", "[sse][wpt]") {
    const auto out = runAllWays(messagePy(pct("event%3A%20%0Adata%3Adata")));
    CHECK(out.events == std::vector<Ev>{msg("data")});
}

TEST_CASE("wpt format-field-event: custom event name", "[sse][wpt]") {
    const auto out = runAllWays(messagePy(pct("event%3Atest%0Adata%3Ax%0A%0Adata%3Ax")));
    CHECK(out.events == std::vector<Ev>{{"test", "x", ""}, msg("x")});
}

TEST_CASE("wpt format-field-id: Last-Event-ID", "[sse][wpt]") {
    // last-event-id.py: "hello" with id U+2026, then the reconnect echoes the id as data.
    const auto out = runAllWays(lastEventIdPy(), 2);
    CHECK(out.events == std::vector<Ev>{msg("hello", "…"), msg("…", "…")});
    CHECK(out.retries == std::vector<int>{200});
    CHECK(out.lastEventIdAfter == std::vector<std::string>{"…", "…"});
}

TEST_CASE("wpt format-field-id-2: Last-Event-ID (2)", "[sse][wpt]") {
    const auto out = runAllWays(lastEventIdPy(), 3);
    CHECK(out.events == std::vector<Ev>{msg("hello", "…"), msg("…", "…"), msg("…", "…")});
    CHECK(out.lastEventIdAfter == std::vector<std::string>{"…", "…", "…"});
}

TEST_CASE("wpt format-field-id-3: lastEventId persists and resets", "[sse][wpt]") {
    // last-event-id2.py
    SECTION("persists") {
        const auto out = runAllWays("id: 1\ndata: 1\n\ndata: 2\n\nid: 2\ndata:3\n\ndata:4\n\n");
        CHECK(out.events ==
              std::vector<Ev>{msg("1", "1"), msg("2", "1"), msg("3", "2"), msg("4", "2")});
    }
    SECTION("resets") {
        const auto out = runAllWays("id: 1\ndata: 1\n\nid:\ndata:2\n\ndata:3\n\n");
        CHECK(out.events == std::vector<Ev>{msg("1", "1"), msg("2", ""), msg("3", "")});
        CHECK(out.lastEventIdAfter == std::vector<std::string>{""});
    }
    SECTION("resets (id without colon)") {
        const auto out = runAllWays("id: 1\ndata: 1\n\nid\ndata:2\n\ndata:3\n\n");
        CHECK(out.events == std::vector<Ev>{msg("1", "1"), msg("2", ""), msg("3", "")});
    }
}

TEST_CASE("wpt format-field-id-null: an id containing U+0000 is ignored", "[sse][wpt]") {
    for (const std::string& idValue : {"\0\0"s, "x\0"s, "\0x"s, "x\0x"s, " \0"s}) {
        INFO("idvalue " << escaped(idValue));
        // The id never gets set, so the reconnect sends no Last-Event-ID and gets "hello" again.
        const auto out = runAllWays(lastEventIdPy(idValue), 2);
        CHECK(out.events == std::vector<Ev>{msg("hello", ""), msg("hello", "")});
        CHECK(out.lastEventIdAfter == std::vector<std::string>{"", ""});
    }
}

TEST_CASE("wpt format-field-parsing: field parsing", "[sse][wpt]") {
    const std::string message =
        "data:\0\ndata:  2\rData:1\ndata\0:2\ndata:1\r\0data:4\nda-ta:3\rdata_5\ndata:3\rdata:\r\n "
        "data:32\ndata:4\n"s;
    const auto out = runAllWays(messagePy(message, /*newlineNone=*/true));
    CHECK(out.events == std::vector<Ev>{msg("\0\n 2\n1\n3\n\n4"s)});
}

TEST_CASE("wpt format-field-retry: retry is decimal, leading zeros included", "[sse][wpt]") {
    const auto out = runAllWays(messagePy(pct("retry%3A03000%0Adata%3Ax")));
    CHECK(out.retries == std::vector<int>{3000});  // not 1536 (octal)
    CHECK(out.events == std::vector<Ev>{msg("x")});
}

TEST_CASE("wpt format-field-retry-bogus: a retry value with a non-digit is ignored", "[sse][wpt]") {
    const auto out = runAllWays(messagePy(pct("retry%3A3000%0Aretry%3A1000x%0Adata%3Ax")));
    CHECK(out.retries == std::vector<int>{3000});
    CHECK(out.events == std::vector<Ev>{msg("x")});
}

TEST_CASE("wpt format-field-retry-empty: an empty retry field is ignored", "[sse][wpt]") {
    const auto out = runAllWays(messagePy(pct("retry%0Adata%3Atest")));
    CHECK(out.retries.empty());
    CHECK(out.events == std::vector<Ev>{msg("test")});
}

TEST_CASE("wpt format-field-unknown: unknown fields and parsing fun", "[sse][wpt]") {
    const auto out = runAllWays(messagePy(pct(
        "data%3Atest%0A%20data%0Adata%0Afoobar%3Axxx%0Ajustsometext%0A%3Athisisacommentyay%0Adata%"
        "3Atest")));
    CHECK(out.events == std::vector<Ev>{msg("test\n\ntest")});
    CHECK(out.comments == std::vector<std::string>{"thisisacommentyay"});
}

TEST_CASE("wpt format-leading-space: only one leading space is removed", "[sse][wpt]") {
    const auto out = runAllWays(messagePy(pct("data%3A%09test%0Ddata%3A%20%0Adata%3Atest")));
    CHECK(out.events == std::vector<Ev>{msg("\ttest\n\ntest")});
}

TEST_CASE("wpt format-newlines: newline fest", "[sse][wpt]") {
    // The message ends in CR and message.py appends LF: the blank line is a CRLF.
    const auto out =
        runAllWays(messagePy(pct("data%3Atest%0D%0Adata%0Adata%3Atest%0D%0A%0D"), true));
    CHECK(out.events == std::vector<Ev>{msg("test\n\ntest")});
}

TEST_CASE("wpt format-null-character: a NUL in data is kept", "[sse][wpt]") {
    const auto out = runAllWays(messagePy(pct("data%3A%00%0A%0A")));
    CHECK(out.events == std::vector<Ev>{msg("\0"s)});
}

TEST_CASE("wpt format-utf-8: the stream is UTF-8 whatever the charset", "[sse][wpt]") {
    const auto out = runAllWays(messagePy(pct("data%3Aok%E2%80%A6")));
    CHECK(out.events == std::vector<Ev>{msg("ok…")});
}

TEST_CASE("wpt eventsource-from-readable-stream: the parsing cases", "[sse][wpt]") {
    SECTION("receives a message event") {
        CHECK(runAllWays("data: hello\n\n").events == std::vector<Ev>{msg("hello")});
    }
    SECTION("handles multi-line data fields") {
        CHECK(runAllWays("data: hello\ndata: world\n\n").events ==
              std::vector<Ev>{msg("hello\nworld")});
    }
    SECTION("receives multiple message events") {
        CHECK(runAllWays("data: first\n\ndata: second\n\n").events ==
              std::vector<Ev>{msg("first"), msg("second")});
    }
    SECTION("handles custom event types") {
        CHECK(runAllWays("event: custom\ndata: hello\n\n").events ==
              std::vector<Ev>{{"custom", "hello", ""}});
    }
    SECTION("ignores comments") {
        const auto out = runAllWays(": this is a comment\ndata: hello\n\n");
        CHECK(out.events == std::vector<Ev>{msg("hello")});
        CHECK(out.comments == std::vector<std::string>{" this is a comment"});
    }
    SECTION("handles data split across chunks") {
        Outcome out;
        SseParser parser{[&](const SseEvent& e) { out.events.push_back({e.type, e.data, ""}); }};
        for (const char* chunk : {"da", "ta: hel", "lo\n\n"})
            parser.feed(chunk);
        CHECK(out.events == std::vector<Ev>{msg("hello")});
    }
    SECTION("id field updates lastEventId") {
        const auto out = runAllWays("id: 42\ndata: hello\n\n");
        CHECK(out.events == std::vector<Ev>{msg("hello", "42")});
        CHECK(out.lastEventIdAfter == std::vector<std::string>{"42"});
    }
    SECTION("retry field updates reconnectionTime") {
        CHECK(runAllWays("retry: 5000\ndata: hello\n\n").retries == std::vector<int>{5000});
    }
    SECTION("retry field with non-digit value is ignored") {
        CHECK(runAllWays("retry: bogus\ndata: hello\n\n").retries.empty());
    }
    SECTION("handles CR, LF, and CRLF line endings") {
        CHECK(runAllWays("data: cr\r\rdata: lf\n\ndata: crlf\r\n\r\n").events ==
              std::vector<Ev>{msg("cr"), msg("lf"), msg("crlf")});
    }
    SECTION("strips leading UTF-8 BOM") {
        CHECK(runAllWays("\xEF\xBB\xBF"
                         "data: hello\n\n")
                  .events == std::vector<Ev>{msg("hello")});
    }
    SECTION("two streams piped through one TransformStream are one stream") {
        CHECK(runAllWays("data: first\n\n"s + "data: second\n\n").events ==
              std::vector<Ev>{msg("first"), msg("second")});
    }
    // wpt pipes both streams through one TransformStream (one parser stream). Here they are two
    // connections with resetConnection() between them, which must keep the id all the same.
    SECTION("lastEventId persists across reconnections") {
        const auto out = runAllWays(
            std::vector<std::string>{"id: 42\ndata: first\n\n", "data: after-reconnect\n\n"});
        CHECK(out.events == std::vector<Ev>{msg("first", "42"), msg("after-reconnect", "42")});
        CHECK(out.lastEventIdAfter == std::vector<std::string>{"42", "42"});
    }
    SECTION("reconnectionTime persists across reconnections") {
        const auto out = runAllWays(
            std::vector<std::string>{"retry: 3000\ndata: first\n\n", "data: after-reconnect\n\n"});
        CHECK(out.retries == std::vector<int>{3000});  // not reset by the new connection
        CHECK(out.events == std::vector<Ev>{msg("first"), msg("after-reconnect")});
    }
}
