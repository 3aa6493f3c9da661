#include "tests/fault/fault_proxy.h"

// <utility> before Asio: Boost 1.74's awaitable.hpp uses std::exchange without including it.
#include <utility>

#include <array>
#include <functional>
#include <future>
#include <mutex>
#include <set>
#include <utility>

#include <boost/asio.hpp>

namespace agentdesk::fault {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

// One proxied connection: the client's socket and ours to the target.
class Pair : public std::enable_shared_from_this<Pair> {
public:
    Pair(asio::io_context& io, tcp::socket client, const std::atomic<int>& delayMs)
        : client_(std::move(client)), upstream_(io), delayMs_(delayMs) {}

    void start(int targetPort, std::function<void()> onClosed) {
        onClosed_ = std::move(onClosed);
        upstream_.async_connect(tcp::endpoint(asio::ip::make_address_v4("127.0.0.1"),
                                              static_cast<unsigned short>(targetPort)),
                                [self = shared_from_this()](const boost::system::error_code& ec) {
                                    if (ec) {
                                        self->close(false);
                                        return;
                                    }
                                    self->pump(self->client_, self->upstream_, self->toUpstream_);
                                    self->pump(self->upstream_, self->client_, self->toClient_);
                                });
    }

    // reset: an abrupt close (RST), as a cut path looks to the endpoints.
    void close(bool reset) {
        if (closed_)
            return;
        closed_ = true;
        for (tcp::socket* s : {&client_, &upstream_}) {
            boost::system::error_code ignored;
            if (reset && s->is_open())
                s->set_option(asio::socket_base::linger(true, 0), ignored);
            s->close(ignored);
        }
        if (onClosed_)
            onClosed_();
    }

private:
    struct Direction {
        std::array<char, 16384> buffer{};
        std::unique_ptr<asio::steady_timer> timer;
    };

    void pump(tcp::socket& from, tcp::socket& to, Direction& dir) {
        from.async_read_some(asio::buffer(dir.buffer), [self = shared_from_this(), &from, &to,
                                                        &dir](const boost::system::error_code& ec,
                                                              std::size_t n) {
            if (ec) {
                self->close(false);
                return;
            }
            const int delay = self->delayMs_.load();
            if (delay <= 0) {
                self->forward(from, to, dir, n);
                return;
            }
            if (!dir.timer)
                dir.timer = std::make_unique<asio::steady_timer>(from.get_executor());
            dir.timer->expires_after(std::chrono::milliseconds(delay));
            dir.timer->async_wait([self, &from, &to, &dir, n](const boost::system::error_code&) {
                self->forward(from, to, dir, n);
            });
        });
    }

    void forward(tcp::socket& from, tcp::socket& to, Direction& dir, std::size_t n) {
        if (closed_)
            return;
        asio::async_write(to, asio::buffer(dir.buffer.data(), n),
                          [self = shared_from_this(), &from, &to, &dir](
                              const boost::system::error_code& ec, std::size_t) {
                              if (ec) {
                                  self->close(false);
                                  return;
                              }
                              self->pump(from, to, dir);
                          });
    }

    tcp::socket client_, upstream_;
    const std::atomic<int>& delayMs_;
    Direction toUpstream_, toClient_;
    bool closed_ = false;
    std::function<void()> onClosed_;
};

}  // namespace

struct FaultProxy::State {
    asio::io_context io;
    tcp::acceptor acceptor{io};
    int targetPort = 0;
    std::atomic<int> delayMs{0};
    std::atomic<bool> refusing{false};
    std::set<std::shared_ptr<Pair>> live;  // io thread only
};

FaultProxy::FaultProxy(int targetPort) : state_(std::make_shared<State>()) {
    state_->targetPort = targetPort;
    const tcp::endpoint endpoint(asio::ip::make_address_v4("127.0.0.1"), 0);
    state_->acceptor.open(endpoint.protocol());
    state_->acceptor.set_option(tcp::acceptor::reuse_address(true));
    state_->acceptor.bind(endpoint);
    state_->acceptor.listen();
    port_ = state_->acceptor.local_endpoint().port();

    auto accept = std::make_shared<std::function<void()>>();
    *accept = [state = state_.get(), accept, this] {
        state->acceptor.async_accept(
            [state, accept, this](const boost::system::error_code& ec, tcp::socket socket) {
                if (ec == asio::error::operation_aborted)
                    return;
                if (!ec) {
                    ++accepted_;
                    if (state->refusing.load()) {
                        boost::system::error_code ignored;
                        socket.set_option(asio::socket_base::linger(true, 0), ignored);
                        socket.close(ignored);
                    } else {
                        auto pair =
                            std::make_shared<Pair>(state->io, std::move(socket), state->delayMs);
                        state->live.insert(pair);
                        std::weak_ptr<Pair> weak = pair;
                        pair->start(state->targetPort, [state, weak] {
                            if (auto p = weak.lock())
                                state->live.erase(p);
                        });
                    }
                }
                (*accept)();
            });
    };
    asio::post(state_->io, [accept] { (*accept)(); });
    thread_ = std::thread([state = state_, accept]() mutable {
        state->io.run();
        *accept = nullptr;  // breaks the self-reference
    });
}

FaultProxy::~FaultProxy() {
    asio::post(state_->io, [state = state_.get()] {
        boost::system::error_code ignored;
        state->acceptor.close(ignored);
        auto live = state->live;
        for (const auto& pair : live)
            pair->close(false);
        state->io.stop();
    });
    thread_.join();
}

void FaultProxy::cutAll() {
    std::promise<void> done;
    auto future = done.get_future();
    asio::post(state_->io, [state = state_.get(), this, &done] {
        auto live = state->live;  // close() erases from the set
        for (const auto& pair : live) {
            pair->close(true);
            ++cut_;
        }
        done.set_value();
    });
    future.wait();
}

void FaultProxy::setDelay(std::chrono::milliseconds delay) {
    state_->delayMs.store(static_cast<int>(delay.count()));
}

void FaultProxy::setRefusing(bool refusing) {
    state_->refusing.store(refusing);
}

}  // namespace agentdesk::fault
