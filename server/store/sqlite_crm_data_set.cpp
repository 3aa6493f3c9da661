// SqliteCrmStore: wrap-up codes, loading a data set, the customer of a call.
#include "server/store/sqlite_crm_store.h"

#include "common/logging.h"
#include "server/store/store_rows.h"

namespace agentdesk::server {

using nlohmann::json;
using namespace store_rows;

// ---------------------------------------------------------------- reference data

std::vector<WrapupCode> SqliteCrmStore::wrapupCodes() {
    auto st = db_.prepare(
        "SELECT code, category, label_ko, label_en, template_ko, template_en FROM wrapup_codes "
        "ORDER BY sort");
    std::vector<WrapupCode> out;
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)});
    return out;
}

bool SqliteCrmStore::wrapupCodeExists(const std::string& code) {
    auto st = db_.prepare("SELECT 1 FROM wrapup_codes WHERE code = ?");
    st.bind(1, code);
    const bool found = st.step();
    st.reset();
    return found;
}

// ---------------------------------------------------------------- data set

void SqliteCrmStore::insertCustomer(const CustomerSeed& seed) {
    const Customer& c = seed.customer;
    auto st = db_.prepare(
        "INSERT INTO customers(id, customer_no, name, name_en, email, birth_date, rrn, gender, "
        "grade, vip, abusive, abusive_count, address, preferred_lang, consents, "
        "last_contact_reason, created_ms, updated_ms, external_id) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, c.id).bind(2, c.customerNo).bind(3, c.name).bind(4, c.nameEn);
    st.bindOptional(5, c.email).bindOptional(6, c.birthDate);
    std::optional<std::string> rrn;
    if (c.residentNumber)
        rrn = cipher_.seal(*c.residentNumber);
    st.bindOptional(7, rrn).bindOptional(8, c.gender).bind(9, c.grade);
    st.bind(10, c.vip).bind(11, c.abusiveHistory).bind(12, c.abusiveCount);
    st.bindOptional(13, c.address).bind(14, c.preferredLang);
    st.bind(15, json(c.consents).dump()).bindOptional(16, c.lastContactReason);
    st.bind(17, toUnixMs(c.createdAt)).bind(18, toUnixMs(c.updatedAt));
    st.bindOptional(19, c.externalId);
    st.run();
    insertPhones(c.id, c.phones);

    auto product = db_.prepare(
        "INSERT INTO products(id, customer_id, kind, name, number, status, started_at, "
        "monthly_fee) VALUES(?,?,?,?,?,?,?,?)");
    for (const auto& p : seed.products) {
        product.bind(1, p.id).bind(2, c.id).bind(3, p.kind).bind(4, p.name).bind(5, p.number);
        product.bind(6, p.status).bindOptional(7, p.startedAt).bind(8, p.monthlyFee);
        product.run();
    }
    auto kase = db_.prepare(
        "INSERT INTO cases(id, customer_id, title, status, priority, queue, opened_at, "
        "updated_at) VALUES(?,?,?,?,?,?,?,?)");
    for (const auto& k : seed.cases) {
        kase.bind(1, k.id).bind(2, c.id).bind(3, k.title).bind(4, k.status).bind(5, k.priority);
        kase.bind(6, k.queue).bind(7, k.openedAt).bind(8, k.updatedAt);
        kase.run();
    }
    auto contact = db_.prepare(
        "INSERT INTO interactions(id, customer_id, channel, direction, queue, started_ms, "
        "duration_sec, reason, end_reason, wrapup_code, agent_name) "
        "VALUES(?,?,?,?,?,?,?,?,'completed',?,?)");
    auto note = db_.prepare(
        "INSERT INTO notes(id, idempotency_key, interaction_id, customer_id, wrapup_code, text, "
        "author_id, version, created_ms, updated_ms) VALUES(?,?,?,?,?,?,?,1,?,?)");
    for (const auto& i : seed.history) {
        const std::int64_t started = toUnixMs(i.startedAt);
        contact.bind(1, i.id).bind(2, c.id).bind(3, i.channel).bind(4, i.direction);
        contact.bind(5, i.queue).bind(6, started).bind(7, i.durationSec).bind(8, i.reason);
        contact.bind(9, i.wrapupCode).bind(10, i.agentName);
        contact.run();
        if (i.note.empty())
            continue;
        const std::string nid = "N" + i.id.substr(1);
        const std::int64_t end = started + 1000LL * i.durationSec;
        note.bind(1, nid).bind(2, "seed-" + nid).bind(3, i.id).bind(4, c.id);
        note.bind(5, i.wrapupCode).bind(6, i.note).bind(7, i.agentName).bind(8, end).bind(9, end);
        note.run();
    }
}

void SqliteCrmStore::loadDataSet(const DataSet& dataSet) {
    db_.transaction([&] {
        if (dataSet.customers) {
            db_.exec(
                "DELETE FROM notes; DELETE FROM interactions; DELETE FROM cases; "
                "DELETE FROM products; DELETE FROM customer_phones; DELETE FROM customers; "
                "DELETE FROM evaluations; DELETE FROM call_assist;");
        }
        db_.exec("DELETE FROM wrapup_codes;");
        auto st = db_.prepare(
            "INSERT INTO wrapup_codes(code, category, label_ko, label_en, template_ko, "
            "template_en, sort) VALUES(?,?,?,?,?,?,?)");
        int sort = 0;
        for (const auto& w : dataSet.wrapupCodes) {
            st.bind(1, w.code).bind(2, w.category).bind(3, w.labelKo).bind(4, w.labelEn);
            st.bind(5, w.templateKo).bind(6, w.templateEn).bind(7, sort++);
            st.run();
        }
        if (dataSet.customers) {
            for (const auto& seed : *dataSet.customers)
                insertCustomer(seed);
        }
    });
    logging::get("store")->info("data set loaded: {} customers", customerCount());
}

std::optional<std::string> SqliteCrmStore::customerOfCall(const std::string& callId) {
    auto st = db_.prepare(
        "SELECT customer_id FROM interactions WHERE call_id = ? ORDER BY started_ms LIMIT 1");
    st.bind(1, callId);
    if (!st.step())
        return std::nullopt;
    auto id = st.text(0);
    st.reset();
    return id;
}

}  // namespace agentdesk::server
