// Tagged RTP callers and the loopback tap of bench_sip_capacity (see rtp_probe.h).
#include "bench/rtp_probe.h"

#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace agentdesk::bench {

namespace {

constexpr std::size_t kRtpHeader = 12;
constexpr std::size_t kPayload = 160;  // 20 ms of PCMA
constexpr std::size_t kPacket = kRtpHeader + kPayload;
constexpr std::size_t kTag = 24;
constexpr int kSlots = 20;  // each 20 ms period is sent in 20 slots of 1 ms, calls spread evenly
// Tag magics: the tap's kernel filter copies only packets of the followed calls.
constexpr std::uint8_t kMagicTapped[4] = {'A', 'D', 'S', 'T'};
constexpr std::uint8_t kMagicUntapped[4] = {'A', 'D', 'S', 'U'};
constexpr std::uint32_t kMagicTappedWord = 0x41445354;  // "ADST" as BPF loads it (big endian)

std::int64_t realtimeNs() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

std::int64_t monotonicNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

struct Tag {
    std::uint32_t call = 0;
    std::uint32_t seq = 0;
    std::int32_t step = -1;
    std::int64_t sentNs = 0;
};

bool readTag(const std::uint8_t* payload, std::size_t len, Tag* tag) {
    if (len < kTag || payload[0] != 'A' || payload[1] != 'D' || payload[2] != 'S' ||
        (payload[3] != 'T' && payload[3] != 'U'))
        return false;
    std::memcpy(&tag->call, payload + 4, 4);
    std::memcpy(&tag->seq, payload + 8, 4);
    std::memcpy(&tag->step, payload + 12, 4);
    std::memcpy(&tag->sentNs, payload + 16, 8);
    return true;
}

std::int64_t timestampOf(msghdr& msg) {
    for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
            timespec ts{};
            std::memcpy(&ts, CMSG_DATA(c), sizeof ts);
            return static_cast<std::int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
        }
    }
    return realtimeNs();  // no kernel timestamp: the best we have
}

std::int32_t clampNs(std::int64_t ns) {
    return static_cast<std::int32_t>(std::clamp<std::int64_t>(ns, 0, INT32_MAX));
}

}  // namespace

RtpProbe::RtpProbe(Options options) : options_(options) {
    const auto steps = static_cast<std::size_t>(options_.maxSteps);
    sent_ = std::make_unique<std::atomic<std::uint64_t>[]>(steps);
    received_ = std::make_unique<std::atomic<std::uint64_t>[]>(steps);
    misrouted_ = std::make_unique<std::atomic<std::uint64_t>[]>(steps);
    sendErrors_ = std::make_unique<std::atomic<std::uint64_t>[]>(steps);
    lateMaxNs_ = std::make_unique<std::atomic<std::int64_t>[]>(steps);
    collected_.resize(steps);
    enginePort_ =
        std::make_unique<std::atomic<std::uint16_t>[]>(static_cast<std::size_t>(options_.maxCalls));
    seq_.assign(static_cast<std::size_t>(options_.maxCalls), 0);
    callOfPort_.assign(65536, -1);
}

RtpProbe::~RtpProbe() {
    stop();
    for (const int fd : fds_)
        ::close(fd);
    if (epoll_ >= 0)
        ::close(epoll_);
    if (tapFd_ >= 0)
        ::close(tapFd_);
}

bool RtpProbe::open(std::string* error) {
    epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
    int port = options_.firstPort & ~1;
    while (static_cast<int>(fds_.size()) < options_.maxCalls) {
        if (port > 19998) {
            *error = "not enough free even UDP ports from " + std::to_string(options_.firstPort);
            return false;
        }
        const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(static_cast<std::uint16_t>(port));
        // Even ports only: the engine sends RTCP to port + 1, which must not be another call's.
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
            if (fd >= 0)
                ::close(fd);
            port += 2;
            continue;
        }
        const int on = 1;
        const int buf = 256 * 1024;
        ::setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buf, sizeof buf);
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u32 = static_cast<std::uint32_t>(fds_.size());
        ::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev);
        callOfPort_[static_cast<std::size_t>(port)] = static_cast<std::int16_t>(fds_.size());
        fds_.push_back(fd);
        ports_.push_back(port);
        port += 2;
    }
    if (options_.tapEvery > 0 && !openTap(error))
        return false;
    return true;
}

