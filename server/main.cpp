// agentdesk-server: serves the API (server/cli/serve_options.cpp has the options) or runs an
// administration subcommand (server/cli/admin_commands.cpp, import_customers_command.cpp,
// data_commands.cpp).
#include <sys/stat.h>
#include <csignal>
#include <iostream>
#include <string>

#include "common/logging.h"
#include "server/cli/cli.h"
#include "server/cli/data_commands.h"
#include "server/cli/import_customers_command.h"
#include "server/server_app.h"

int main(int argc, char** argv) {
    // Everything this process writes (database, logs, recordings, keys) is personal data or a
    // secret: readable by its owner only.
    ::umask(077);
    using agentdesk::server::ServerApp;
    using agentdesk::server::ServerConfig;
    namespace cli = agentdesk::server::cli;
    // Administration subcommands: the logging threshold each runs with ("" = AGENTDESK_LOG).
    struct Command {
        const char* name;
        int (*run)(int, char**);
        const char* logLevels;
    };
    static constexpr Command kCommands[] = {
        {"import-kb", cli::importKb, "warn"},
        {"import-customers", cli::importCustomers, "warn"},
        {"add-user", cli::addUser, ""},
        {"set-user", cli::setUser, ""},
        {"end-sessions", cli::endSessions, ""},
        {"export-interactions", cli::exportInteractions, "warn"},
        {"export-notes", cli::exportNotes, "warn"},
        {"backup", cli::backup, "warn"},
        {"restore", cli::restore, "warn"},
    };
    for (const Command& command : kCommands) {
        if (argc >= 2 && std::string(argv[1]) == command.name) {
            agentdesk::logging::init({"agentdesk-server", "", true, true, command.logLevels});
            return command.run(argc, argv);
        }
    }
    ServerConfig config;
    std::string logSpec;
    if (auto status = cli::parseServeOptions(argc, argv, config, logSpec))
        return *status;
    agentdesk::logging::init({"agentdesk-server", "", true, true, logSpec});

    // Block the stop signals before threads start, then wait for one on this thread.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    ServerApp app(config);
    try {
        app.start();
    } catch (const std::exception& e) {
        std::cerr << "agentdesk-server: " << e.what() << "\n";
        return 1;
    }
    std::cout << "agentdesk-server serving " << app.baseUrl() << "/api/v1";
    if (config.demo) {
        std::cout << " (demo contact center";
        if (config.demoAgents > 0)
            std::cout << ", " << config.demoAgents << " load agents";
        if (config.timeScale != 1.0)
            std::cout << ", time ×" << config.timeScale;
        std::cout << ")";
    }
    std::cout << std::endl;
    int sig = 0;
    sigwait(&signals, &sig);
    agentdesk::logging::get("server")->info("signal {}: shutting down", sig);
    app.stop();
    agentdesk::logging::shutdown();
    return 0;
}
