// PgCrmStore: contacts and notes, wrap-up codes, agent assist (ContactStore).
#include <limits>
#include <unordered_map>

#include "server/store/pg/pg_crm_store.h"
#include "server/store/record_ids.h"
#include "server/store/store_rows.h"

namespace agentdesk::server::pg {

using store_rows::fromMs;

namespace {

// Read by readNote(), in this order.
constexpr const char* kNoteFields =
    "SELECT id, idempotency_key, call_id, customer_id, wrapup_code, text, author_id, version, "
    "created_ms, updated_ms, draft_kept";
const std::string kNoteColumns = std::string(kNoteFields) + " FROM notes ";

Note readNote(const Result& r, int row) {
    Note n;
    n.id = r.text(row, 0);
    n.idempotencyKey = r.text(row, 1);
    n.callId = r.optText(row, 2);
    n.customerId = r.text(row, 3);
    n.wrapupCode = r.text(row, 4);
    n.text = r.text(row, 5);
    n.authorId = r.text(row, 6);
    n.version = static_cast<int>(r.integer(row, 7));
    n.createdAt = fromMs(r.integer(row, 8));
    n.updatedAt = fromMs(r.integer(row, 9));
    if (!r.isNull(row, 10))
        n.draftKept = r.real(row, 10);
    return n;
}

Param optionalReal(const std::optional<double>& value) {
    return value ? Param(*value) : Param(std::nullopt);
}

}  // namespace

InteractionPage PgCrmStore::interactions(const std::string& customerId,
                                         std::optional<TimePoint> before, int limit) {
    const std::int64_t beforeMs =
        before ? toUnixMs(*before) : std::numeric_limits<std::int64_t>::max();
    auto r = db_.exec(
        "SELECT id, call_id, channel, direction, queue, started_ms, duration_sec, reason, "
        "end_reason, wrapup_code, agent_id, agent_name FROM interactions "
        "WHERE customer_id = $1 AND started_ms < $2 ORDER BY started_ms DESC LIMIT $3",
        {customerId, beforeMs, limit + 1});
    InteractionPage page;
    for (int row = 0; row < r.rows(); ++row) {
        if (static_cast<int>(page.items.size()) == limit) {
            page.hasMore = true;
            break;
        }
        Interaction i;
        i.id = r.text(row, 0);
        i.callId = r.optText(row, 1);
        i.channel = r.text(row, 2);
        i.direction = r.text(row, 3);
        i.queue = r.text(row, 4);
        i.startedAt = fromMs(r.integer(row, 5));
        i.durationSec = static_cast<int>(r.integer(row, 6));
        i.reason = r.optText(row, 7);
        i.endReason = r.optText(row, 8);
        i.wrapupCode = r.optText(row, 9);
        i.agentId = r.optText(row, 10);
        i.agentName = r.optText(row, 11);
        page.items.push_back(std::move(i));
    }
    if (page.items.empty())
        return page;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < page.items.size(); ++i)
        index[page.items[i].id] = i;
    auto n = db_.exec(std::string(kNoteFields) +
                          ", interaction_id FROM notes WHERE customer_id = $1 AND interaction_id "
                          "IN (SELECT id FROM interactions WHERE customer_id = $1 AND started_ms < "
                          "$2 ORDER BY started_ms DESC LIMIT $3) ORDER BY created_ms",
                      {customerId, beforeMs, limit});
    for (int row = 0; row < n.rows(); ++row) {
        auto it = index.find(n.text(row, 11));
        if (it != index.end())
            page.items[it->second].notes.push_back(readNote(n, row));
    }
    return page;
}

// A call's interaction and the notes on it are linked by whichever of the two is written
// second: the note finds the interaction, or the interaction takes the notes already there.
// Written at the same moment on two connections (the store pool; a desktop's outbox and the
// ACD's ordered writes both going again after an outage), neither would see the other under
// READ COMMITTED; this lock, taken first in both transactions, puts one after the other (each
// statement after it sees what the other committed).
void PgCrmStore::lockCall(const std::string& callId) {
    db_.exec("SELECT pg_advisory_xact_lock(7413100, hashtext($1))", {callId});
}

