// SqliteCrmStore: the audit log and evaluations.
#include "server/store/sqlite_crm_store.h"

#include "common/logging.h"

#include "server/store/sqlite_crm_rows.h"

namespace agentdesk::server {

using nlohmann::json;
using namespace sqlite_rows;

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

json SqliteCrmStore::addEvaluation(const json& e) {
    json out = e;
    out["id"] = newId('E');
    auto st = db_.prepare(
        "INSERT INTO evaluations(id, call_id, agent_id, evaluator_id, greeting, attitude, "
        "handling, closing, empathy, comment, created_ms) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    const auto& s = e["scores"];
    st.bind(1, out["id"].get<std::string>()).bind(2, str(e, "callId"));
    st.bind(3, str(e, "agentId")).bind(4, str(e, "evaluatorId"));
    st.bind(5, s["greeting"].get<int>()).bind(6, s["attitude"].get<int>());
    st.bind(7, s["handling"].get<int>()).bind(8, s["closing"].get<int>());
    st.bind(9, s["empathy"].get<int>()).bind(10, str(e, "comment"));
    st.bind(11, rfcToMs(e["createdAt"]));
    st.run();
    return out;
}

json SqliteCrmStore::evaluations(const std::optional<std::string>& agentId) {
    auto st = db_.prepare(
        "SELECT id, call_id, agent_id, evaluator_id, greeting, attitude, handling, closing, "
        "empathy, comment, created_ms FROM evaluations WHERE (?1 IS NULL OR agent_id = ?1) "
        "ORDER BY created_ms DESC");
    st.bindOptional(1, agentId);
    json out = json::array();
    while (st.step()) {
        out.push_back({{"id", st.text(0)},
                       {"callId", st.text(1)},
                       {"agentId", st.text(2)},
                       {"evaluatorId", st.text(3)},
                       {"scores",
                        {{"greeting", st.integer(4)},
                         {"attitude", st.integer(5)},
                         {"handling", st.integer(6)},
                         {"closing", st.integer(7)},
                         {"empathy", st.integer(8)}}},
                       {"comment", st.text(9)},
                       {"createdAt", msToRfc(st.integer(10))}});
    }
    return out;
}

}  // namespace agentdesk::server
