#pragma once
// Requests for the ACD, forwarded to the node that runs it (NATS request/reply, nats.c). One
// ACD runs per center, on the node holding the lease (acd_lease.h); a request that needs it and
// reaches another node is sent on as a whole (forwarded_http.h) to the subject only the owner
// listens on, and the owner's answer goes back to the client unchanged. Nobody listening (no
// owner right now) or no answer in time: the caller gets nullopt and answers 503.
//
// Threads: construct and stop() on the owning thread; serve()/stopServing() and forward() on
// the I/O thread. nats.c delivers on threads of its own and forward() waits on a pool of its
// own; what they hand back is posted to the I/O thread.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <boost/asio/thread_pool.hpp>

#include "server/cluster/forwarded_http.h"

struct __natsConnection;
struct __natsSubscription;
struct __natsMsg;

namespace agentdesk::server::cluster {

struct ForwarderOptions {
    std::string url;      // nats://…
    std::string subject;  // e.g. agentdesk.acd.center.http
    std::string clientName = "agentdesk-server";
    // A forwarded request with no answer after this long gets 503: longer than any ACD command
    // takes, shorter than a desktop's request timeout.
    std::chrono::milliseconds timeout{4000};
    int threads = 8;  // forwarded requests in flight at once from this node
};

class AcdForwarder {
public:
    using Post = std::function<void(std::function<void()>)>;
    // Sends the answer back to the node that forwarded the request (any thread, once).
    using Reply = std::function<void(ForwardedAnswer)>;
    using Serve = std::function<void(http::Request request, Reply reply)>;
    // Answered: the owner's answer. NoOwner: nobody runs the ACD right now, or the request was
    // never sent (the client may try again). TimedOut: sent, but no answer in time (the owner
    // may have done it). TooLarge: more than NATS carries.
    enum class Outcome { Answered, NoOwner, TimedOut, TooLarge };
    using Done = std::function<void(Outcome outcome, std::optional<ForwardedAnswer> answer)>;

    // Connects (throws std::runtime_error when NATS is not there); it reconnects for ever.
    AcdForwarder(ForwarderOptions options, Post postToIo);
    ~AcdForwarder();
    AcdForwarder(const AcdForwarder&) = delete;
    AcdForwarder& operator=(const AcdForwarder&) = delete;

    // The owner: requests forwarded by the other nodes go to `serve` on the I/O thread until
    // stopServing(). Throws std::runtime_error when the subscription fails.
    void serve(Serve serve);
    void stopServing();
    bool serving() const { return sub_ != nullptr; }

    // Another node: sends the request to the owner; `done` runs on the I/O thread (TooLarge at
    // once) with the outcome and, when Answered, the answer.
    void forward(const http::Request& request, Done done);

    // Closes the connection; after it returns nothing more is posted.
    void stop();

    struct Stats {
        std::uint64_t forwarded = 0, answered = 0, noOwner = 0, timedOut = 0, served = 0;
    };
    Stats stats() const;

private:
    struct Shared;  // what nats.c's callbacks and the pool reach, outliving a late callback
    static void onRequest(__natsConnection*, __natsSubscription*, __natsMsg* msg,
                          void* shared) noexcept;
    static void onClosed(__natsConnection*, void* shared) noexcept;
    static void onComplete(void* shared) noexcept;

    ForwarderOptions options_;
    std::shared_ptr<Shared> shared_;
    __natsSubscription* sub_ = nullptr;
    std::unique_ptr<boost::asio::thread_pool> pool_;
};

}  // namespace agentdesk::server::cluster
