#include "server/calls/sip/sip_engine.h"

#include <atomic>
#include <mutex>
#include <utility>

#include "common/logging.h"
#include "server/calls/sip/engine_core.h"
#include "server/calls/sip/engine_counters.h"
#include "server/calls/sip/re_thread.h"

namespace agentdesk::server::sip {

class SipEngine::Impl {
public:
    Impl(SipConfig cfg, SipEngineListener& l, std::function<void(std::function<void()>)> p)
        : config(std::move(cfg)), listener(l), post(std::move(p)) {}

    // Hands a listener call to the listener's thread. The closure holds the listener, not
    // the engine: it may run after the engine is gone.
    void emit(std::function<void(SipEngineListener&)> f) {
        post([&l = listener, f = std::move(f)]() { f(l); });
    }

    // Runs `f` on the re thread with the core; false when the engine is not running.
    template <typename F>
    bool run(F&& f) {
        return thread.post([this, f = std::forward<F>(f)]() mutable {
            if (core) {
                f(*core);
            }
        });
    }

    void legNotPlaced(LegId leg) {
        LegEnded ended;
        ended.leg = leg;
        ended.reason = EndReason::Shutdown;
        ended.detail = "engine not running";
        emit([ended](SipEngineListener& l) { l.legEnded(ended); });
    }

