// SqliteCrmStore: customers (CustomerStore).
#include "common/phone.h"
#include "server/store/record_ids.h"
#include "server/store/sqlite_crm_store.h"
#include "server/store/store_rows.h"

namespace agentdesk::server {

using nlohmann::json;
using namespace store_rows;

namespace {

constexpr const char* kSummaryColumns =
    "SELECT c.id, c.customer_no, c.name, c.name_en, c.grade, c.vip, c.abusive, c.email, "
    "c.last_contact_reason, c.external_id FROM customers c ";

CustomerSummary readSummary(Statement& row) {
    CustomerSummary s;
    s.id = row.text(0);
    s.customerNo = row.text(1);
    s.name = row.text(2);
    s.nameEn = row.text(3);
    s.grade = row.text(4);
    s.vip = row.integer(5) != 0;
    s.abusiveHistory = row.integer(6) != 0;
    s.email = row.optText(7);
    s.lastContactReason = row.optText(8);
    s.externalId = row.optText(9);
    return s;
}

}  // namespace

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

std::vector<CustomerPhone> SqliteCrmStore::phonesOf(const std::string& customerId) {
    auto st = db_.prepare(
        "SELECT id, e164, label, is_primary FROM customer_phones WHERE customer_id = ? "
        "ORDER BY is_primary DESC, id");
    st.bind(1, customerId);
    std::vector<CustomerPhone> phones;
    while (st.step())
        phones.push_back({st.integer(0), st.text(1), st.text(2), st.integer(3) != 0});
    return phones;
}

std::vector<CustomerSummary> SqliteCrmStore::summariesWithPhones(Statement& rows) {
    std::vector<CustomerSummary> out;  // all rows first: phonesOf runs its own statement
    while (rows.step())
        out.push_back(readSummary(rows));
    for (auto& s : out)
        s.phones = phonesOf(s.id);
    return out;
}

std::vector<CustomerSummary> SqliteCrmStore::customersByPhone(const std::string& e164) {
    auto st = db_.prepare(std::string(kSummaryColumns) +
                          "JOIN customer_phones p ON p.customer_id = c.id WHERE p.e164 = ? "
                          "GROUP BY c.id ORDER BY max(p.is_primary) DESC, c.name LIMIT 50");
    st.bind(1, e164);
    return summariesWithPhones(st);
}

std::vector<CustomerSummary> SqliteCrmStore::searchCustomers(const std::string& query, int limit) {
    if (auto e164 = phone::toE164(query))
        return customersByPhone(*e164);
    auto st = db_.prepare(std::string(kSummaryColumns) +
                          "WHERE c.customer_no = ?1 OR c.id = ?1 OR lower(c.email) = lower(?1) "
                          "OR c.name LIKE ?2 ESCAPE '\\' OR lower(c.name_en) LIKE lower(?2) "
                          "ESCAPE '\\' ORDER BY (c.name = ?1) DESC, c.name LIMIT ?3");
    st.bind(1, query).bind(2, "%" + escapeLike(query) + "%").bind(3, limit);
    return summariesWithPhones(st);
}

bool SqliteCrmStore::customerExists(const std::string& id) {
    auto st = db_.prepare("SELECT 1 FROM customers WHERE id = ?");
    st.bind(1, id);
    const bool found = st.step();
    st.reset();
    return found;
}

std::optional<Customer360> SqliteCrmStore::customer360(const std::string& id) {
    auto st = db_.prepare(
        "SELECT id, customer_no, name, name_en, email, birth_date, rrn, gender, grade, vip, "
        "abusive, abusive_count, address, preferred_lang, consents, last_contact_reason, "
        "created_ms, updated_ms, external_id FROM customers WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    Customer360 view;
    Customer& c = view.customer;
    c.id = st.text(0);
    c.customerNo = st.text(1);
    c.name = st.text(2);
    c.nameEn = st.text(3);
    c.email = st.optText(4);
    c.birthDate = st.optText(5);
    if (!st.isNull(6))
        c.residentNumber = cipher_.open(st.text(6)).value_or(std::string());
    c.gender = st.optText(7);
    c.grade = st.text(8);
    c.vip = st.integer(9) != 0;
    c.abusiveHistory = st.integer(10) != 0;
    c.abusiveCount = static_cast<int>(st.integer(11));
    c.address = st.optText(12);
    c.preferredLang = st.text(13);
    c.consents = consentsFromText(st.text(14));
    c.lastContactReason = st.optText(15);
    c.createdAt = fromMs(st.integer(16));
    c.updatedAt = fromMs(st.integer(17));
    c.externalId = st.optText(18);
    st.reset();
    c.phones = phonesOf(id);

    auto p = db_.prepare(
        "SELECT id, kind, name, number, status, started_at, monthly_fee FROM products "
        "WHERE customer_id = ? ORDER BY (status = 'active') DESC, started_at DESC, id");
    p.bind(1, id);
    while (p.step()) {
        view.products.push_back(
            {p.text(0), p.text(1), p.text(2), p.text(3), p.text(4), p.optText(5), p.integer(6)});
    }
    auto k = db_.prepare(
        "SELECT id, title, status, priority, queue, opened_at, updated_at FROM cases "
        "WHERE customer_id = ? AND status <> 'closed' ORDER BY updated_at DESC");
    k.bind(1, id);
    while (k.step()) {
        view.openCases.push_back(
            {k.text(0), k.text(1), k.text(2), k.text(3), k.text(4), k.text(5), k.text(6)});
    }
    view.history = interactions(id, std::nullopt, 20);
    return view;
}

std::string SqliteCrmStore::createCustomer(const CustomerChange& change, TimePoint now) {
    std::string id;
    {
        auto st = db_.prepare("SELECT coalesce(max(rowid), 0) FROM customers");
        st.step();
        std::int64_t next = st.integer(0) + 1;
        st.reset();
        for (;; ++next) {
            id = customerIdFor(next);
            if (!customerExists(id))
                break;
        }
    }
    std::string number = customerNumberAt(now);
    auto taken = db_.prepare("SELECT 1 FROM customers WHERE customer_no = ?");
    for (;;) {
        taken.bind(1, number);
        const bool exists = taken.step();
        taken.reset();
        if (!exists)
            break;
        number = randomCustomerNumber();
    }
    db_.transaction([&] {
        auto st = db_.prepare(
            "INSERT INTO customers(id, customer_no, name, grade, preferred_lang, created_ms, "
            "updated_ms) VALUES(?,?,?,'NORMAL','ko',?,?)");
        st.bind(1, id).bind(2, number).bind(3, change.name.value_or(std::string()));
        st.bind(4, toUnixMs(now)).bind(5, toUnixMs(now));
        st.run();
        updateCustomer(id, change, now);
    });
    return id;
}

bool SqliteCrmStore::updateCustomer(const std::string& id, const CustomerChange& change,
                                    TimePoint now) {
    if (!customerExists(id))
        return false;
    db_.transaction([&] {
        auto set = [&](const char* column, const std::optional<std::string>& value) {
            auto st =
                db_.prepare(std::string("UPDATE customers SET ") + column + " = ? WHERE id = ?");
            st.bindOptional(1, value).bind(2, id);
            st.run();
        };
        for (const auto& [column, value] : changedColumns(change))
            set(column, value);
        if (change.consents) {
            auto st = db_.prepare("SELECT consents FROM customers WHERE id = ?");
            st.bind(1, id);
            st.step();
            Consents merged = consentsFromText(st.text(0));
            st.reset();
            for (const auto& [name, given] : *change.consents)
                merged[name] = given;
            set("consents", json(merged).dump());
        }
        if (change.phones) {
            auto del = db_.prepare("DELETE FROM customer_phones WHERE customer_id = ?");
            del.bind(1, id);
            del.run();
            insertPhones(id, *change.phones);
        }
        auto st = db_.prepare("UPDATE customers SET updated_ms = ? WHERE id = ?");
        st.bind(1, toUnixMs(now)).bind(2, id);
        st.run();
    });
    return true;
}

void SqliteCrmStore::insertPhones(const std::string& customerId,
                                  const std::vector<CustomerPhone>& phones) {
    auto ins = db_.prepare(
        "INSERT INTO customer_phones(customer_id, e164, label, is_primary) VALUES(?,?,?,?)");
    for (const auto& p : phones) {
        ins.bind(1, customerId).bind(2, p.e164).bind(3, p.label).bind(4, p.primary);
        ins.run();
    }
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

int SqliteCrmStore::customerCount() {
    auto st = db_.prepare("SELECT count(*) FROM customers");
    st.step();
    const int n = static_cast<int>(st.integer(0));
    st.reset();
    return n;
}

}  // namespace agentdesk::server
