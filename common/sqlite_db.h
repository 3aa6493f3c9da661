#pragma once
// A thin RAII layer over the SQLite C API: one connection, cached prepared statements,
// transactions. Not thread-safe: one owner thread.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace agentdesk {

class SqliteError : public std::runtime_error {
public:
    explicit SqliteError(const std::string& message, int code = 1)
        : std::runtime_error(message), code_(code) {}
    int code() const { return code_; }  // SQLite's (extended) result code
    // The disk (or the database's size limit) is full: nothing was written, try again later.
    bool storageFull() const { return (code_ & 0xff) == 13 /* SQLITE_FULL */; }

private:
    int code_;
};

class Statement {
public:
    explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, long long value) {
        return bind(index, static_cast<std::int64_t>(value));
    }
    Statement& bind(int index, double value);
    Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bindNull(int index);
    Statement& bindOptional(int index, const std::optional<std::string>& text);

    bool step();  // true while a row is available
    // Runs it to the end and resets it, so that it can be bound and run again (a loop of
    // inserts on one statement).
    void run() {
        while (step()) {
        }
        reset();
    }
    void reset();

    std::string text(int column) const;
    std::optional<std::string> optText(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    bool isNull(int column) const;

private:
    sqlite3_stmt* stmt_;
};

// ReadOnly: a second connection to an existing database file that only reads (in WAL mode it
// reads while another connection writes); it neither creates the file nor changes its settings.
enum class DbAccess { ReadWrite, ReadOnly };

class SqliteDb {
public:
    // ":memory:" for a private in-memory database.
    explicit SqliteDb(const std::string& path, DbAccess access = DbAccess::ReadWrite);
    ~SqliteDb();
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    void exec(std::string_view sql);
    // A cached statement, reset and unbound, ready to bind.
    Statement prepare(const std::string& sql);
    std::int64_t lastInsertRowId() const;
    bool inTransaction() const;  // false in autocommit mode
    int changes() const;
    bool readOnly() const { return readOnly_; }
    // The connection itself, only to register SQL functions on it.
    sqlite3* handle() const { return db_; }

    // Copies this whole database into `destination` with SQLite's online backup, in one step:
    // the copy is one consistent snapshot even while other connections write (in WAL mode they
    // are not held up). The destination's previous content is replaced.
    void backupInto(SqliteDb& destination);

    // Runs fn in BEGIN IMMEDIATE … COMMIT (a SAVEPOINT when already inside one); rolls back and
    // rethrows on an exception.
    template <typename Fn>
    void transaction(Fn&& fn) {
        const int depthBefore = depth_;
        const bool outer = depthBefore == 0;
        exec(outer ? "BEGIN IMMEDIATE" : "SAVEPOINT nested");
        ++depth_;
        try {
            fn();
            depth_ = depthBefore;
            exec(outer ? "COMMIT" : "RELEASE nested");
        } catch (...) {
            depth_ = depthBefore;  // also when the COMMIT itself failed
            // SQLite may have rolled back by itself (SQLITE_FULL, SQLITE_IOERR…): then there is
            // nothing left to undo, and the original error is the one to report.
            if (inTransaction()) {
                try {
                    exec(outer ? "ROLLBACK" : "ROLLBACK TO nested; RELEASE nested");
                } catch (const SqliteError&) {
                }
            }
            throw;
        }
    }

private:
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
    int depth_ = 0;
    bool readOnly_ = false;
};

}  // namespace agentdesk
