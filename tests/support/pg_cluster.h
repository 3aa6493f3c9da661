#pragma once
// A throwaway PostgreSQL 15 cluster for tests: initdb into a temp dir, postgres on a free
// loopback port (and a socket in that dir), stopped and removed when the object goes. Run as
// root (CI), the server runs as the `postgres` system user, which PostgreSQL requires.
#include <string>

#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

namespace agentdesk::test {

class PgCluster {
public:
    // Throws std::runtime_error (with initdb's or pg_ctl's output) when it cannot start.
    PgCluster();
    ~PgCluster();
    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

    // A new, empty UTF-8 database; its libpq connection string.
    std::string createDatabase();
    std::string conninfo(const std::string& database) const;
    // A new, empty database as the URI agentdesk-server's --db takes.
    std::string createDatabaseUri();
    int port() const { return port_; }
    // Stops the server (its data kept) and starts it again on the same port: an outage.
    void stop();
    void start();

private:
    int run(const std::string& command) const;  // as the cluster's owner

    TempDir dir_{"agentdesk-pg"};
    std::string bin_;      // PostgreSQL's programs (pg_config --bindir)
    std::string runAs_;    // "runuser -u postgres -- " as root, "" otherwise
    std::string options_;  // postgres's command line (port, socket dir, durability off)
    int port_ = 0;
    int databases_ = 0;
    bool started_ = false;
};

// One cluster for the whole test process, started on first use and stopped at exit.
PgCluster& sharedPgCluster();

// Options for a TestServer on a new database of the shared cluster, its key file in `dir`.
TestServerOptions onNewPgDatabase(const TempDir& dir);

}  // namespace agentdesk::test
