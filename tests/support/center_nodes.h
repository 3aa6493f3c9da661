#pragma once
// Nodes of one center for tests: a PostgreSQL database of the shared throwaway cluster, a
// nats-server of its own and a key; node(name) gives the options of one in-process node.
#include <string>

#include "tests/support/nats_server.h"
#include "tests/support/pg_cluster.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

namespace agentdesk::test {

struct CenterNodes {
    TempDir dir{"agentdesk-nodes"};
    NatsServer nats;
    TestServerOptions options;
    CenterNodes() {
        options.dbPath = sharedPgCluster().createDatabaseUri();
        options.keyFile = (dir.path / "server.key").string();
        options.eventsUrl = nats.url();
    }
    TestServerOptions node(const std::string& name) const {
        TestServerOptions o = options;
        o.nodeName = name;
        return o;
    }
};

}  // namespace agentdesk::test