void PgCrmStore::recordInteraction(const InteractionRecord& r) {
    if (r.customerId.empty() || !customerExists(r.customerId))
        return;
    const std::string id = newRecordId('I');
    // An abandoned call reached no agent: null, not "".
    const Param agentId = r.agentId.empty() ? Param(std::nullopt) : Param(r.agentId);
    const Param agentName = r.agentId.empty() ? Param(std::nullopt) : Param(r.agentName);
    db_.transaction([&] {
        lockCall(r.callId);
        // The same leg again: the ACD's ordered writes try a write again after a lost
        // connection, which may have lost only the answer to a commit.
        if (db_.exec("SELECT 1 FROM interactions WHERE call_id = $1 AND customer_id = $2 AND "
                     "agent_id IS NOT DISTINCT FROM $3::text AND started_ms = $4",
                     {r.callId, r.customerId, agentId, toUnixMs(r.startedAt)})
                .rows() > 0)
            return;
        db_.exec(
            "INSERT INTO interactions(id, customer_id, call_id, channel, direction, queue, "
            "started_ms, duration_sec, reason, end_reason, agent_id, agent_name) "
            "VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)",
            {id, r.customerId, r.callId, r.channel, r.direction, r.queue, toUnixMs(r.startedAt),
             r.durationSec, r.reason, r.endReason, agentId, agentName});
        db_.exec(
            "UPDATE notes SET interaction_id = $1 WHERE call_id = $2 AND customer_id = $3 AND "
            "author_id = $4 AND interaction_id IS NULL",
            {id, r.callId, r.customerId, r.agentId});
        db_.exec("UPDATE customers SET last_contact_reason = $1 WHERE id = $2",
                 {r.reason, r.customerId});
    });
}

void PgCrmStore::setInteractionWrapup(const std::string& callId, const std::string& agentId,
                                      const std::string& code,
                                      const std::optional<std::string>& noteId) {
    db_.exec("UPDATE interactions SET wrapup_code = $1 WHERE call_id = $2 AND agent_id = $3",
             {code, callId, agentId});
    (void)noteId;  // notes link to interactions by call id and author
}

std::optional<std::string> PgCrmStore::customerOfCall(const std::string& callId) {
    auto r = db_.exec(
        "SELECT customer_id FROM interactions WHERE call_id = $1 ORDER BY started_ms LIMIT 1",
        {callId});
    if (r.rows() == 0)
        return std::nullopt;
    return r.text(0, 0);
}

std::optional<Note> PgCrmStore::note(const std::string& id) {
    auto r = db_.exec(kNoteColumns + "WHERE id = $1", {id});
    if (r.rows() == 0)
        return std::nullopt;
    return readNote(r, 0);
}

ContactStore::NoteCreated PgCrmStore::createNote(const Note& draft, bool authorOnCall) {
    auto sameKey = [&] {
        return db_.exec(kNoteColumns + "WHERE idempotency_key = $1 AND author_id = $2",
                        {draft.idempotencyKey, draft.authorId});
    };
    if (auto existing = sameKey(); existing.rows() > 0)
        return {readNote(existing, 0), false};
    // Another node saving the same note at the same moment (a desktop's retry reaching both):
    // the unique index decides, and this one answers with the note the other stored.
    struct SavedElsewhere {};
    Note n = draft;
    n.id = newRecordId('N');
    n.version = 1;
    n.updatedAt = n.createdAt;
    try {
        db_.transaction([&] {
            std::optional<std::string> interactionId;
            if (n.callId) {
                lockCall(*n.callId);
                // SQLite orders NULL first, so last when descending; PostgreSQL needs telling.
                auto find = db_.exec(
                    "SELECT id FROM interactions WHERE call_id = $1 AND customer_id = $2 AND "
                    "(agent_id = $3 OR NOT $4::boolean) ORDER BY (agent_id = $3) DESC NULLS LAST, "
                    "started_ms DESC LIMIT 1",
                    {*n.callId, n.customerId, n.authorId, authorOnCall});
                if (find.rows() > 0)
                    interactionId = find.text(0, 0);
            } else {
                // A note with no call is a memo: it gets its own entry in the history.
                interactionId = newRecordId('I');
                db_.exec(
                    "INSERT INTO interactions(id, customer_id, channel, direction, queue, "
                    "started_ms, duration_sec, reason, wrapup_code, agent_id) "
                    "VALUES($1,$2,'memo','internal','',$3,0,'',$4,$5)",
                    {*interactionId, n.customerId, toUnixMs(n.createdAt), n.wrapupCode,
                     n.authorId});
            }
            const int inserted =
                db_.exec(
                       "INSERT INTO notes(id, idempotency_key, call_id, interaction_id, "
                       "customer_id, "
                       "wrapup_code, text, author_id, version, created_ms, updated_ms, draft_kept) "
                       "VALUES($1,$2,$3,$4,$5,$6,$7,$8,1,$9,$9,$10) "
                       "ON CONFLICT (author_id, idempotency_key) DO NOTHING",
                       {n.id, n.idempotencyKey, n.callId, interactionId, n.customerId, n.wrapupCode,
                        n.text, n.authorId, toUnixMs(n.createdAt), optionalReal(n.draftKept)})
                    .affected();
            if (inserted == 0)
                throw SavedElsewhere{};  // rolls back this one's memo entry too
            if (n.callId && interactionId) {
                db_.exec("UPDATE interactions SET wrapup_code = $1 WHERE id = $2",
                         {n.wrapupCode, *interactionId});
            }
        });
    } catch (const SavedElsewhere&) {
        return {readNote(sameKey(), 0), false};
    }
    return {n, true};
}

