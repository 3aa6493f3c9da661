#include "tests/support/pg_cluster.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "server/store/pg/pg_db.h"
#include "tests/support/free_port.h"

namespace agentdesk::test {

namespace {

std::string firstLineOf(const std::string& command) {
    std::string out;
    if (FILE* p = ::popen(command.c_str(), "r")) {
        char buf[512];
        if (std::fgets(buf, sizeof buf, p))
            out = buf;
        ::pclose(p);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.pop_back();
    return out;
}

std::string fileText(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

PgCluster::PgCluster() {
    if (dir_.path.empty())
        throw std::runtime_error("PgCluster: no temp dir");
    bin_ = firstLineOf("pg_config --bindir 2>/dev/null");
    if (bin_.empty() || ::access((bin_ + "/initdb").c_str(), X_OK) != 0)
        bin_ = "/usr/lib/postgresql/15/bin";
    if (::access((bin_ + "/initdb").c_str(), X_OK) != 0)
        throw std::runtime_error("PgCluster: PostgreSQL 15 is not installed (postgresql-15)");
    const std::string dir = dir_.path.string();
    if (::geteuid() == 0) {
        const passwd* pg = ::getpwnam("postgres");
        if (!pg)
            throw std::runtime_error("PgCluster: running as root needs the postgres user");
        if (::chown(dir.c_str(), pg->pw_uid, pg->pw_gid) != 0)
            throw std::runtime_error("PgCluster: cannot hand " + dir + " to postgres");
        runAs_ = "runuser -u postgres -- ";
    }
    if (run(bin_ + "/initdb -D " + dir +
            "/data -U agentdesk --auth=trust -E UTF8 --locale=C.UTF-8 " + "--no-sync > " + dir +
            "/initdb.log 2>&1") != 0)
        throw std::runtime_error("PgCluster: initdb failed: " + fileText(dir + "/initdb.log"));
    // A port another test takes between here and the start fails the start: try a few.
    for (int attempt = 0; attempt < 5 && !started_; ++attempt) {
        port_ = freeLoopbackPort();
        options_ = "-c listen_addresses=127.0.0.1 -p " + std::to_string(port_) + " -k " + dir +
                   " -c fsync=off -c synchronous_commit=off -c full_page_writes=off " +
                   "-c max_connections=60";
        start();
    }
    if (!started_)
        throw std::runtime_error("PgCluster: postgres did not start: " +
                                 fileText(dir + "/server.log"));
}

void PgCluster::start() {
    const std::string dir = dir_.path.string();
    started_ = run(bin_ + "/pg_ctl -D " + dir + "/data -l " + dir + "/server.log -w -t 30 -o '" +
                   options_ + "' start > /dev/null 2>&1") == 0;
}

void PgCluster::stop() {
    run(bin_ + "/pg_ctl -D " + dir_.path.string() + "/data -m fast -w stop > /dev/null 2>&1");
    started_ = false;
}

PgCluster::~PgCluster() {
    if (started_) {
        run(bin_ + "/pg_ctl -D " + dir_.path.string() + "/data -m immediate -w stop " +
            "> /dev/null 2>&1");
    }
}

int PgCluster::run(const std::string& command) const {
    return std::system((runAs_ + "sh -c \"" + command + "\"").c_str());
}

std::string PgCluster::conninfo(const std::string& database) const {
    return "host=127.0.0.1 port=" + std::to_string(port_) + " user=agentdesk dbname=" + database +
           " connect_timeout=10";
}

std::string PgCluster::createDatabase() {
    const std::string name = "t" + std::to_string(++databases_);
    agentdesk::server::pg::PgDb admin(conninfo("postgres"));
    admin.execScript("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' " +
                     "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
    return conninfo(name);
}

std::string PgCluster::createDatabaseUri() {
    createDatabase();
    return "postgresql://agentdesk@127.0.0.1:" + std::to_string(port_) + "/t" +
           std::to_string(databases_);
}

PgCluster& sharedPgCluster() {
    static PgCluster instance;
    return instance;
}

TestServerOptions onNewPgDatabase(const TempDir& dir) {
    TestServerOptions options;
    options.dbPath = sharedPgCluster().createDatabaseUri();
    options.keyFile = (dir.path / "server.key").string();
    return options;
}

}  // namespace agentdesk::test
