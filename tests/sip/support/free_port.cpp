#include "tests/sip/support/free_port.h"

#include <mutex>
#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace agentdesk::siptest {
namespace {

// Ports come from 20000-31999: below the kernel's ephemeral range (32768+), which connect()
// and bind(0) draw from, and above the 10000-19999 range baresip_phone.cpp gives baresip for
// RTP. So a port we hand out cannot be grabbed meanwhile by some socket of a running phone.
constexpr int kFirstPort = 20000;
constexpr int kLastPort = 31999;
constexpr int kRangeSize = kLastPort - kFirstPort + 1;

bool canBind(int type, int port) {
    const int fd = ::socket(AF_INET, type | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

bool isFree(int port) {
    return canBind(SOCK_DGRAM, port) && canBind(SOCK_STREAM, port);
}

}  // namespace

int freePort() {
    return freePortBlock(1);
}

int freePortBlock(int count) {
    if (count < 1 || count > 16)
        throw std::invalid_argument("freePortBlock: count must be 1..16");
    static std::mutex mutex;
    // Each test process starts at its own offset (ctest may run several at once) and then
    // walks forward, so ports are not reused within the process even after they are closed.
    static int next = kFirstPort + static_cast<int>((::getpid() * 211L) % kRangeSize);
    const std::lock_guard lock(mutex);
    for (int tried = 0; tried < kRangeSize; tried += count) {
        if (next + count - 1 > kLastPort)
            next = kFirstPort;
        const int first = next;
        next += count;
        bool free = true;
        for (int port = first; free && port < first + count; ++port)
            free = isFree(port);
        if (free)
            return first;
    }
    throw std::runtime_error("freePortBlock: no free loopback ports in 20000-31999");
}

}  // namespace agentdesk::siptest
