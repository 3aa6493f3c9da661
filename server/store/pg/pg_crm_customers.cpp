// PgCrmStore: customers (CustomerStore).
#include <nlohmann/json.hpp>

#include "common/phone.h"
#include "server/store/pg/pg_crm_store.h"
#include "server/store/record_ids.h"
#include "server/store/store_rows.h"

namespace agentdesk::server::pg {

using nlohmann::json;
using store_rows::consentsFromText;
using store_rows::escapeLike;
using store_rows::fromMs;

namespace {

constexpr const char* kSummaryColumns =
    "SELECT c.id, c.customer_no, c.name, c.name_en, c.grade, c.vip, c.abusive, c.email, "
    "c.last_contact_reason, c.external_id FROM customers c ";

CustomerSummary readSummary(const Result& r, int row) {
    CustomerSummary s;
    s.id = r.text(row, 0);
    s.customerNo = r.text(row, 1);
    s.name = r.text(row, 2);
    s.nameEn = r.text(row, 3);
    s.grade = r.text(row, 4);
    s.vip = r.boolean(row, 5);
    s.abusiveHistory = r.boolean(row, 6);
    s.email = r.optText(row, 7);
    s.lastContactReason = r.optText(row, 8);
    s.externalId = r.optText(row, 9);
    return s;
}

std::optional<std::string> firstText(const Result& r) {
    if (r.rows() == 0)
        return std::nullopt;
    return r.text(0, 0);
}

}  // namespace

std::vector<CustomerMatch> PgCrmStore::matchPhone(const std::string& e164) {
    auto r = db_.exec(
        "SELECT c.id, c.name, p.is_primary, c.abusive, c.vip, "
        "(SELECT count(*) FROM customer_phones q WHERE q.e164 = p.e164) AS sharing "
        "FROM customer_phones p JOIN customers c ON c.id = p.customer_id WHERE p.e164 = $1 "
        "ORDER BY p.is_primary DESC, c.updated_ms DESC LIMIT 10",
        {e164});
    std::vector<CustomerMatch> out;
    for (int i = 0; i < r.rows(); ++i) {
        CustomerMatch m;
        m.id = r.text(i, 0);
        m.name = r.text(i, 1);
        const double sharing = static_cast<double>(std::max<std::int64_t>(1, r.integer(i, 5)));
        m.score = (r.boolean(i, 2) ? 1.0 : 0.8) / sharing;
        m.abusiveHistory = r.boolean(i, 3);
        m.vip = r.boolean(i, 4);
        out.push_back(std::move(m));
    }
    return out;
}

std::vector<CustomerPhone> PgCrmStore::phonesOf(const std::string& customerId) {
    auto r = db_.exec(
        "SELECT id, e164, label, is_primary FROM customer_phones WHERE customer_id = $1 "
        "ORDER BY is_primary DESC, id",
        {customerId});
    std::vector<CustomerPhone> phones;
    for (int i = 0; i < r.rows(); ++i)
        phones.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2), r.boolean(i, 3)});
    return phones;
}

std::vector<CustomerSummary> PgCrmStore::summariesWithPhones(const Result& rows) {
    std::vector<CustomerSummary> out;
    for (int i = 0; i < rows.rows(); ++i)
        out.push_back(readSummary(rows, i));
    for (auto& s : out)
        s.phones = phonesOf(s.id);
    return out;
}

std::vector<CustomerSummary> PgCrmStore::customersByPhone(const std::string& e164) {
    auto r = db_.exec(std::string(kSummaryColumns) +
                          "JOIN customer_phones p ON p.customer_id = c.id WHERE p.e164 = $1 "
                          "GROUP BY c.id ORDER BY bool_or(p.is_primary) DESC, c.name LIMIT 50",
                      {e164});
    return summariesWithPhones(r);
}

std::vector<CustomerSummary> PgCrmStore::searchCustomers(const std::string& query, int limit) {
    if (auto e164 = phone::toE164(query))
        return customersByPhone(*e164);
    // ILIKE: a Latin part of a name matches in either case, as SQLite's LIKE does.
    auto r = db_.exec(std::string(kSummaryColumns) +
                          "WHERE c.customer_no = $1 OR c.id = $1 OR lower(c.email) = lower($1) "
                          "OR c.name ILIKE $2 ESCAPE '\\' OR lower(c.name_en) LIKE lower($2) "
                          "ESCAPE '\\' ORDER BY (c.name = $1) DESC, c.name LIMIT $3",
                      {query, "%" + escapeLike(query) + "%", limit});
    return summariesWithPhones(r);
}

bool PgCrmStore::customerExists(const std::string& id) {
    return db_.exec("SELECT 1 FROM customers WHERE id = $1", {id}).rows() > 0;
}

