#include "crm/net/http_transport.h"

#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include <curl/curl.h>
#include <QMetaObject>

#include "common/logging.h"
#include "common/version.h"
#include "crm/net/delivery_gate.h"

namespace agentdesk::crm {

namespace {

constexpr qsizetype kMaxBodyBytes = 64 * 1024 * 1024;

std::shared_ptr<spdlog::logger> netLog() {
    static auto log = logging::get("net");
    return log;
}

bool isSuccess(long status) {
    return status >= 200 && status < 300;
}

}  // namespace

struct Transfer {
    HttpTransport::RequestId id = 0;
    QObject* context = nullptr;
    std::shared_ptr<DeliveryGate> gate;  // closed by cancel(), which destroying the context calls
    HttpRequest request;
    bool isStream = false;
    StreamOptions streamOptions;
    ResponseHandler onResponse;
    StreamHandlers stream;

    CURL* easy = nullptr;
    curl_slist* headerList = nullptr;
    QByteArray body;
    QByteArray contentType;
    long status = 0;
    bool streaming = false;  // a 2xx stream whose bytes go to stream.data as they arrive
    std::chrono::steady_clock::time_point queued;   // send() on the caller's thread
    std::chrono::steady_clock::time_point started;  // handed to libcurl on the network thread
    char errorBuffer[CURL_ERROR_SIZE] = {};

    ~Transfer() {
        if (headerList)
            curl_slist_free_all(headerList);
        if (easy)
            curl_easy_cleanup(easy);
    }

    // Runs fn on the context's thread unless the request is cancelled before it runs.
    void post(std::function<void()> fn) const { gate->post(std::move(fn)); }
};

struct HttpTransport::Impl {
    struct Live {
        QObject* context = nullptr;
        std::shared_ptr<DeliveryGate> gate;
        QMetaObject::Connection contextGone;
        bool finished = false;  // off the network thread; its result may still be queued
    };

    TlsSettings tls;
    CURLM* multi = nullptr;
    std::thread thread;

    mutable std::mutex mutex;  // guards everything up to `stopping`
    std::vector<std::unique_ptr<Transfer>> incoming;
    std::vector<RequestId> cancels;
    std::unordered_map<RequestId, Live> live;
    bool stopping = false;
    bool stopped = false;

    std::atomic<RequestId> nextId{1};
    std::atomic<int> activeCount{0};
    std::atomic<quint64> finishedCount{0};
    std::unordered_map<RequestId, std::unique_ptr<Transfer>> active;  // network thread only

    RequestId enqueue(std::unique_ptr<Transfer> transfer);
    void cancel(RequestId id);
    void run();
    void start(Transfer& t);
    void finish(Transfer& t, CURLcode result);
    void forget(RequestId id);

