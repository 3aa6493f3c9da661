#pragma once
// A plain TCP connection to a loopback port for tests that misbehave on purpose: half-sent
// headers, idle sockets, connections that never log in.
#include <chrono>
#include <string>

namespace agentdesk::test {

class RawConnection {
public:
    // Creates the socket; connect() may follow later (a test that runs out of descriptors
    // creates its sockets first).
    RawConnection();
    explicit RawConnection(int port);  // creates and connects
    ~RawConnection();
    RawConnection(RawConnection&& other) noexcept;
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;
    RawConnection& operator=(RawConnection&&) = delete;

    bool connect(int port);
    bool send(const std::string& bytes);
    // Reads what arrives until the peer closes or `quiet` passes without a byte.
    std::string read(std::chrono::milliseconds quiet = std::chrono::milliseconds(500));
    // Reads (and keeps) until a whole response head and Content-Length body are in.
    std::string readResponse(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // True when the peer closes the connection within `within` (bytes before that are read).
    bool closedWithin(std::chrono::milliseconds within);
    bool valid() const { return fd_ >= 0; }

private:
    int fd_ = -1;
    std::string pending_;
};

// "GET path HTTP/1.1" with Host and, when given, a bearer token; keep-alive.
std::string rawGet(const std::string& path, const std::string& token = {});

}  // namespace agentdesk::test
