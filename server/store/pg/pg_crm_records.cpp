// PgCrmStore: the audit log (AuditStore), evaluations (EvaluationStore), loading a data set.
#include <nlohmann/json.hpp>

#include "common/logging.h"
#include "server/store/pg/pg_crm_store.h"
#include "server/store/record_ids.h"
#include "server/store/store_rows.h"

namespace agentdesk::server::pg {

using nlohmann::json;

void PgCrmStore::audit(const std::string& userId, const std::string& customerId,
                       const std::string& action, TimePoint at) {
    db_.exec("INSERT INTO audit_log(at_ms, user_id, customer_id, action) VALUES($1,$2,$3,$4)",
             {toUnixMs(at), userId, customerId, action});
}

int PgCrmStore::auditCount(const std::string& customerId) {
    return static_cast<int>(
        db_.exec("SELECT count(*) FROM audit_log WHERE customer_id = $1", {customerId})
            .integer(0, 0));
}

Evaluation PgCrmStore::addEvaluation(const Evaluation& e) {
    Evaluation out = e;
    out.id = newRecordId('E');
    const EvaluationScores& s = e.scores;
    db_.exec(
        "INSERT INTO evaluations(id, call_id, agent_id, evaluator_id, greeting, attitude, "
        "handling, closing, empathy, comment, created_ms) "
        "VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)",
        {out.id, e.callId, e.agentId, e.evaluatorId, s.greeting, s.attitude, s.handling, s.closing,
         s.empathy, e.comment, toUnixMs(e.createdAt)});
    return out;
}

std::vector<Evaluation> PgCrmStore::evaluations(const std::optional<std::string>& agentId) {
    auto r = db_.exec(
        "SELECT id, call_id, agent_id, evaluator_id, greeting, attitude, handling, closing, "
        "empathy, comment, created_ms FROM evaluations "
        "WHERE ($1::text IS NULL OR agent_id = $1::text) ORDER BY created_ms DESC",
        {agentId});
    std::vector<Evaluation> out;
    for (int i = 0; i < r.rows(); ++i) {
        Evaluation e;
        e.id = r.text(i, 0);
        e.callId = r.text(i, 1);
        e.agentId = r.text(i, 2);
        e.evaluatorId = r.text(i, 3);
        e.scores = {static_cast<int>(r.integer(i, 4)), static_cast<int>(r.integer(i, 5)),
                    static_cast<int>(r.integer(i, 6)), static_cast<int>(r.integer(i, 7)),
                    static_cast<int>(r.integer(i, 8))};
        e.comment = r.text(i, 9);
        e.createdAt = store_rows::fromMs(r.integer(i, 10));
        out.push_back(std::move(e));
    }
    return out;
}

void PgCrmStore::insertCustomer(const CustomerSeed& seed) {
    const Customer& c = seed.customer;
    std::optional<std::string> rrn;
    if (c.residentNumber)
        rrn = cipher_.seal(*c.residentNumber);
    db_.exec(
        "INSERT INTO customers(id, customer_no, name, name_en, email, birth_date, rrn, gender, "
        "grade, vip, abusive, abusive_count, address, preferred_lang, consents, "
        "last_contact_reason, created_ms, updated_ms, external_id) "
        "VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)",
        {c.id, c.customerNo, c.name, c.nameEn, c.email, c.birthDate, rrn, c.gender, c.grade, c.vip,
         c.abusiveHistory, c.abusiveCount, c.address, c.preferredLang, json(c.consents).dump(),
         c.lastContactReason, toUnixMs(c.createdAt), toUnixMs(c.updatedAt), c.externalId});
    insertPhones(c.id, c.phones);
    for (const auto& p : seed.products) {
        db_.exec(
            "INSERT INTO products(id, customer_id, kind, name, number, status, started_at, "
            "monthly_fee) VALUES($1,$2,$3,$4,$5,$6,$7,$8)",
            {p.id, c.id, p.kind, p.name, p.number, p.status, p.startedAt, p.monthlyFee});
    }
    for (const auto& k : seed.cases) {
        db_.exec(
            "INSERT INTO cases(id, customer_id, title, status, priority, queue, opened_at, "
            "updated_at) VALUES($1,$2,$3,$4,$5,$6,$7,$8)",
            {k.id, c.id, k.title, k.status, k.priority, k.queue, k.openedAt, k.updatedAt});
    }
    for (const auto& i : seed.history) {
        const std::int64_t started = toUnixMs(i.startedAt);
        db_.exec(
            "INSERT INTO interactions(id, customer_id, channel, direction, queue, started_ms, "
            "duration_sec, reason, end_reason, wrapup_code, agent_name) "
            "VALUES($1,$2,$3,$4,$5,$6,$7,$8,'completed',$9,$10)",
            {i.id, c.id, i.channel, i.direction, i.queue, started, i.durationSec, i.reason,
             i.wrapupCode, i.agentName});
        if (i.note.empty())
            continue;
        const std::string nid = "N" + i.id.substr(1);
        const std::int64_t end = started + 1000LL * i.durationSec;
        db_.exec(
            "INSERT INTO notes(id, idempotency_key, interaction_id, customer_id, wrapup_code, "
            "text, author_id, version, created_ms, updated_ms) "
            "VALUES($1,$2,$3,$4,$5,$6,$7,1,$8,$8)",
            {nid, "seed-" + nid, i.id, c.id, i.wrapupCode, i.note, i.agentName, end});
    }
}

void PgCrmStore::loadDataSet(const DataSet& dataSet) {
    db_.transaction([&] {
        if (dataSet.customers) {
            db_.execScript(
                "DELETE FROM notes; DELETE FROM interactions; DELETE FROM cases; "
                "DELETE FROM products; DELETE FROM customer_phones; DELETE FROM customers; "
                "DELETE FROM evaluations; DELETE FROM call_assist;");
        }
        db_.execScript("DELETE FROM wrapup_codes");
        int sort = 0;
        for (const auto& w : dataSet.wrapupCodes) {
            db_.exec(
                "INSERT INTO wrapup_codes(code, category, label_ko, label_en, template_ko, "
                "template_en, sort) VALUES($1,$2,$3,$4,$5,$6,$7)",
                {w.code, w.category, w.labelKo, w.labelEn, w.templateKo, w.templateEn, sort++});
        }
        if (dataSet.customers) {
            for (const auto& seed : *dataSet.customers)
                insertCustomer(seed);
        }
    });
    logging::get("store")->info("data set loaded: {} customers", customerCount());
}

}  // namespace agentdesk::server::pg
