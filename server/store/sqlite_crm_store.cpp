#include "server/store/sqlite_crm_store.h"

#include <sodium.h>

#include "common/logging.h"
#include "common/phone.h"
#include "server/masking.h"
#include "server/store/sqlite_crm_rows.h"

namespace agentdesk::server {

using nlohmann::json;

using namespace sqlite_rows;

json noteJson(const Note& note) {
    return {{"id", note.id},
            {"idempotencyKey", note.idempotencyKey},
            {"callId", note.callId ? json(*note.callId) : json(nullptr)},
            {"customerId", note.customerId},
            {"wrapupCode", note.wrapupCode},
            {"text", note.text},
            {"authorId", note.authorId},
            {"version", note.version},
            {"draftKept", note.draftKept ? json(*note.draftKept) : json(nullptr)},
            {"createdAt", toRfc3339(note.createdAt)},
            {"updatedAt", toRfc3339(note.updatedAt)}};
}

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

std::string SqliteCrmStore::newId(char prefix) {
    unsigned char bytes[8];
    randombytes_buf(bytes, sizeof bytes);
    static const char* hex = "0123456789abcdef";
    std::string id(1, prefix);
    for (unsigned char b : bytes) {
        id.push_back(hex[b >> 4]);
        id.push_back(hex[b & 15]);
    }
    return id;
}

// ---------------------------------------------------------------- users

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

// ---------------------------------------------------------------- customers

std::vector<CustomerMatch> SqliteCrmStore::matchPhone(const std::string& e164) {
    auto st = db_.prepare(
        "SELECT c.id, c.name, p.is_primary, c.abusive, c.vip, "
        "(SELECT count(*) FROM customer_phones q WHERE q.e164 = p.e164) AS sharing "
        "FROM customer_phones p JOIN customers c ON c.id = p.customer_id WHERE p.e164 = ? "
        "ORDER BY p.is_primary DESC, c.updated_ms DESC LIMIT 10");
    st.bind(1, e164);
    std::vector<CustomerMatch> out;
    while (st.step()) {
        CustomerMatch m;
        m.id = st.text(0);
        m.name = st.text(1);
        const double sharing = static_cast<double>(std::max<std::int64_t>(1, st.integer(5)));
        m.score = (st.integer(2) ? 1.0 : 0.8) / sharing;
        m.abusiveHistory = st.integer(3) != 0;
        m.vip = st.integer(4) != 0;
        out.push_back(std::move(m));
    }
    return out;
}

json SqliteCrmStore::phonesJson(const std::string& customerId, const Viewer& viewer,
                                bool fullForViewer) {
    (void)viewer;
    auto st = db_.prepare(
        "SELECT id, e164, label, is_primary FROM customer_phones WHERE customer_id = ? "
        "ORDER BY is_primary DESC, id");
    st.bind(1, customerId);
    json phones = json::array();
    while (st.step()) {
        const std::string e164 = st.text(1);
        json p{{"id", std::to_string(st.integer(0))},
               {"label", st.text(2)},
               {"primary", st.integer(3) != 0}};
        if (fullForViewer) {
            p["number"] = phone::formatLocal(e164);
            p["e164"] = e164;
        } else {
            p["number"] = phone::maskLocal(e164);
            p["masked"] = true;
        }
        phones.push_back(std::move(p));
    }
    return phones;
}

namespace {
constexpr const char* kListColumns =
    "SELECT c.id, c.customer_no, c.name, c.name_en, c.grade, c.vip, c.abusive, c.email, "
    "c.last_contact_reason, c.external_id FROM customers c ";
}

json SqliteCrmStore::listItem(Statement& row, const Viewer& viewer) {
    json item{{"id", row.text(0)},
              {"customerNo", row.text(1)},
              {"name", row.text(2)},
              {"nameEn", row.text(3)},
              {"grade", row.text(4)},
              {"vip", row.integer(5) != 0},
              {"abusiveHistory", row.integer(6) != 0},
              {"email", nullable(row.optText(7))},
              {"lastContactReason", nullable(row.optText(8))},
              {"externalId", nullable(row.optText(9))}};
    return item;
    (void)viewer;
}

json SqliteCrmStore::listWithPhones(Statement& rows, const Viewer& viewer) {
    std::vector<json> items;  // read all rows first: phonesJson runs its own statement
    while (rows.step())
        items.push_back(listItem(rows, viewer));
    json out = json::array();
    for (auto& item : items) {
        item["phones"] = phonesJson(item["id"].get<std::string>(), viewer, false);
        out.push_back(std::move(item));
    }
    return out;
}

json SqliteCrmStore::customersByPhone(const std::string& e164, const Viewer& viewer) {
    auto st = db_.prepare(std::string(kListColumns) +
                          "JOIN customer_phones p ON p.customer_id = c.id WHERE p.e164 = ? "
                          "GROUP BY c.id ORDER BY max(p.is_primary) DESC, c.name LIMIT 50");
    st.bind(1, e164);
    return listWithPhones(st, viewer);
}

json SqliteCrmStore::searchCustomers(const std::string& query, int limit, const Viewer& viewer) {
    if (auto e164 = phone::toE164(query))
        return customersByPhone(*e164, viewer);
    auto st = db_.prepare(std::string(kListColumns) +
                          "WHERE c.customer_no = ?1 OR c.id = ?1 OR lower(c.email) = lower(?1) "
                          "OR c.name LIKE ?2 ESCAPE '\\' OR lower(c.name_en) LIKE lower(?2) "
                          "ESCAPE '\\' ORDER BY (c.name = ?1) DESC, c.name LIMIT ?3");
    std::string escaped;
    for (char c : query) {
        if (c == '%' || c == '_' || c == '\\')
            escaped.push_back('\\');
        escaped.push_back(c);
    }
    st.bind(1, query).bind(2, "%" + escaped + "%").bind(3, limit);
    return listWithPhones(st, viewer);
}

bool SqliteCrmStore::customerExists(const std::string& id) {
    auto st = db_.prepare("SELECT 1 FROM customers WHERE id = ?");
    st.bind(1, id);
    const bool found = st.step();
    st.reset();
    return found;
}

std::optional<json> SqliteCrmStore::customer360(const std::string& id, const Viewer& viewer) {
    auto st = db_.prepare(
        "SELECT id, customer_no, name, name_en, email, birth_date, rrn, gender, grade, vip, "
        "abusive, abusive_count, address, preferred_lang, consents, last_contact_reason, "
        "created_ms, updated_ms, external_id FROM customers WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    bool handling = viewer.role == Role::Counselor && viewer.currentCallCustomerId == id;
    if (viewer.role == Role::Counselor && !handling && viewer.currentCallerE164) {
        // A number shared by several customers: the handler sees each candidate in full.
        auto caller =
            db_.prepare("SELECT 1 FROM customer_phones WHERE customer_id = ? AND e164 = ?");
        caller.bind(1, id).bind(2, *viewer.currentCallerE164);
        handling = caller.step();
        caller.reset();
    }
    json customer{
        {"id", st.text(0)},
        {"customerNo", st.text(1)},
        {"externalId", nullable(st.optText(18))},
        {"name", st.text(2)},
        {"nameEn", st.text(3)},
        {"email", nullable(st.optText(4))},
        {"birthDate", nullable(st.optText(5))},
        {"residentNumber",
         st.isNull(6) ? json(nullptr)
                      : json(maskResidentNumber(cipher_.open(st.text(6)).value_or(std::string())))},
        {"gender", nullable(st.optText(7))},
        {"grade", st.text(8)},
        {"address", nullable(st.optText(12))},
        {"preferredLang", st.text(13)},
        {"createdAt", msToRfc(st.integer(16))},
        {"updatedAt", msToRfc(st.integer(17))}};
    json flags{{"vip", st.integer(9) != 0},
               {"abusiveHistory", st.integer(10) != 0},
               {"abusiveCount", st.integer(11)}};
    json consents = json::parse(st.text(14), nullptr, false);
    if (!consents.is_object())
        consents = json::object();
    const auto lastReason = st.optText(15);
    st.reset();
    customer["phones"] = phonesJson(id, viewer, handling);

    json products = json::array();
    {
        auto p = db_.prepare(
            "SELECT id, kind, name, number, status, started_at, monthly_fee FROM products "
            "WHERE customer_id = ? ORDER BY (status = 'active') DESC, started_at DESC");
        p.bind(1, id);
        while (p.step()) {
            const std::string kind = p.text(1);
            const std::string number = p.text(3);
            products.push_back({{"id", p.text(0)},
                                {"kind", kind},
                                {"name", p.text(2)},
                                {"number", kind == "card" ? maskCardNumber(number) : number},
                                {"status", p.text(4)},
                                {"startedAt", nullable(p.optText(5))},
                                {"monthlyFee", p.integer(6)}});
        }
    }
    json cases = json::array();
    {
        auto c = db_.prepare(
            "SELECT id, title, status, priority, queue, opened_at, updated_at FROM cases "
            "WHERE customer_id = ? AND status <> 'closed' ORDER BY updated_at DESC");
        c.bind(1, id);
        while (c.step()) {
            cases.push_back({{"id", c.text(0)},
                             {"title", c.text(1)},
                             {"status", c.text(2)},
                             {"priority", c.text(3)},
                             {"queue", c.text(4)},
                             {"openedAt", c.text(5)},
                             {"updatedAt", c.text(6)}});
        }
    }
    json history = interactions(id, std::nullopt, 20);
    return json{{"customer", std::move(customer)},
                {"flags", std::move(flags)},
                {"consents", std::move(consents)},
                {"products", std::move(products)},
                {"openCases", std::move(cases)},
                {"interactions", std::move(history["items"])},
                {"hasMoreInteractions", history["hasMore"]},
                {"lastContactReason", nullable(lastReason)}};
}

json SqliteCrmStore::interactions(const std::string& customerId, std::optional<TimePoint> before,
                                  int limit) {
    const std::int64_t beforeMs =
        before ? toUnixMs(*before) : std::numeric_limits<std::int64_t>::max();
    auto st = db_.prepare(
        "SELECT id, call_id, channel, direction, queue, started_ms, duration_sec, reason, "
        "end_reason, wrapup_code, agent_id, agent_name FROM interactions "
        "WHERE customer_id = ? AND started_ms < ? ORDER BY started_ms DESC LIMIT ?");
    st.bind(1, customerId).bind(2, beforeMs).bind(3, limit + 1);
    json items = json::array();
    std::vector<std::string> ids;
    bool hasMore = false;
    while (st.step()) {
        if (static_cast<int>(items.size()) == limit) {
            hasMore = true;
            break;
        }
        ids.push_back(st.text(0));
        items.push_back({{"id", st.text(0)},
                         {"callId", nullable(st.optText(1))},
                         {"channel", st.text(2)},
                         {"direction", st.text(3)},
                         {"queue", st.text(4)},
                         {"startedAt", msToRfc(st.integer(5))},
                         {"durationSec", st.integer(6)},
                         {"reason", nullable(st.optText(7))},
                         {"endReason", nullable(st.optText(8))},
                         {"wrapupCode", nullable(st.optText(9))},
                         {"agentId", nullable(st.optText(10))},
                         {"agentName", nullable(st.optText(11))},
                         {"notes", json::array()}});
    }
    st.reset();
    if (!ids.empty()) {
        std::unordered_map<std::string, std::size_t> index;
        for (std::size_t i = 0; i < ids.size(); ++i)
            index[ids[i]] = i;
        auto n = db_.prepare(
            "SELECT id, idempotency_key, call_id, customer_id, wrapup_code, text, author_id, "
            "version, created_ms, updated_ms, interaction_id FROM notes WHERE customer_id = ? "
            "AND interaction_id IN (SELECT id FROM interactions WHERE customer_id = ? AND "
            "started_ms < ? ORDER BY started_ms DESC LIMIT ?) ORDER BY created_ms");
        n.bind(1, customerId).bind(2, customerId).bind(3, beforeMs).bind(4, limit);
        while (n.step()) {
            auto note = readNote(n);
            auto it = index.find(n.text(10));
            if (note && it != index.end())
                items[it->second]["notes"].push_back(noteJson(*note));
        }
    }
    return {{"items", std::move(items)}, {"hasMore", hasMore}};
}

std::string SqliteCrmStore::createCustomer(const json& fields, TimePoint now) {
    std::string id;
    {
        auto st = db_.prepare("SELECT coalesce(max(rowid), 0) FROM customers");
        st.step();
        std::int64_t next = st.integer(0) + 1;
        st.reset();
        for (;; ++next) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "C%05lld", static_cast<long long>(next));
            if (!customerExists(buf)) {
                id = buf;
                break;
            }
        }
    }
    json record = fields;
    record["id"] = id;
    if (!record.contains("customerNo")) {
        // "9" and nine digits of the time; when several customers are created within the same
        // millisecond (an import), a random number instead.
        std::string number = "9" + std::to_string(toUnixMs(now) % 1000000000LL);
        auto taken = db_.prepare("SELECT 1 FROM customers WHERE customer_no = ?");
        for (;;) {
            taken.bind(1, number);
            const bool exists = taken.step();
            taken.reset();
            if (!exists)
                break;
            number = "9" + std::to_string(100000000 + randombytes_uniform(900000000));
        }
        record["customerNo"] = number;
    }
    db_.transaction([&] {
        insertCustomerRecord(record);
        auto st = db_.prepare("UPDATE customers SET created_ms = ?, updated_ms = ? WHERE id = ?");
        st.bind(1, toUnixMs(now)).bind(2, toUnixMs(now)).bind(3, id);
        st.run();
    });
    return id;
}

