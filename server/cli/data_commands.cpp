// agentdesk-server export-interactions, export-notes, backup and restore.
#include "server/cli/data_commands.h"

#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "common/logging.h"
#include "server/cli/cli.h"
#include "server/cli/store_options.h"
#include "server/export/record_csv.h"
#include "server/store/database_backup.h"

namespace agentdesk::server::cli {

namespace {

// The person behind an unmasked export, for the log and the audit trail.
std::string osUser() {
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name)
        return pw->pw_name;
    return "uid " + std::to_string(::getuid());
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// `agentdesk-server COMMAND FILE [--db …] [--key-file …] [--config …]`: the FILE and the
// database's location, resolved. An exit status when the command should stop here.
std::optional<int> fileAndStoreArguments(int argc, char** argv, const std::string& fileIs,
                                         StoreLocation& where, std::string& file) {
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (takeStoreOption(argc, argv, i, where))
            continue;
        if (!arg.empty() && arg.front() != '-' && file.empty())
            file = arg;
        else
            return fail("unknown option or missing value: " + arg);
    }
    if (file.empty())
        return fail(std::string(argv[1]) + " needs " + fileIs);
    if (!resolveStoreLocation(where))
        return 1;
    return std::nullopt;
}

enum class ExportKind { Interactions, Notes };

int exportRecords(int argc, char** argv, ExportKind kind) {
    const std::string command = argv[1];
    StoreLocation where;
    std::string from;
    std::string to;
    std::string file;
    bool unmasked = false;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (takeStoreOption(argc, argv, i, where))
            continue;
        if (arg == "--from" && i + 1 < argc) {
            from = argv[++i];
        } else if (arg == "--to" && i + 1 < argc) {
            to = argv[++i];
        } else if (arg == "--unmasked") {
            unmasked = true;
        } else if (!arg.empty() && arg.front() != '-' && file.empty()) {
            file = arg;
        } else {
            return fail("unknown option or missing value: " + arg);
        }
    }
    if (from.empty() || to.empty() || file.empty())
        return fail(command + " needs --from DATE --to DATE FILE.csv");
    std::string error;
    const auto period = parseExportPeriod(from, to, error);
    if (!period)
        return fail(error);
    if (!resolveStoreLocation(where))
        return 1;
    std::unique_ptr<CrmStore> store;
    if (unmasked || isPostgresUri(where.db)) {
        // The unmasked export is recorded in the audit trail: a writing connection, with the key.
        // PostgreSQL reads in a read-only snapshot of its own and always needs the key.
        store = openStore(where);
    } else {
        // A masked export reads no resident numbers: a reading connection, no key needed, and
        // nothing in the way of a server writing meanwhile.
        try {
            store = std::make_unique<SqliteCrmStore>(where.db, FieldCipher::ephemeral(),
                                                     DbAccess::ReadOnly);
        } catch (const std::exception& e) {
            std::cerr << "agentdesk-server: " << e.what() << "\n";
        }
    }
    if (!store)
        return 1;
    // Written beside the target and renamed when complete: FILE is never half a file.
    const std::string partial = file + ".partial";
    const auto start = std::chrono::steady_clock::now();
    std::int64_t rows = 0;
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out) {
            std::cerr << "agentdesk-server: cannot write " << file << "\n";
            return 1;
        }
        try {
            rows = kind == ExportKind::Interactions
                       ? writeInteractionsCsv(*store, *period, unmasked, out)
                       : writeNotesCsv(*store, *period, unmasked, out);
        } catch (const std::exception& e) {
            out.close();
            std::remove(partial.c_str());
            std::cerr << "agentdesk-server: " << e.what() << "\n";
            return 1;
        }
        out.flush();
        if (!out) {
            out.close();
            std::remove(partial.c_str());
            std::cerr << "agentdesk-server: cannot write " << file << " (disk full?)\n";
            return 1;
        }
    }
    if (std::rename(partial.c_str(), file.c_str()) != 0) {
        std::remove(partial.c_str());
        std::cerr << "agentdesk-server: cannot write " << file << "\n";
        return 1;
    }
    const std::string what = kind == ExportKind::Interactions ? "interaction(s)" : "note(s)";
    std::cout << "exported " << rows << " " << what << " from " << from << " to " << to << " to "
              << file << (unmasked ? " UNMASKED" : " (personal numbers masked)") << " in "
              << std::fixed << std::setprecision(2) << secondsSince(start) << " s\n";
    if (unmasked) {
        const std::string action = command + " --unmasked " + from + ".." + to + " (" +
                                   std::to_string(rows) + " rows) to " +
                                   std::filesystem::absolute(file).string();
        store->audit("os:" + osUser(), "", action, std::chrono::system_clock::now());
        logging::get("server")->warn("{} by {}", action, osUser());
    }
    return 0;
}

}  // namespace

int exportInteractions(int argc, char** argv) {
    return exportRecords(argc, argv, ExportKind::Interactions);
}

int exportNotes(int argc, char** argv) {
    return exportRecords(argc, argv, ExportKind::Notes);
}

int backup(int argc, char** argv) {
    StoreLocation where;
    std::string file;
    if (const auto status = fileAndStoreArguments(argc, argv, "a FILE to write", where, file))
        return *status;
    if (isPostgresUri(where.db))
        return fail(
            "backup and restore copy a SQLite database; a PostgreSQL one is backed up "
            "with pg_dump or pg_basebackup");
    const auto start = std::chrono::steady_clock::now();
    try {
        const BackupResult result = backupDatabase(where.db, file);
        std::cout << "backed up " << where.db << " to " << file << " (" << std::fixed
                  << std::setprecision(1) << static_cast<double>(result.bytes) / 1e6
                  << " MB, schema " << result.schemaVersion << ") in " << std::setprecision(2)
                  << secondsSince(start) << " s: " << result.counts.summary() << "\n"
                  << "the backup does not hold the key of the resident numbers: keep a copy of "
                  << (where.keyFile.empty() ? "server.key beside the database" : where.keyFile)
                  << " apart from it\n";
        logging::get("server")->info("backup of {} to {}: {}", where.db, file,
                                     result.counts.summary());
    } catch (const std::exception& e) {
        std::cerr << "agentdesk-server: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

int restore(int argc, char** argv) {
    StoreLocation where;
    std::string file;
    if (const auto status = fileAndStoreArguments(argc, argv, "the backup FILE", where, file))
        return *status;
    if (isPostgresUri(where.db))
        return fail(
            "backup and restore copy a SQLite database; a PostgreSQL one is backed up "
            "with pg_dump or pg_basebackup");
    try {
        const RestoreResult result = restoreDatabase(file, where.db, where.keyFile);
        std::cout << "restored " << file << " into " << where.db << ": " << result.counts.summary()
                  << "\n";
        if (result.backupSchemaVersion < SqliteCrmStore::latestSchemaVersion())
            std::cout << "the backup's schema " << result.backupSchemaVersion << " was brought to "
                      << SqliteCrmStore::latestSchemaVersion() << "\n";
        if (!result.previousCopy.empty())
            std::cout << "the database it replaced is kept in " << result.previousCopy << "\n";
        logging::get("server")->warn("restore of {} into {}: {}", file, where.db,
                                     result.counts.summary());
    } catch (const RestoreRefused& e) {
        std::cerr << "agentdesk-server: " << e.what() << "; nothing was changed\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "agentdesk-server: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

}  // namespace agentdesk::server::cli
