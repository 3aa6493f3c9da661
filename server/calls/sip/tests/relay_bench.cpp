// Relay load bench (not a ctest): N caller/agent call pairs through the engine on 127.0.0.1,
// each leg sending 50 G.711 packets a second, and the time each packet spends between our send
// and its relayed arrival. Usage: agentdesk_sip_relay_bench [pairs=300] [seconds=10].
// The bench's own UAC and RTP endpoints share the machine's cores with the engine.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "server/calls/sip/sip_engine.h"

using namespace agentdesk::server::sip;
using Clock = std::chrono::steady_clock;

namespace {

// CPU seconds used so far by the engine's thread (named "agentdesk-sip").
double engineThreadCpu() {
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
        std::ifstream comm(task.path() / "comm");
        std::string name;
        std::getline(comm, name);
        if (name != "agentdesk-sip") {
            continue;
        }
        std::ifstream stat(task.path() / "stat");
        std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
        std::istringstream fields(text.substr(text.rfind(')') + 2));
        std::string field;
        long utime = 0;
        long stime = 0;
        for (int i = 3; i <= 15 && fields >> field; ++i) {
            if (i == 14) {
                utime = std::stol(field);
            }
            if (i == 15) {
                stime = std::stol(field);
            }
        }
        return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
    }
    return 0;
}

constexpr char kMagic[4] = {'A', 'D', 'B', 'N'};

std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
        .count();
}

int udpSocket(sockaddr_in* bound) {
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        std::perror("bind");
        std::exit(1);
    }
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    const int buf = 1 << 20;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buf, sizeof buf);
    if (bound) {
        *bound = a;
    }
    return fd;
}

std::string header(const std::string& msg, const std::string& name) {
    const auto at = msg.find("\r\n" + name + ":");
    if (at == std::string::npos) {
        return {};
    }
    const auto start = msg.find_first_not_of(' ', at + name.size() + 3);
    return msg.substr(start, msg.find("\r\n", start) - start);
}

class Listener : public SipEngineListener {
public:
    SipEngine* engine = nullptr;
    std::mutex mutex;
    std::map<std::string, LegId> legs;  // request user ("p12a") → leg
    std::atomic<int> paired{0};

    void registrationChanged(const Registration&) override {}
    void inboundCall(const InboundCall& call) override {
        engine->answerInbound(call.leg);
        std::lock_guard<std::mutex> lock(mutex);
        legs[call.requestUser] = call.leg;
        std::string other = call.requestUser;
        other.back() = other.back() == 'a' ? 'b' : 'a';
        const auto it = legs.find(other);
        if (it != legs.end()) {
            engine->setHears(call.leg, {{it->second}});
            engine->setHears(it->second, {{call.leg}});
            ++paired;
        }
    }
    void legAnswered(LegId) override {}
    void legEnded(const LegEnded&) override {}
    void dtmfReceived(LegId, char) override {}
    void playbackFinished(LegId, std::uint64_t) override {}
};

}  // namespace

