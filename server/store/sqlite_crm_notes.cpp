// SqliteCrmStore: contacts and notes (ContactStore).
#include "server/store/sqlite_crm_store.h"

#include <limits>
#include <unordered_map>

#include "common/logging.h"

#include "server/store/record_ids.h"
#include "server/store/store_rows.h"

namespace agentdesk::server {

using nlohmann::json;
using namespace store_rows;

// ---------------------------------------------------------------- contacts and notes

void SqliteCrmStore::recordInteraction(const InteractionRecord& r) {
    if (r.customerId.empty() || !customerExists(r.customerId))
        return;
    const std::string id = newRecordId('I');
    db_.transaction([&] {
        // The same leg again (a write tried again after a failure): recorded once.
        auto same = db_.prepare(
            "SELECT 1 FROM interactions WHERE call_id = ? AND customer_id = ? AND "
            "agent_id IS ? AND started_ms = ?");
        same.bind(1, r.callId).bind(2, r.customerId).bind(4, toUnixMs(r.startedAt));
        if (r.agentId.empty())
            same.bindNull(3);
        else
            same.bind(3, r.agentId);
        const bool recorded = same.step();
        same.reset();
        if (recorded)
            return;
        auto st = db_.prepare(
            "INSERT INTO interactions(id, customer_id, call_id, channel, direction, queue, "
            "started_ms, duration_sec, reason, end_reason, agent_id, agent_name) "
            "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
        st.bind(1, id).bind(2, r.customerId).bind(3, r.callId).bind(4, r.channel);
        st.bind(5, r.direction).bind(6, r.queue).bind(7, toUnixMs(r.startedAt));
        st.bind(8, r.durationSec).bind(9, r.reason).bind(10, r.endReason);
        // An abandoned call reached no agent: null, not "".
        if (r.agentId.empty()) {
            st.bindNull(11).bindNull(12);
        } else {
            st.bind(11, r.agentId).bind(12, r.agentName);
        }
        st.run();
        auto link = db_.prepare(
            "UPDATE notes SET interaction_id = ? WHERE call_id = ? AND customer_id = ? AND "
            "author_id = ? AND interaction_id IS NULL");
        link.bind(1, id).bind(2, r.callId).bind(3, r.customerId).bind(4, r.agentId);
        link.run();
        auto reason = db_.prepare("UPDATE customers SET last_contact_reason = ? WHERE id = ?");
        reason.bind(1, r.reason).bind(2, r.customerId);
        reason.run();
    });
}

void SqliteCrmStore::setInteractionWrapup(const std::string& callId, const std::string& agentId,
                                          const std::string& code,
                                          const std::optional<std::string>& noteId) {
    auto st =
        db_.prepare("UPDATE interactions SET wrapup_code = ? WHERE call_id = ? AND agent_id = ?");
    st.bind(1, code).bind(2, callId).bind(3, agentId);
    st.run();
    (void)noteId;  // notes link to interactions by call id and author
}

std::optional<Note> SqliteCrmStore::readNote(Statement& st) {
    Note n;
    n.id = st.text(0);
    n.idempotencyKey = st.text(1);
    n.callId = st.optText(2);
    n.customerId = st.text(3);
    n.wrapupCode = st.text(4);
    n.text = st.text(5);
    n.authorId = st.text(6);
    n.version = static_cast<int>(st.integer(7));
    n.createdAt = fromMs(st.integer(8));
    n.updatedAt = fromMs(st.integer(9));
    if (!st.isNull(10))
        n.draftKept = st.real(10);
    return n;
}

namespace {
// Read by readNote(), in this order.
constexpr const char* kNoteFields =
    "SELECT id, idempotency_key, call_id, customer_id, wrapup_code, text, author_id, version, "
    "created_ms, updated_ms, draft_kept";
const std::string kNoteColumns = std::string(kNoteFields) + " FROM notes ";
}  // namespace

std::optional<Note> SqliteCrmStore::note(const std::string& id) {
    auto st = db_.prepare(std::string(kNoteColumns) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    auto n = readNote(st);
    st.reset();
    return n;
}

InteractionPage SqliteCrmStore::interactions(const std::string& customerId,
                                             std::optional<TimePoint> before, int limit) {
    const std::int64_t beforeMs =
        before ? toUnixMs(*before) : std::numeric_limits<std::int64_t>::max();
    auto st = db_.prepare(
        "SELECT id, call_id, channel, direction, queue, started_ms, duration_sec, reason, "
        "end_reason, wrapup_code, agent_id, agent_name FROM interactions "
        "WHERE customer_id = ? AND started_ms < ? ORDER BY started_ms DESC LIMIT ?");
    st.bind(1, customerId).bind(2, beforeMs).bind(3, limit + 1);
    InteractionPage page;
    while (st.step()) {
        if (static_cast<int>(page.items.size()) == limit) {
            page.hasMore = true;
            break;
        }
        Interaction i;
        i.id = st.text(0);
        i.callId = st.optText(1);
        i.channel = st.text(2);
        i.direction = st.text(3);
        i.queue = st.text(4);
        i.startedAt = fromMs(st.integer(5));
        i.durationSec = static_cast<int>(st.integer(6));
        i.reason = st.optText(7);
        i.endReason = st.optText(8);
        i.wrapupCode = st.optText(9);
        i.agentId = st.optText(10);
        i.agentName = st.optText(11);
        page.items.push_back(std::move(i));
    }
    st.reset();
    if (page.items.empty())
        return page;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < page.items.size(); ++i)
        index[page.items[i].id] = i;
    auto n =
        db_.prepare(std::string(kNoteFields) +
                    ", interaction_id FROM notes WHERE customer_id = ? "
                    "AND interaction_id IN (SELECT id FROM interactions WHERE customer_id = ? "
                    "AND started_ms < ? ORDER BY started_ms DESC LIMIT ?) ORDER BY created_ms");
    n.bind(1, customerId).bind(2, customerId).bind(3, beforeMs).bind(4, limit);
    while (n.step()) {
        auto note = readNote(n);
        auto it = index.find(n.text(11));
        if (note && it != index.end())
            page.items[it->second].notes.push_back(std::move(*note));
    }
    return page;
}

CrmStore::NoteCreated SqliteCrmStore::createNote(const Note& draft, bool authorOnCall) {
    {
        auto st =
            db_.prepare(std::string(kNoteColumns) + "WHERE idempotency_key = ? AND author_id = ?");
        st.bind(1, draft.idempotencyKey).bind(2, draft.authorId);
        if (st.step()) {
            auto existing = readNote(st);
            st.reset();
            return {*existing, false};
        }
    }
    Note n = draft;
    n.id = newRecordId('N');
    n.version = 1;
    n.updatedAt = n.createdAt;
    db_.transaction([&] {
        std::optional<std::string> interactionId;
        if (n.callId) {
            auto find = db_.prepare(
                "SELECT id FROM interactions WHERE call_id = ?1 AND customer_id = ?2 AND "
                "(agent_id = ?3 OR NOT ?4) ORDER BY (agent_id = ?3) DESC, started_ms DESC "
                "LIMIT 1");
            find.bind(1, *n.callId).bind(2, n.customerId).bind(3, n.authorId);
            find.bind(4, authorOnCall);
            if (find.step())
                interactionId = find.text(0);
            find.reset();
        } else {
            // A note with no call is a memo: it gets its own entry in the history.
            interactionId = newRecordId('I');
            auto memo = db_.prepare(
                "INSERT INTO interactions(id, customer_id, channel, direction, queue, "
                "started_ms, duration_sec, reason, wrapup_code, agent_id) "
                "VALUES(?,?,'memo','internal','',?,0,'',?,?)");
            memo.bind(1, *interactionId).bind(2, n.customerId).bind(3, toUnixMs(n.createdAt));
            memo.bind(4, n.wrapupCode).bind(5, n.authorId);
            memo.run();
        }
        auto st = db_.prepare(
            "INSERT INTO notes(id, idempotency_key, call_id, interaction_id, customer_id, "
            "wrapup_code, text, author_id, version, created_ms, updated_ms, draft_kept) "
            "VALUES(?,?,?,?,?,?,?,?,1,?,?,?)");
        st.bind(1, n.id).bind(2, n.idempotencyKey).bindOptional(3, n.callId);
        st.bindOptional(4, interactionId).bind(5, n.customerId).bind(6, n.wrapupCode);
        st.bind(7, n.text).bind(8, n.authorId).bind(9, toUnixMs(n.createdAt));
        st.bind(10, toUnixMs(n.createdAt));
        if (n.draftKept)
            st.bind(11, *n.draftKept);
        else
            st.bindNull(11);
        st.run();
        if (n.callId && interactionId) {
            auto code = db_.prepare("UPDATE interactions SET wrapup_code = ? WHERE id = ?");
            code.bind(1, n.wrapupCode).bind(2, *interactionId);
            code.run();
        }
    });
    return {n, true};
}

std::pair<CrmStore::NoteUpdate, Note> SqliteCrmStore::updateNote(const std::string& id,
                                                                 const std::string& text,
                                                                 const std::string& wrapupCode,
                                                                 int expectedVersion,
                                                                 TimePoint now) {
    auto current = note(id);
    if (!current)
        return {NoteUpdate::NotFound, {}};
    if (current->version != expectedVersion)
        return {NoteUpdate::Conflict, *current};
    auto st = db_.prepare(
        "UPDATE notes SET text = ?, wrapup_code = ?, version = version + 1, updated_ms = ? "
        "WHERE id = ? AND version = ?");
    st.bind(1, text).bind(2, wrapupCode).bind(3, toUnixMs(now)).bind(4, id);
    st.bind(5, expectedVersion);
    st.run();
    if (db_.changes() == 0)
        return {NoteUpdate::Conflict, *note(id)};
    return {NoteUpdate::Updated, *note(id)};
}

// ---------------------------------------------------------------- agent assist

void SqliteCrmStore::saveCallAssist(const CallAssistRecord& r) {
    auto st = db_.prepare(
        "INSERT OR REPLACE INTO call_assist(call_id, agent_id, lang, queue, analysis, draft_code, "
        "draft_text, at_ms) VALUES(?,?,?,?,?,?,?,?)");
    st.bind(1, r.callId).bind(2, r.agentId).bind(3, r.lang).bind(4, r.queue);
    st.bind(5, r.analysisJson).bind(6, r.draftCode).bind(7, r.draftText).bind(8, toUnixMs(r.at));
    st.run();
}

std::optional<CallAssistRecord> SqliteCrmStore::callAssist(const std::string& callId) {
    auto st = db_.prepare(
        "SELECT call_id, agent_id, lang, queue, analysis, draft_code, draft_text, at_ms "
        "FROM call_assist WHERE call_id = ? ORDER BY at_ms DESC LIMIT 1");
    st.bind(1, callId);
    if (!st.step())
        return std::nullopt;
    CallAssistRecord r;
    r.callId = st.text(0);
    r.agentId = st.text(1);
    r.lang = st.text(2);
    r.queue = st.text(3);
    r.analysisJson = st.text(4);
    r.draftCode = st.text(5);
    r.draftText = st.text(6);
    r.at = fromMs(st.integer(7));
    st.reset();
    return r;
}

}  // namespace agentdesk::server
