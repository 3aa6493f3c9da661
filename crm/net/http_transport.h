#pragma once
// The client's only HTTP machinery: one network thread running a libcurl multi loop
// (docs/architecture.md). Plain requests and long-lived streams (the SSE event stream) share it.
//
// Threads and ownership:
// - send()/openStream()/cancel()/cancelAll() may be called from any thread; they queue work to
//   the network thread and wake it (curl_multi_wakeup).
// - Every request names a `context` QObject. Its handler runs on the context's thread through
//   QMetaObject::invokeMethod(context, ..., Qt::QueuedConnection): the one way results come
//   back. No handler runs after cancel() (called on the context's thread) has returned, and
//   none runs once the context is destroyed (its requests are cancelled then).
// - shutdown() (also run by the destructor) aborts every transfer and joins the thread;
//   handlers of aborted transfers are not called.
#include <chrono>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include "crm/net/api_error.h"

namespace agentdesk::crm {

struct TlsSettings {
    bool verifyPeer = true;  // turning it off is logged as a warning on every start
    QString caFile;          // PEM bundle to trust instead of the system store (a center's own CA)
};

struct HttpRequest {
    QByteArray method = "GET";
    QString url;
    std::vector<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    std::chrono::milliseconds timeout{15000};  // whole request; 0 = none (streams only)
    std::chrono::milliseconds connectTimeout{5000};

    // Replaces a header of that name (case-sensitive, as we write them) or adds it.
    void setHeader(const QByteArray& name, const QByteArray& value) {
        for (auto& header : headers) {
            if (header.first == name) {
                header.second = value;
                return;
            }
        }
        headers.emplace_back(name, value);
    }
};

struct HttpResponse {
    int status = 0;
    QByteArray body;
    QByteArray contentType;
};

using ResponseHandler = std::function<void(const HttpResponse&, const ApiError&)>;

// A stream is over when `closed` runs (always last, exactly once unless cancelled). A non-2xx
// answer never calls `opened`; its body is read whole and reported by `closed` as an Http error.
struct StreamHandlers {
    std::function<void(int status)> opened;
    std::function<void(const QByteArray& chunk)> data;
    std::function<void(const ApiError& error)> closed;  // ok() when the server ended it cleanly
};

struct StreamOptions {
    // A stream that delivers fewer than 1 byte/s for this long is dead (server heartbeat 10 s,
    // API maximum 15 s): the transfer fails with a timeout and the owner reconnects.
    std::chrono::seconds lowSpeedTime{25};
};

class HttpTransport {
public:
    using RequestId = quint64;

    explicit HttpTransport(TlsSettings tls = {});
    ~HttpTransport();
    HttpTransport(const HttpTransport&) = delete;
    HttpTransport& operator=(const HttpTransport&) = delete;

    RequestId send(HttpRequest request, QObject* context, ResponseHandler handler);
    RequestId openStream(HttpRequest request, StreamOptions options, QObject* context,
                         StreamHandlers handlers);
    void cancel(RequestId id);
    void cancelAll(QObject* context);
    void shutdown();

    // For tests and diagnostics: transfers in flight on the network thread, and transfers that
    // ended there (their result posted to the context, or nothing to post) since the start.
    int activeTransfers() const;
    quint64 finishedTransfers() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace agentdesk::crm
