#include "tests/sip/support/loop_phone.h"

#include <cstring>
#include <future>
#include <list>
#include <stdexcept>

#include "server/calls/sip/re_includes.h"
#include "server/calls/sip/re_thread.h"
#include "server/calls/sip/sdp_offer.h"

namespace agentdesk::siptest {

namespace rs = agentdesk::server::sip;

namespace {

constexpr const char* kSdp = "application/sdp";
constexpr std::uint64_t kPacketMs = 20;
constexpr std::size_t kSamples = 160;  // 20 ms of 8 kHz G.711

bool hasSdp(const sip_msg* msg) {
    return mbuf_get_left(msg->mb) > 0 && msg_ctype_cmp(&msg->ctyp, "application", "sdp");
}

std::string header(const sip_msg* msg, sip_hdrid id) {
    const sip_hdr* h = sip_msg_hdr(msg, id);
    return h ? rs::plString(h->val) : std::string();
}

}  // namespace

struct LoopSession {
    LoopPhone::Impl* impl = nullptr;
    sipsess* sess = nullptr;
    struct rtp_sock* rtp = nullptr;
    rs::SdpOffer sdp;
    bool haveRemote = false;
    bool outbound = false;
    bool ringing = false;
    bool up = false;
    bool ended = false;
    bool marker = true;
    std::uint32_t ts = 0;
    ~LoopSession() {
        mem_deref(sess);  // BYE / CANCEL / final response when still alive
        mem_deref(rtp);
    }
};

class LoopPhone::Impl {
public:
    explicit Impl(LoopPhone& owner) : owner_(owner) { tmr_init(&tick_); }
    ~Impl() {
        tmr_cancel(&tick_);
        sessions_.clear();
        mem_deref(reg_);
        mem_deref(sock_);
        if (sip_) {
            sip_close(sip_, true);
            mem_deref(sip_);
        }
    }

    int init(const LoopPhoneOptions& o) {
        options_ = o;
        sa laddr{};
        sa_set_str(&laddr, "127.0.0.1", 0);
        int err = sip_alloc(&sip_, nullptr, 32, 32, 32, "AgentDesk test phone", nullptr, nullptr);
        err = err ? err : sip_transp_add(sip_, SIP_TRANSP_UDP, &laddr);
        err = err ? err : sip_transp_laddr(sip_, &laddr_, SIP_TRANSP_UDP, nullptr);
        err = err ? err : sipsess_listen(&sock_, sip_, 32, &Impl::onConnect, this);
        if (err)
            return err;
        self_ = "sip:" + o.user + "@127.0.0.1:" + std::to_string(sa_port(&laddr_));
        if (!o.registrar.empty()) {
            const std::string reg = "sip:" + o.registrar;
            const std::string aor = "sip:" + o.user + "@" + o.registrar;
            err = sipreg_register(&reg_, sip_, reg.c_str(), aor.c_str(), nullptr, aor.c_str(), 600,
                                  o.user.c_str(), nullptr, 0, 0, &Impl::onAuth, this, false,
                                  &Impl::onRegistered, this, nullptr, "%s", "");
            if (err)
                return err;
        }
        tmr_start(&tick_, kPacketMs, &Impl::onTick, this);
        return 0;
    }
    int port() const { return sa_port(&laddr_); }
    const std::string& self() const { return self_; }

    void call(const std::string& uri, const std::string& headers) {
        prune();
        LoopSession* s = newSession(true);
        if (!s) {
            update([](Counts& c) { ++c.closed; });
            return;
        }
        mbuf* desc = nullptr;
        int err = s->sdp.encode(&desc, true);
        if (!err)
            err = sipsess_connect(&s->sess, sock_, uri.c_str(), nullptr, self_.c_str(),
                                  options_.user.c_str(), nullptr, 0, kSdp, desc, nullptr, nullptr,
                                  false, &Impl::onOffer, &Impl::onAnswer, &Impl::onProgress,
                                  &Impl::onEstablished, nullptr, nullptr, &Impl::onClose, s, "%s",
                                  headers.c_str());
        mem_deref(desc);
        if (err) {
            s->ended = true;
            update([](Counts& c) { ++c.closed; });
        }
    }

    void hangupAll() {
        for (auto& s : sessions_) {
            if (!s->ended)
                close(*s);
        }
        prune();
    }

    bool answerRinging() {
        for (auto& s : sessions_) {
            if (s->ringing && !s->ended && !s->outbound)
                return answer(*s) == 0;
        }
        return false;
    }

private:
    LoopSession* newSession(bool outbound) {
        auto s = std::make_unique<LoopSession>();
        s->impl = this;
        s->outbound = outbound;
        sa ip{};
        sa_set_str(&ip, "127.0.0.1", 0);
        if (rtp_listen(&s->rtp, IPPROTO_UDP, &ip, 40000, 49999, false, &Impl::onRtp, nullptr,
                       s.get()) != 0)
            return nullptr;
        if (s->sdp.init(*rtp_local(s->rtp)) != 0)
            return nullptr;
        sessions_.push_back(std::move(s));
        return sessions_.back().get();
    }

