#pragma once
// "Deliver to this context on its thread unless it is gone": the one helper through which
// results cross threads in crm/ (HttpTransport's answers, LocalStore's results).
//
// A DeliveryGate belongs to one context QObject and is shared (std::shared_ptr) between the
// thread that produces results and the context's thread. post(fn) queues fn to the context's
// thread; fn runs only if the gate is open both when it is posted and when it runs. close()
// shuts it for good: called on the context's thread, no posted function runs after it returns
// (one running meanwhile on another thread cannot exist: they all run on the context's thread).
//
// Whoever closes the gate when the context is destroyed must do it from the context's
// destroyed() signal, which runs before the object is freed, so nothing is ever posted to a
// dead object: closeOnDestroyed() connects exactly that.
#include <functional>
#include <memory>
#include <mutex>

#include <QObject>

#include "crm/net/queued_call.h"

namespace agentdesk::crm {

class DeliveryGate : public std::enable_shared_from_this<DeliveryGate> {
public:
    explicit DeliveryGate(QObject* context) : context_(context) {}
    ~DeliveryGate() { QObject::disconnect(destroyedConnection_); }
    DeliveryGate(const DeliveryGate&) = delete;
    DeliveryGate& operator=(const DeliveryGate&) = delete;

    // A gate that closes itself when the context is destroyed.
    static std::shared_ptr<DeliveryGate> closeOnDestroyed(QObject* context) {
        auto gate = std::make_shared<DeliveryGate>(context);
        gate->destroyedConnection_ = QObject::connect(context, &QObject::destroyed,
                                                      [weak = std::weak_ptr<DeliveryGate>(gate)] {
                                                          if (auto g = weak.lock())
                                                              g->close();
                                                      });
        return gate;
    }

    QObject* context() const { return context_; }

    bool isOpen() const {
        std::lock_guard lock(mutex_);
        return open_;
    }

    void close() {
        std::lock_guard lock(mutex_);
        open_ = false;
    }

    // Runs fn on the context's thread unless the gate is closed before it runs.
    void post(std::function<void()> fn) {
        std::lock_guard lock(mutex_);
        if (!open_)
            return;
        queueCall(context_, [gate = shared_from_this(), fn = std::move(fn)] {
            if (gate->isOpen())
                fn();
        });
    }

private:
    mutable std::mutex mutex_;
    QObject* context_;
    bool open_ = true;
    QMetaObject::Connection destroyedConnection_;
};

}  // namespace agentdesk::crm
