#pragma once
// Where an administration command (import-kb, import-customers, add-user, set-user, the exports,
// backup, restore) finds the server's database: --db, --key-file, and --config FILE (the
// installed service's /etc/agentdesk/server.conf), the command line winning over the file.
#include <memory>
#include <string>

#include "server/store/sqlite_crm_store.h"
#include "server/store/store_engine.h"

namespace agentdesk::server::cli {

struct StoreLocation {
    std::string db;       // --db; empty: from --config, else defaultDatabasePath()
    std::string keyFile;  // --key-file; empty: from --config, else server.key beside the database
    std::string config;   // --config FILE
};

// When argv[i] is --db, --key-file or --config followed by a value: stores it, moves i past the
// value and returns true. Anything else (a missing value too) is left to the caller.
bool takeStoreOption(int argc, char** argv, int& i, StoreLocation& where);

// Fills db and keyFile from --config where the command line did not give them, and db with the
// default path when neither did. False, with the reason printed, when the file cannot be read.
bool resolveStoreLocation(StoreLocation& where);

// The CRM store with its resident-number key, the location resolved first: a SQLite file with
// `access`, or a PostgreSQL database (which needs --key-file); null (the reason printed) when
// either cannot be opened.
std::unique_ptr<CrmStore> openStore(StoreLocation where, DbAccess access = DbAccess::ReadWrite);
// The CRM and knowledge stores of either engine (store/store_engine.h), the location resolved
// first; nullopt (the reason printed) when they cannot be opened.
std::optional<OpenedStores> openAnyStore(StoreLocation where);

}  // namespace agentdesk::server::cli
