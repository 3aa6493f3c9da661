#include "server/events/nats_event_bus.h"

#include <nats/nats.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <stdexcept>

#include "common/logging.h"

namespace agentdesk::server {

namespace {

constexpr const char* kTypeHeader = "AD-Type";
constexpr const char* kAudienceHeader = "AD-Audience";
constexpr const char* kToHeader = "AD-To";
constexpr const char* kOriginHeader = "AD-Origin";

std::string newOrigin() {
    std::random_device random;
    char text[24];
    std::snprintf(text, sizeof text, "%08x%08x", random(), random());
    return text;
}

const char* audienceName(Audience::Kind kind) {
    switch (kind) {
        case Audience::Kind::Everyone:
            return "everyone";
        case Audience::Kind::Agent:
            return "agent";
        case Audience::Kind::AgentOnly:
            return "agentOnly";
        case Audience::Kind::Supervisors:
            return "supervisors";
        case Audience::Kind::Skill:
            return "skill";
    }
    return "supervisors";
}

// An audience this node does not know (a newer node's) reaches the supervisors only: never a
// counselor who should not see it.
Audience::Kind audienceKind(std::string_view name) {
    if (name == "everyone")
        return Audience::Kind::Everyone;
    if (name == "agent")
        return Audience::Kind::Agent;
    if (name == "agentOnly")
        return Audience::Kind::AgentOnly;
    if (name == "skill")
        return Audience::Kind::Skill;
    return Audience::Kind::Supervisors;
}

std::string lastError(natsStatus status) {
    const char* detail = nats_GetLastError(nullptr);
    std::string text = natsStatus_GetText(status);
    if (detail && *detail && text != detail)
        text.append(": ").append(detail);
    return text;
}

[[noreturn]] void fail(const std::string& what, natsStatus status, jsErrCode code = jsErrCode(0)) {
    std::string message = what + ": " + lastError(status);
    if (code != 0)
        message += " (JetStream error " + std::to_string(static_cast<int>(code)) + ")";
    throw std::runtime_error(message);
}

std::string header(natsMsg* msg, const char* key) {
    const char* value = nullptr;
    return natsMsgHeader_Get(msg, key, &value) == NATS_OK && value ? value : "";
}

}  // namespace

NatsEventBus::NatsEventBus(NatsBusOptions options, Post postToIo)
    : options_(std::move(options)), post_(std::move(postToIo)), origin_(newOrigin()) {
    natsOptions* opts = nullptr;
    natsStatus s = natsOptions_Create(&opts);
    if (s == NATS_OK)
        s = natsOptions_SetURL(opts, options_.url.c_str());
    if (s == NATS_OK)
        s = natsOptions_SetName(opts, options_.clientName.c_str());
    if (s == NATS_OK)
        s = natsOptions_SetTimeout(opts, options_.timeout.count());
    // Reconnect for ever, quickly: a restarted nats-server is back within a second or two, and
    // what is published meanwhile waits in the reconnect buffer.
    if (s == NATS_OK)
        s = natsOptions_SetMaxReconnect(opts, -1);
    if (s == NATS_OK)
        s = natsOptions_SetReconnectWait(opts, 250);
    if (s == NATS_OK)
        s = natsOptions_SetReconnectBufSize(opts, 32 * 1024 * 1024);
    // A server that stopped answering without closing the connection is noticed in ~4 s.
    if (s == NATS_OK)
        s = natsOptions_SetPingInterval(opts, 2000);
    if (s == NATS_OK)
        s = natsOptions_SetMaxPingsOut(opts, 2);
    if (s == NATS_OK)
        s = natsOptions_SetDisconnectedCB(opts, &NatsEventBus::onDisconnected, this);
    if (s == NATS_OK)
        s = natsOptions_SetReconnectedCB(opts, &NatsEventBus::onReconnected, this);
    if (s == NATS_OK)
        s = natsOptions_SetClosedCB(opts, &NatsEventBus::onClosed, this);
    if (s == NATS_OK)
        s = natsConnection_Connect(&conn_, opts);
    natsOptions_Destroy(opts);
    if (s != NATS_OK)
        fail("cannot connect to NATS at " + options_.url, s);

    jsOptions jsOpts;
    jsOptions_Init(&jsOpts);
    jsOpts.Wait = options_.timeout.count();
    jsOpts.PublishAsync.ErrHandler = &NatsEventBus::onPublishFailed;
    jsOpts.PublishAsync.ErrHandlerClosure = this;
    jsOpts.PublishAsync.MaxPending = 65536;
    try {
        s = natsConnection_JetStream(&js_, conn_, &jsOpts);
        if (s != NATS_OK)
            fail("NATS JetStream", s);
        ensureStream();
    } catch (...) {
        stop();  // closes the connection and waits for its last callback
        throw;
    }
    stats_.connected = true;
}

NatsEventBus::~NatsEventBus() {
    stop();
}

void NatsEventBus::ensureStream() {
    jsStreamInfo* info = nullptr;
    jsErrCode code = jsErrCode(0);
    natsStatus s = js_GetStreamInfo(&info, js_, options_.stream.c_str(), nullptr, &code);
    if (s == NATS_OK) {
        jsStreamInfo_Destroy(info);
        return;
    }
    if (s != NATS_NOT_FOUND)
        fail("NATS stream " + options_.stream + " (is JetStream enabled: nats-server -js?)", s,
             code);
    jsStreamConfig config;
    jsStreamConfig_Init(&config);
    config.Name = options_.stream.c_str();
    const char* subjects[] = {options_.subject.c_str()};
    config.Subjects = subjects;
    config.SubjectsLen = 1;
    config.Storage = js_FileStorage;  // the log outlives a restart of nats-server
    config.MaxAge = std::chrono::duration_cast<std::chrono::nanoseconds>(options_.maxAge).count();
    code = jsErrCode(0);
    s = js_AddStream(&info, js_, &config, nullptr, &code);
    if (s != NATS_OK && code != JSStreamNameExistErr)  // another node made it meanwhile
        fail("cannot create the NATS stream " + options_.stream, s, code);
    jsStreamInfo_Destroy(info);
    logging::get("events")->info("created the NATS stream {} ({})", options_.stream,
                                 options_.subject);
}

NatsEventBus::Backlog NatsEventBus::start(Sink sink, std::function<void()> lost) {
    sink_ = std::move(sink);
    lost_ = std::move(lost);
    jsStreamInfo* info = nullptr;
    jsErrCode code = jsErrCode(0);
    natsStatus s = js_GetStreamInfo(&info, js_, options_.stream.c_str(), nullptr, &code);
    if (s != NATS_OK)
        fail("NATS stream " + options_.stream, s, code);
    const std::uint64_t first = info->State.FirstSeq, last = info->State.LastSeq;
    jsStreamInfo_Destroy(info);
    std::uint64_t from = last >= options_.warmEvents ? last - options_.warmEvents + 1 : 1;
    from = std::max<std::uint64_t>({from, first, 1});
    {
        // Nothing to take back when every event has expired (first = last + 1) or none was
        // ever published.
        std::lock_guard lock(mutex_);
        backlogEnd_ = from <= last ? last : 0;
    }
    jsSubOptions subOpts;
    jsSubOptions_Init(&subOpts);
    subOpts.Stream = options_.stream.c_str();
    subOpts.Ordered = true;  // no acks; a gap or a lost consumer is mended by the library
    subOpts.Config.DeliverPolicy = js_DeliverByStartSequence;
    subOpts.Config.OptStartSeq = from;
    s = js_Subscribe(&sub_, js_, options_.subject.c_str(), &NatsEventBus::onMessage, this, nullptr,
                     &subOpts, &code);
    if (s == NATS_OK)
        s = natsSubscription_SetPendingLimits(sub_, 1 << 20, 256 * 1024 * 1024);
    if (s != NATS_OK)
        fail("cannot subscribe to the NATS stream " + options_.stream, s, code);

    std::unique_lock lock(mutex_);
    const auto complete = [this] {
        return backlogEnd_ < 1 || (!backlog_.empty() && backlog_.back().id >= backlogEnd_);
    };
    if (!backlogArrived_.wait_for(lock, options_.timeout * 5, complete))
        throw std::runtime_error("the NATS stream " + options_.stream +
                                 " did not send its newest events in time");
    Backlog backlog;
    backlog.before = from - 1;
    backlog.events = std::move(backlog_);
    backlog_.clear();
    live_ = true;
    if (from > last)
        logging::get("events")->info("NATS stream {}: empty; events start at {}", options_.stream,
                                     from);
    else
        logging::get("events")->info("NATS stream {}: events {}..{} taken back, live from there",
                                     options_.stream, from, last);
    return backlog;
}

void NatsEventBus::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopped_)
            return;
        stopped_ = true;
        stats_.connected = false;
    }
    if (sub_) {
        // Draining waits until the handler has returned for the last message; a connection that
        // is down cannot drain, and its subscription has no message in flight to wait for.
        if (natsSubscription_Drain(sub_) == NATS_OK)
            natsSubscription_WaitForDrainCompletion(sub_, 2000);
        else
            natsSubscription_Unsubscribe(sub_);
        natsSubscription_Destroy(sub_);
        sub_ = nullptr;
    }
    if (js_) {
        jsPubOptions wait;
        jsPubOptions_Init(&wait);
        wait.MaxWait = 1000;  // the last events' acks
        js_PublishAsyncComplete(js_, &wait);
        jsCtx_Destroy(js_);
        js_ = nullptr;
    }
    if (conn_) {
        natsConnection_Close(conn_);
        {
            // Its callbacks run on a thread of nats.c's; the closed one comes last.
            std::unique_lock lock(mutex_);
            closedCv_.wait_for(lock, std::chrono::seconds(2), [this] { return closed_; });
        }
        natsConnection_Destroy(conn_);
        conn_ = nullptr;
    }
}

