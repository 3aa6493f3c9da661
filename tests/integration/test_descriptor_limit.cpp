// Running out of file descriptors, through real sockets: accepting backs off instead of spinning
// the I/O thread, then serves again. An executable of its own (agentdesk_fd_limit_tests): it
// lowers RLIMIT_NOFILE for the whole process, which the sanitizer runtimes cannot live with (they
// need free descriptors of their own), so only the normal build runs it (docs/sanitizers.md).
#include <sys/resource.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <thread>

#include "tests/support/raw_connection.h"
#include "tests/support/test_server.h"

using namespace agentdesk::test;
using namespace std::chrono_literals;

namespace {

bool isStatus(const std::string& response, int status) {
    return response.rfind("HTTP/1.1 " + std::to_string(status) + " ", 0) == 0;
}

}  // namespace

TEST_CASE("Out of descriptors, accepting backs off instead of spinning, then serves again",
          "[integration][overload]") {
    TestServer server;
    const HttpClient lead = server.loggedIn("lead1");
    const int port = server.app().port();
    std::vector<RawConnection> clients(4);  // sockets made while descriptors remain
    const int lowestFree = ::dup(0);
    REQUIRE(lowestFree >= 0);
    ::close(lowestFree);
    rlimit saved{};
    REQUIRE(getrlimit(RLIMIT_NOFILE, &saved) == 0);
    rlimit tight = saved;
    tight.rlim_cur = static_cast<rlim_t>(lowestFree);
    REQUIRE(setrlimit(RLIMIT_NOFILE, &tight) == 0);
    auto backoffs = [&] {
        std::size_t n = 0;
        server.app().runOnIo([&] { n = server.app().httpServer()->load().acceptBackoffs; });
        return n;
    };
    const std::size_t backoffsBefore = backoffs();
    const auto limited = std::chrono::steady_clock::now();
    for (auto& c : clients)
        c.connect(port);  // queued by the kernel; the server cannot accept them
    // The server has tried, failed and waited at least twice.
    const bool backedOff = eventually([&] { return backoffs() >= backoffsBefore + 2; }, 10s);
    const double limitedSec =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - limited).count();
    REQUIRE(setrlimit(RLIMIT_NOFILE, &saved) == 0);
    REQUIRE(backedOff);

    REQUIRE(clients[0].send(rawGet("/api/v1/health")));
    CHECK(isStatus(clients[0].readResponse(), 200));
    const nlohmann::json status = lead.get("/api/v1/server/status").json();
    INFO(status.dump());
    const int total = status["acceptBackoffs"].get<int>();
    INFO(total << " back-offs in " << limitedSec << " s out of descriptors");
    CHECK(total >= 2);
    CHECK(total <= 5 + 20 * limitedSec);  // ~10 a second, not a busy loop
}
