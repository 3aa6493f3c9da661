#pragma once
// Running a function on a QObject's thread through Qt's event queue: the one way results cross
// threads in crm/ (docs/architecture.md "Threads"). queueCall(context, fn) is
// QMetaObject::invokeMethod(context, fn, Qt::QueuedConnection), plus a note to ThreadSanitizer.
//
// Qt orders the building of the function on the posting thread before its run on the context's
// thread with a lock of its own (a futex inside libQt6Core). Qt is not instrumented, so TSan does
// not see that order and reports the first read of the function's captures as a data race
// whenever nothing else orders the two threads (seen with HttpTransport's results). In a TSan
// build the wrapper states the order itself: release where the function is built, acquire before
// it runs or is destroyed. In other builds it is just the function.
#include <utility>

#include <QMetaObject>
#include <QObject>

#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#endif

namespace agentdesk::crm {

namespace detail {

inline void tsanRelease([[maybe_unused]] void* address) {
#if defined(__SANITIZE_THREAD__)
    __tsan_release(address);
#endif
}

inline void tsanAcquire([[maybe_unused]] void* address) {
#if defined(__SANITIZE_THREAD__)
    __tsan_acquire(address);
#endif
}

// Qt moves the function into the slot object it queues: the last constructor to run is the one
// at the address that the receiving thread calls and destroys.
template <typename Fn>
class QueuedCall {
public:
    explicit QueuedCall(Fn fn) : fn_(std::move(fn)) { tsanRelease(this); }
    QueuedCall(const QueuedCall& other) : fn_(other.fn_) { tsanRelease(this); }
    QueuedCall(QueuedCall&& other) noexcept : fn_(std::move(other.fn_)) { tsanRelease(this); }
    QueuedCall& operator=(const QueuedCall&) = delete;
    QueuedCall& operator=(QueuedCall&&) = delete;
    ~QueuedCall() { tsanAcquire(this); }  // dropped unrun when the context goes first

    void operator()() {
        tsanAcquire(this);
        fn_();
    }

private:
    Fn fn_;
};

}  // namespace detail

// Runs fn on context's thread (the context must outlive the call or take it with it: Qt drops
// the queued call with its receiver).
template <typename Fn>
void queueCall(QObject* context, Fn fn) {
    QMetaObject::invokeMethod(context, detail::QueuedCall<Fn>(std::move(fn)), Qt::QueuedConnection);
}

}  // namespace agentdesk::crm