void NatsEventBus::publish(std::string_view type, std::string data, const Audience& audience) {
    natsMsg* msg = nullptr;
    natsStatus s = natsMsg_Create(&msg, options_.subject.c_str(), nullptr, data.data(),
                                  static_cast<int>(data.size()));
    const std::string typeText(type);
    if (s == NATS_OK)
        s = natsMsgHeader_Set(msg, kTypeHeader, typeText.c_str());
    if (s == NATS_OK)
        s = natsMsgHeader_Set(msg, kAudienceHeader, audienceName(audience.kind));
    if (s == NATS_OK && !audience.id.empty())
        s = natsMsgHeader_Set(msg, kToHeader, audience.id.c_str());
    const std::string origin = origin_ + ":" + std::to_string(++ownPublished_);
    if (s == NATS_OK)
        s = natsMsgHeader_Set(msg, kOriginHeader, origin.c_str());
    jsPubOptions pubOpts;
    jsPubOptions_Init(&pubOpts);
    pubOpts.MaxWait = options_.ackWait.count();  // without it a lost ack is never reported
    if (s == NATS_OK)
        s = js_PublishMsgAsync(js_, &msg, &pubOpts);
    natsMsg_Destroy(msg);  // null when the library took it
    std::lock_guard lock(mutex_);
    if (s == NATS_OK) {
        ++stats_.published;
        return;
    }
    ++stats_.publishFailures;
    logging::get("events")->error("event {} not published: {}", typeText, lastError(s));
    if (type == kBusResyncType) {
        resyncPending_ = false;  // the next lost event tries again
        return;
    }
    post_([self = std::weak_ptr<NatsEventBus*>(self_)] {
        if (const auto bus = self.lock())
            (*bus)->publishLost("not published");
    });
}