    static size_t onHeader(char* data, size_t size, size_t count, void* user);
    static size_t onWrite(char* data, size_t size, size_t count, void* user);
};

HttpTransport::HttpTransport(TlsSettings tls) : impl_(std::make_unique<Impl>()) {
    impl_->tls = std::move(tls);
    if (!impl_->tls.verifyPeer)
        netLog()->warn("TLS certificate verification is OFF by configuration");
    if (!impl_->tls.caFile.isEmpty())
        netLog()->warn("trusting the CA bundle {} instead of the system store",
                       impl_->tls.caFile.toStdString());
    impl_->multi = curl_multi_init();
    impl_->thread = std::thread([impl = impl_.get()] { impl->run(); });
}

HttpTransport::~HttpTransport() {
    shutdown();
}

HttpTransport::RequestId HttpTransport::send(HttpRequest request, QObject* context,
                                             ResponseHandler handler) {
    auto t = std::make_unique<Transfer>();
    t->context = context;
    t->gate = std::make_shared<DeliveryGate>(context);
    t->request = std::move(request);
    t->onResponse = std::move(handler);
    return impl_->enqueue(std::move(t));
}

HttpTransport::RequestId HttpTransport::openStream(HttpRequest request, StreamOptions options,
                                                   QObject* context, StreamHandlers handlers) {
    auto t = std::make_unique<Transfer>();
    t->context = context;
    t->gate = std::make_shared<DeliveryGate>(context);
    t->request = std::move(request);
    t->request.timeout = std::chrono::milliseconds(0);
    t->isStream = true;
    t->streamOptions = options;
    t->stream = std::move(handlers);
    return impl_->enqueue(std::move(t));
}

void HttpTransport::cancel(RequestId id) {
    impl_->cancel(id);
}

void HttpTransport::cancelAll(QObject* context) {
    std::vector<RequestId> ids;
    {
        std::lock_guard lock(impl_->mutex);
        for (const auto& [id, live] : impl_->live) {
            if (live.context == context)
                ids.push_back(id);
        }
    }
    for (RequestId id : ids)
        impl_->cancel(id);
}

int HttpTransport::activeTransfers() const {
    return impl_->activeCount.load();
}

quint64 HttpTransport::finishedTransfers() const {
    return impl_->finishedCount.load();
}

void HttpTransport::shutdown() {
    {
        std::lock_guard lock(impl_->mutex);
        if (impl_->stopped)
            return;
        impl_->stopping = true;
        for (auto& [id, live] : impl_->live)
            live.gate->close();
    }
    curl_multi_wakeup(impl_->multi);
    if (impl_->thread.joinable())
        impl_->thread.join();
    std::lock_guard lock(impl_->mutex);
    for (auto& [id, live] : impl_->live)
        QObject::disconnect(live.contextGone);
    impl_->live.clear();
    impl_->incoming.clear();
    curl_multi_cleanup(impl_->multi);
    impl_->multi = nullptr;
    impl_->stopped = true;
}

HttpTransport::RequestId HttpTransport::Impl::enqueue(std::unique_ptr<Transfer> t) {
    Q_ASSERT(t->context);
    const RequestId id = nextId++;
    t->id = id;
    t->queued = std::chrono::steady_clock::now();
    Live entry{t->context, t->gate, {}};
    // A context that goes away takes its requests with it, so no result is posted to a dead
    // object. The connection runs in the destroying thread, before the object is gone.
    entry.contextGone =
        QObject::connect(t->context, &QObject::destroyed, [this, id] { cancel(id); });
    {
        std::lock_guard lock(mutex);
        if (stopping) {
            QObject::disconnect(entry.contextGone);
            return id;  // shutting down: the request is dropped silently
        }
        live.emplace(id, std::move(entry));
        incoming.push_back(std::move(t));
    }
    curl_multi_wakeup(multi);
    return id;
}

void HttpTransport::Impl::cancel(RequestId id) {
    {
        std::lock_guard lock(mutex);
        auto it = live.find(id);
        if (it == live.end())
            return;
        it->second.gate->close();
        if (stopping)
            return;
        cancels.push_back(id);
    }
    curl_multi_wakeup(multi);
}

void HttpTransport::Impl::forget(RequestId id) {
    std::lock_guard lock(mutex);
    auto it = live.find(id);
    if (it == live.end())
        return;
    QObject::disconnect(it->second.contextGone);
    // The result may still wait in the context's event queue, and cancel() must reach it there
    // (a superseded search whose answer is already queued). So the entry stays until nothing
    // but this map holds its gate: the posted result has run, or was dropped with its
    // context.
    it->second.finished = true;
    std::erase_if(live, [](const auto& entry) {
        return entry.second.finished && entry.second.gate.use_count() == 1;
    });
}

void HttpTransport::Impl::run() {
    std::vector<std::unique_ptr<Transfer>> added;
    std::vector<RequestId> removed;
    for (;;) {
        {
            std::lock_guard lock(mutex);
            if (stopping)
                break;
            added.swap(incoming);
            removed.swap(cancels);
        }
        for (auto& t : added) {
            Transfer& ref = *t;
            active.emplace(ref.id, std::move(t));
            start(ref);
        }
        added.clear();
        for (RequestId id : removed) {
            auto it = active.find(id);
            if (it == active.end())
                continue;  // already finished, or cancelled before it started
            curl_multi_remove_handle(multi, it->second->easy);
            netLog()->debug("{} {} cancelled", it->second->request.method.constData(),
                            it->second->request.url.toStdString());
            active.erase(it);
            forget(id);
        }
        removed.clear();
        activeCount = static_cast<int>(active.size());

        int running = 0;
        curl_multi_perform(multi, &running);
        int queued = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi, &queued)) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            Transfer* t = nullptr;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
            const CURLcode result = msg->data.result;
            curl_multi_remove_handle(multi, msg->easy_handle);
            if (t) {
                const RequestId id = t->id;
                finish(*t, result);
                active.erase(id);
                forget(id);
                ++finishedCount;
            }
        }
        activeCount = static_cast<int>(active.size());
        curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
    }
    for (auto& [id, t] : active)
        curl_multi_remove_handle(multi, t->easy);
    active.clear();
    activeCount = 0;
}

