// SqliteCrmStore: login sessions (hashed tokens) that outlive the server process.
#include "server/store/sqlite_crm_store.h"

namespace agentdesk::server {

namespace {

TimePoint fromUnixMs(std::int64_t ms) {
    return TimePoint(std::chrono::milliseconds(ms));
}

}  // namespace

void SqliteCrmStore::saveSession(const StoredSession& s) {
    auto st = db_.prepare(
        "INSERT OR REPLACE INTO sessions(token_hash, user_id, role, expires_ms, last_seen_ms) "
        "VALUES(?,?,?,?,?)");
    st.bind(1, s.tokenHash).bind(2, s.userId).bind(3, std::string(roleName(s.role)));
    st.bind(4, toUnixMs(s.expiresAt)).bind(5, toUnixMs(s.lastSeen));
    st.step();
    st.reset();
}

std::optional<StoredSession> SqliteCrmStore::sessionByTokenHash(const std::string& tokenHash) {
    auto st = db_.prepare(
        "SELECT user_id, role, expires_ms, last_seen_ms FROM sessions WHERE token_hash = ?");
    st.bind(1, tokenHash);
    std::optional<StoredSession> out;
    if (st.step()) {
        const auto role = parseRole(st.text(1));
        if (role) {
            out = StoredSession{tokenHash, st.text(0), *role, fromUnixMs(st.integer(2)),
                                fromUnixMs(st.integer(3))};
        }
    }
    st.reset();
    return out;
}

void SqliteCrmStore::touchSession(const std::string& tokenHash, TimePoint lastSeen) {
    auto st = db_.prepare("UPDATE sessions SET last_seen_ms = ? WHERE token_hash = ?");
    st.bind(1, toUnixMs(lastSeen)).bind(2, tokenHash);
    st.step();
    st.reset();
}

void SqliteCrmStore::deleteSession(const std::string& tokenHash) {
    auto st = db_.prepare("DELETE FROM sessions WHERE token_hash = ?");
    st.bind(1, tokenHash);
    st.step();
    st.reset();
}

void SqliteCrmStore::deleteSessionsOfUser(const std::string& userId) {
    auto st = db_.prepare("DELETE FROM sessions WHERE user_id = ?");
    st.bind(1, userId);
    st.step();
    st.reset();
}

int SqliteCrmStore::deleteExpiredSessions(TimePoint now) {
    auto st = db_.prepare("DELETE FROM sessions WHERE expires_ms <= ?");
    st.bind(1, toUnixMs(now));
    st.step();
    st.reset();
    return db_.changes();
}

int SqliteCrmStore::deleteAllSessions() {
    db_.exec("DELETE FROM sessions");
    return db_.changes();
}

std::vector<std::string> SqliteCrmStore::sessionHashes() {
    auto st = db_.prepare("SELECT token_hash FROM sessions");
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.text(0));
    st.reset();
    return out;
}

std::vector<StoredSession> SqliteCrmStore::storedSessions() {
    auto st =
        db_.prepare("SELECT token_hash, user_id, role, expires_ms, last_seen_ms FROM sessions");
    std::vector<StoredSession> out;
    while (st.step()) {
        if (const auto role = parseRole(st.text(2)))
            out.push_back({st.text(0), st.text(1), *role, fromUnixMs(st.integer(3)),
                           fromUnixMs(st.integer(4))});
    }
    st.reset();
    return out;
}

}  // namespace agentdesk::server
