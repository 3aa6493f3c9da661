#include "server/export/record_csv.h"

#include <ctime>

#include "common/csv_text.h"
#include "common/phone.h"
#include "server/assist/transcript_mask.h"
#include "server/store/data_transfer_store.h"

namespace agentdesk::server {

namespace {

// Midnight at the start of a local date "YYYY-MM-DD", in Unix milliseconds.
std::optional<std::int64_t> localMidnightMs(const std::string& text, int addDays) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
    }
    std::tm tm{};
    tm.tm_year = std::stoi(text.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(text.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(text.substr(8, 2));
    tm.tm_isdst = -1;
    const int year = tm.tm_year, month = tm.tm_mon, day = tm.tm_mday;
    std::tm probe = tm;
    if (std::mktime(&probe) == -1 || probe.tm_year != year || probe.tm_mon != month ||
        probe.tm_mday != day)
        return std::nullopt;  // 2026-02-30 and the like
    tm.tm_mday += addDays;
    const std::time_t t = std::mktime(&tm);
    return static_cast<std::int64_t>(t) * 1000;
}

std::string localTime(std::int64_t ms) {
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    ::localtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm);
    return text;
}

std::string phoneField(const std::string& e164, bool unmasked) {
    if (e164.empty())
        return {};
    return csv::textField(unmasked ? phone::formatLocal(e164) : phone::maskLocal(e164));
}

std::string freeText(const std::string& text, bool unmasked) {
    return csv::textField(unmasked ? text : assist::maskTranscriptText(text));
}

std::string headerRecord(std::initializer_list<const char*> names) {
    std::vector<std::string> fields(names.begin(), names.end());
    return std::string(csv::kUtf8Bom) + csv::record(fields);
}

}  // namespace

std::optional<ExportPeriod> parseExportPeriod(const std::string& from, const std::string& to,
                                              std::string& error) {
    const auto start = localMidnightMs(from, 0);
    if (!start) {
        error = "--from must be a date YYYY-MM-DD, not '" + from + "'";
        return std::nullopt;
    }
    const auto end = localMidnightMs(to, 1);
    if (!end) {
        error = "--to must be a date YYYY-MM-DD, not '" + to + "'";
        return std::nullopt;
    }
    if (*end <= *start) {
        error = "--to (" + to + ") is before --from (" + from + ")";
        return std::nullopt;
    }
    return ExportPeriod{*start, *end};
}

std::int64_t writeInteractionsCsv(DataTransferStore& store, const ExportPeriod& period,
                                  bool unmasked, std::ostream& out) {
    out << headerRecord({"startedAt", "interactionId", "callId", "customerId", "customerNo",
                         "externalId", "customerName", "phone", "channel", "direction", "queue",
                         "durationSec", "reason", "endReason", "wrapupCode", "wrapupLabel",
                         "agentId", "agentName"});
    std::int64_t rows = 0;
    store.forEachInteraction(period.fromMs, period.toMs, [&](const InteractionExportRow& r) {
        out << csv::record({localTime(r.startedMs), csv::textField(r.id), csv::textField(r.callId),
                            csv::textField(r.customerId), csv::textField(r.customerNo),
                            csv::textField(r.externalId), csv::textField(r.customerName),
                            phoneField(r.phoneE164, unmasked), csv::textField(r.channel),
                            csv::textField(r.direction), csv::textField(r.queue),
                            r.durationSec ? std::to_string(*r.durationSec) : std::string(),
                            freeText(r.reason, unmasked), csv::textField(r.endReason),
                            csv::textField(r.wrapupCode), csv::textField(r.wrapupLabel),
                            csv::textField(r.agentId), csv::textField(r.agentName)});
        ++rows;
    });
    return rows;
}

std::int64_t writeNotesCsv(DataTransferStore& store, const ExportPeriod& period, bool unmasked,
                           std::ostream& out) {
    out << headerRecord({"createdAt", "updatedAt", "noteId", "callId", "interactionId",
                         "customerId", "customerNo", "externalId", "customerName", "wrapupCode",
                         "wrapupLabel", "authorId", "authorName", "version", "text"});
    std::int64_t rows = 0;
    store.forEachNote(period.fromMs, period.toMs, [&](const NoteExportRow& r) {
        out << csv::record({localTime(r.createdMs), localTime(r.updatedMs), csv::textField(r.id),
                            csv::textField(r.callId), csv::textField(r.interactionId),
                            csv::textField(r.customerId), csv::textField(r.customerNo),
                            csv::textField(r.externalId), csv::textField(r.customerName),
                            csv::textField(r.wrapupCode), csv::textField(r.wrapupLabel),
                            csv::textField(r.authorId), csv::textField(r.authorName),
                            std::to_string(r.version), freeText(r.text, unmasked)});
        ++rows;
    });
    return rows;
}

}  // namespace agentdesk::server