int main(int argc, char** argv) {
    const int pairs = argc > 1 ? std::atoi(argv[1]) : 300;
    const int seconds = argc > 2 ? std::atoi(argv[2]) : 10;
    const int calls = 2 * pairs;

    Listener listener;
    SipConfig config;
    config.listenHost = "127.0.0.1";
    config.listenPort = 0;
    config.trunkAddrs = {"127.0.0.1"};
    config.rtpPortMin = 33000;
    config.rtpPortMax = 39999;
    SipEngine engine(config, listener, [](std::function<void()> f) { f(); });
    listener.engine = &engine;
    std::string error;
    if (!engine.start(&error)) {
        std::fprintf(stderr, "engine: %s\n", error.c_str());
        return 1;
    }
    sockaddr_in sipAddr{};
    sipAddr.sin_family = AF_INET;
    sipAddr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sipAddr.sin_port = htons(engine.sipPort());

    sockaddr_in uacAddr{};
    const int sip = udpSocket(&uacAddr);
    const int uacPort = ntohs(uacAddr.sin_port);
    std::vector<int> media(calls);
    std::vector<int> mediaPort(calls);
    std::vector<sockaddr_in> target(calls);
    for (int i = 0; i < calls; ++i) {
        sockaddr_in a{};
        media[i] = udpSocket(&a);
        mediaPort[i] = ntohs(a.sin_port);
    }

    // Signalling: INVITE every call (PCMA), ACK each 200 OK.
    const auto setupStart = Clock::now();
    for (int i = 0; i < calls; ++i) {
        const std::string user = "p" + std::to_string(i / 2) + (i % 2 ? "b" : "a");
        const std::string sdp =
            "v=0\r\no=bench 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
            "t=0 0\r\nm=audio " +
            std::to_string(mediaPort[i]) + " RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\na=sendrecv\r\n";
        const std::string msg =
            "INVITE sip:" + user + "@127.0.0.1:" + std::to_string(engine.sipPort()) +
            " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + std::to_string(uacPort) +
            ";branch=z9hG4bK-inv" + std::to_string(i) +
            "\r\nFrom: <sip:bench@127.0.0.1:" + std::to_string(uacPort) + ">;tag=t" +
            std::to_string(i) + "\r\nTo: <sip:" + user + "@127.0.0.1>\r\nCall-ID: bench-" +
            std::to_string(i) +
            "\r\nCSeq: 1 INVITE\r\nContact: <sip:bench@127.0.0.1:" + std::to_string(uacPort) +
            ">\r\nMax-Forwards: 70\r\nContent-Type: application/sdp\r\nContent-Length: " +
            std::to_string(sdp.size()) + "\r\n\r\n" + sdp;
        ::sendto(sip, msg.data(), msg.size(), 0, reinterpret_cast<sockaddr*>(&sipAddr),
                 sizeof sipAddr);
        if (i % 50 == 49) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    // ACKs every 200 OK to an INVITE (again for retransmissions) and answers BYEs, so the
    // engine's transactions finish as with a real UAC.
    std::atomic<int> reAcks{0};
    const auto handleSip = [&](const std::string& msg, std::vector<bool>& acked) -> bool {
        if (msg.rfind("BYE ", 0) == 0) {
            const std::string ok =
                "SIP/2.0 200 OK\r\nVia: " + header(msg, "Via") +
                "\r\nFrom: " + header(msg, "From") + "\r\nTo: " + header(msg, "To") +
                "\r\nCall-ID: " + header(msg, "Call-ID") + "\r\nCSeq: " + header(msg, "CSeq") +
                "\r\nContent-Length: 0\r\n\r\n";
            ::sendto(sip, ok.data(), ok.size(), 0, reinterpret_cast<sockaddr*>(&sipAddr),
                     sizeof sipAddr);
            return false;
        }
        if (msg.rfind("SIP/2.0 200", 0) != 0 ||
            header(msg, "CSeq").find("INVITE") == std::string::npos) {
            return false;
        }
        const std::string callId = header(msg, "Call-ID");
        const int i = std::atoi(callId.c_str() + 6);
        const auto m = msg.find("m=audio ");
        target[i].sin_family = AF_INET;
        target[i].sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        target[i].sin_port = htons(static_cast<std::uint16_t>(std::atoi(msg.c_str() + m + 8)));
        std::string contact = header(msg, "Contact");
        contact = contact.substr(1, contact.find('>') - 1);
        const std::string ack =
            "ACK " + contact + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + std::to_string(uacPort) +
            ";branch=z9hG4bK-ack" + std::to_string(i) + "\r\nFrom: " + header(msg, "From") +
            "\r\nTo: " + header(msg, "To") + "\r\nCall-ID: " + callId +
            "\r\nCSeq: 1 ACK\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        ::sendto(sip, ack.data(), ack.size(), 0, reinterpret_cast<sockaddr*>(&sipAddr),
                 sizeof sipAddr);
        if (acked[i]) {
            ++reAcks;
            return false;
        }
        acked[i] = true;
        return true;
    };
    int established = 0;
    std::vector<bool> acked(calls, false);
    timeval tv{0, 100000};
    ::setsockopt(sip, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    const auto setupDeadline = Clock::now() + std::chrono::seconds(10);
    while (established < calls) {
        char buf[4096];
        const ssize_t n = ::recv(sip, buf, sizeof buf - 1, 0);
        if (n <= 0) {
            if (Clock::now() > setupDeadline) {
                std::fprintf(stderr, "only %d of %d calls established\n", established, calls);
                return 1;
            }
            continue;
        }
        if (handleSip(std::string(buf, static_cast<std::size_t>(n)), acked)) {
            ++established;
        }
    }
    std::atomic<bool> sipRunning{true};
    std::thread sipThread([&] {
        while (sipRunning.load()) {
            char buf[4096];
            const ssize_t n = ::recv(sip, buf, sizeof buf - 1, 0);
            if (n > 0) {
                handleSip(std::string(buf, static_cast<std::size_t>(n)), acked);
            }
        }
    });
    while (listener.paired.load() < pairs) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::printf("%d calls (%d relayed pairs) up in %.2f s\n", calls, pairs,
                std::chrono::duration<double>(Clock::now() - setupStart).count());

    // Media: every leg sends a 20 ms PCMA packet stamped with its send time; its partner's
    // socket receives it relayed. The sends are spread evenly over each 20 ms.
    std::atomic<bool> running{true};
    std::vector<std::int64_t> latencies;
    latencies.reserve(static_cast<std::size_t>(calls) * 50 * (seconds + 2));
    std::thread receiver([&] {
        const int ep = ::epoll_create1(EPOLL_CLOEXEC);
        for (int i = 0; i < calls; ++i) {
            epoll_event ev{};
            ev.events = EPOLLIN;
            ev.data.fd = media[i];
            ::epoll_ctl(ep, EPOLL_CTL_ADD, media[i], &ev);
        }
        std::vector<epoll_event> events(256);
        while (running.load()) {
            const int n = ::epoll_wait(ep, events.data(), static_cast<int>(events.size()), 100);
            for (int k = 0; k < n; ++k) {
                std::uint8_t buf[512];
                const ssize_t len = ::recv(events[k].data.fd, buf, sizeof buf, MSG_DONTWAIT);
                const std::int64_t now = nowNs();
                if (len == 12 + 160 && std::memcmp(buf + 20, kMagic, 4) == 0) {
                    std::int64_t sent = 0;
                    std::memcpy(&sent, buf + 12, 8);
                    latencies.push_back(now - sent);
                }
            }
        }
        ::close(ep);
    });
    rusage before{};
    ::getrusage(RUSAGE_SELF, &before);
    const auto statsBefore = engine.stats();
    const double engineCpuBefore = engineThreadCpu();
    const auto start = Clock::now();
    std::uint64_t sent = 0;
    const int periods = seconds * 50;
    std::uint8_t packet[12 + 160];
    std::memset(packet, 0xD5, sizeof packet);
    for (int p = 0; p < periods; ++p) {
        const auto periodStart = start + std::chrono::milliseconds(20 * p);
        for (int i = 0; i < calls; ++i) {
            std::this_thread::sleep_until(periodStart +
                                          std::chrono::microseconds(20000 * i / calls));
            packet[0] = 0x80;
            packet[1] = 8;
            const std::uint16_t seq = htons(static_cast<std::uint16_t>(p));
            const std::uint32_t ts = htonl(static_cast<std::uint32_t>(p * 160));
            const std::uint32_t ssrc = htonl(static_cast<std::uint32_t>(i + 1));
            std::memcpy(packet + 2, &seq, 2);
            std::memcpy(packet + 4, &ts, 4);
            std::memcpy(packet + 8, &ssrc, 4);
            const std::int64_t now = nowNs();
            std::memcpy(packet + 12, &now, 8);
            std::memcpy(packet + 20, kMagic, 4);
            ::sendto(media[i], packet, sizeof packet, 0, reinterpret_cast<sockaddr*>(&target[i]),
                     sizeof target[i]);
            ++sent;
        }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    running = false;
    receiver.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    rusage after{};
    ::getrusage(RUSAGE_SELF, &after);
    const auto statsAfter = engine.stats();
    const double engineCpu = engineThreadCpu() - engineCpuBefore;
    const double cpu = (after.ru_utime.tv_sec - before.ru_utime.tv_sec) +
                       (after.ru_stime.tv_sec - before.ru_stime.tv_sec) +
                       (after.ru_utime.tv_usec - before.ru_utime.tv_usec) / 1e6 +
                       (after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1e6;

    std::sort(latencies.begin(), latencies.end());
    const auto pct = [&](double q) {
        return latencies.empty()
                   ? 0.0
                   : latencies[static_cast<std::size_t>(q * (latencies.size() - 1))] / 1e6;
    };
    std::printf("sent %llu packets, received %zu relayed (%.2f %% lost), engine in %llu out %llu\n",
                static_cast<unsigned long long>(sent), latencies.size(),
                100.0 * (1.0 - static_cast<double>(latencies.size()) / static_cast<double>(sent)),
                static_cast<unsigned long long>(statsAfter.rtpIn - statsBefore.rtpIn),
                static_cast<unsigned long long>(statsAfter.rtpOut - statsBefore.rtpOut));
    std::printf(
        "send→relayed-arrival latency ms: min %.3f p50 %.3f p90 %.3f p99 %.3f p99.9 %.3f "
        "max %.3f\n",
        pct(0), pct(0.5), pct(0.9), pct(0.99), pct(0.999), pct(1.0));
    std::printf(
        "added jitter (p99 - min) %.3f ms; engine thread CPU %.0f %% of one core, whole "
        "process (bench endpoints included) %.0f %%, over %.1f s\n",
        pct(0.99) - pct(0), 100.0 * engineCpu / elapsed, 100.0 * cpu / elapsed, elapsed);
    const auto stopStart = Clock::now();
    engine.stop();
    std::printf("stop() took %.2f s; 200 OK retransmissions re-ACKed: %d\n",
                std::chrono::duration<double>(Clock::now() - stopStart).count(), reAcks.load());
    sipRunning = false;
    sipThread.join();
    const auto s = engine.stats();
    std::printf("after stop: legs %zu, rtp sockets %zu\n", s.legs, s.rtpSockets);
    for (const int fd : media) {
        ::close(fd);
    }
    ::close(sip);
    return 0;
}
