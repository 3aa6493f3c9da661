// Harness sse_parser: the desktop's text/event-stream parser (crm/events/sse_parser.h). The
// stream is parsed twice, once in one piece and once cut into chunks of sizes the first byte
// chooses, and both parses must yield the same events, retries, comments and last event id: a
// CR, LF, CRLF, BOM or UTF-8 sequence split across network reads must not change what it means.
#include <cstdint>
#include <string>
#include <vector>

#include "crm/events/sse_parser.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using agentdesk::crm::SseEvent;
using agentdesk::crm::SseParser;

struct Seen {
    std::vector<std::string> log;  // "event type|data|id", "retry N", "comment C"
    std::string lastEventId;
};

Seen parse(std::string_view stream, std::uint8_t chunking) {
    Seen seen;
    SseParser parser(
        [&seen](const SseEvent& e) {
            FUZZ_CHECK(!e.type.empty(), "an event without a type");
            FUZZ_CHECK(e.lastEventId.find('\0') == std::string::npos, "an id with NUL");
            seen.log.push_back("event " + e.type + "|" + e.data + "|" + e.lastEventId);
        },
        [&seen](int ms) {
            FUZZ_CHECK(ms >= 0, "negative retry " + std::to_string(ms));
            seen.log.push_back("retry " + std::to_string(ms));
        },
        [&seen](std::string_view comment) {
            seen.log.push_back("comment " + std::string(comment));
        });
    if (chunking == 0) {
        parser.feed(stream);
    } else {
        // Chunk sizes 1..8 from a small linear congruential sequence.
        std::uint32_t state = chunking;
        for (std::size_t at = 0; at < stream.size();) {
            state = state * 1103515245u + 12345u;
            const std::size_t n = 1 + (state >> 16) % 8;
            parser.feed(stream.substr(at, n));
            at += n;
        }
    }
    seen.lastEventId = parser.lastEventId();
    return seen;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::uint8_t chunking = data[0] == 0 ? 1 : data[0];
    const std::string_view stream(reinterpret_cast<const char*>(data + 1), size - 1);
    const Seen whole = parse(stream, 0);
    const Seen pieces = parse(stream, chunking);
    FUZZ_CHECK(whole.log == pieces.log, "chunked parse differs from the whole parse");
    FUZZ_CHECK(whole.lastEventId == pieces.lastEventId, "chunked parse ends with another id");
    return 0;
}
