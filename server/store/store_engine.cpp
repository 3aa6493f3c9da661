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
    std::string shown = db;
    // user:SECRET@host
    const std::size_t scheme = shown.find("://") + 3;
    const std::size_t at = shown.find('@', scheme);
    const std::size_t colon = shown.find(':', scheme);
    if (at != std::string::npos && colon != std::string::npos && colon < at)
        shown = shown.substr(0, colon + 1) + "***" + shown.substr(at);
    // ?password=SECRET&…
    for (std::size_t p = shown.find("password="); p != std::string::npos;
         p = shown.find("password=", p + 1)) {
        if (p == 0 || (shown[p - 1] != '?' && shown[p - 1] != '&'))
            continue;
        const std::size_t start = p + 9;
        const std::size_t end = shown.find('&', start);
        shown.replace(start, end == std::string::npos ? std::string::npos : end - start, "***");
    }
    return shown;
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

std::unique_ptr<StorePool> openStorePool(const std::string& db, const std::string& keyFile,
                                         CrmStore& servingCrm, KnowledgeStore& servingKb,
                                         boost::asio::io_context& io) {
    if (db == ":memory:")
        return StorePool::inlineOnly(servingCrm, servingKb);
    auto own = [&] {
        OpenedStores opened = openStores(db, keyFile, StoreUse::Read);
        return StorePool::OwnStores{std::move(opened.crm), std::move(opened.kb)};
    };
    if (!isPostgresUri(db))
        return StorePool::withReader(own(), servingCrm, servingKb, io);
    std::vector<StorePool::OwnStores> connections;
    for (std::size_t i = 0; i < StorePool::kPostgresConnections; ++i)
        connections.push_back(own());
    return StorePool::pooled(std::move(connections), io);
}

}  // namespace agentdesk::server
