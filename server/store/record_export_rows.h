#pragma once
// The rows agentdesk-server export-interactions and export-notes write (server/export/), as the
// store reads them: unmasked, times in Unix milliseconds. Masking is the exporter's job.
#include <cstdint>
#include <optional>
#include <string>

namespace agentdesk::server {

struct InteractionExportRow {
    std::int64_t startedMs = 0;
    std::string id;
    std::string callId;
    std::string customerId;
    std::string customerNo;
    std::string externalId;
    std::string customerName;
    std::string phoneE164;  // the customer's primary phone; empty when none
    std::string channel;
    std::string direction;
    std::string queue;
    std::optional<std::int64_t> durationSec;
    std::string reason;
    std::string endReason;
    std::string wrapupCode;
    std::string wrapupLabel;  // Korean label of the code
    std::string agentId;
    std::string agentName;
};

struct NoteExportRow {
    std::int64_t createdMs = 0;
    std::int64_t updatedMs = 0;
    std::string id;
    std::string callId;
    std::string interactionId;
    std::string customerId;
    std::string customerNo;
    std::string externalId;
    std::string customerName;
    std::string wrapupCode;
    std::string wrapupLabel;
    std::string authorId;
    std::string authorName;
    std::int64_t version = 1;
    std::string text;
};

// The queries both engines run for the exports, up to their WHERE on the period (the same SQL
// on SQLite and PostgreSQL); the columns in the order of the rows' fields above.
inline constexpr const char* kInteractionExportSelect =
    "SELECT i.started_ms, i.id, i.call_id, i.customer_id, c.customer_no, c.external_id, "
    "c.name, (SELECT p.e164 FROM customer_phones p WHERE p.customer_id = i.customer_id "
    "ORDER BY p.is_primary DESC, p.id LIMIT 1), i.channel, i.direction, i.queue, "
    "i.duration_sec, i.reason, i.end_reason, i.wrapup_code, w.label_ko, i.agent_id, "
    "coalesce(u.name, i.agent_name) "
    "FROM interactions i LEFT JOIN customers c ON c.id = i.customer_id "
    "LEFT JOIN wrapup_codes w ON w.code = i.wrapup_code "
    "LEFT JOIN users u ON u.id = i.agent_id ";
inline constexpr const char* kNoteExportSelect =
    "SELECT n.created_ms, n.updated_ms, n.id, n.call_id, n.interaction_id, n.customer_id, "
    "c.customer_no, c.external_id, c.name, n.wrapup_code, w.label_ko, n.author_id, u.name, "
    "n.version, n.text "
    "FROM notes n LEFT JOIN customers c ON c.id = n.customer_id "
    "LEFT JOIN wrapup_codes w ON w.code = n.wrapup_code "
    "LEFT JOIN users u ON u.id = n.author_id ";

}  // namespace agentdesk::server