void HttpTransport::Impl::start(Transfer& t) {
    t.started = std::chrono::steady_clock::now();
    t.easy = curl_easy_init();
    CURL* e = t.easy;
    const QByteArray url = t.request.url.toUtf8();
    curl_easy_setopt(e, CURLOPT_URL, url.constData());
    curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t.errorBuffer);
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
    static const std::string userAgent = std::string("agentdesk/") + kVersion;
    curl_easy_setopt(e, CURLOPT_USERAGENT, userAgent.c_str());
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(t.request.connectTimeout.count()));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(t.request.timeout.count()));
    if (t.isStream) {
        curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME,
                         static_cast<long>(t.streamOptions.lowSpeedTime.count()));
    }
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, tls.verifyPeer ? 1L : 0L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, tls.verifyPeer ? 2L : 0L);
    if (!tls.caFile.isEmpty()) {
        const QByteArray ca = tls.caFile.toLocal8Bit();
        curl_easy_setopt(e, CURLOPT_CAINFO, ca.constData());  // libcurl copies strings
    }

    if (t.request.method == "GET") {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, t.request.method.constData());
        if (!t.request.body.isEmpty() || t.request.method == "POST" || t.request.method == "PUT" ||
            t.request.method == "PATCH") {
            curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, static_cast<long>(t.request.body.size()));
            curl_easy_setopt(e, CURLOPT_COPYPOSTFIELDS, t.request.body.constData());
        }
    }
    // "Expect:" turns off curl's 100-continue wait on larger bodies.
    t.headerList = curl_slist_append(t.headerList, "Expect:");
    for (const auto& [name, value] : t.request.headers) {
        const QByteArray line = name + ": " + value;
        t.headerList = curl_slist_append(t.headerList, line.constData());
    }
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t.headerList);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Impl::onHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Impl::onWrite);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
    curl_multi_add_handle(multi, e);
}

size_t HttpTransport::Impl::onHeader(char* data, size_t size, size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const size_t n = size * count;
    const QByteArray line = QByteArray(data, static_cast<qsizetype>(n)).trimmed();
    if (line.isEmpty()) {
        long status = 0;
        curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
        if (status >= 200) {  // the final answer, not a 1xx
            t.status = status;
            if (t.isStream && isSuccess(status)) {
                t.streaming = true;
                if (t.stream.opened) {
                    const int s = static_cast<int>(status);
                    t.post([fn = t.stream.opened, s] { fn(s); });
                }
            }
        }
    } else if (line.size() > 13 && line.left(13).toLower() == "content-type:") {
        t.contentType = line.mid(13).trimmed();
    }
    return n;
}

size_t HttpTransport::Impl::onWrite(char* data, size_t size, size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const size_t n = size * count;
    if (t.streaming) {
        if (t.stream.data) {
            QByteArray chunk(data, static_cast<qsizetype>(n));
            t.post([fn = t.stream.data, chunk = std::move(chunk)] { fn(chunk); });
        }
        return n;
    }
    if (t.body.size() + static_cast<qsizetype>(n) > kMaxBodyBytes)
        return 0;  // CURLE_WRITE_ERROR: an answer this large is not one of ours
    t.body.append(data, static_cast<qsizetype>(n));
    return n;
}

void HttpTransport::Impl::finish(Transfer& t, CURLcode result) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - t.started)
                        .count();
    ApiError error;
    if (result != CURLE_OK) {
        const QString text =
            QString::fromUtf8(t.errorBuffer[0] ? t.errorBuffer : curl_easy_strerror(result));
        error = ApiError::transport(result, text);
    } else if (!isSuccess(t.status)) {
        error = ApiError::http(static_cast<int>(t.status), t.body);
    }
    const std::string what = t.request.method.toStdString() + " " + t.request.url.toStdString();
    if (error.ok()) {
        // Where a slow request's time went: waiting for the network thread, then libcurl's
        // phases from the hand-over (connected and request about to go out; first byte back).
        curl_off_t sentUs = 0, firstByteUs = 0;
        curl_easy_getinfo(t.easy, CURLINFO_PRETRANSFER_TIME_T, &sentUs);
        curl_easy_getinfo(t.easy, CURLINFO_STARTTRANSFER_TIME_T, &firstByteUs);
        const double waitedMs =
            std::chrono::duration<double, std::milli>(t.started - t.queued).count();
        netLog()->debug(
            "{} → {} in {} ms (queued {:.1f} ms, sending at {:.1f} ms, first byte at "
            "{:.1f} ms)",
            what, t.status, ms, waitedMs, double(sentUs) / 1000.0, double(firstByteUs) / 1000.0);
    } else if (error.kind == ApiError::Kind::Transport) {
        netLog()->info("{} failed after {} ms: {}", what, ms, error.describe().toStdString());
    } else {
        netLog()->debug("{} → {}", what, error.describe().toStdString());
    }

    if (t.isStream) {
        if (t.stream.closed)
            t.post([fn = t.stream.closed, error] { fn(error); });
        return;
    }
    if (t.onResponse) {
        HttpResponse response;
        response.status = static_cast<int>(t.status);
        response.body = std::move(t.body);
        response.contentType = std::move(t.contentType);
        t.post([fn = t.onResponse, response = std::move(response), error] { fn(response, error); });
    }
}

}  // namespace agentdesk::crm