bool SqliteCrmStore::updateCustomer(const std::string& id, const json& fields, TimePoint now) {
    if (!customerExists(id))
        return false;
    db_.transaction([&] {
        auto set = [&](const char* column, const json& value) {
            auto st =
                db_.prepare(std::string("UPDATE customers SET ") + column + " = ? WHERE id = ?");
            if (value.is_null()) {
                st.bindNull(1);
            } else if (value.is_boolean()) {
                st.bind(1, value.get<bool>());
            } else if (value.is_string()) {
                st.bind(1, value.get<std::string>());
            } else {
                st.bind(1, value.dump());
            }
            st.bind(2, id);
            st.run();
        };
        static const std::pair<const char*, const char*> columns[] = {
            {"name", "name"},       {"nameEn", "name_en"},
            {"email", "email"},     {"birthDate", "birth_date"},
            {"gender", "gender"},   {"grade", "grade"},
            {"address", "address"}, {"preferredLang", "preferred_lang"},
            {"vip", "vip"},         {"abusiveHistory", "abusive"}};
        for (const auto& [key, column] : columns) {
            if (fields.contains(key))
                set(column, fields[key]);
        }
        if (fields.contains("consents")) {
            auto st = db_.prepare("SELECT consents FROM customers WHERE id = ?");
            st.bind(1, id);
            st.step();
            json merged = json::parse(st.text(0), nullptr, false);
            st.reset();
            if (!merged.is_object())
                merged = json::object();
            for (auto& [k, v] : fields["consents"].items())
                merged[k] = v;
            set("consents", json(merged.dump()));
        }
        if (fields.contains("phones")) {
            auto del = db_.prepare("DELETE FROM customer_phones WHERE customer_id = ?");
            del.bind(1, id);
            del.run();
            for (const auto& p : fields["phones"]) {
                auto ins = db_.prepare(
                    "INSERT INTO customer_phones(customer_id, e164, label, is_primary) "
                    "VALUES(?,?,?,?)");
                ins.bind(1, id).bind(2, str(p, "e164")).bind(3, str(p, "label"));
                ins.bind(4, flag(p, "primary"));
                ins.run();
            }
        }
        auto st = db_.prepare("UPDATE customers SET updated_ms = ? WHERE id = ?");
        st.bind(1, toUnixMs(now)).bind(2, id);
        st.run();
    });
    return true;
}

