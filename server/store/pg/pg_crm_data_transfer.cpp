// PgCrmStore: what agentdesk-server import-customers and the exports need (DataTransferStore).
// The exports read through a cursor, 500 rows at a time, in one read-only snapshot: a year of a
// center's calls never sits in memory, and rows written meanwhile are not half in it.
#include <string>

#include <nlohmann/json.hpp>

#include "server/store/pg/pg_crm_store.h"
#include "server/store/store_rows.h"

namespace agentdesk::server::pg {

using nlohmann::json;

namespace {

constexpr int kExportBatch = 500;

// Runs `query` (no parameters; the caller's values are integers it formats) through a cursor
// in a read-only, repeatable-read transaction, calling `row` for each row.
void throughCursor(PgDb& db, const std::string& query,
                   const std::function<void(const Result&, int)>& row) {
    db.transaction([&] {
        db.execScript("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        db.execScript("DECLARE export_rows NO SCROLL CURSOR FOR " + query);
        for (;;) {
            const Result batch =
                db.exec("FETCH FORWARD " + std::to_string(kExportBatch) + " FROM export_rows");
            for (int i = 0; i < batch.rows(); ++i)
                row(batch, i);
            if (batch.rows() < kExportBatch)
                break;
        }
        db.execScript("CLOSE export_rows");
    });
}

}  // namespace

std::optional<std::string> PgCrmStore::customerByExternalId(const std::string& externalId) {
    auto r = db_.exec("SELECT id FROM customers WHERE external_id = $1", {externalId});
    if (r.rows() == 0)
        return std::nullopt;
    return r.text(0, 0);
}

std::vector<std::string> PgCrmStore::customersWithPhone(const std::string& e164) {
    auto r = db_.exec(
        "SELECT DISTINCT customer_id FROM customer_phones WHERE e164 = $1 ORDER BY customer_id",
        {e164});
    std::vector<std::string> ids;
    for (int i = 0; i < r.rows(); ++i)
        ids.push_back(r.text(i, 0));
    return ids;
}

std::optional<json> PgCrmStore::customerFields(const std::string& id) {
    auto r = db_.exec(
        "SELECT name, name_en, email, birth_date, gender, grade, address, preferred_lang, vip, "
        "consents, external_id FROM customers WHERE id = $1",
        {id});
    if (r.rows() == 0)
        return std::nullopt;
    json fields{{"name", r.text(0, 0)},
                {"nameEn", store_rows::nullable(r.optText(0, 1))},
                {"email", store_rows::nullable(r.optText(0, 2))},
                {"birthDate", store_rows::nullable(r.optText(0, 3))},
                {"gender", store_rows::nullable(r.optText(0, 4))},
                {"grade", r.text(0, 5)},
                {"address", store_rows::nullable(r.optText(0, 6))},
                {"preferredLang", r.text(0, 7)},
                {"vip", r.boolean(0, 8)},
                {"consents", json(store_rows::consentsFromText(r.text(0, 9)))},
                {"externalId", store_rows::nullable(r.optText(0, 10))}};
    auto phones = db_.exec(
        "SELECT e164, label, is_primary FROM customer_phones WHERE customer_id = $1 "
        "ORDER BY is_primary DESC, id",
        {id});
    json list = json::array();
    for (int i = 0; i < phones.rows(); ++i) {
        list.push_back({{"e164", phones.text(i, 0)},
                        {"label", phones.text(i, 1)},
                        {"primary", phones.boolean(i, 2)}});
    }
    fields["phones"] = std::move(list);
    return fields;
}

void PgCrmStore::setExternalId(const std::string& id, const std::string& externalId) {
    db_.exec("UPDATE customers SET external_id = $1 WHERE id = $2", {externalId, id});
}

void PgCrmStore::forEachInteraction(std::int64_t fromMs, std::int64_t toMs,
                                    const std::function<void(const InteractionExportRow&)>& fn) {
    InteractionExportRow row;
    throughCursor(
        db_,
        std::string(kInteractionExportSelect) + "WHERE i.started_ms >= " + std::to_string(fromMs) +
            " AND i.started_ms < " + std::to_string(toMs) + " ORDER BY i.started_ms, i.id",
        [&](const Result& r, int i) {
            row.startedMs = r.integer(i, 0);
            row.id = r.text(i, 1);
            row.callId = r.text(i, 2);
            row.customerId = r.text(i, 3);
            row.customerNo = r.text(i, 4);
            row.externalId = r.text(i, 5);
            row.customerName = r.text(i, 6);
            row.phoneE164 = r.text(i, 7);
            row.channel = r.text(i, 8);
            row.direction = r.text(i, 9);
            row.queue = r.text(i, 10);
            row.durationSec =
                r.isNull(i, 11) ? std::nullopt : std::optional<std::int64_t>(r.integer(i, 11));
            row.reason = r.text(i, 12);
            row.endReason = r.text(i, 13);
            row.wrapupCode = r.text(i, 14);
            row.wrapupLabel = r.text(i, 15);
            row.agentId = r.text(i, 16);
            row.agentName = r.text(i, 17);
            fn(row);
        });
}

void PgCrmStore::forEachNote(std::int64_t fromMs, std::int64_t toMs,
                             const std::function<void(const NoteExportRow&)>& fn) {
    NoteExportRow row;
    throughCursor(db_,
                  std::string(kNoteExportSelect) +
                      "WHERE n.created_ms >= " + std::to_string(fromMs) + " AND n.created_ms < " +
                      std::to_string(toMs) + " ORDER BY n.created_ms, n.id",
                  [&](const Result& r, int i) {
                      row.createdMs = r.integer(i, 0);
                      row.updatedMs = r.integer(i, 1);
                      row.id = r.text(i, 2);
                      row.callId = r.text(i, 3);
                      row.interactionId = r.text(i, 4);
                      row.customerId = r.text(i, 5);
                      row.customerNo = r.text(i, 6);
                      row.externalId = r.text(i, 7);
                      row.customerName = r.text(i, 8);
                      row.wrapupCode = r.text(i, 9);
                      row.wrapupLabel = r.text(i, 10);
                      row.authorId = r.text(i, 11);
                      row.authorName = r.text(i, 12);
                      row.version = r.integer(i, 13);
                      row.text = r.text(i, 14);
                      fn(row);
                  });
}

}  // namespace agentdesk::server::pg
