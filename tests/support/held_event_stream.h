#pragma once
// An event stream for tests that run the EventHub without sockets: it counts what it is sent
// and closes as a connection would, except that the hub's callback runs at once (a connection
// posts it to the I/O thread).
#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "server/http/http_types.h"

namespace agentdesk::test {

class HeldEventStream final : public server::http::EventStream {
public:
    // countType: events of this type are counted in `counted` (empty: none).
    explicit HeldEventStream(std::string countType = {}) : countType_(std::move(countType)) {}

    void send(std::shared_ptr<const std::string> bytes) override {
        if (!open_)
            return;
        bytes_ += bytes->size();
        if (!countType_.empty() && bytes->find("event: " + countType_ + "\n") != std::string::npos)
            ++counted;
    }
    void close() override {
        if (!open_)
            return;
        open_ = false;
        if (onClosed_)
            std::exchange(onClosed_, nullptr)();
    }
    bool isOpen() const override { return open_; }
    void setOnClosed(std::function<void()> callback) override {
        if (!open_)
            return callback();  // as a connection does (it posts it)
        onClosed_ = std::move(callback);
    }
    std::size_t bytes() const { return bytes_; }

    int counted = 0;

private:
    std::string countType_;
    bool open_ = true;
    std::size_t bytes_ = 0;
    std::function<void()> onClosed_;
};

}  // namespace agentdesk::test
