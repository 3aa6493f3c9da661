#include "server/cluster/acd_forwarder.h"

#include <nats/nats.h>

#include <stdexcept>

#include <boost/asio/post.hpp>

#include "common/logging.h"

namespace agentdesk::server::cluster {

struct AcdForwarder::Shared : std::enable_shared_from_this<AcdForwarder::Shared> {
    Post post;
    mutable std::mutex mutex;
    std::condition_variable closedCv;
    natsConnection* conn = nullptr;  // null once stopping: late replies are dropped
    bool closed = false;
    Serve serve;  // the owner's handler, while serving
    Stats stats;
};

namespace {

[[noreturn]] void fail(const std::string& what, natsStatus s) {
    throw std::runtime_error(what + ": " + natsStatus_GetText(s));
}

// An answer the node could not produce: the forwarding node passes it on as it is.
ForwardedAnswer errorAnswer(int status, const std::string& code, const std::string& message) {
    ForwardedAnswer a;
    a.response.status = status;
    a.response.body = R"({"error":{"code":")" + code + R"(","message":")" + message + R"("}})";
    return a;
}

}  // namespace

AcdForwarder::AcdForwarder(ForwarderOptions options, Post postToIo)
    : options_(std::move(options)), shared_(std::make_shared<Shared>()) {
    shared_->post = std::move(postToIo);
    natsOptions* opts = nullptr;
    natsStatus s = natsOptions_Create(&opts);
    if (s == NATS_OK)
        s = natsOptions_SetURL(opts, options_.url.c_str());
    if (s == NATS_OK)
        s = natsOptions_SetName(opts, (options_.clientName + " (ACD requests)").c_str());
    if (s == NATS_OK)
        s = natsOptions_SetTimeout(opts, 2000);
    if (s == NATS_OK)
        s = natsOptions_SetMaxReconnect(opts, -1);
    if (s == NATS_OK)
        s = natsOptions_SetReconnectWait(opts, 250);
    if (s == NATS_OK)
        s = natsOptions_SetPingInterval(opts, 2000);
    if (s == NATS_OK)
        s = natsOptions_SetMaxPingsOut(opts, 2);
    // The closed callback owns a reference to what it touches, dropped when it runs (it may
    // come after stop() gave up waiting for it).
    auto* closedRef = new std::shared_ptr<Shared>(shared_);
    if (s == NATS_OK)
        s = natsOptions_SetClosedCB(opts, &AcdForwarder::onClosed, closedRef);
    natsConnection* conn = nullptr;
    if (s == NATS_OK)
        s = natsConnection_Connect(&conn, opts);
    natsOptions_Destroy(opts);
    if (s != NATS_OK) {
        delete closedRef;  // no connection, no callback
        fail("cannot connect to NATS at " + options_.url, s);
    }
    shared_->conn = conn;
    pool_ = std::make_unique<boost::asio::thread_pool>(options_.threads);
}

AcdForwarder::~AcdForwarder() {
    stop();
}

void AcdForwarder::serve(Serve serve) {
    {
        std::lock_guard lock(shared_->mutex);
        shared_->serve = std::move(serve);
    }
    if (sub_ || !shared_->conn)
        return;
    // The subscription's callbacks own a reference, dropped when nats.c says it is complete: a
    // message may still be in its handler after Unsubscribe returns.
    auto* ref = new std::shared_ptr<Shared>(shared_);
    natsStatus s = natsConnection_Subscribe(&sub_, shared_->conn, options_.subject.c_str(),
                                            &AcdForwarder::onRequest, ref);
    if (s == NATS_OK)
        s = natsSubscription_SetOnCompleteCB(sub_, &AcdForwarder::onComplete, ref);
    if (s != NATS_OK) {
        if (sub_) {
            natsSubscription_Unsubscribe(sub_);
            natsSubscription_Destroy(sub_);
        } else {
            delete ref;
        }
        sub_ = nullptr;  // (a subscription that was made keeps ref until it completes)
        fail("cannot listen on " + options_.subject, s);
    }
    // The subscription reaches nats-server before this node says it runs the ACD.
    natsConnection_FlushTimeout(shared_->conn, 1000);
}

void AcdForwarder::stopServing() {
    {
        std::lock_guard lock(shared_->mutex);
        shared_->serve = nullptr;  // a request delivered meanwhile is not answered
    }
    if (sub_) {
        natsSubscription_Unsubscribe(sub_);
        natsSubscription_Destroy(sub_);
        sub_ = nullptr;
    }
}

void AcdForwarder::forward(const http::Request& request, Done done) {
    if (!pool_)
        return;  // stopped: the server is going away
    auto data = std::make_shared<std::string>(encodeForwardedRequest(request));
    if (shared_->conn &&
        static_cast<std::int64_t>(data->size()) > natsConnection_GetMaxPayload(shared_->conn)) {
        return done(Outcome::TooLarge, std::nullopt);
    }
    const std::string subject = options_.subject;
    const auto timeout = options_.timeout;
    const auto queued = std::chrono::steady_clock::now();
    boost::asio::post(*pool_, [shared = shared_, data, subject, timeout, queued,
                               done = std::move(done)] {
        natsMsg* reply = nullptr;
        natsStatus s = NATS_CONNECTION_CLOSED;
        // Waited too long for a thread (the owner is slow to answer the ones before): never
        // sent, so the client may safely try again.
        const bool stale = std::chrono::steady_clock::now() - queued > timeout;
        {
            std::unique_lock lock(shared->mutex);
            natsConnection* conn = shared->conn;
            ++shared->stats.forwarded;
            lock.unlock();
            // The connection stays open until the pool has joined (stop()).
            if (conn && !stale)
                s = natsConnection_Request(&reply, conn, subject.c_str(), data->data(),
                                           static_cast<int>(data->size()),
                                           static_cast<std::int64_t>(timeout.count()));
        }
        std::optional<ForwardedAnswer> answer;
        if (s == NATS_OK)
            answer = decodeForwardedAnswer(std::string_view(
                natsMsg_GetData(reply), static_cast<std::size_t>(natsMsg_GetDataLength(reply))));
        natsMsg_Destroy(reply);
        // No answer after the request went out: the owner may have done it (504, no retry
        // advised); never sent or nobody listening: 503, try again.
        const Outcome outcome = answer                          ? Outcome::Answered
                                : (s == NATS_TIMEOUT && !stale) ? Outcome::TimedOut
                                                                : Outcome::NoOwner;
        {
            std::lock_guard lock(shared->mutex);
            if (outcome == Outcome::Answered)
                ++shared->stats.answered;
            else if (outcome == Outcome::TimedOut)
                ++shared->stats.timedOut;
            else
                ++shared->stats.noOwner;
            if (!shared->conn)
                return;  // stopping
        }
        if (outcome == Outcome::TimedOut)
            logging::get("cluster")->warn("a forwarded request got no answer from the ACD's node");
        shared->post([done, outcome, answer = std::move(answer)]() mutable {
            done(outcome, std::move(answer));
        });
    });
}

void AcdForwarder::onComplete(void* closure) noexcept {
    delete static_cast<std::shared_ptr<Shared>*>(closure);
}

void AcdForwarder::onRequest(natsConnection*, natsSubscription*, natsMsg* msg,
                             void* closure) noexcept {
    Shared* shared = static_cast<std::shared_ptr<Shared>*>(closure)->get();
    const char* replyTo = natsMsg_GetReply(msg);
    std::optional<http::Request> request;
    try {
        if (replyTo)
            request = decodeForwardedRequest(std::string_view(
                natsMsg_GetData(msg), static_cast<std::size_t>(natsMsg_GetDataLength(msg))));
    } catch (...) {
        request.reset();
    }
    std::string inbox = replyTo ? replyTo : "";
    natsMsg_Destroy(msg);
    if (inbox.empty())
        return;
    std::shared_ptr<Shared> self;
    {
        std::lock_guard lock(shared->mutex);
        if (!shared->conn || !shared->serve)
            return;  // not serving: the forwarding node times out, or another node answers
        ++shared->stats.served;
        self = shared->shared_from_this();
    }
    // Sent through the connection while it is open; a reply after stop() is dropped.
    Reply reply = [self, inbox](ForwardedAnswer answer) {
        std::string data = encodeForwardedAnswer(answer);
        std::lock_guard lock(self->mutex);
        if (!self->conn)
            return;
        if (static_cast<std::int64_t>(data.size()) > natsConnection_GetMaxPayload(self->conn))
            data = encodeForwardedAnswer(
                errorAnswer(502, "too_large", "the answer is too large to forward between nodes"));
        natsConnection_Publish(self->conn, inbox.c_str(), data.data(),
                               static_cast<int>(data.size()));
    };
    if (!request) {
        reply(errorAnswer(400, "bad_request", "malformed forwarded request"));
        return;
    }
    self->post([self, request = std::move(*request), reply]() mutable {
        Serve serve;
        {
            std::lock_guard lock(self->mutex);
            serve = self->serve;
        }
        if (serve)
            serve(std::move(request), std::move(reply));
    });
}

void AcdForwarder::onClosed(natsConnection*, void* closure) noexcept {
    auto* ref = static_cast<std::shared_ptr<Shared>*>(closure);
    {
        std::lock_guard lock((*ref)->mutex);
        (*ref)->closed = true;
        (*ref)->closedCv.notify_all();
    }
    delete ref;
}

void AcdForwarder::stop() {
    if (!pool_)
        return;
    stopServing();
    pool_->join();  // every forward() has had its answer or timed out
    pool_.reset();
    natsConnection* conn = nullptr;
    {
        std::lock_guard lock(shared_->mutex);
        conn = shared_->conn;
        shared_->conn = nullptr;
    }
    if (conn) {
        natsConnection_Close(conn);
        {
            std::unique_lock lock(shared_->mutex);
            shared_->closedCv.wait_for(lock, std::chrono::seconds(2),
                                       [this] { return shared_->closed; });
        }
        natsConnection_Destroy(conn);
    }
}

AcdForwarder::Stats AcdForwarder::stats() const {
    std::lock_guard lock(shared_->mutex);
    return shared_->stats;
}

}  // namespace agentdesk::server::cluster
