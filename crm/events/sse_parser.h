#pragma once
// Incremental text/event-stream parser following the WHATWG HTML "server-sent events" rules:
// BOM, CR/LF/CRLF line ends (also split across chunks), comments, multi-line data, `id`
// (ignored when it contains NUL; it takes effect when the event ends with a blank line, so the id
// of an unfinished event is dropped with it), `retry` (digits only), dispatch on a blank line.
// A pure function of its input: no I/O, no threads.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace agentdesk::crm {

struct SseEvent {
    std::string type = "message";
    std::string data;
    std::string lastEventId;  // the stream's last event id when this event was dispatched
};

class SseParser {
public:
    using EventHandler = std::function<void(const SseEvent&)>;
    using RetryHandler = std::function<void(int milliseconds)>;
    using CommentHandler = std::function<void(std::string_view)>;

    explicit SseParser(EventHandler onEvent, RetryHandler onRetry = {},
                       CommentHandler onComment = {});

    void feed(std::string_view chunk);
    // The id a reconnect should send as Last-Event-ID.
    const std::string& lastEventId() const { return lastEventId_; }
    // Forget partial state (a new connection), keeping the last event id.
    void resetConnection();

private:
    void processLine(std::string_view line);
    void dispatch();

    EventHandler onEvent_;
    RetryHandler onRetry_;
    CommentHandler onComment_;
    std::string line_;
    bool sawCr_ = false;
    bool atStart_ = true;
    std::string data_;
    std::string type_;
    std::string idBuffer_;  // the spec's "last event ID buffer", committed by dispatch()
    std::string lastEventId_;
};

}  // namespace agentdesk::crm
