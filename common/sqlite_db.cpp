#include "common/sqlite_db.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

namespace agentdesk {

namespace {
void check(sqlite3* db, int rc, std::string_view what) {
    if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) {
        throw SqliteError(std::string(what) + ": " + sqlite3_errmsg(db),
                          sqlite3_extended_errcode(db));
    }
}
}  // namespace

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}
Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(stmt_, index, value);
    return *this;
}
Statement& Statement::bindNull(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}
Statement& Statement::bindOptional(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bindNull(index);
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3* db = sqlite3_db_handle(stmt_);
    const std::string message = sqlite3_errmsg(db);
    const int code = sqlite3_extended_errcode(db);
    sqlite3_reset(stmt_);
    throw SqliteError("sqlite step: " + message, code);
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    if (!p)
        return {};
    return std::string(reinterpret_cast<const char*>(p),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}
std::optional<std::string> Statement::optText(int column) const {
    if (isNull(column))
        return std::nullopt;
    return text(column);
}
std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(stmt_, column);
}
double Statement::real(int column) const {
    return sqlite3_column_double(stmt_, column);
}
bool Statement::isNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

namespace {

// Databases hold personal data: only the owner may read them. SQLite gives the -wal and -shm
// files the mode of the database file, so creating it 0600 covers them; older files are
// tightened on open.
void restrictToOwner(const std::string& path) {
    if (path.empty() || path == ":memory:" || path.rfind("file:", 0) == 0)
        return;
    // Only a file that does not exist yet is opened here: closing a descriptor of the database
    // would drop the POSIX locks of every SQLite connection this process has open on it (a
    // second connection to the same file, the knowledge store's, opens after the CRM's).
    struct stat existing {};
    if (::stat(path.c_str(), &existing) != 0) {
        const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
        if (fd >= 0)
            ::close(fd);
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        const std::string file = path + suffix;
        struct stat st {};
        if (::stat(file.c_str(), &st) == 0 && (st.st_mode & 077) != 0)
            ::chmod(file.c_str(), 0600);
    }
}

}  // namespace

SqliteDb::SqliteDb(const std::string& path, DbAccess access)
    : readOnly_(access == DbAccess::ReadOnly) {
    if (!readOnly_)
        restrictToOwner(path);
    const int flags = readOnly_ ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
                                : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw SqliteError("cannot open database " + path + ": " + message);
    }
    sqlite3_busy_timeout(db_, 5000);
    if (readOnly_)
        return;  // the writer's connection chose WAL; a reader cannot change it
    exec("PRAGMA journal_mode=WAL");
    // FULL: in WAL mode every commit is synced, so what was acknowledged (a note answered with
    // 201, an outbox entry) survives a power loss; NORMAL could lose the last commits.
    exec("PRAGMA synchronous=FULL");
    exec("PRAGMA foreign_keys=ON");
}

SqliteDb::~SqliteDb() {
    for (auto& [sql, stmt] : cache_)
        sqlite3_finalize(stmt);
    sqlite3_close(db_);
}

bool SqliteDb::inTransaction() const {
    return sqlite3_get_autocommit(db_) == 0;
}

void SqliteDb::exec(std::string_view sql) {
    char* error = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw SqliteError("sqlite exec: " + message, rc);
    }
}

Statement SqliteDb::prepare(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
        sqlite3_stmt* stmt = nullptr;
        check(db_,
              sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                 SQLITE_PREPARE_PERSISTENT, &stmt, nullptr),
              "sqlite prepare");
        it = cache_.emplace(sql, stmt).first;
    }
    Statement statement(it->second);
    statement.reset();
    return statement;
}

void SqliteDb::backupInto(SqliteDb& destination) {
    sqlite3_backup* backup = sqlite3_backup_init(destination.db_, "main", db_, "main");
    if (!backup)
        throw SqliteError(std::string("sqlite backup: ") + sqlite3_errmsg(destination.db_),
                          sqlite3_extended_errcode(destination.db_));
    // -1: every page in one step, under one read transaction of this connection (a step that
    // copies part of the pages restarts whenever another connection writes, and under steady
    // load might never finish).
    // A lock held by another connection is waited for, up to about ten seconds.
    int rc = SQLITE_OK;
    for (int busyWaits = 0;;) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_OK)
            continue;  // more pages to copy
        if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++busyWaits <= 500) {
            sqlite3_sleep(20);
            continue;
        }
        break;
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        throw SqliteError(std::string("sqlite backup: ") + sqlite3_errstr(rc), rc);
}

std::int64_t SqliteDb::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(db_);
}
int SqliteDb::changes() const {
    return sqlite3_changes(db_);
}

}  // namespace agentdesk