bool RtpProbe::openTap(std::string* error) {
    // Protocol 0 until the filter is in place: the socket sees nothing before bind().
    tapFd_ = ::socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (tapFd_ < 0) {
        *error = std::string("packet socket on lo: ") + std::strerror(errno) +
                 " (needs CAP_NET_RAW; --no-tap runs without it)";
        return false;
    }
    // The receive side of lo only (PACKET_HOST), UDP over IPv4 whose RTP payload starts with
    // the tapped magic. lo hands each datagram to the receive path inside the sender's sendto
    // and stamps it there, so the timestamp is when the packet left the sender. Tapping the
    // transmit side instead would make the kernel clone every datagram every process sends on
    // lo before the filter runs (see PACKET_IGNORE_OUTGOING below). SOCK_DGRAM: the filter sees
    // the packet from the IP header on.
    sock_filter code[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, static_cast<std::uint32_t>(SKF_AD_OFF + SKF_AD_PKTTYPE)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PACKET_HOST, 0, 9),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                 static_cast<std::uint32_t>(SKF_AD_OFF + SKF_AD_PROTOCOL)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ETH_P_IP, 0, 7),
        BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 9),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, IPPROTO_UDP, 0, 5),
        BPF_STMT(BPF_LDX | BPF_B | BPF_MSH, 0),
        BPF_STMT(BPF_LD | BPF_W | BPF_IND, 8 + kRtpHeader),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, kMagicTappedWord, 0, 2),
        BPF_STMT(BPF_RET | BPF_K, 128),
        BPF_STMT(BPF_RET | BPF_K, 0),
        BPF_STMT(BPF_RET | BPF_K, 0),
    };
    sock_fprog prog{static_cast<unsigned short>(sizeof code / sizeof code[0]), code};
    if (::setsockopt(tapFd_, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog) != 0) {
        *error = std::string("tap filter: ") + std::strerror(errno);
        return false;
    }
    const int on = 1;
    ::setsockopt(tapFd_, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
    if (::setsockopt(tapFd_, SOL_PACKET, PACKET_IGNORE_OUTGOING, &on, sizeof on) != 0) {
        *error = std::string("PACKET_IGNORE_OUTGOING: ") + std::strerror(errno);
        return false;
    }
    const int buf = 16 * 1024 * 1024;
    if (::setsockopt(tapFd_, SOL_SOCKET, SO_RCVBUFFORCE, &buf, sizeof buf) != 0)
        ::setsockopt(tapFd_, SOL_SOCKET, SO_RCVBUF, &buf, sizeof buf);
    sockaddr_ll ll{};
    ll.sll_family = AF_PACKET;
    ll.sll_protocol = htons(ETH_P_ALL);
    ll.sll_ifindex = static_cast<int>(if_nametoindex("lo"));
    if (ll.sll_ifindex == 0 || ::bind(tapFd_, reinterpret_cast<sockaddr*>(&ll), sizeof ll) != 0) {
        *error = std::string("bind packet socket to lo: ") + std::strerror(errno);
        return false;
    }
    tapSlots_.assign(static_cast<std::size_t>(options_.maxCalls) * 256, TapSlot{});
    return true;
}

void RtpProbe::start() {
    running_.store(true);
    sender_ = std::thread([this] { sendLoop(); });
    receiver_ = std::thread([this] { receiveLoop(); });
    if (tapFd_ >= 0)
        tap_ = std::thread([this] { tapLoop(); });
}

