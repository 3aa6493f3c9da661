// SqliteCrmStore: the interactions and notes of a period for agentdesk-server export-interactions
// and export-notes, streamed row by row (a year of a center's calls never sits in memory).
#include "server/store/sqlite_crm_store.h"

#include <string>

namespace agentdesk::server {

void SqliteCrmStore::forEachInteraction(
    std::int64_t fromMs, std::int64_t toMs,
    const std::function<void(const InteractionExportRow&)>& fn) {
    auto st =
        db_.prepare(std::string(kInteractionExportSelect) +
                    "WHERE i.started_ms >= ? AND i.started_ms < ? ORDER BY i.started_ms, i.id");
    st.bind(1, fromMs).bind(2, toMs);
    InteractionExportRow row;
    while (st.step()) {
        row.startedMs = st.integer(0);
        row.id = st.text(1);
        row.callId = st.text(2);
        row.customerId = st.text(3);
        row.customerNo = st.text(4);
        row.externalId = st.text(5);
        row.customerName = st.text(6);
        row.phoneE164 = st.text(7);
        row.channel = st.text(8);
        row.direction = st.text(9);
        row.queue = st.text(10);
        row.durationSec = st.isNull(11) ? std::nullopt : std::optional(st.integer(11));
        row.reason = st.text(12);
        row.endReason = st.text(13);
        row.wrapupCode = st.text(14);
        row.wrapupLabel = st.text(15);
        row.agentId = st.text(16);
        row.agentName = st.text(17);
        fn(row);
    }
}

void SqliteCrmStore::forEachNote(std::int64_t fromMs, std::int64_t toMs,
                                 const std::function<void(const NoteExportRow&)>& fn) {
    auto st =
        db_.prepare(std::string(kNoteExportSelect) +
                    "WHERE n.created_ms >= ? AND n.created_ms < ? ORDER BY n.created_ms, n.id");
    st.bind(1, fromMs).bind(2, toMs);
    NoteExportRow row;
    while (st.step()) {
        row.createdMs = st.integer(0);
        row.updatedMs = st.integer(1);
        row.id = st.text(2);
        row.callId = st.text(3);
        row.interactionId = st.text(4);
        row.customerId = st.text(5);
        row.customerNo = st.text(6);
        row.externalId = st.text(7);
        row.customerName = st.text(8);
        row.wrapupCode = st.text(9);
        row.wrapupLabel = st.text(10);
        row.authorId = st.text(11);
        row.authorName = st.text(12);
        row.version = st.integer(13);
        row.text = st.text(14);
        fn(row);
    }
}

}  // namespace agentdesk::server
