#include "tests/support/raw_connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

namespace agentdesk::test {

using Clock = std::chrono::steady_clock;

RawConnection::RawConnection() : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {}

RawConnection::RawConnection(int port) : RawConnection() {
    if (!connect(port)) {
        ::close(fd_);
        fd_ = -1;
    }
}

RawConnection::~RawConnection() {
    if (fd_ >= 0)
        ::close(fd_);
}

RawConnection::RawConnection(RawConnection&& other) noexcept
    : fd_(other.fd_), pending_(std::move(other.pending_)) {
    other.fd_ = -1;
}

bool RawConnection::connect(int port) {
    if (fd_ < 0)
        return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    return ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
}

bool RawConnection::send(const std::string& bytes) {
    std::size_t done = 0;
    while (fd_ >= 0 && done < bytes.size()) {
        const ssize_t n = ::send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        done += static_cast<std::size_t>(n);
    }
    return fd_ >= 0;
}

namespace {

// -1: closed or failed, 0: nothing within the wait, n: bytes appended.
int readSome(int fd, std::string& out, std::chrono::milliseconds wait) {
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(wait.count()));
    if (ready <= 0)
        return 0;
    char buffer[4096];
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0)
        return -1;
    out.append(buffer, static_cast<std::size_t>(n));
    return static_cast<int>(n);
}

}  // namespace

std::string RawConnection::read(std::chrono::milliseconds quiet) {
    std::string out = std::move(pending_);
    pending_.clear();
    while (fd_ >= 0 && readSome(fd_, out, quiet) > 0) {
    }
    return out;
}

std::string RawConnection::readResponse(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    std::string& in = pending_;
    while (fd_ >= 0 && Clock::now() < deadline) {
        const auto head = in.find("\r\n\r\n");
        if (head != std::string::npos) {
            std::size_t length = 0;
            const auto cl = in.find("Content-Length: ");
            if (cl != std::string::npos && cl < head)
                length = std::strtoul(in.c_str() + cl + 16, nullptr, 10);
            if (in.size() >= head + 4 + length) {
                std::string response = in.substr(0, head + 4 + length);
                in.erase(0, head + 4 + length);
                return response;
            }
        }
        if (readSome(fd_, in, std::chrono::milliseconds(50)) < 0)
            break;
    }
    std::string partial = std::move(in);
    in.clear();
    return partial;
}

bool RawConnection::closedWithin(std::chrono::milliseconds within) {
    const auto deadline = Clock::now() + within;
    while (fd_ >= 0 && Clock::now() < deadline) {
        if (readSome(fd_, pending_, std::chrono::milliseconds(50)) < 0)
            return true;
    }
    return false;
}

std::string rawGet(const std::string& path, const std::string& token) {
    std::string text = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.empty())
        text += "Authorization: Bearer " + token + "\r\n";
    return text + "\r\n";
}

}  // namespace agentdesk::test