std::pair<ContactStore::NoteUpdate, Note> PgCrmStore::updateNote(const std::string& id,
                                                                 const std::string& text,
                                                                 const std::string& wrapupCode,
                                                                 int expectedVersion,
                                                                 TimePoint now) {
    auto current = note(id);
    if (!current)
        return {NoteUpdate::NotFound, {}};
    if (current->version != expectedVersion)
        return {NoteUpdate::Conflict, *current};
    const int changed =
        db_.exec(
               "UPDATE notes SET text = $1, wrapup_code = $2, version = version + 1, "
               "updated_ms = $3 WHERE id = $4 AND version = $5",
               {text, wrapupCode, toUnixMs(now), id, expectedVersion})
            .affected();
    return {changed == 0 ? NoteUpdate::Conflict : NoteUpdate::Updated, *note(id)};
}

std::vector<WrapupCode> PgCrmStore::wrapupCodes() {
    auto r = db_.exec(
        "SELECT code, category, label_ko, label_en, template_ko, template_en FROM wrapup_codes "
        "ORDER BY sort");
    std::vector<WrapupCode> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(
            {r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5)});
    }
    return out;
}

bool PgCrmStore::wrapupCodeExists(const std::string& code) {
    return db_.exec("SELECT 1 FROM wrapup_codes WHERE code = $1", {code}).rows() > 0;
}

void PgCrmStore::saveCallAssist(const CallAssistRecord& r) {
    db_.exec(
        "INSERT INTO call_assist(call_id, agent_id, lang, queue, analysis, draft_code, "
        "draft_text, at_ms) VALUES($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT(call_id, agent_id) DO "
        "UPDATE SET lang=excluded.lang, queue=excluded.queue, analysis=excluded.analysis, "
        "draft_code=excluded.draft_code, draft_text=excluded.draft_text, at_ms=excluded.at_ms",
        {r.callId, r.agentId, r.lang, r.queue, r.analysisJson, r.draftCode, r.draftText,
         toUnixMs(r.at)});
}

std::optional<CallAssistRecord> PgCrmStore::callAssist(const std::string& callId) {
    auto r = db_.exec(
        "SELECT call_id, agent_id, lang, queue, analysis, draft_code, draft_text, at_ms "
        "FROM call_assist WHERE call_id = $1 ORDER BY at_ms DESC LIMIT 1",
        {callId});
    if (r.rows() == 0)
        return std::nullopt;
    return CallAssistRecord{r.text(0, 0), r.text(0, 1), r.text(0, 2), r.text(0, 3),
                            r.text(0, 4), r.text(0, 5), r.text(0, 6), fromMs(r.integer(0, 7))};
}

}  // namespace agentdesk::server::pg
