// agentdesk-server run the way the installed service runs it: settings from --config FILE, the
// command line over them, users added with the same file (server/cli/config_file.h).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <string>

#include <QTemporaryDir>

#include "tests/support/server_binary.h"
#include "tests/support/test_server.h"

using namespace agentdesk::test;
using namespace std::chrono_literals;

namespace {

const std::string kServer = AGENTDESK_SERVER_BINARY;

}  // namespace

TEST_CASE("The server reads its settings from --config, the command line wins over them",
          "[integration][config]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const std::string root = dir.path().toStdString();
    const std::string conf = root + "/server.conf";
    std::ofstream(conf) << "# as installed in /etc/agentdesk/server.conf\n"
                        << "listen = 127.0.0.1:0\n"
                        << "db = " << root << "/data/server.db\n"
                        << "key-file = " << root << "/data/server.key\n"
                        << "session-idle-minutes = 60\n"
                        << "log = warn\n";
    std::filesystem::create_directories(root + "/data");

    // A user added against the service's database, through the same file.
    const ShellRun added = runShell(
        "printf 'center-pass-1\\n' | " + kServer +
            " add-user kim --name '김상담' --role counselor --skills general" + " --config " + conf,
        root + "/add-user.log");
    INFO(added.output);
    REQUIRE(added.status == 0);
    CHECK(std::filesystem::exists(root + "/data/server.db"));
    CHECK(std::filesystem::exists(root + "/data/server.key"));

    {
        SpawnedProcess server({kServer, "--config", conf}, root + "/server.log");
        REQUIRE(server.started());
        const std::string url = servedUrl(server);
        INFO(server.output());
        REQUIRE_FALSE(url.empty());
        HttpClient client(url);
        CHECK(client.get("/api/v1/health").status == 200);
        // First start of a center's own server: no demo users, the added one logs in.
        CHECK(client.post("/api/v1/sessions", {{"username", "counselor1"}, {"password", "demo"}})
                  .status == 401);
        const auto login =
            client.post("/api/v1/sessions", {{"username", "kim"}, {"password", "center-pass-1"}});
        CHECK(login.status == 201);
        client.setToken(login.json().value("token", ""));
        const auto found = client.get("/api/v1/customers?q=%ED%99%8D%EA%B8%B8&limit=5");
        INFO(found.body);
        CHECK(found.status == 200);
        CHECK(found.json().empty());  // no demo customers either
    }

    // The command line wins over the file: another database, and the demo center.
    {
        SpawnedProcess server(
            {kServer, "--config", conf, "--db", root + "/demo.db", "--demo", "--demo-rate", "0"},
            root + "/demo.log");
        const std::string url = servedUrl(server);
        INFO(server.output());
        REQUIRE_FALSE(url.empty());
        HttpClient client(url);
        CHECK(client.post("/api/v1/sessions", {{"username", "counselor1"}, {"password", "demo"}})
                  .status == 201);
        CHECK(client.post("/api/v1/sessions", {{"username", "kim"}, {"password", "center-pass-1"}})
                  .status == 401);
    }
    CHECK(std::filesystem::exists(root + "/demo.db"));
}

TEST_CASE("A bad configuration file stops the server with the line that is wrong",
          "[integration][config]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const std::string root = dir.path().toStdString();
    const std::string conf = root + "/server.conf";

    std::ofstream(conf) << "listen = 127.0.0.1:0\ndb = :memory:\nlisten-port = 8780\n";
    ShellRun run = runShell(kServer + " --config " + conf, root + "/out.log");
    CHECK(run.status == 2);
    CHECK(run.output.find(conf + ":3: unknown key 'listen-port'") != std::string::npos);

    std::ofstream(conf) << "db = :memory:\n\ndemo-rate = lots\n";
    run = runShell(kServer + " --config " + conf, root + "/out.log");
    CHECK(run.status == 2);
    CHECK(run.output.find(conf + ":3: --demo-rate must be a number from 0 to 600") !=
          std::string::npos);

    // A value on the command line is checked as such, without a line number.
    std::ofstream(conf) << "db = :memory:\n";
    run = runShell(kServer + " --config " + conf + " --demo-rate lots", root + "/out.log");
    CHECK(run.status == 2);
    CHECK(run.output.find("agentdesk-server: --demo-rate must be") != std::string::npos);

    run = runShell(kServer + " --config " + root + "/missing.conf", root + "/out.log");
    CHECK(run.status == 2);
    CHECK(run.output.find("cannot read " + root + "/missing.conf") != std::string::npos);

    run = runShell(kServer + " --config", root + "/out.log");
    CHECK(run.status == 2);
    CHECK(run.output.find("--config needs a FILE") != std::string::npos);
}
