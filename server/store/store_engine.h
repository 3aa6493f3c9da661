#pragma once
// Which engine a database setting names, and the stores opened on it: a file path (or
// ":memory:") is SQLite, the default; a postgresql:// (or postgres://) URI is PostgreSQL 15,
// for a center past one machine (docs/operations.md "PostgreSQL").
#include <memory>
#include <string>

#include <boost/asio/io_context.hpp>

#include "server/auth/session_store.h"
#include "server/kb/knowledge_store.h"
#include "server/store/crm_store.h"
#include "server/store/store_pool.h"

namespace agentdesk::server {

bool isPostgresUri(const std::string& db);
// The setting as logs and messages show it: a PostgreSQL URI's password replaced by "***".
std::string databaseForDisplay(const std::string& db);

struct OpenedStores {
    std::unique_ptr<CrmStore> crm;
    SessionStore* sessions = nullptr;  // the CRM store's own sessions table
    std::unique_ptr<KnowledgeStore> kb;
};

enum class StoreUse {
    Serve,  // read and write; migrates an older schema
    Read    // a reader's own connections beside a serving one (SQLite: read-only)
};

// Opens the CRM and knowledge stores of `db`. The resident-number key: `keyFile`, or for SQLite
// server.key beside the database; PostgreSQL needs `keyFile` (every node of a center must use
// the same key). Throws std::runtime_error with a message for the administrator.
OpenedStores openStores(const std::string& db, const std::string& keyFile, StoreUse use);

// The store work off the I/O thread beside the serving stores of `db`
// (store/store_pool.h): PostgreSQL, a pool of StorePool::kPostgresConnections connections for
// reads and writes; a SQLite file, one read-only reader; ":memory:", none (inline).
std::unique_ptr<StorePool> openStorePool(const std::string& db, const std::string& keyFile,
                                         CrmStore& servingCrm, KnowledgeStore& servingKb,
                                         boost::asio::io_context& io);

}  // namespace agentdesk::server
