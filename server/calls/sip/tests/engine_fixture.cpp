#include "server/calls/sip/tests/engine_fixture.h"

#include <stdexcept>
#include <thread>

namespace agentdesk::server::sip::test {

EngineFixture::EngineFixture(SipConfig config) {
    io_ = std::thread([this] { ioLoop(); });
    engine_ = std::make_unique<SipEngine>(std::move(config), listener_,
                                          [this](std::function<void()> task) {
                                              std::lock_guard<std::mutex> lock(ioMutex_);
                                              ioTasks_.push_back(std::move(task));
                                              ioChanged_.notify_one();
                                          });
    std::string error;
    if (!engine_->start(&error)) {
        engine_.reset();
        {
            std::lock_guard<std::mutex> lock(ioMutex_);
            ioStop_ = true;
            ioChanged_.notify_one();
        }
        io_.join();
        throw std::runtime_error("engine did not start: " + error);
    }
}

EngineFixture::~EngineFixture() {
    engine_.reset();  // stop(): its last events are queued before it returns
    {
        std::lock_guard<std::mutex> lock(ioMutex_);
        ioStop_ = true;
        ioChanged_.notify_one();
    }
    io_.join();
}

void EngineFixture::ioLoop() {
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock<std::mutex> lock(ioMutex_);
            ioChanged_.wait(lock, [this] { return ioStop_ || !ioTasks_.empty(); });
            if (ioTasks_.empty()) {
                return;  // stopping, and everything queued has run
            }
            task = std::move(ioTasks_.front());
            ioTasks_.pop_front();
        }
        task();
    }
}

std::string EngineFixture::address() const {
    return "127.0.0.1:" + std::to_string(engine_->sipPort());
}

bool EngineFixture::waitIdle(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const SipEngine::Stats s = engine_->stats();
        if (s.legs == 0 && s.rtpSockets == 0) {
            return true;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        std::this_thread::sleep_for(20ms);
    }
}

}  // namespace agentdesk::server::sip::test
