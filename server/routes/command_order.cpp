#include "server/routes/command_order.h"

#include <boost/asio/post.hpp>

namespace agentdesk::server {

struct CommandOrder::State : std::enable_shared_from_this<CommandOrder::State> {
    explicit State(boost::asio::io_context& context) : io(context) {}
    boost::asio::io_context& io;
    struct Waiting {
        http::ExchangePtr ex;
        Step step;
    };
    // Per user: the running command first, then those waiting for it.
    std::unordered_map<std::string, std::deque<Waiting>> queues;

    void start(const std::string& userId);
    void finished(const std::string& userId);
};

namespace {

// The exchange a command runs with: answering it (or dropping it unanswered) lets the user's
// next command go.
class OrderedExchange final : public http::Exchange {
public:
    OrderedExchange(http::ExchangePtr inner, std::weak_ptr<CommandOrder::State> order,
                    std::string userId)
        : inner_(std::move(inner)), order_(std::move(order)), userId_(std::move(userId)) {}
    ~OrderedExchange() override { done(); }

    void respond(http::Response response) override {
        inner_->respond(std::move(response));
        done();
    }
    std::shared_ptr<http::EventStream> startEventStream() override {
        auto stream = inner_->startEventStream();
        done();
        return stream;
    }
    void markAuthenticated() override { inner_->markAuthenticated(); }

private:
    void done() {
        if (finished_)
            return;
        finished_ = true;
        if (auto order = order_.lock())
            order->finished(userId_);
    }

    http::ExchangePtr inner_;
    std::weak_ptr<CommandOrder::State> order_;
    std::string userId_;
    bool finished_ = false;
};

}  // namespace

void CommandOrder::State::start(const std::string& userId) {
    auto it = queues.find(userId);
    if (it == queues.end() || it->second.empty())
        return;
    // Copies: the step may finish at once, which pops this entry.
    Waiting front = it->second.front();
    auto wrapped = std::make_shared<OrderedExchange>(std::move(front.ex), weak_from_this(), userId);
    front.step(wrapped);
}

void CommandOrder::State::finished(const std::string& userId) {
    auto it = queues.find(userId);
    if (it == queues.end() || it->second.empty())
        return;
    it->second.pop_front();
    if (it->second.empty()) {
        queues.erase(it);
        return;
    }
    boost::asio::post(io, [weak = weak_from_this(), userId] {
        if (auto self = weak.lock())
            self->start(userId);
    });
}

bool isAcdCommand(std::string_view method, std::string_view path) {
    const auto under = [path](std::string_view area) {
        return path.substr(0, area.size()) == area &&
               (path.size() == area.size() || path[area.size()] == '/');
    };
    return method != "GET" && (under("/api/v1/agents/me") || under("/api/v1/calls"));
}

CommandOrder::CommandOrder(boost::asio::io_context& io) : state_(std::make_shared<State>(io)) {}

void CommandOrder::run(const std::string& userId, const http::ExchangePtr& ex, Step step) {
    auto& queue = state_->queues[userId];
    queue.push_back({ex, std::move(step)});
    if (queue.size() == 1)
        state_->start(userId);
}

std::size_t CommandOrder::pending(const std::string& userId) const {
    auto it = state_->queues.find(userId);
    return it == state_->queues.end() ? 0 : it->second.size();
}

}  // namespace agentdesk::server