void RtpProbe::stop() {
    running_.store(false);
    for (std::thread* t : {&sender_, &receiver_, &tap_}) {
        if (t->joinable())
            t->join();
    }
}

int RtpProbe::latched(int n) const {
    int count = 0;
    for (int i = 0; i < n && i < options_.maxCalls; ++i)
        count += enginePort_[static_cast<std::size_t>(i)].load() != 0 ? 1 : 0;
    return count;
}

void RtpProbe::openWindow(int step) {
    if (step >= 0 && step < options_.maxSteps)
        window_.store(step);
}

RtpProbe::StepFigures RtpProbe::take(int step) {
    StepFigures f;
    if (step < 0 || step >= options_.maxSteps)
        return f;
    const auto s = static_cast<std::size_t>(step);
    f.sent = sent_[s].load();
    f.received = received_[s].load();
    f.misrouted = misrouted_[s].load();
    f.sendErrors = sendErrors_[s].load();
    f.senderLateMaxMs = static_cast<double>(lateMaxNs_[s].load()) / 1e6;
    std::lock_guard<std::mutex> lock(collectedMutex_);
    Collected& c = collected_[s];
    f.roundTrip = std::move(c.roundTrip);
    f.relayIn = std::move(c.relayIn);
    f.relayOut = std::move(c.relayOut);
    f.echo = std::move(c.echo);
    c = Collected{};
    return f;
}

std::uint64_t RtpProbe::tapDrops() {
    if (tapFd_ < 0)
        return 0;
    tpacket_stats st{};
    socklen_t len = sizeof st;
    if (::getsockopt(tapFd_, SOL_PACKET, PACKET_STATISTICS, &st, &len) == 0)
        tapDrops_ += st.tp_drops;  // the kernel resets them on every read
    return tapDrops_;
}

void RtpProbe::sendLoop() {
    pthread_setname_np(pthread_self(), "probe-send");
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), options_.nice);  // this thread only
    // Timer slack per thread: 50 us by default, which would blur the 1 ms slots.
    prctl(PR_SET_TIMERSLACK, 1000UL, 0, 0, 0);
    std::uint8_t packet[kPacket];
    std::memset(packet, 0xD5, sizeof packet);  // A-law silence
    packet[0] = 0x80;
    packet[1] = 8;  // PCMA
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::int64_t next = monotonicNs();
    std::uint64_t slot = 0;
    while (running_.load(std::memory_order_relaxed)) {
        next += 1000000;
        timespec wake{static_cast<time_t>(next / 1000000000), static_cast<long>(next % 1000000000)};
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &wake, nullptr) == EINTR) {
        }
        const std::int64_t late = monotonicNs() - next;
        const int step = window_.load(std::memory_order_relaxed);
        if (step >= 0) {
            auto& worst = lateMaxNs_[static_cast<std::size_t>(step)];
            if (late > worst.load(std::memory_order_relaxed))
                worst.store(late, std::memory_order_relaxed);
        }
        if (late > 200000000)
            next = monotonicNs();  // starved for 200 ms: resume rather than burst to catch up
        const int n = std::min(active_.load(std::memory_order_relaxed), options_.maxCalls);
        for (int i = static_cast<int>(slot % kSlots); i < n; i += kSlots) {
            const auto ci = static_cast<std::size_t>(i);
            const std::uint16_t enginePort = enginePort_[ci].load(std::memory_order_relaxed);
            if (enginePort == 0)
                continue;
            const std::uint32_t seq = seq_[ci]++;
            const std::uint16_t rtpSeq = htons(static_cast<std::uint16_t>(seq));
            const std::uint32_t rtpTs = htonl(seq * static_cast<std::uint32_t>(kPayload));
            const std::uint32_t ssrc = htonl(static_cast<std::uint32_t>(i + 1));
            std::memcpy(packet + 2, &rtpSeq, 2);
            std::memcpy(packet + 4, &rtpTs, 4);
            std::memcpy(packet + 8, &ssrc, 4);
            std::uint8_t* tag = packet + kRtpHeader;
            const bool tapped = options_.tapEvery > 0 && i % options_.tapEvery == 0;
            std::memcpy(tag, tapped ? kMagicTapped : kMagicUntapped, 4);
            const auto call = static_cast<std::uint32_t>(i);
            std::memcpy(tag + 4, &call, 4);
            std::memcpy(tag + 8, &seq, 4);
            std::memcpy(tag + 12, &step, 4);
            const std::int64_t now = realtimeNs();
            std::memcpy(tag + 16, &now, 8);
            to.sin_port = htons(enginePort);
            const ssize_t r =
                ::sendto(fds_[ci], packet, kPacket, 0, reinterpret_cast<sockaddr*>(&to), sizeof to);
            if (step >= 0) {
                const auto s = static_cast<std::size_t>(step);
                sent_[s].fetch_add(1, std::memory_order_relaxed);
                if (r != static_cast<ssize_t>(kPacket))
                    sendErrors_[s].fetch_add(1, std::memory_order_relaxed);
            }
        }
        ++slot;
    }
}

