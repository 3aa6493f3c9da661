// PgCrmStore: connection and schema, users (UserStore), sessions (SessionStore).
#include "server/store/pg/pg_crm_store.h"

#include <nlohmann/json.hpp>

#include "server/store/store_rows.h"

namespace agentdesk::server::pg {

using nlohmann::json;
using store_rows::fromMs;

namespace {

constexpr const char* kUserColumns =
    "SELECT id, username, name, name_en, role, skills, extension, pw_hash, sip_ha1, disabled "
    "FROM users ";

User readUser(const Result& r, int row) {
    User u;
    u.id = r.text(row, 0);
    u.username = r.text(row, 1);
    u.name = r.text(row, 2);
    u.nameEn = r.text(row, 3);
    u.role = parseRole(r.text(row, 4)).value_or(Role::Counselor);
    const json skills = json::parse(r.text(row, 5), nullptr, false);
    if (skills.is_array()) {
        for (const auto& s : skills) {
            if (s.is_string())
                u.skills.push_back(s.get<std::string>());
        }
    }
    u.extension = r.text(row, 6);
    u.passwordHash = r.text(row, 7);
    u.sipHa1 = r.text(row, 8);
    u.disabled = r.boolean(row, 9);
    return u;
}

std::optional<User> firstUser(const Result& r) {
    if (r.rows() == 0)
        return std::nullopt;
    return readUser(r, 0);
}

}  // namespace

PgCrmStore::PgCrmStore(const std::string& conninfo, FieldCipher cipher)
    : db_(conninfo), cipher_(std::move(cipher)) {
    migrate();
    checkKey();
}

void PgCrmStore::checkKey() {
    auto sealed = db_.exec("SELECT rrn FROM customers WHERE rrn IS NOT NULL LIMIT 1");
    if (sealed.rows() > 0 && !cipher_.open(sealed.text(0, 0)))
        throw std::runtime_error(
            "the key file does not open the resident numbers in this database "
            "(--key-file must name the key this database was written with)");
}

// ---------------------------------------------------------------- users (UserStore)

std::optional<User> PgCrmStore::userByUsername(const std::string& username) {
    return firstUser(db_.exec(std::string(kUserColumns) + "WHERE username = $1", {username}));
}

std::optional<User> PgCrmStore::userById(const std::string& id) {
    return firstUser(db_.exec(std::string(kUserColumns) + "WHERE id = $1", {id}));
}

std::vector<User> PgCrmStore::users() {
    auto r = db_.exec(std::string(kUserColumns) + "ORDER BY id");
    std::vector<User> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(readUser(r, i));
    return out;
}

void PgCrmStore::upsertUser(const User& user) {
    db_.exec(
        "INSERT INTO users(id, username, name, name_en, role, skills, extension, pw_hash, "
        "sip_ha1, disabled) VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT(id) DO UPDATE SET "
        "username=excluded.username, name=excluded.name, name_en=excluded.name_en, "
        "role=excluded.role, skills=excluded.skills, extension=excluded.extension, "
        "pw_hash=excluded.pw_hash, sip_ha1=excluded.sip_ha1, disabled=excluded.disabled",
        {user.id, user.username, user.name, user.nameEn, std::string(roleName(user.role)),
         json(user.skills).dump(), user.extension, user.passwordHash, user.sipHa1, user.disabled});
}

// ---------------------------------------------------------------- sessions (SessionStore)

void PgCrmStore::saveSession(const StoredSession& s) {
    db_.exec(
        "INSERT INTO sessions(token_hash, user_id, role, expires_ms, last_seen_ms) "
        "VALUES($1,$2,$3,$4,$5) ON CONFLICT(token_hash) DO UPDATE SET user_id=excluded.user_id, "
        "role=excluded.role, expires_ms=excluded.expires_ms, last_seen_ms=excluded.last_seen_ms",
        {s.tokenHash, s.userId, std::string(roleName(s.role)), toUnixMs(s.expiresAt),
         toUnixMs(s.lastSeen)});
}

std::optional<StoredSession> PgCrmStore::sessionByTokenHash(const std::string& tokenHash) {
    auto r = db_.exec(
        "SELECT user_id, role, expires_ms, last_seen_ms FROM sessions WHERE token_hash = $1",
        {tokenHash});
    if (r.rows() == 0)
        return std::nullopt;
    const auto role = parseRole(r.text(0, 1));
    if (!role)
        return std::nullopt;
    return StoredSession{tokenHash, r.text(0, 0), *role, fromMs(r.integer(0, 2)),
                         fromMs(r.integer(0, 3))};
}

void PgCrmStore::touchSession(const std::string& tokenHash, TimePoint lastSeen) {
    db_.exec("UPDATE sessions SET last_seen_ms = $1 WHERE token_hash = $2",
             {toUnixMs(lastSeen), tokenHash});
}

void PgCrmStore::deleteSession(const std::string& tokenHash) {
    db_.exec("DELETE FROM sessions WHERE token_hash = $1", {tokenHash});
}

void PgCrmStore::deleteSessionsOfUser(const std::string& userId) {
    db_.exec("DELETE FROM sessions WHERE user_id = $1", {userId});
}

int PgCrmStore::deleteExpiredSessions(TimePoint now) {
    return db_.exec("DELETE FROM sessions WHERE expires_ms <= $1", {toUnixMs(now)}).affected();
}

int PgCrmStore::deleteAllSessions() {
    return db_.exec("DELETE FROM sessions").affected();
}

std::vector<std::string> PgCrmStore::sessionHashes() {
    auto r = db_.exec("SELECT token_hash FROM sessions");
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(r.text(i, 0));
    return out;
}

std::vector<StoredSession> PgCrmStore::storedSessions() {
    auto r = db_.exec("SELECT token_hash, user_id, role, expires_ms, last_seen_ms FROM sessions");
    std::vector<StoredSession> out;
    for (int i = 0; i < r.rows(); ++i) {
        if (const auto role = parseRole(r.text(i, 2)))
            out.push_back({r.text(i, 0), r.text(i, 1), *role, fromMs(r.integer(i, 3)),
                           fromMs(r.integer(i, 4))});
    }
    return out;
}

}  // namespace agentdesk::server::pg