void NatsEventBus::publishLost(const std::string& why) {
    {
        std::lock_guard lock(mutex_);
        if (resyncPending_ || stopped_)
            return;
        resyncPending_ = true;
    }
    logging::get("events")->warn("an event was lost ({}); every node's streams resync", why);
    if (lost_)
        lost_();  // this node's streams at once, whether or not the bus carries the word
    publish(kBusResyncType, "{}", Audience::everyone());
}

void NatsEventBus::received(BusEvent event) {
    std::lock_guard lock(mutex_);
    if (stopped_)
        return;
    ++stats_.received;
    if (event.type == kBusResyncType)
        resyncPending_ = false;
    if (!live_) {
        backlog_.push_back(std::move(event));
        if (backlog_.back().id >= backlogEnd_)
            backlogArrived_.notify_all();
        return;
    }
    post_([sink = &sink_, self = std::weak_ptr<NatsEventBus*>(self_),
           event = std::move(event)]() mutable {
        if (self.lock())
            (*sink)(std::move(event));
    });
}

void NatsEventBus::onMessage(natsConnection*, natsSubscription*, natsMsg* msg,
                             void* self) noexcept {
    try {
        takeMessage(static_cast<NatsEventBus*>(self), msg);
    } catch (const std::exception& e) {
        // Out of memory: the event is gone, and the ids will show the gap.
        logging::get("events")->error("event not taken from NATS: {}", e.what());
    }
}

