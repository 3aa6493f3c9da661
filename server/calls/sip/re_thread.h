#pragma once
// The one thread that owns libre: it runs re_main() and executes closures posted from other
// threads, which reach it only through a libre mqueue (libre itself is not thread-safe).
//
// Threads: start()/join() from the owning thread; post() from any thread; everything else
// (quit()) only on the re thread.
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>

struct mqueue;

namespace agentdesk::server::sip {

class ReThread {
public:
    using Task = std::function<void()>;
    // Runs on the re thread once libre is ready; false + reason aborts the start.
    using Init = std::function<bool(std::string* error)>;

    ReThread() = default;
    ~ReThread();  // joins; the loop must have been quit
    ReThread(const ReThread&) = delete;
    ReThread& operator=(const ReThread&) = delete;

    // Starts the thread, runs `init` there and waits for its result. `fini` runs on the re
    // thread after the loop has quit (or after a failed init), before libre is closed.
    bool start(Init init, Task fini, std::string* error);
    // Queues a task; false once the loop has quit (the task is dropped).
    bool post(Task task);
    void join();

    // On the re thread: leaves re_main() after the current handler returns.
    static void quit();

private:
    void run(const Init& init, const Task& fini, std::promise<std::string>& result);
    void drain();
    static void onWake(int id, void* data, void* arg);

    mutable std::mutex mutex_;
    std::deque<Task> tasks_;
    bool wakePending_ = false;
    bool accepting_ = false;
    ::mqueue* mq_ = nullptr;
    std::thread thread_;
};

}  // namespace agentdesk::server::sip
