#include "server/calls/sip/re_thread.h"

#include <cstring>
#include <future>

#include <pthread.h>
#include <sys/resource.h>

#include "common/logging.h"
#include "server/calls/sip/re_includes.h"

namespace agentdesk::server::sip {

namespace {

// libre indexes its fd table by descriptor number and defaults to FD_SETSIZE (1024) slots; a
// few hundred calls need four sockets each, so the table follows the process's descriptor limit
// (raised to the hard limit when that is possible).
int descriptorSlots() {
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) != 0) {
        return 4096;
    }
    if (lim.rlim_cur < lim.rlim_max && lim.rlim_cur < 65536) {
        rlimit raised = lim;
        raised.rlim_cur = lim.rlim_max < 65536 ? lim.rlim_max : 65536;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0) {
            lim = raised;
        }
    }
    const rlim_t slots = lim.rlim_cur == RLIM_INFINITY ? 65536 : lim.rlim_cur;
    return static_cast<int>(slots > 65536 ? 65536 : (slots < 1024 ? 1024 : slots));
}

}  // namespace

ReThread::~ReThread() {
    join();
}

bool ReThread::start(Init init, Task fini, std::string* error) {
    join();
    std::promise<std::string> result;  // empty string: started
    std::future<std::string> outcome = result.get_future();
    thread_ = std::thread([this, init = std::move(init), fini = std::move(fini), &result]() {
        run(init, fini, result);
    });
    const std::string err = outcome.get();
    if (!err.empty()) {
        join();
        if (error) {
            *error = err;
        }
        return false;
    }
    return true;
}

bool ReThread::post(Task task) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!accepting_) {
        return false;
    }
    tasks_.push_back(std::move(task));
    // One wake-up message per batch, so the pipe behind the mqueue never fills up however many
    // commands are queued. The push happens under the lock: the re thread frees the mqueue only
    // after it stopped accepting.
    if (!wakePending_) {
        wakePending_ = true;
        const int err = mqueue_push(mq_, 0, nullptr);
        if (err != 0) {
            wakePending_ = false;
            agentdesk::logging::get("sip")->error("re thread: wake-up failed: {}",
                                                  std::strerror(err));
        }
    }
    return true;
}

void ReThread::onWake(int, void*, void* arg) {
    static_cast<ReThread*>(arg)->drain();
}

void ReThread::drain() {
    std::deque<Task> batch;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        batch.swap(tasks_);
        wakePending_ = false;
    }
    for (auto& task : batch) {
        task();
    }
}

void ReThread::quit() {
    re_cancel();
}

void ReThread::join() {
    if (thread_.joinable()) {
        thread_.join();
    }
}

void ReThread::run(const Init& init, const Task& fini, std::promise<std::string>& result) {
    pthread_setname_np(pthread_self(), "agentdesk-sip");  // for top -H and perf
    // A thread-local libre context: timers and the fd table of this loop belong to this thread
    // only, so several engines (tests) can live in one process.
    const int terr = re_thread_init();
    if (terr != 0) {
        result.set_value(std::string("re_thread_init: ") + std::strerror(terr));
        return;
    }
    int err = libre_init();
    if (err == 0) {
        err = fd_setsize(descriptorSlots());
    }
    ::mqueue* mq = nullptr;
    if (err == 0) {
        err = mqueue_alloc(&mq, &ReThread::onWake, this);
    }
    if (err != 0) {
        libre_close();
        re_thread_close();
        result.set_value(std::string("libre init: ") + std::strerror(err));
        return;
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        mq_ = mq;
        accepting_ = true;
    }
    std::string why;
    const bool ok = init(&why);
    if (ok) {
        result.set_value(std::string());  // `result` must not be touched after this
        err = re_main(nullptr);
        if (err != 0) {
            agentdesk::logging::get("sip")->error("re_main ended: {}", std::strerror(err));
        }
    }
    std::deque<Task> late;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        accepting_ = false;
        late.swap(tasks_);
        mq_ = nullptr;
    }
    // Commands that arrived while the loop was winding down still run (the engine answers
    // them as "stopping", e.g. a call placed now ends with Shutdown) rather than vanish.
    for (auto& task : late) {
        if (ok) {
            task();
        }
    }
    late.clear();
    fini();
    mem_deref(mq);
    libre_close();
    re_thread_close();
    if (!ok) {
        result.set_value(why.empty() ? std::string("engine init failed") : why);
    }
}

}  // namespace agentdesk::server::sip