void RtpProbe::receiveLoop() {
    pthread_setname_np(pthread_self(), "probe-recv");
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), options_.nice);  // this thread only
    std::vector<epoll_event> events(256);
    std::uint8_t buf[2048];
    alignas(cmsghdr) char control[256];
    std::vector<std::pair<int, std::int32_t>> batch;  // (step, round trip) for one epoll pass
    while (running_.load(std::memory_order_relaxed)) {
        // Polls every millisecond rather than blocking: a sleeping receiver would be woken by
        // every packet, inside the engine's sendto on loopback, which is engine CPU that a
        // caller on another host would not cost it. Round trips use the kernel's receive time,
        // so the polling does not add to them.
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        const int n = ::epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), 0);
        batch.clear();
        for (int k = 0; k < n; ++k) {
            const std::uint32_t call = events[static_cast<std::size_t>(k)].data.u32;
            const int fd = fds_[call];
            for (;;) {
                sockaddr_in from{};
                iovec iov{buf, sizeof buf};
                msghdr msg{};
                msg.msg_name = &from;
                msg.msg_namelen = sizeof from;
                msg.msg_iov = &iov;
                msg.msg_iovlen = 1;
                msg.msg_control = control;
                msg.msg_controllen = sizeof control;
                const ssize_t len = ::recvmsg(fd, &msg, MSG_DONTWAIT);
                if (len < 0)
                    break;  // drained (or an ICMP error, which we have no use for)
                const auto size = static_cast<std::size_t>(len);
                if (size < kRtpHeader || (buf[1] & 0x7f) != 8)
                    continue;  // RTCP, or not PCMA
                auto& enginePort = enginePort_[call];
                if (enginePort.load(std::memory_order_relaxed) == 0)
                    enginePort.store(ntohs(from.sin_port));
                Tag tag;
                if (!readTag(buf + kRtpHeader, size - kRtpHeader, &tag) || tag.step < 0 ||
                    tag.step >= options_.maxSteps)
                    continue;  // the engine's own silence, or sent outside a window
                const auto s = static_cast<std::size_t>(tag.step);
                if (tag.call != call) {
                    misrouted_[s].fetch_add(1, std::memory_order_relaxed);
                    continue;
                }
                received_[s].fetch_add(1, std::memory_order_relaxed);
                batch.emplace_back(tag.step, clampNs(timestampOf(msg) - tag.sentNs));
            }
        }
        if (!batch.empty()) {
            std::lock_guard<std::mutex> lock(collectedMutex_);
            for (const auto& [step, ns] : batch)
                collected_[static_cast<std::size_t>(step)].roundTrip.push_back(ns);
        }
    }
}

