#pragma once
// The demo contact center inside another program (the desktop app's embedded default, see
// docs/architecture.md): all the app needs of agentdesk-server, so that it includes none of
// the server's own headers. It serves real HTTP on a loopback port, like agentdesk-server --demo.
//
// Threads: start() blocks while it opens the database and seeds the demo data (seconds on a
// first start): call it off the GUI thread. stop() and the destructor end the server's threads.
#include <cstdint>
#include <memory>
#include <string>

namespace agentdesk::server {

class ServerApp;

class EmbeddedDemo {
public:
    struct Options {
        std::string dbPath;  // empty: defaultDatabasePath()
        double demoRate = 2.0;
        std::uint16_t port = 0;  // 0: any free loopback port
    };

    explicit EmbeddedDemo(Options options);
    ~EmbeddedDemo();
    EmbeddedDemo(const EmbeddedDemo&) = delete;
    EmbeddedDemo& operator=(const EmbeddedDemo&) = delete;

    // Serves on 127.0.0.1; returns the API's base URL, "http://127.0.0.1:PORT/api/v1". Throws
    // std::exception with the reason when it cannot (the database, the port).
    std::string start();
    void stop();

    // $XDG_DATA_HOME/agentdesk/embedded-demo.db, beside a local server's own database.
    static std::string defaultDatabasePath();

private:
    Options options_;
    std::unique_ptr<ServerApp> app_;
};

}  // namespace agentdesk::server
