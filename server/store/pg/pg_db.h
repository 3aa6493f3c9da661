#pragma once
// One PostgreSQL connection (libpq) with typed parameters and results, and transactions that
// nest as savepoints — the PostgreSQL counterpart of common/sqlite_db.h.
//
// Threads: a connection is used by one thread at a time (libpq's rule).
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace agentdesk::server::pg {

class PgError : public std::runtime_error {
public:
    PgError(const std::string& message, std::string sqlState)
        : std::runtime_error(message), sqlState_(std::move(sqlState)) {}
    // The five-character SQLSTATE ("23505" unique violation); "" for a connection failure.
    const std::string& sqlState() const { return sqlState_; }
    // The connection is gone or the database is shutting down or starting (class 08, and 57P01
    // to 57P03): worth a retry later, unlike an error in the statement.
    bool connectionLost() const {
        return sqlState_.empty() || sqlState_.rfind("08", 0) == 0 || sqlState_ == "57P01" ||
               sqlState_ == "57P02" || sqlState_ == "57P03";
    }

private:
    std::string sqlState_;
};

// A parameter in PostgreSQL's text form; nullopt is NULL.
class Param {
public:
    Param(std::nullopt_t) {}
    Param(std::string text) : text_(std::move(text)) {}
    Param(const char* text) : text_(text) {}
    Param(std::string_view text) : text_(std::string(text)) {}
    Param(const std::optional<std::string>& text) : text_(text) {}
    Param(bool value) : text_(value ? "true" : "false") {}
    Param(int value) : text_(std::to_string(value)) {}
    Param(long value) : text_(std::to_string(value)) {}
    Param(long long value) : text_(std::to_string(value)) {}
    Param(double value);
    const std::optional<std::string>& text() const { return text_; }

private:
    std::optional<std::string> text_;
};

class Result {
public:
    explicit Result(pg_result* result) : result_(result) {}
    ~Result();
    Result(Result&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
    Result& operator=(Result&&) = delete;
    Result(const Result&) = delete;

    int rows() const;
    int affected() const;  // rows an INSERT, UPDATE or DELETE touched
    bool isNull(int row, int column) const;
    std::string text(int row, int column) const;  // "" for NULL
    std::optional<std::string> optText(int row, int column) const;
    std::int64_t integer(int row, int column) const;  // 0 for NULL
    double real(int row, int column) const;
    bool boolean(int row, int column) const;  // false for NULL

private:
    pg_result* result_;
};

class PgDb {
public:
    // A libpq connection string or URI ("postgresql://user@127.0.0.1:5432/agentdesk").
    // Throws PgError when the server cannot be reached.
    explicit PgDb(const std::string& conninfo);
    ~PgDb();
    PgDb(const PgDb&) = delete;
    PgDb& operator=(const PgDb&) = delete;

    // One statement with $1, $2… parameters.
    Result exec(const std::string& sql, const std::vector<Param>& params = {});
    // Several statements, no parameters (a schema).
    void execScript(const std::string& sql);

    // Runs fn in BEGIN … COMMIT (a SAVEPOINT when already inside one); rolls back and rethrows
    // on an exception.
    template <typename Fn>
    void transaction(Fn&& fn) {
        const int depthBefore = depth_;
        const bool outer = depthBefore == 0;
        execScript(outer ? "BEGIN" : "SAVEPOINT nested");
        ++depth_;
        try {
            fn();
            depth_ = depthBefore;
            execScript(outer ? "COMMIT" : "RELEASE SAVEPOINT nested");
        } catch (...) {
            depth_ = depthBefore;  // also when the COMMIT itself failed
            rollback(outer);
            throw;
        }
    }
    bool inTransaction() const { return depth_ > 0; }

private:
    void rollback(bool outer) noexcept;
    void reconnectIfLost();

    pg_conn* conn_ = nullptr;
    int depth_ = 0;
};

}  // namespace agentdesk::server::pg
