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

}  // namespace agentdesk::server
