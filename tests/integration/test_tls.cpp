// HTTPS: the server with a certificate from a throwaway CA (made with the openssl command),
// clients that trust that CA through --ca, and clients that refuse plain http:// to another
// computer unless allowed.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <sys/wait.h>

#include "tests/support/raw_connection.h"
#include "tests/support/test_server.h"

using namespace agentdesk::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct CommandResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr
};

CommandResult runCommand(const std::string& command) {
    CommandResult result;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe))
        result.output += buffer;
    const int status = ::pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

// A CA and a certificate for 127.0.0.1 and localhost signed by it, in a temporary directory.
struct ThrowawayCa {
    fs::path dir;
    ThrowawayCa() {
        std::string pattern = (fs::temp_directory_path() / "agentdesk-tls-XXXXXX").string();
        dir = mkdtemp(pattern.data());
        const std::string d = dir.string();
        const auto made = runCommand(
            "cd '" + d +
            "' && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
            "-keyout ca.key -out ca.pem -days 2 -subj '/CN=AgentDesk test CA' && "
            "openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "
            "server.key -out server.csr -subj '/CN=127.0.0.1' && "
            "printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\n' > san.ext && "
            "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out "
            "server.pem -days 2 -extfile san.ext && "
            "openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "
            "other.key -out other.csr -subj '/CN=other'");
        INFO(made.output);
        REQUIRE(made.exitCode == 0);
    }
    ~ThrowawayCa() {
        HttpClient::setTrustedCa("");
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    std::string file(const char* name) const { return (dir / name).string(); }
};

TestServerOptions withTls(const ThrowawayCa& ca, const char* key = "server.key") {
    TestServerOptions options;
    options.tls = agentdesk::server::http::TlsFiles{ca.file("server.pem"), ca.file(key)};
    return options;
}

int portOf(const std::string& url) {
    const auto colon = url.rfind(':');
    return std::stoi(url.substr(colon + 1));
}

}  // namespace

TEST_CASE("Over HTTPS a client that trusts the center's CA logs in, acts and gets events",
          "[integration][security][tls]") {
    ThrowawayCa ca;
    TestServer server(withTls(ca));
    REQUIRE(server.url().rfind("https://127.0.0.1:", 0) == 0);

    SECTION("not trusted: the system store does not know the CA, nothing is sent") {
        HttpClient::setTrustedCa("");
        const auto refused = server.client().post(
            "/api/v1/sessions", {{"username", "counselor1"}, {"password", "demo"}});
        CHECK(refused.status == 0);
        CHECK(refused.curlCode != 0);
    }
    SECTION("trusted through --ca") {
        HttpClient::setTrustedCa(ca.file("ca.pem"));
        HttpClient a1 = server.loggedIn("counselor1");
        EventCollector events(server.url(), a1.token());
        REQUIRE(events.waitForType("snapshot") == 0);
        REQUIRE(a1.put("/api/v1/agents/me/state", {{"state", "ready"}}).status == 202);
        CHECK(waitAgentState(events, "A1001", "ready") > 0);
        const auto status = server.loggedIn("lead1").get("/api/v1/server/status");
        REQUIRE(status.status == 200);
        CHECK(status.json()["tls"] == true);
        CHECK(status.json()["tlsHandshakesFailed"] == 0);
    }
    SECTION("plain HTTP to the TLS port gets no HTTP answer and counts as a failed handshake") {
        RawConnection raw(portOf(server.url()));
        REQUIRE(raw.send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        CHECK(raw.closedWithin(std::chrono::seconds(3)));
        CHECK(raw.read().find("HTTP/1.1 200") == std::string::npos);
        HttpClient::setTrustedCa(ca.file("ca.pem"));
        CHECK(eventually([&] {
            return server.loggedIn("lead1")
                       .get("/api/v1/server/status")
                       .json()["tlsHandshakesFailed"] >= 1;
        }));
    }
    SECTION("agentdesk-cli with --ca") {
        const std::string base = std::string(AGENTDESK_CLI_BINARY) + " --server " + server.url() +
                                 " --ca " + ca.file("ca.pem");
        const auto login = runCommand(base + " login counselor1 --password demo");
        INFO(login.output);
        CHECK(login.exitCode == 0);
        const auto queues = runCommand(base + " queues");
        INFO(queues.output);
        CHECK(queues.exitCode == 0);
        const auto untrusted = runCommand(std::string(AGENTDESK_CLI_BINARY) + " --server " +
                                          server.url() + " login counselor1 --password demo");
        CHECK(untrusted.exitCode != 0);
    }
}

TEST_CASE("A certificate with a key that is not its own stops the start with a clear error",
          "[integration][security][tls]") {
    ThrowawayCa ca;
    CHECK_THROWS_WITH(TestServer(withTls(ca, "other.key")), Catch::Contains("TLS key"));
    TestServerOptions missing;
    missing.tls = agentdesk::server::http::TlsFiles{ca.file("nothing.pem"), ca.file("server.key")};
    CHECK_THROWS_WITH(TestServer(missing), Catch::Contains("cannot use TLS certificate"));
}

TEST_CASE("The cli refuses plain http:// to another computer unless --allow-http",
          "[integration][security][tls]") {
    const std::string cli = AGENTDESK_CLI_BINARY;
    // 192.0.2.1 is a documentation address: nothing is sent there (refused before connecting,
    // and with --allow-http the login fails at once on the unreachable address).
    const auto refused = runCommand(cli +
                                    " --server http://192.0.2.1:8780 login counselor1 "
                                    "--password demo");
    CHECK(refused.exitCode == 2);
    CHECK(refused.output.find("not encrypted") != std::string::npos);

    TestServer server;
    // Loopback is this computer: allowed without a warning.
    const auto local = runCommand(cli + " --server " + server.url() + " queues");
    CHECK(local.output.find("not encrypted") == std::string::npos);
    CHECK(local.output.find("warning: unencrypted") == std::string::npos);
}