    SipConfig config;
    SipEngineListener& listener;
    std::function<void(std::function<void()>)> post;
    EngineCounters counters;
    ReThread thread;
    std::unique_ptr<EngineCore> core;  // created, used and destroyed on the re thread
    std::atomic<LegId> nextLeg{1};
    std::atomic<std::uint64_t> nextPlay{1};
    std::atomic<std::uint16_t> port{0};
    std::mutex lifecycle;  // start()/stop()
    std::mutex accountsMutex;
    std::vector<PhoneAccount> accounts;  // the latest setAccounts(), applied again by start()
    bool started = false;
};

SipEngine::SipEngine(SipConfig config, SipEngineListener& listener,
                     std::function<void(std::function<void()>)> post)
    : impl_(std::make_unique<Impl>(std::move(config), listener, std::move(post))) {}

SipEngine::~SipEngine() {
    stop();
}

bool SipEngine::start(std::string* error) {
    std::lock_guard<std::mutex> lock(impl_->lifecycle);
    if (impl_->started) {
        return true;
    }
    Impl* d = impl_.get();
    const bool ok = d->thread.start(
        [d](std::string* err) {
            d->core = std::make_unique<EngineCore>(
                d->config, [d](auto f) { d->emit(std::move(f)); }, d->counters,
                [d]() { return d->nextLeg.fetch_add(1); });
            if (!d->core->start(err)) {
                return false;
            }
            {
                std::lock_guard<std::mutex> lock(d->accountsMutex);
                d->core->setAccounts(d->accounts);
            }
            d->port.store(d->core->port());
            return true;
        },
        [d]() { d->core.reset(); }, error);
    if (!ok) {
        agentdesk::logging::get("sip")->error("SIP engine did not start: {}",
                                              error ? *error : std::string());
        return false;
    }
    impl_->started = true;
    return true;
}

void SipEngine::stop() {
    std::lock_guard<std::mutex> lock(impl_->lifecycle);
    if (!impl_->started) {
        return;
    }
    Impl* d = impl_.get();
    d->thread.post([d]() {
        if (d->core) {
            d->core->shutdown([]() { ReThread::quit(); });
        } else {
            ReThread::quit();
        }
    });
    d->thread.join();
    d->started = false;
    d->port.store(0);
}

std::uint16_t SipEngine::sipPort() const {
    return impl_->port.load();
}

void SipEngine::setAccounts(std::vector<PhoneAccount> accounts) {
    // Kept for start(): the server may configure accounts before it starts the engine.
    {
        std::lock_guard<std::mutex> lock(impl_->accountsMutex);
        impl_->accounts = accounts;
    }
    impl_->run([a = std::move(accounts)](EngineCore& c) { c.setAccounts(a); });
}

void SipEngine::setStandby(bool standby) {
    impl_->run([standby](EngineCore& c) { c.setStandby(standby); });
}

LegId SipEngine::newLegId() {
    return impl_->nextLeg.fetch_add(1);
}

void SipEngine::answerInbound(LegId leg, std::string extraHeaders) {
    impl_->run([leg, h = std::move(extraHeaders)](EngineCore& c) { c.answerInbound(leg, h); });
}

void SipEngine::rejectInbound(LegId leg, int status, std::string reason) {
    impl_->run(
        [leg, status, r = std::move(reason)](EngineCore& c) { c.rejectInbound(leg, status, r); });
}

void SipEngine::callExtension(LegId leg, std::string extension, std::string fromUser,
                              std::string fromDisplay, bool autoAnswer) {
    const bool queued = impl_->run(
        [leg, e = std::move(extension), u = std::move(fromUser), n = std::move(fromDisplay),
         autoAnswer](EngineCore& c) { c.callExtension(leg, e, u, n, autoAnswer); });
    if (!queued) {
        impl_->legNotPlaced(leg);
    }
}

void SipEngine::callNumber(LegId leg, std::string e164OrUser, std::string fromUser) {
    const bool queued = impl_->run([leg, n = std::move(e164OrUser), u = std::move(fromUser)](
                                       EngineCore& c) { c.callNumber(leg, n, u); });
    if (!queued) {
        impl_->legNotPlaced(leg);
    }
}

void SipEngine::hangup(LegId leg) {
    impl_->run([leg](EngineCore& c) { c.hangup(leg); });
}

void SipEngine::setHears(LegId leg, std::vector<Hear> hears) {
    impl_->run(
        [leg, h = std::move(hears)](EngineCore& c) mutable { c.setHears(leg, std::move(h)); });
}

std::uint64_t SipEngine::play(LegId leg, std::vector<std::string> files, bool loop,
                              bool exclusive) {
    const std::uint64_t id = impl_->nextPlay.fetch_add(1);
    impl_->run([leg, id, f = std::move(files), loop, exclusive](EngineCore& c) mutable {
        c.play(leg, id, std::move(f), loop, exclusive);
    });
    return id;
}

void SipEngine::stopPlay(LegId leg) {
    impl_->run([leg](EngineCore& c) { c.stopPlay(leg); });
}

void SipEngine::sendDtmf(LegId leg, std::string digits) {
    impl_->run([leg, d = std::move(digits)](EngineCore& c) { c.sendDtmf(leg, d); });
}

void SipEngine::startRecording(std::uint64_t recId, LegId left, LegId right, std::string path) {
    impl_->run([recId, left, right, p = std::move(path)](EngineCore& c) {
        c.startRecording(recId, left, right, p);
    });
}

void SipEngine::setRecordingLegs(std::uint64_t recId, LegId left, LegId right) {
    impl_->run([recId, left, right](EngineCore& c) { c.setRecordingLegs(recId, left, right); });
}

void SipEngine::pauseRecording(std::uint64_t recId, bool paused) {
    impl_->run([recId, paused](EngineCore& c) { c.pauseRecording(recId, paused); });
}

void SipEngine::stopRecording(std::uint64_t recId) {
    impl_->run([recId](EngineCore& c) { c.stopRecording(recId); });
}

SipEngine::Stats SipEngine::stats() const {
    const EngineCounters& c = impl_->counters;
    Stats s;
    s.legs = c.legs.load();
    s.rtpSockets = c.rtpSockets.load();
    s.registrations = c.registrations.load();
    s.rtpIn = c.rtpIn.load();
    s.rtpOut = c.rtpOut.load();
    s.rtpLost = c.rtpLost.load();
    return s;
}

}  // namespace agentdesk::server::sip