std::optional<Customer360> PgCrmStore::customer360(const std::string& id) {
    auto r = db_.exec(
        "SELECT id, customer_no, name, name_en, email, birth_date, rrn, gender, grade, vip, "
        "abusive, abusive_count, address, preferred_lang, consents, last_contact_reason, "
        "created_ms, updated_ms, external_id FROM customers WHERE id = $1",
        {id});
    if (r.rows() == 0)
        return std::nullopt;
    Customer360 view;
    Customer& c = view.customer;
    c.id = r.text(0, 0);
    c.customerNo = r.text(0, 1);
    c.name = r.text(0, 2);
    c.nameEn = r.text(0, 3);
    c.email = r.optText(0, 4);
    c.birthDate = r.optText(0, 5);
    if (!r.isNull(0, 6))
        c.residentNumber = cipher_.open(r.text(0, 6)).value_or(std::string());
    c.gender = r.optText(0, 7);
    c.grade = r.text(0, 8);
    c.vip = r.boolean(0, 9);
    c.abusiveHistory = r.boolean(0, 10);
    c.abusiveCount = static_cast<int>(r.integer(0, 11));
    c.address = r.optText(0, 12);
    c.preferredLang = r.text(0, 13);
    c.consents = consentsFromText(r.text(0, 14));
    c.lastContactReason = r.optText(0, 15);
    c.createdAt = fromMs(r.integer(0, 16));
    c.updatedAt = fromMs(r.integer(0, 17));
    c.externalId = r.optText(0, 18);
    c.phones = phonesOf(id);

    auto p = db_.exec(
        "SELECT id, kind, name, number, status, started_at, monthly_fee FROM products "
        "WHERE customer_id = $1 ORDER BY (status = 'active') DESC, started_at DESC NULLS LAST, id",
        {id});
    for (int i = 0; i < p.rows(); ++i) {
        view.products.push_back({p.text(i, 0), p.text(i, 1), p.text(i, 2), p.text(i, 3),
                                 p.text(i, 4), p.optText(i, 5), p.integer(i, 6)});
    }
    auto k = db_.exec(
        "SELECT id, title, status, priority, queue, opened_at, updated_at FROM cases "
        "WHERE customer_id = $1 AND status <> 'closed' ORDER BY updated_at DESC",
        {id});
    for (int i = 0; i < k.rows(); ++i) {
        view.openCases.push_back({k.text(i, 0), k.text(i, 1), k.text(i, 2), k.text(i, 3),
                                  k.text(i, 4), k.text(i, 5), k.text(i, 6)});
    }
    view.history = interactions(id, std::nullopt, 20);
    return view;
}

std::string PgCrmStore::createCustomer(const CustomerChange& change, TimePoint now) {
    std::string id;
    db_.transaction([&] {
        // The next sequence number names the customer; ids taken by a data set are skipped.
        std::int64_t seq = 0;
        for (;;) {
            auto next = db_.exec("SELECT nextval(pg_get_serial_sequence('customers', 'seq'))");
            seq = next.integer(0, 0);
            id = customerIdFor(seq);
            if (!customerExists(id))
                break;
        }
        std::string number = customerNumberAt(now);
        while (db_.exec("SELECT 1 FROM customers WHERE customer_no = $1", {number}).rows() > 0)
            number = randomCustomerNumber();
        db_.exec(
            "INSERT INTO customers(seq, id, customer_no, name, created_ms, updated_ms) "
            "VALUES($5,$1,$2,$3,$4,$4)",
            {id, number, change.name.value_or(std::string()), toUnixMs(now), seq});
        updateCustomer(id, change, now);
    });
    return id;
}

bool PgCrmStore::updateCustomer(const std::string& id, const CustomerChange& change,
                                TimePoint now) {
    if (!customerExists(id))
        return false;
    db_.transaction([&] {
        auto set = [&](const char* column, const Param& value) {
            db_.exec(std::string("UPDATE customers SET ") + column + " = $1 WHERE id = $2",
                     {value, id});
        };
        for (const auto& [column, value] : store_rows::changedColumns(change))
            set(column, value);
        if (change.consents) {
            auto r = db_.exec("SELECT consents FROM customers WHERE id = $1 FOR UPDATE", {id});
            Consents merged = consentsFromText(r.text(0, 0));
            for (const auto& [name, given] : *change.consents)
                merged[name] = given;
            set("consents", json(merged).dump());
        }
        if (change.phones) {
            db_.exec("DELETE FROM customer_phones WHERE customer_id = $1", {id});
            insertPhones(id, *change.phones);
        }
        db_.exec("UPDATE customers SET updated_ms = $1 WHERE id = $2", {toUnixMs(now), id});
    });
    return true;
}

void PgCrmStore::insertPhones(const std::string& customerId,
                              const std::vector<CustomerPhone>& phones) {
    for (const auto& p : phones) {
        db_.exec(
            "INSERT INTO customer_phones(customer_id, e164, label, is_primary) "
            "VALUES($1,$2,$3,$4)",
            {customerId, p.e164, p.label, p.primary});
    }
}

std::optional<std::string> PgCrmStore::customerPhone(const std::string& customerId,
                                                     const std::string& phoneId) {
    return firstText(
        db_.exec("SELECT e164 FROM customer_phones WHERE customer_id = $1 AND id = $2",
                 {customerId, static_cast<std::int64_t>(std::atoll(phoneId.c_str()))}));
}

std::optional<std::string> PgCrmStore::primaryPhone(const std::string& customerId) {
    return firstText(db_.exec(
        "SELECT e164 FROM customer_phones WHERE customer_id = $1 ORDER BY is_primary DESC, id "
        "LIMIT 1",
        {customerId}));
}

void PgCrmStore::flagAbusive(const std::string& customerId, TimePoint at) {
    db_.exec(
        "UPDATE customers SET abusive = true, abusive_count = abusive_count + 1, updated_ms = $1 "
        "WHERE id = $2",
        {toUnixMs(at), customerId});
}

std::vector<std::string> PgCrmStore::samplePhones(int count) {
    auto r = db_.exec(
        "SELECT e164 FROM customer_phones WHERE is_primary ORDER BY random() LIMIT $1", {count});
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(r.text(i, 0));
    return out;
}

int PgCrmStore::customerCount() {
    return static_cast<int>(db_.exec("SELECT count(*) FROM customers").integer(0, 0));
}

}  // namespace agentdesk::server::pg
