#pragma once
// agentdesk-server export-interactions and export-notes (docs/operations.md "Exporting"): a
// period's contacts or after-call notes as CSV for a spreadsheet.
//
// The file is what Excel on a Korean Windows opens as is: UTF-8 with a byte order mark, RFC 4180
// records ending in CRLF, fixed English column names (stable for scripts whatever the UI
// language), local times "YYYY-MM-DD HH:MM:SS", and the formula guard (common/csv_text.h) on
// every text field. Personal numbers are masked unless `unmasked`: phone numbers keep their
// last four digits ("010-****-5678"), and in free text (reason, note) resident registration,
// card and account numbers are replaced and phone numbers masked as in a live transcript.
//
// Columns, interactions:
//   startedAt,interactionId,callId,customerId,customerNo,externalId,customerName,phone,channel,
//   direction,queue,durationSec,reason,endReason,wrapupCode,wrapupLabel,agentId,agentName
// notes:
//   createdAt,updatedAt,noteId,callId,interactionId,customerId,customerNo,externalId,
//   customerName,wrapupCode,wrapupLabel,authorId,authorName,version,text
//
// Threads: called from one thread with a store it owns.
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

namespace agentdesk::server {

class DataTransferStore;

// A period in local days: from the start of `from` to the end of `to`, as Unix milliseconds
// [fromMs, toMs).
struct ExportPeriod {
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;
};

// "YYYY-MM-DD" dates (the machine's time zone); nullopt with `error` set for a date that is not
// one, or `to` before `from`.
std::optional<ExportPeriod> parseExportPeriod(const std::string& from, const std::string& to,
                                              std::string& error);

// Each writes the byte order mark, the header and one record per row; returns the row count.
std::int64_t writeInteractionsCsv(DataTransferStore& store, const ExportPeriod& period,
                                  bool unmasked, std::ostream& out);
std::int64_t writeNotesCsv(DataTransferStore& store, const ExportPeriod& period, bool unmasked,
                           std::ostream& out);

}  // namespace agentdesk::server
