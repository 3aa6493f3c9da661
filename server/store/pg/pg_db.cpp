#include "server/store/pg/pg_db.h"

#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace agentdesk::server::pg {

namespace {

std::string errorOf(pg_conn* conn) {
    std::string message = conn ? PQerrorMessage(conn) : "out of memory";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    return message;
}

// Throws unless the result is a success; returns it otherwise.
pg_result* checked(pg_conn* conn, pg_result* result, std::string_view what) {
    const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return result;
    std::string state;
    std::string message;
    if (result) {
        if (const char* s = PQresultErrorField(result, PG_DIAG_SQLSTATE))
            state = s;
        message = PQresultErrorMessage(result);
        while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
            message.pop_back();
        PQclear(result);
    }
    if (message.empty())
        message = errorOf(conn);
    throw PgError("postgresql " + std::string(what) + ": " + message, state);
}

}  // namespace

Param::Param(double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", value);
    text_ = buf;
}

Result::~Result() {
    if (result_)
        PQclear(result_);
}

int Result::rows() const {
    return PQntuples(result_);
}

int Result::affected() const {
    const char* n = PQcmdTuples(result_);
    return n && *n ? std::atoi(n) : 0;
}

bool Result::isNull(int row, int column) const {
    return PQgetisnull(result_, row, column) != 0;
}

std::string Result::text(int row, int column) const {
    if (isNull(row, column))
        return {};
    return std::string(PQgetvalue(result_, row, column),
                       static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

std::optional<std::string> Result::optText(int row, int column) const {
    if (isNull(row, column))
        return std::nullopt;
    return text(row, column);
}

std::int64_t Result::integer(int row, int column) const {
    return isNull(row, column) ? 0 : std::strtoll(PQgetvalue(result_, row, column), nullptr, 10);
}

double Result::real(int row, int column) const {
    return isNull(row, column) ? 0.0 : std::strtod(PQgetvalue(result_, row, column), nullptr);
}

bool Result::boolean(int row, int column) const {
    return !isNull(row, column) && PQgetvalue(result_, row, column)[0] == 't';
}

namespace {

// Defaults the connection string may override: a connect attempt gives up after 5 s, and a peer
// that vanished (a network partition) is noticed within about 15 s instead of the kernel's hours,
// so the thread waiting on it answers 503 instead of hanging.
pg_conn* connect(const std::string& conninfo) {
    const char* keywords[] = {
        "connect_timeout",  "keepalives",       "keepalives_idle", "keepalives_interval",
        "keepalives_count", "tcp_user_timeout", "dbname",          nullptr};
    const char* values[] = {"5", "1", "5", "2", "3", "15000", conninfo.c_str(), nullptr};
    return PQconnectdbParams(keywords, values, 1);
}

}  // namespace

PgDb::PgDb(const std::string& conninfo) : conn_(connect(conninfo)) {
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
        const std::string message = errorOf(conn_);
        PQfinish(conn_);
        conn_ = nullptr;
        throw PgError("postgresql connect: " + message, "");
    }
    // Text functions and trigram indexes need UTF-8; the client reads and writes UTF-8.
    PQsetClientEncoding(conn_, "UTF8");
    // Notices ("relation already exists, skipping") are not worth a log line each.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
}

PgDb::~PgDb() {
    if (conn_)
        PQfinish(conn_);
}

void PgDb::reconnectIfLost() {
    // After the server restarted or the network dropped, the first statement outside a
    // transaction connects again (one inside would have lost its transaction anyway).
    if (PQstatus(conn_) == CONNECTION_BAD && depth_ == 0)
        PQreset(conn_);
}

Result PgDb::exec(const std::string& sql, const std::vector<Param>& params) {
    reconnectIfLost();
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params)
        values.push_back(p.text() ? p.text()->c_str() : nullptr);
    auto run = [&] {
        return PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                            values.data(), nullptr, nullptr, 0);
    };
    pg_result* result = run();
    // A connection that died while idle (the database restarted) is only found out by using
    // it: a read outside a transaction is asked again on a new connection, so the first search
    // after an outage does not fail. A write is not repeated (it may have been done); its
    // caller answers 503 and the client sends it again.
    const bool failed = !result || (PQresultStatus(result) != PGRES_COMMAND_OK &&
                                    PQresultStatus(result) != PGRES_TUPLES_OK);
    if (failed && PQstatus(conn_) == CONNECTION_BAD && depth_ == 0 && sql.rfind("SELECT", 0) == 0) {
        if (result)
            PQclear(result);
        PQreset(conn_);
        result = run();
    }
    return Result(checked(conn_, result, "query"));
}

void PgDb::execScript(const std::string& sql) {
    if (sql != "COMMIT" && sql.rfind("RELEASE", 0) != 0)
        reconnectIfLost();
    PQclear(checked(conn_, PQexec(conn_, sql.c_str()), "statement"));
}

void PgDb::rollback(bool outer) noexcept {
    const char* sql = outer ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT nested; RELEASE SAVEPOINT nested";
    if (pg_result* r = PQexec(conn_, sql))
        PQclear(r);
}

}  // namespace agentdesk::server::pg
