#include "server/store/store_engine.h"

#include <stdexcept>

#include "server/kb/pg_knowledge_store.h"
#include "server/kb/sqlite_knowledge_store.h"
#include "server/store/pg/pg_crm_store.h"
#include "server/store/sqlite_crm_store.h"

namespace agentdesk::server {

bool isPostgresUri(const std::string& db) {
    return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

std::string databaseForDisplay(const std::string& db) {
    if (!isPostgresUri(db))
        return db;
    const std::size_t scheme = db.find("://") + 3;
    const std::size_t at = db.find('@', scheme);
    const std::size_t colon = db.find(':', scheme);
    if (at == std::string::npos || colon == std::string::npos || colon > at)
        return db;
    return db.substr(0, colon + 1) + "***" + db.substr(at);
}

OpenedStores openStores(const std::string& db, const std::string& keyFile, StoreUse use) {
    OpenedStores out;
    if (isPostgresUri(db)) {
        if (keyFile.empty())
            throw std::runtime_error(
                "a PostgreSQL database needs --key-file: the key of the resident numbers, the "
                "same file on every node");
        auto crm = std::make_unique<pg::PgCrmStore>(db, FieldCipher::fromKeyFile(keyFile));
        out.sessions = crm.get();
        out.crm = std::move(crm);
        out.kb = std::make_unique<PgKnowledgeStore>(db);
        return out;
    }
    const DbAccess access = use == StoreUse::Serve ? DbAccess::ReadWrite : DbAccess::ReadOnly;
    auto crm = std::make_unique<SqliteCrmStore>(db, FieldCipher::forDatabase(keyFile, db), access);
    out.sessions = crm.get();
    out.crm = std::move(crm);
    out.kb = std::make_unique<SqliteKnowledgeStore>(db, access);
    return out;
}

}  // namespace agentdesk::server
