// agentdesk-server's configuration file reader (server/cli/config_file.h).
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include <QTemporaryDir>

#include "server/cli/config_file.h"

using agentdesk::server::cli::readConfigFile;
using agentdesk::server::cli::SourcedArg;

namespace {

std::string writeConfig(const QTemporaryDir& dir, const std::string& text) {
    const std::string path = dir.filePath(QStringLiteral("server.conf")).toStdString();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

std::vector<std::string> texts(const std::vector<SourcedArg>& args) {
    std::vector<std::string> out;
    for (const auto& a : args)
        out.push_back(a.text);
    return out;
}

}  // namespace

TEST_CASE("A configuration file becomes command-line arguments with their lines", "[config]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const std::string path = writeConfig(dir,
                                         "\xEF\xBB\xBF# AgentDesk server\n"
                                         "\n"
                                         "listen = 0.0.0.0:8780\n"
                                         "  db=/var/lib/agentdesk/server.db   # the data\n"
                                         "demo = no\n"
                                         "sip-trunk = 10.0.0.5, 10.0.0.6\n"
                                         "log = \"warn,server=info # not a comment\"\n"
                                         "max-connections = 2000\r\n");
    std::string error;
    const auto args = readConfigFile(path, error);
    INFO(error);
    REQUIRE(args);
    CHECK(texts(*args) == std::vector<std::string>{
                              "--listen", "0.0.0.0:8780", "--db", "/var/lib/agentdesk/server.db",
                              "--sip-trunk", "10.0.0.5, 10.0.0.6", "--log",
                              "warn,server=info # not a comment", "--max-connections", "2000"});
    CHECK(args->front().origin == path + ":3");
    CHECK(args->back().origin == path + ":8");

    const auto demo = readConfigFile(writeConfig(dir, "demo = true\n"), error);
    REQUIRE(demo);
    CHECK(texts(*demo) == std::vector<std::string>{"--demo"});
}

TEST_CASE("A bad configuration file is refused with the line that is wrong", "[config]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    struct Case {
        const char* text;
        const char* message;
    };
    const Case cases[] = {
        {"listen = 127.0.0.1:8780\n# ok\ncolour = blue\n", ":3: unknown key 'colour'"},
        {"listen 127.0.0.1:8780\n", ":1: expected key = value"},
        {"db = a.db\ndb = b.db\n", ":2: 'db' is set twice"},
        {"demo = maybe\n", ":1: 'demo' takes true or false"},
        {"\n\ndb =\n", ":3: 'db' needs a value"},
        {"log = \"warn\n", ":1: a quoted value must end with \""},
        {"= 5\n", ":1: a setting needs a key"},
        {"config = other.conf\n", ":1: unknown key 'config'"},
        {"help = true\n", ":1: unknown key 'help'"},
    };
    for (const Case& c : cases) {
        const std::string path = writeConfig(dir, c.text);
        std::string error;
        INFO(c.text);
        CHECK_FALSE(readConfigFile(path, error));
        CHECK(error.find(path + c.message) == 0);
    }
    std::string error;
    CHECK_FALSE(readConfigFile(dir.filePath(QStringLiteral("missing.conf")).toStdString(), error));
    CHECK(error.find("cannot read ") == 0);
    CHECK(error.find("No such file") != std::string::npos);
}