std::optional<std::string> SqliteCrmStore::customerPhone(const std::string& customerId,
                                                         const std::string& phoneId) {
    auto st = db_.prepare("SELECT e164 FROM customer_phones WHERE customer_id = ? AND id = ?");
    st.bind(1, customerId).bind(2, static_cast<std::int64_t>(std::atoll(phoneId.c_str())));
    if (!st.step())
        return std::nullopt;
    auto e164 = st.text(0);
    st.reset();
    return e164;
}

void SqliteCrmStore::flagAbusive(const std::string& customerId, TimePoint at) {
    auto st = db_.prepare(
        "UPDATE customers SET abusive = 1, abusive_count = abusive_count + 1, updated_ms = ? "
        "WHERE id = ?");
    st.bind(1, toUnixMs(at)).bind(2, customerId);
    st.run();
}

std::vector<std::string> SqliteCrmStore::samplePhones(int count) {
    auto st = db_.prepare(
        "SELECT e164 FROM customer_phones WHERE is_primary = 1 ORDER BY random() LIMIT ?");
    st.bind(1, count);
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

std::optional<std::string> SqliteCrmStore::primaryPhone(const std::string& customerId) {
    auto st = db_.prepare(
        "SELECT e164 FROM customer_phones WHERE customer_id = ? ORDER BY is_primary DESC, id "
        "LIMIT 1");
    st.bind(1, customerId);
    if (!st.step())
        return std::nullopt;
    auto e164 = st.text(0);
    st.reset();
    return e164;
}

}  // namespace agentdesk::server
