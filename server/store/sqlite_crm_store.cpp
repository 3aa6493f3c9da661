#include "server/store/sqlite_crm_store.h"

#include "common/logging.h"
#include "server/store/record_ids.h"
#include "server/store/store_rows.h"

namespace agentdesk::server {

using nlohmann::json;

using namespace store_rows;

SqliteCrmStore::SqliteCrmStore(const std::string& path, FieldCipher cipher, DbAccess access)
    : db_(path, access), cipher_(std::move(cipher)) {
    if (access == DbAccess::ReadOnly)
        return;
    createSchema();
    sealResidentNumbers();
}

void SqliteCrmStore::sealResidentNumbers() {
    auto sealed = db_.prepare("SELECT rrn FROM customers WHERE rrn LIKE 'sb1:%' LIMIT 1");
    if (sealed.step() && !cipher_.open(sealed.text(0)))
        throw std::runtime_error(
            "the key file does not open the resident numbers in this database "
            "(--key-file must name the key this database was written with)");
    sealed.reset();
    std::vector<std::pair<std::string, std::string>> plain;
    auto rows =
        db_.prepare("SELECT id, rrn FROM customers WHERE rrn IS NOT NULL AND rrn NOT LIKE 'sb1:%'");
    while (rows.step())
        plain.emplace_back(rows.text(0), rows.text(1));
    rows.reset();
    if (plain.empty())
        return;
    db_.transaction([&] {
        auto update = db_.prepare("UPDATE customers SET rrn = ? WHERE id = ?");
        for (const auto& [id, rrn] : plain) {
            update.bind(1, cipher_.seal(rrn)).bind(2, id);
            update.run();
        }
    });
    logging::get("store")->info("sealed {} resident numbers stored in plain text", plain.size());
}

// ---------------------------------------------------------------- users (UserStore)

namespace {
User readUser(Statement& st) {
    User u;
    u.id = st.text(0);
    u.username = st.text(1);
    u.name = st.text(2);
    u.nameEn = st.text(3);
    u.role = parseRole(st.text(4)).value_or(Role::Counselor);
    const json skills = json::parse(st.text(5), nullptr, false);
    if (skills.is_array()) {
        for (const auto& s : skills) {
            if (s.is_string())
                u.skills.push_back(s.get<std::string>());
        }
    }
    u.extension = st.text(6);
    u.passwordHash = st.text(7);
    u.sipHa1 = st.text(8);
    u.disabled = st.integer(9) != 0;
    return u;
}
constexpr const char* kUserColumns =
    "SELECT id, username, name, name_en, role, skills, extension, pw_hash, sip_ha1, disabled "
    "FROM users ";
}  // namespace

std::optional<User> SqliteCrmStore::userByUsername(const std::string& username) {
    auto st = db_.prepare(std::string(kUserColumns) + "WHERE username = ?");
    st.bind(1, username);
    if (!st.step())
        return std::nullopt;
    auto user = readUser(st);
    st.reset();
    return user;
}

std::optional<User> SqliteCrmStore::userById(const std::string& id) {
    auto st = db_.prepare(std::string(kUserColumns) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    auto user = readUser(st);
    st.reset();
    return user;
}

std::vector<User> SqliteCrmStore::users() {
    auto st = db_.prepare(std::string(kUserColumns) + "ORDER BY id");
    std::vector<User> out;
    while (st.step())
        out.push_back(readUser(st));
    return out;
}

void SqliteCrmStore::upsertUser(const User& user) {
    auto st = db_.prepare(
        "INSERT INTO users(id, username, name, name_en, role, skills, extension, pw_hash, "
        "sip_ha1, disabled) VALUES(?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
        "username=excluded.username, name=excluded.name, name_en=excluded.name_en, "
        "role=excluded.role, skills=excluded.skills, extension=excluded.extension, "
        "pw_hash=excluded.pw_hash, sip_ha1=excluded.sip_ha1, disabled=excluded.disabled");
    st.bind(1, user.id).bind(2, user.username).bind(3, user.name).bind(4, user.nameEn);
    st.bind(5, roleName(user.role)).bind(6, json(user.skills).dump()).bind(7, user.extension);
    st.bind(8, user.passwordHash).bind(9, user.sipHa1).bind(10, user.disabled ? 1 : 0);
    st.run();
}

}  // namespace agentdesk::server