void RtpProbe::tapLoop() {
    pthread_setname_np(pthread_self(), "probe-tap");
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), options_.nice);  // this thread only
    constexpr int kBatch = 64;
    std::vector<std::array<std::uint8_t, 128>> bufs(kBatch);
    std::vector<std::array<char, 128>> controls(kBatch);
    std::vector<iovec> iovs(kBatch);
    std::vector<mmsghdr> msgs(kBatch);
    bool drained = true;
    while (running_.load(std::memory_order_relaxed)) {
        // Drains every 5 ms without waiting on the socket, for the same reason as the receiver:
        // the engine's sends would otherwise wake this thread. Hop times are the kernel's.
        if (drained)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        for (int i = 0; i < kBatch; ++i) {
            const auto k = static_cast<std::size_t>(i);
            iovs[k] = {bufs[k].data(), bufs[k].size()};
            msgs[k] = mmsghdr{};
            msgs[k].msg_hdr.msg_iov = &iovs[k];
            msgs[k].msg_hdr.msg_iovlen = 1;
            msgs[k].msg_hdr.msg_control = controls[k].data();
            msgs[k].msg_hdr.msg_controllen = controls[k].size();
        }
        const int n = ::recvmmsg(tapFd_, msgs.data(), kBatch, MSG_DONTWAIT, nullptr);
        drained = n < kBatch;
        if (n <= 0)
            continue;
        std::lock_guard<std::mutex> lock(collectedMutex_);
        for (int i = 0; i < n; ++i) {
            const auto k = static_cast<std::size_t>(i);
            tapPacket(bufs[k].data(), msgs[k].msg_len, timestampOf(msgs[k].msg_hdr));
        }
    }
}

// One tagged datagram as it left a socket on lo. Hops: a caller -> engine (from a caller port),
// b engine -> echo (to the echo port), c echo -> engine (from it), d engine -> caller.
// Called with collectedMutex_ held.
void RtpProbe::tapPacket(const std::uint8_t* ip, std::size_t len, std::int64_t ns) {
    if (len < 20)
        return;
    const std::size_t ihl = static_cast<std::size_t>(ip[0] & 0x0f) * 4;
    if (len < ihl + 8 + kRtpHeader + kTag)
        return;
    const std::uint8_t* udp = ip + ihl;
    const int src = (udp[0] << 8) | udp[1];
    const int dst = (udp[2] << 8) | udp[3];
    Tag tag;
    if (!readTag(udp + 8 + kRtpHeader, len - ihl - 8 - kRtpHeader, &tag) ||
        tag.call >= static_cast<std::uint32_t>(options_.maxCalls))
        return;
    TapSlot& slot = tapSlots_[tag.call * 256 + (tag.seq & 255)];
    const bool window = tag.step >= 0 && tag.step < options_.maxSteps;
    Collected* c = window ? &collected_[static_cast<std::size_t>(tag.step)] : nullptr;
    if (callOfPort_[static_cast<std::size_t>(src)] >= 0) {
        slot = TapSlot{tag.seq, ns, 0, 0};
    } else if (dst == echoPort_) {
        if (slot.seq == tag.seq && slot.sent != 0) {
            slot.toAgent = ns;
            if (c)
                c->relayIn.push_back(clampNs(ns - slot.sent));
        }
    } else if (src == echoPort_) {
        if (slot.seq == tag.seq && slot.toAgent != 0) {
            slot.echoed = ns;
            if (c)
                c->echo.push_back(clampNs(ns - slot.toAgent));
        }
    } else if (callOfPort_[static_cast<std::size_t>(dst)] >= 0) {
        if (slot.seq == tag.seq && slot.echoed != 0) {
            if (c)
                c->relayOut.push_back(clampNs(ns - slot.echoed));
            slot.echoed = 0;
        }
    }
}

}  // namespace agentdesk::bench
