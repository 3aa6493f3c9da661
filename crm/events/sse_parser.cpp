#include "crm/events/sse_parser.h"

namespace agentdesk::crm {

SseParser::SseParser(EventHandler onEvent, RetryHandler onRetry, CommentHandler onComment)
    : onEvent_(std::move(onEvent)),
      onRetry_(std::move(onRetry)),
      onComment_(std::move(onComment)) {}

void SseParser::resetConnection() {
    line_.clear();
    sawCr_ = false;
    atStart_ = true;
    data_.clear();
    type_.clear();
    idBuffer_ = lastEventId_;  // an id of the unfinished event is dropped with it
}

void SseParser::feed(std::string_view chunk) {
    if (atStart_ && !chunk.empty()) {
        // A UTF-8 BOM may start the stream (possibly split across chunks).
        static constexpr std::string_view bom = "\xEF\xBB\xBF";
        const std::string pending = line_ + std::string(chunk.substr(0, 3));
        if (pending.size() < 3 && bom.substr(0, pending.size()) == pending) {
            line_ = pending;
            return;
        }
        atStart_ = false;
        if (pending.compare(0, 3, bom) == 0) {
            const std::size_t fromChunk = 3 - line_.size();
            line_.clear();
            chunk.remove_prefix(fromChunk);
        }
    }
    for (char c : chunk) {
        if (sawCr_) {
            sawCr_ = false;
            if (c == '\n')
                continue;  // CRLF: the CR already ended the line
        }
        if (c == '\r') {
            sawCr_ = true;
            processLine(line_);
            line_.clear();
        } else if (c == '\n') {
            processLine(line_);
            line_.clear();
        } else {
            line_.push_back(c);
        }
    }
}

void SseParser::processLine(std::string_view line) {
    if (line.empty()) {
        dispatch();
        return;
    }
    if (line.front() == ':') {
        if (onComment_)
            onComment_(line.substr(1));
        return;
    }
    std::string_view field = line;
    std::string_view value;
    if (const auto colon = line.find(':'); colon != std::string_view::npos) {
        field = line.substr(0, colon);
        value = line.substr(colon + 1);
        if (!value.empty() && value.front() == ' ')
            value.remove_prefix(1);
    }
    if (field == "event") {
        type_ = value;
    } else if (field == "data") {
        data_.append(value);
        data_.push_back('\n');
    } else if (field == "id") {
        if (value.find('\0') == std::string_view::npos)
            idBuffer_ = value;
    } else if (field == "retry") {
        if (value.empty())
            return;
        long long ms = 0;
        for (char c : value) {
            if (c < '0' || c > '9')
                return;
            ms = ms * 10 + (c - '0');
            if (ms > 0x7fffffff)
                return;
        }
        if (onRetry_)
            onRetry_(static_cast<int>(ms));
    }
}

void SseParser::dispatch() {
    lastEventId_ = idBuffer_;  // also when there is no data to dispatch
    if (data_.empty()) {
        type_.clear();
        return;
    }
    SseEvent event;
    data_.pop_back();  // the last LF
    event.data = std::move(data_);
    event.type = type_.empty() ? "message" : type_;
    event.lastEventId = lastEventId_;
    data_.clear();
    type_.clear();
    if (onEvent_)
        onEvent_(event);
}

}  // namespace agentdesk::crm