void NatsEventBus::takeMessage(NatsEventBus* bus, natsMsg* msg) {
    jsMsgMetaData* meta = nullptr;
    if (natsMsg_GetMetaData(&meta, msg) != NATS_OK) {
        natsMsg_Destroy(msg);  // a control message of the consumer (heartbeat, flow control)
        return;
    }
    BusEvent event;
    event.id = meta->Sequence.Stream;
    jsMsgMetaData_Destroy(meta);
    event.type = header(msg, kTypeHeader);
    event.audience.kind = audienceKind(header(msg, kAudienceHeader));
    event.audience.id = header(msg, kToHeader);
    event.data.assign(natsMsg_GetData(msg), static_cast<std::size_t>(natsMsg_GetDataLength(msg)));
    const std::string origin = header(msg, kOriginHeader);
    natsMsg_Destroy(msg);
    if (origin.size() > bus->origin_.size() + 1 &&
        origin.compare(0, bus->origin_.size(), bus->origin_) == 0 &&
        origin[bus->origin_.size()] == ':')
        event.ownSeq = std::strtoull(origin.c_str() + bus->origin_.size() + 1, nullptr, 10);
    if (event.type.empty())
        event.type = "unknown";  // not ours; it still takes its id, so no gap is seen
    bus->received(std::move(event));
}

void NatsEventBus::onPublishFailed(jsCtx*, jsPubAckErr* err, void* self) noexcept {
    auto* bus = static_cast<NatsEventBus*>(self);
    const std::string why = err->ErrText ? err->ErrText : natsStatus_GetText(err->Err);
    const bool wasResync = err->Msg && header(err->Msg, kTypeHeader) == kBusResyncType;
    std::lock_guard lock(bus->mutex_);
    ++bus->stats_.publishFailures;
    if (wasResync)
        bus->resyncPending_ = false;
    if (bus->stopped_)
        return;
    bus->post_([self = std::weak_ptr<NatsEventBus*>(bus->self_), why] {
        if (const auto b = self.lock())
            (*b)->publishLost(why);
    });
}

void NatsEventBus::onDisconnected(natsConnection*, void* self) noexcept {
    auto* bus = static_cast<NatsEventBus*>(self);
    std::lock_guard lock(bus->mutex_);
    if (bus->stopped_)
        return;
    bus->stats_.connected = false;
    logging::get("events")->warn("lost the connection to NATS; reconnecting");
}

void NatsEventBus::onReconnected(natsConnection*, void* self) noexcept {
    auto* bus = static_cast<NatsEventBus*>(self);
    std::lock_guard lock(bus->mutex_);
    if (bus->stopped_)
        return;
    bus->stats_.connected = true;
    ++bus->stats_.reconnects;
    logging::get("events")->info("connected to NATS again");
}

void NatsEventBus::onClosed(natsConnection*, void* self) noexcept {
    auto* bus = static_cast<NatsEventBus*>(self);
    std::lock_guard lock(bus->mutex_);
    bus->closed_ = true;
    bus->closedCv_.notify_all();
}

NatsEventBus::Stats NatsEventBus::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

}  // namespace agentdesk::server
