#include "server/store/database_backup.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "common/sqlite_db.h"
#include "server/store/database_lock.h"
#include "server/store/field_cipher.h"
#include "server/store/sqlite_crm_store.h"

namespace agentdesk::server {

namespace {

namespace fs = std::filesystem;

// The records of a center, in the order the report lists them. A table an older schema did not
// have yet counts 0, so a backup and its restored (migrated) database compare alike.
constexpr const char* kCountedTables[] = {"users",        "customers", "customer_phones",
                                          "interactions", "notes",     "evaluations",
                                          "kb_articles",  "audit_log", "call_assist"};

bool fileExists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

bool hasTable(SqliteDb& db, const std::string& table) {
    auto st = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    st.bind(1, table);
    st.step();
    const bool found = st.integer(0) > 0;
    st.reset();
    return found;
}

std::string pragmaText(SqliteDb& db, const std::string& pragma) {
    auto st = db.prepare("PRAGMA " + pragma);
    std::string value = st.step() ? st.text(0) : std::string();
    st.reset();
    return value;
}

void checkIntegrity(SqliteDb& db, const std::string& path) {
    const std::string result = pragmaText(db, "integrity_check");
    if (result != "ok")
        throw std::runtime_error(path + " is damaged (integrity check: " + result + ")");
}

// Writes what is in the kernel's cache of `path` to the disk.
void syncPath(const std::string& path, bool directory) {
    const int fd =
        ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

void removeDatabaseFiles(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        ::unlink((path + suffix).c_str());
}

std::string localStamp() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    ::localtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &tm);
    return text;
}

std::string withThousands(std::int64_t n) {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

// Backups hold sealed resident numbers: the key of the database they go into must open them,
// or every number would show as unreadable. Nothing is created here (no new key file).
void checkKeyOpens(SqliteDb& backup, const std::string& file, const std::string& keyFile,
                   const std::string& dbPath) {
    auto st = backup.prepare("SELECT rrn FROM customers WHERE rrn LIKE 'sb1:%' LIMIT 1");
    const std::optional<std::string> sealed = st.step() ? std::optional(st.text(0)) : std::nullopt;
    st.reset();
    if (!sealed)
        return;
    const fs::path dir = fs::path(dbPath).parent_path();
    const std::string key =
        keyFile.empty() ? ((dir.empty() ? fs::path(".") : dir) / "server.key").string() : keyFile;
    if (!fileExists(key))
        throw std::runtime_error(
            "the backup holds sealed resident numbers and there is no key at " + key +
            ": put the server.key of the server that was backed up " +
            "there first (or name it with --key-file)");
    if (!FieldCipher::fromKeyFile(key).open(*sealed))
        throw std::runtime_error("the key " + key + " does not open the resident numbers in " +
                                 file + " (it was backed up from a server with another key)");
}

}  // namespace

std::string RecordCounts::summary() const {
    std::string text;
    for (const auto& [table, count] : tables) {
        if (!text.empty())
            text += ", ";
        text += withThousands(count) + " " + table;
    }
    return text;
}

RecordCounts countRecords(SqliteDb& db) {
    RecordCounts counts;
    for (const char* table : kCountedTables) {
        std::int64_t n = 0;
        if (hasTable(db, table)) {
            auto st = db.prepare(std::string("SELECT count(*) FROM ") + table);
            st.step();
            n = st.integer(0);
            st.reset();
        }
        counts.tables.emplace_back(table, n);
    }
    return counts;
}

BackupResult backupDatabase(const std::string& dbPath, const std::string& file) {
    if (dbPath == ":memory:")
        throw std::runtime_error("a database in memory cannot be backed up");
    if (!fileExists(dbPath))
        throw std::runtime_error("there is no database at " + dbPath);
    if (fileExists(file))
        throw std::runtime_error(file +
                                 " exists; a backup never overwrites a file (choose a new name)");
    const std::string partial = file + ".partial";
    removeDatabaseFiles(partial);  // what an interrupted backup left
    BackupResult result;
    try {
        SqliteDb source(dbPath, DbAccess::ReadOnly);
        SqliteDb copy(partial);
        source.backupInto(copy);
        checkIntegrity(copy, partial);
        // One self-contained file: no -wal beside it to forget when it is copied elsewhere.
        copy.exec("PRAGMA journal_mode=DELETE");
        result.counts = countRecords(copy);
        auto version = copy.prepare("PRAGMA user_version");
        version.step();
        result.schemaVersion = static_cast<int>(version.integer(0));
        version.reset();
    } catch (const SqliteError& e) {
        removeDatabaseFiles(partial);
        throw std::runtime_error(std::string("backup failed: ") + e.what());
    } catch (...) {
        removeDatabaseFiles(partial);
        throw;
    }
    syncPath(partial, false);
    if (std::rename(partial.c_str(), file.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        removeDatabaseFiles(partial);
        throw std::runtime_error("cannot write " + file + ": " + reason);
    }
    const fs::path dir = fs::path(file).parent_path();
    syncPath(dir.empty() ? "." : dir.string(), true);
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0)
        result.bytes = st.st_size;
    return result;
}

RestoreResult restoreDatabase(const std::string& file, const std::string& dbPath,
                              const std::string& keyFile) {
    if (dbPath == ":memory:")
        throw RestoreRefused("a database in memory cannot be restored into");
    if (!fileExists(file))
        throw RestoreRefused("there is no backup at " + file);
    RestoreResult result;
    try {
        SqliteDb backup(file, DbAccess::ReadOnly);
        if (!hasTable(backup, "customers") || !hasTable(backup, "users"))
            throw RestoreRefused(file + " is not an AgentDesk database");
        checkIntegrity(backup, file);
        auto version = backup.prepare("PRAGMA user_version");
        version.step();
        result.backupSchemaVersion = static_cast<int>(version.integer(0));
        version.reset();
        if (result.backupSchemaVersion > SqliteCrmStore::latestSchemaVersion())
            throw RestoreRefused(
                file + " was written by a newer AgentDesk (schema " +
                std::to_string(result.backupSchemaVersion) + ", this version knows " +
                std::to_string(SqliteCrmStore::latestSchemaVersion()) + "): upgrade first");
        checkKeyOpens(backup, file, keyFile, dbPath);
    } catch (const RestoreRefused&) {
        throw;
    } catch (const SqliteError& e) {
        throw RestoreRefused(file + " cannot be read as a database: " + e.what());
    } catch (const std::runtime_error& e) {
        throw RestoreRefused(e.what());
    }

    const fs::path dir = fs::path(dbPath).parent_path();
    if (!dir.empty()) {
        std::error_code ec;
        fs::create_directories(dir, ec);
    }
    std::string lockError;
    auto lock = DatabaseLock::tryAcquire(dbPath, DatabaseLock::Mode::Exclusive, lockError);
    if (!lock)
        throw RestoreRefused("restore refused: " + lockError);

    if (fileExists(dbPath)) {
        result.previousCopy = dbPath + ".before-restore-" + localStamp();
        backupDatabase(dbPath, result.previousCopy);
    }
    try {
        {
            SqliteDb source(file, DbAccess::ReadOnly);
            SqliteDb target(dbPath);
            source.backupInto(target);
            checkIntegrity(target, dbPath);
        }
        // Brings a backup of an older version to this build's schema.
        SqliteCrmStore store(dbPath, FieldCipher::forDatabase(keyFile, dbPath));
        result.counts = countRecords(store.database());
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("restore failed: ") + e.what() +
                                 (result.previousCopy.empty()
                                      ? std::string()
                                      : "; the database before it is in " + result.previousCopy));
    }
    return result;
}

}  // namespace agentdesk::server