    void prune() {
        sessions_.remove_if([](const std::unique_ptr<LoopSession>& s) { return s->ended; });
    }

    void close(LoopSession& s) {
        update([&](Counts& c) {
            c.up -= s.up ? 1 : 0;
            c.ringing -= s.ringing ? 1 : 0;
            ++c.closed;
        });
        s.ended = true;
        s.up = s.ringing = false;
    }

    int answer(LoopSession& s) {
        mbuf* desc = nullptr;
        int err = s.sdp.encode(&desc, !s.haveRemote);
        if (!err)
            err = sipsess_answer(s.sess, 200, "OK", desc, "%s", "");
        mem_deref(desc);
        return err;
    }

    void handleInvite(const sip_msg* msg) {
        const bool hinted =
            header(msg, SIP_HDR_CALL_INFO).find("answer-after=0") != std::string::npos &&
            header(msg, SIP_HDR_ALERT_INFO).find("autoanswer") != std::string::npos;
        const bool pickUp = hinted || options_.answerEverything;
        prune();
        LoopSession* s = newSession(false);
        if (!s) {
            sip_treply(nullptr, sip_, msg, 503, "No Media");
            return;
        }
        if (hasSdp(msg)) {
            if (s->sdp.decode(msg->mb, true) != rs::SdpOffer::Result::Ok) {
                sessions_.pop_back();
                sip_treply(nullptr, sip_, msg, 488, "Not Acceptable Here");
                return;
            }
            s->haveRemote = true;
        }
        mbuf* desc = nullptr;
        if (pickUp && s->sdp.encode(&desc, !s->haveRemote) != 0) {
            sessions_.pop_back();
            sip_treply(nullptr, sip_, msg, 500, "SDP");
            return;
        }
        const int err = sipsess_accept(
            &s->sess, sock_, msg, pickUp ? 200 : 180, pickUp ? "OK" : "Ringing",
            options_.user.c_str(), kSdp, desc, nullptr, nullptr, false, &Impl::onOffer,
            &Impl::onAnswer, &Impl::onEstablished, nullptr, nullptr, &Impl::onClose, s, "%s", "");
        mem_deref(desc);
        if (err) {
            sessions_.pop_back();
            return;
        }
        s->ringing = true;
        update([&](Counts& c) {
            ++c.invites;
            c.autoAnswered += hinted ? 1 : 0;
            ++c.ringing;
        });
    }

    void sendSilence() {
        static const std::uint8_t zeros[2] = {0xD5, 0xFF};  // PCMA, PCMU silence
        for (auto& s : sessions_) {
            if (!s->up || !s->haveRemote || !sa_isset(&s->sdp.remote().rtp, SA_ALL))
                continue;
            const auto& r = s->sdp.remote();
            mbuf* mb = mbuf_alloc(RTP_HEADER_SIZE + kSamples);
            if (!mb)
                continue;
            mb->pos = RTP_HEADER_SIZE;
            mbuf_fill(mb, zeros[r.codec == rs::Codec::Pcma ? 0 : 1], kSamples);
            mb->pos = RTP_HEADER_SIZE;
            rtp_send(s->rtp, &r.rtp, false, s->marker, static_cast<std::uint8_t>(r.codecPt), s->ts,
                     mb);
            mem_deref(mb);
            s->marker = false;
            s->ts += kSamples;
        }
    }

    template <class F>
    void update(F f) {
        {
            std::lock_guard<std::mutex> lock(owner_.mutex_);
            f(owner_.counts_);
        }
        owner_.changed_.notify_all();
    }

