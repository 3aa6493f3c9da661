// SqliteCrmStore: reference data (wrap-up codes) and loading a data set.
#include "server/store/sqlite_crm_store.h"

#include <sodium.h>

#include "common/logging.h"
#include "common/phone.h"

#include "server/store/sqlite_crm_rows.h"

namespace agentdesk::server {

using nlohmann::json;
using namespace sqlite_rows;

// ---------------------------------------------------------------- reference data

json SqliteCrmStore::wrapupCodes() {
    auto st = db_.prepare(
        "SELECT code, category, label_ko, label_en, template_ko, template_en FROM wrapup_codes "
        "ORDER BY sort");
    json out = json::array();
    while (st.step()) {
        out.push_back({{"code", st.text(0)},
                       {"category", st.text(1)},
                       {"labels", {{"ko", st.text(2)}, {"en", st.text(3)}}},
                       {"templates", {{"ko", st.text(4)}, {"en", st.text(5)}}}});
    }
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

void SqliteCrmStore::insertCustomerRecord(const json& c) {
    const std::string id = str(c, "id");
    auto st = db_.prepare(
        "INSERT INTO customers(id, customer_no, name, name_en, email, birth_date, rrn, gender, "
        "grade, vip, abusive, abusive_count, address, preferred_lang, consents, "
        "last_contact_reason, created_ms, updated_ms) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const bool abusive = flag(c, "abusiveHistory");
    auto optional = [&](const char* key) -> std::optional<std::string> {
        auto it = c.find(key);
        if (it == c.end() || !it->is_string())
            return std::nullopt;
        return it->get<std::string>();
    };
    st.bind(1, id).bind(2, str(c, "customerNo")).bind(3, str(c, "name"));
    st.bind(4, str(c, "nameEn")).bindOptional(5, optional("email"));
    auto rrn = optional("rrn");
    if (rrn)
        rrn = cipher_.seal(*rrn);
    st.bindOptional(6, optional("birthDate")).bindOptional(7, rrn);
    st.bindOptional(8, optional("gender"));
    const std::string grade = str(c, "grade");
    st.bind(9, grade.empty() ? std::string("NORMAL") : grade);
    st.bind(10, flag(c, "vip")).bind(11, abusive).bind(12, abusive ? 1 : 0);
    st.bindOptional(13, optional("address"));
    const std::string lang = str(c, "preferredLang");
    st.bind(14, lang.empty() ? std::string("ko") : lang);
    st.bind(15, c.value("consents", json::object()).dump());
    st.bindOptional(16, optional("lastContactReason"));
    const std::int64_t loadedMs = toUnixMs(std::chrono::system_clock::now());
    st.bind(17, loadedMs).bind(18, loadedMs);
    st.run();

    if (auto phones = c.find("phones"); phones != c.end() && phones->is_array()) {
        for (const auto& p : *phones) {
            std::string e164 = str(p, "e164");
            if (e164.empty())
                e164 = phone::toE164(str(p, "number")).value_or("");
            if (e164.empty())
                continue;
            auto ins = db_.prepare(
                "INSERT INTO customer_phones(customer_id, e164, label, is_primary) "
                "VALUES(?,?,?,?)");
            ins.bind(1, id).bind(2, e164).bind(3, str(p, "label")).bind(4, flag(p, "primary"));
            ins.run();
        }
    }
    if (auto products = c.find("products"); products != c.end() && products->is_array()) {
        for (const auto& p : *products) {
            auto ins = db_.prepare(
                "INSERT INTO products(id, customer_id, kind, name, number, status, started_at, "
                "monthly_fee) VALUES(?,?,?,?,?,?,?,?)");
            ins.bind(1, str(p, "id")).bind(2, id).bind(3, str(p, "kind")).bind(4, str(p, "name"));
            ins.bind(5, str(p, "number")).bind(6, str(p, "status")).bind(7, str(p, "startedAt"));
            ins.bind(8, p.value("monthlyFee", 0));
            ins.run();
        }
    }
    if (auto cases = c.find("cases"); cases != c.end() && cases->is_array()) {
        for (const auto& k : *cases) {
            auto ins = db_.prepare(
                "INSERT INTO cases(id, customer_id, title, status, priority, queue, opened_at, "
                "updated_at) VALUES(?,?,?,?,?,?,?,?)");
            ins.bind(1, str(k, "id")).bind(2, id).bind(3, str(k, "title"));
            ins.bind(4, str(k, "status")).bind(5, str(k, "priority")).bind(6, str(k, "queue"));
            ins.bind(7, str(k, "openedAt")).bind(8, str(k, "updatedAt"));
            ins.run();
        }
    }
    if (auto history = c.find("interactions"); history != c.end() && history->is_array()) {
        for (const auto& i : *history) {
            const std::string iid = str(i, "id");
            const std::int64_t started = rfcToMs(i["startedAt"]);
            auto ins = db_.prepare(
                "INSERT INTO interactions(id, customer_id, channel, direction, queue, started_ms, "
                "duration_sec, reason, end_reason, wrapup_code, agent_name) "
                "VALUES(?,?,?,?,?,?,?,?,'completed',?,?)");
            ins.bind(1, iid).bind(2, id).bind(3, str(i, "channel")).bind(4, str(i, "direction"));
            ins.bind(5, str(i, "queue")).bind(6, started).bind(7, i.value("durationSec", 0));
            ins.bind(8, str(i, "reason")).bind(9, str(i, "wrapupCode"));
            ins.bind(10, str(i, "agentName"));
            ins.run();
            const std::string text = str(i, "note");
            if (!text.empty()) {
                auto note = db_.prepare(
                    "INSERT INTO notes(id, idempotency_key, interaction_id, customer_id, "
                    "wrapup_code, text, author_id, version, created_ms, updated_ms) "
                    "VALUES(?,?,?,?,?,?,?,1,?,?)");
                const std::string nid = "N" + iid.substr(1);
                note.bind(1, nid).bind(2, "seed-" + nid).bind(3, iid).bind(4, id);
                note.bind(5, str(i, "wrapupCode")).bind(6, text).bind(7, str(i, "agentName"));
                const std::int64_t end = started + 1000LL * i.value("durationSec", 0);
                note.bind(8, end).bind(9, end);
                note.run();
            }
        }
    }
}

void SqliteCrmStore::loadDataSet(const json& center, const json& customers) {
    db_.transaction([&] {
        const bool replaceCustomers = customers.contains("customers");
        if (replaceCustomers) {
            db_.exec(
                "DELETE FROM notes; DELETE FROM interactions; DELETE FROM cases; "
                "DELETE FROM products; DELETE FROM customer_phones; DELETE FROM customers; "
                "DELETE FROM evaluations; DELETE FROM call_assist;");
        }
        db_.exec("DELETE FROM wrapup_codes;");
        int sort = 0;
        for (const auto& w : center.value("wrapupCodes", json::array())) {
            auto st = db_.prepare(
                "INSERT INTO wrapup_codes(code, category, label_ko, label_en, template_ko, "
                "template_en, sort) VALUES(?,?,?,?,?,?,?)");
            st.bind(1, str(w, "code")).bind(2, str(w, "category")).bind(3, str(w, "labelKo"));
            st.bind(4, str(w, "labelEn")).bind(5, str(w, "templateKo"));
            st.bind(6, str(w, "templateEn")).bind(7, sort++);
            st.run();
        }
        for (const auto& c : customers.value("customers", json::array())) {
            insertCustomerRecord(c);
        }
    });
    logging::get("store")->info("data set loaded: {} customers", customerCount());
}

int SqliteCrmStore::customerCount() {
    auto st = db_.prepare("SELECT count(*) FROM customers");
    st.step();
    const int n = static_cast<int>(st.integer(0));
    st.reset();
    return n;
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
