#include "server/cli/store_options.h"

#include <iostream>

#include "server/cli/config_file.h"
#include "server/server_app.h"

namespace agentdesk::server::cli {

bool takeStoreOption(int argc, char** argv, int& i, StoreLocation& where) {
    const std::string arg = argv[i];
    std::string* target = arg == "--db"         ? &where.db
                          : arg == "--key-file" ? &where.keyFile
                          : arg == "--config"   ? &where.config
                                                : nullptr;
    if (!target || i + 1 >= argc)
        return false;
    *target = argv[++i];
    return true;
}

bool resolveStoreLocation(StoreLocation& where) {
    if (!where.config.empty()) {
        std::string error;
        const auto settings = readConfigFile(where.config, error);
        if (!settings) {
            std::cerr << "agentdesk-server: " << error << "\n";
            return false;
        }
        // The file's settings come as option/value pairs, as they would be typed.
        for (std::size_t i = 0; i + 1 < settings->size(); ++i) {
            const std::string& key = (*settings)[i].text;
            if (key == "--db" && where.db.empty())
                where.db = (*settings)[i + 1].text;
            else if (key == "--key-file" && where.keyFile.empty())
                where.keyFile = (*settings)[i + 1].text;
        }
    }
    if (where.db.empty())
        where.db = defaultDatabasePath();
    return true;
}

std::unique_ptr<CrmStore> openStore(StoreLocation where, DbAccess access) {
    if (!resolveStoreLocation(where))
        return nullptr;
    try {
        if (isPostgresUri(where.db))
            return openStores(where.db, where.keyFile, StoreUse::Serve).crm;
        return std::make_unique<SqliteCrmStore>(
            where.db, FieldCipher::forDatabase(where.keyFile, where.db), access);
    } catch (const std::exception& e) {
        std::cerr << "agentdesk-server: " << e.what() << "\n";
        return nullptr;
    }
}

std::optional<OpenedStores> openAnyStore(StoreLocation where) {
    if (!resolveStoreLocation(where))
        return std::nullopt;
    try {
        return openStores(where.db, where.keyFile, StoreUse::Serve);
    } catch (const std::exception& e) {
        std::cerr << "agentdesk-server: " << e.what() << "\n";
        return std::nullopt;
    }
}

}  // namespace agentdesk::server::cli