    static void onConnect(const sip_msg* msg, void* arg) {
        static_cast<Impl*>(arg)->handleInvite(msg);
    }
    static int onAuth(char** user, char** pass, const char*, void* arg) {
        auto* self = static_cast<Impl*>(arg);
        int err = str_dup(user, self->options_.user.c_str());
        return err ? err : str_dup(pass, self->options_.password.c_str());
    }
    static void onRegistered(int err, const sip_msg* msg, void* arg) {
        auto* self = static_cast<Impl*>(arg);
        const bool ok = !err && msg && msg->scode < 300;
        {
            std::lock_guard<std::mutex> lock(self->owner_.mutex_);
            (ok ? self->owner_.registered_ : self->owner_.registerFailed_) = true;
        }
        self->owner_.changed_.notify_all();
    }
    static int onOffer(mbuf** descp, const sip_msg* msg, void* arg) {
        auto* s = static_cast<LoopSession*>(arg);
        if (hasSdp(msg)) {
            if (s->sdp.decode(msg->mb, true) != rs::SdpOffer::Result::Ok)
                return EPROTO;
            s->haveRemote = true;
            return s->sdp.encode(descp, false);
        }
        return s->sdp.encode(descp, true);
    }
    static int onAnswer(const sip_msg* msg, void* arg) {
        auto* s = static_cast<LoopSession*>(arg);
        if (!hasSdp(msg) || s->sdp.decode(msg->mb, false) != rs::SdpOffer::Result::Ok)
            return EPROTO;
        s->haveRemote = true;
        return 0;
    }
    static void onProgress(const sip_msg*, void*) {}
    static void onEstablished(const sip_msg* msg, void* arg) {
        auto* s = static_cast<LoopSession*>(arg);
        if (s->up || s->ended)
            return;
        const bool wasRinging = s->ringing;
        s->up = true;
        s->ringing = false;
        std::string callId;
        if (s->outbound) {
            if (const sip_hdr* h = sip_msg_xhdr(msg, "X-AgentDesk-Call-Id"))
                callId = rs::plString(h->val);
        }
        LoopPhone& owner = s->impl->owner_;
        {
            std::lock_guard<std::mutex> lock(owner.mutex_);
            ++owner.counts_.established;
            ++owner.counts_.up;
            owner.counts_.ringing -= wasRinging ? 1 : 0;
            if (s->outbound)
                owner.answeredCallId_ = callId;
        }
        owner.changed_.notify_all();
    }
    static void onClose(int, const sip_msg*, void* arg) {
        auto* s = static_cast<LoopSession*>(arg);
        if (!s->ended)
            s->impl->close(*s);
    }
    static void onRtp(const sa*, const rtp_header*, mbuf*, void*) {}
    static void onTick(void* arg) {
        auto* self = static_cast<Impl*>(arg);
        self->sendSilence();
        tmr_start(&self->tick_, kPacketMs, &Impl::onTick, self);
    }

    LoopPhone& owner_;
    LoopPhoneOptions options_;
    ::sip* sip_ = nullptr;
    sipsess_sock* sock_ = nullptr;
    sipreg* reg_ = nullptr;
    sa laddr_{};
    std::string self_;
    tmr tick_{};
    std::list<std::unique_ptr<LoopSession>> sessions_;
};

LoopPhone::LoopPhone(LoopPhoneOptions options) : options_(std::move(options)) {}

LoopPhone::~LoopPhone() {
    stop();
}

void LoopPhone::start(std::chrono::milliseconds timeout) {
    thread_ = std::make_unique<rs::ReThread>();
    std::string error;
    const bool ok = thread_->start(
        [this](std::string* why) {
            impl_ = new Impl(*this);
            const int err = impl_->init(options_);
            if (err) {
                *why = std::string("test phone: ") + std::strerror(err);
                return false;
            }
            port_ = impl_->port();
            return true;
        },
        [this] {
            delete impl_;
            impl_ = nullptr;
        },
        &error);
    if (!ok) {
        thread_->join();
        thread_.reset();
        throw std::runtime_error(error);
    }
    if (options_.registrar.empty())
        return;
    std::unique_lock<std::mutex> lock(mutex_);
    if (!changed_.wait_for(lock, timeout, [&] { return registered_ || registerFailed_; }) ||
        !registered_)
        throw std::runtime_error("test phone " + options_.user + " did not register at " +
                                 options_.registrar);
}

void LoopPhone::stop() {
    if (!thread_)
        return;
    thread_->post([] { rs::ReThread::quit(); });
    thread_->join();
    thread_.reset();
}

bool LoopPhone::call(const std::string& uri, const std::string& headers,
                     std::chrono::milliseconds timeout) {
    int before = 0;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        before = counts_.established + counts_.closed;
        answeredCallId_.clear();
    }
    thread_->post([this, uri, headers] { impl_->call(uri, headers); });
    waitFor([&](const Counts& c) { return c.established + c.closed > before; }, timeout);
    std::lock_guard<std::mutex> lock(mutex_);
    return counts_.up > 0 && !answeredCallId_.empty();
}

void LoopPhone::hangupAll() {
    std::promise<void> done;
    thread_->post([this, &done] {
        impl_->hangupAll();
        done.set_value();
    });
    done.get_future().wait();
}

bool LoopPhone::answerRinging() {
    std::promise<bool> done;
    thread_->post([this, &done] { done.set_value(impl_->answerRinging()); });
    return done.get_future().get();
}

LoopPhone::Counts LoopPhone::counts() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return counts_;
}

std::string LoopPhone::answeredCallId() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return answeredCallId_;
}

std::string LoopPhone::uri() const {
    return "sip:" + options_.user + "@127.0.0.1:" + std::to_string(port_);
}

}  // namespace agentdesk::siptest
