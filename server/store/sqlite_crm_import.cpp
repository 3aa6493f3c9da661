// SqliteCrmStore: what agentdesk-server import-customers needs beyond the API's own methods —
// matching on the external id and on phone numbers, and the stored fields to compare a row with.
#include "server/store/sqlite_crm_store.h"

#include "server/store/store_rows.h"

namespace agentdesk::server {

using nlohmann::json;

std::optional<std::string> SqliteCrmStore::customerByExternalId(const std::string& externalId) {
    auto st = db_.prepare("SELECT id FROM customers WHERE external_id = ?");
    st.bind(1, externalId);
    if (!st.step())
        return std::nullopt;
    auto id = st.text(0);
    st.reset();
    return id;
}

std::vector<std::string> SqliteCrmStore::customersWithPhone(const std::string& e164) {
    auto st = db_.prepare("SELECT DISTINCT customer_id FROM customer_phones WHERE e164 = ?");
    st.bind(1, e164);
    std::vector<std::string> ids;
    while (st.step())
        ids.push_back(st.text(0));
    return ids;
}

std::optional<json> SqliteCrmStore::customerFields(const std::string& id) {
    auto st = db_.prepare(
        "SELECT name, name_en, email, birth_date, gender, grade, address, preferred_lang, vip, "
        "consents, external_id FROM customers WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    json consents = store_rows::consentsFromText(st.text(9));
    json fields{{"name", st.text(0)},
                {"nameEn", store_rows::nullable(st.optText(1))},
                {"email", store_rows::nullable(st.optText(2))},
                {"birthDate", store_rows::nullable(st.optText(3))},
                {"gender", store_rows::nullable(st.optText(4))},
                {"grade", st.text(5)},
                {"address", store_rows::nullable(st.optText(6))},
                {"preferredLang", st.text(7)},
                {"vip", st.integer(8) != 0},
                {"consents", std::move(consents)},
                {"externalId", store_rows::nullable(st.optText(10))}};
    st.reset();
    auto phones = db_.prepare(
        "SELECT e164, label, is_primary FROM customer_phones WHERE customer_id = ? "
        "ORDER BY is_primary DESC, id");
    phones.bind(1, id);
    json list = json::array();
    while (phones.step()) {
        list.push_back({{"e164", phones.text(0)},
                        {"label", phones.text(1)},
                        {"primary", phones.integer(2) != 0}});
    }
    fields["phones"] = std::move(list);
    return fields;
}

void SqliteCrmStore::setExternalId(const std::string& id, const std::string& externalId) {
    auto st = db_.prepare("UPDATE customers SET external_id = ? WHERE id = ?");
    st.bind(1, externalId).bind(2, id);
    st.run();
}

}  // namespace agentdesk::server
