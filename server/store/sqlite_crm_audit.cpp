// SqliteCrmStore: the audit log (AuditStore) and evaluations (EvaluationStore).
#include "server/store/sqlite_crm_store.h"

#include "server/store/record_ids.h"
#include "server/store/store_rows.h"

namespace agentdesk::server {

using nlohmann::json;
using namespace store_rows;

// ---------------------------------------------------------------- audit and quality

void SqliteCrmStore::audit(const std::string& userId, const std::string& customerId,
                           const std::string& action, TimePoint at) {
    auto st =
        db_.prepare("INSERT INTO audit_log(at_ms, user_id, customer_id, action) VALUES(?,?,?,?)");
    st.bind(1, toUnixMs(at)).bind(2, userId).bind(3, customerId).bind(4, action);
    st.run();
}

int SqliteCrmStore::auditCount(const std::string& customerId) {
    auto st = db_.prepare("SELECT count(*) FROM audit_log WHERE customer_id = ?");
    st.bind(1, customerId);
    st.step();
    const int n = static_cast<int>(st.integer(0));
    st.reset();
    return n;
}

Evaluation SqliteCrmStore::addEvaluation(const Evaluation& e) {
    Evaluation out = e;
    out.id = newRecordId('E');
    auto st = db_.prepare(
        "INSERT INTO evaluations(id, call_id, agent_id, evaluator_id, greeting, attitude, "
        "handling, closing, empathy, comment, created_ms) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    const EvaluationScores& s = e.scores;
    st.bind(1, out.id).bind(2, e.callId).bind(3, e.agentId).bind(4, e.evaluatorId);
    st.bind(5, s.greeting).bind(6, s.attitude).bind(7, s.handling).bind(8, s.closing);
    st.bind(9, s.empathy).bind(10, e.comment).bind(11, toUnixMs(e.createdAt));
    st.run();
    return out;
}

std::vector<Evaluation> SqliteCrmStore::evaluations(const std::optional<std::string>& agentId) {
    auto st = db_.prepare(
        "SELECT id, call_id, agent_id, evaluator_id, greeting, attitude, handling, closing, "
        "empathy, comment, created_ms FROM evaluations WHERE (?1 IS NULL OR agent_id = ?1) "
        "ORDER BY created_ms DESC");
    st.bindOptional(1, agentId);
    std::vector<Evaluation> out;
    while (st.step()) {
        Evaluation e;
        e.id = st.text(0);
        e.callId = st.text(1);
        e.agentId = st.text(2);
        e.evaluatorId = st.text(3);
        e.scores = {static_cast<int>(st.integer(4)), static_cast<int>(st.integer(5)),
                    static_cast<int>(st.integer(6)), static_cast<int>(st.integer(7)),
                    static_cast<int>(st.integer(8))};
        e.comment = st.text(9);
        e.createdAt = fromMs(st.integer(10));
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace agentdesk::server
