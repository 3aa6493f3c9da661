#pragma once
// agentdesk-server backup and restore (docs/operations.md "Backing up"): a consistent copy of
// the server's database taken while the server runs, and that copy put back in its place.
//
// backupDatabase() reads through a second, read-only connection with SQLite's online backup:
// one snapshot, whatever the server writes meanwhile. The copy is written beside the target as
// FILE.partial, checked (PRAGMA integrity_check), made a self-contained file (journal mode
// DELETE) and only then renamed to FILE: a FILE that exists is a whole backup.
//
// restoreDatabase() checks the backup first (an AgentDesk database, intact, not newer than this
// build, its resident numbers readable with the database's key) and changes nothing when any
// check fails. It holds the database's exclusive lock (server/store/database_lock.h), so it is
// refused while a server uses the database. The database it replaces is kept as
// "<database>.before-restore-YYYYMMDD-HHMMSS". A backup from an older version is migrated.
//
// Both throw std::runtime_error with a message for the administrator; restoreDatabase() throws
// RestoreRefused when a check failed before anything was changed.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace agentdesk {
class SqliteDb;
}

namespace agentdesk::server {

// Rows per table of the records a center cares about, in a fixed order.
struct RecordCounts {
    std::vector<std::pair<std::string, std::int64_t>> tables;
    // "250 customers, 1,204 interactions, …" for the report.
    std::string summary() const;
    bool operator==(const RecordCounts& other) const { return tables == other.tables; }
};
RecordCounts countRecords(SqliteDb& db);

struct BackupResult {
    RecordCounts counts;
    std::int64_t bytes = 0;
    int schemaVersion = 0;
};
// Refuses an existing `file` (a backup is never overwritten).
BackupResult backupDatabase(const std::string& dbPath, const std::string& file);

struct RestoreRefused : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct RestoreResult {
    RecordCounts counts;
    int backupSchemaVersion = 0;
    std::string previousCopy;  // empty when there was no database before
};
// `keyFile` as for the server (empty: server.key beside the database).
RestoreResult restoreDatabase(const std::string& file, const std::string& dbPath,
                              const std::string& keyFile);

}  // namespace agentdesk::server
