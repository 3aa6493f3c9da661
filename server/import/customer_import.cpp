#include "server/import/customer_import.h"

#include <algorithm>
#include <thread>

#include "server/customer_validation.h"
#include "server/import/csv_reader.h"
#include "server/import/customer_columns.h"
#include "server/import/customer_row.h"

namespace agentdesk::server::csv_import {

using nlohmann::json;

namespace {

// The API's field errors (customer_validation.h) in the words of a spreadsheet.
std::string importReasonFor(const Outcome& outcome) {
    std::string reason;
    for (const auto& f : outcome.fields) {
        std::string text;
        if (f.field == "name" && f.message == "is required") {
            text = "the name is empty (a new customer needs one)";
        } else if (f.field == "phones" && f.message == "is required") {
            text = "no phone number (a new customer needs one)";
        } else if (f.field == "birthDate") {
            text = "birth date is not a real date between 1900 and today";
        } else {
            std::string label = f.field;
            if (f.field == "nameEn")
                label = "English name";
            else if (f.field == "email")
                label = "e-mail";
            else if (f.field == "phones")
                label = "phone numbers";
            else if (f.field.rfind("phones[", 0) == 0)
                label = "phone number";
            else if (f.field.rfind("consents.", 0) == 0)
                label = f.field.substr(9) + " consent";
            text = label + " " + f.message;
        }
        reason += (reason.empty() ? "" : "; ") + text;
    }
    return reason.empty() ? outcome.message : reason;
}

// Whether the validated fields would change the stored customer.
bool importChanges(const json& stored, const json& fields, const std::optional<std::string>& ext) {
    if (ext && stored.value("externalId", json(nullptr)) != json(*ext))
        return true;
    for (const auto& [key, value] : fields.items()) {
        if (key == "consents") {
            const json& have = stored.contains("consents") ? stored["consents"] : json::object();
            for (const auto& [k, v] : value.items()) {
                if (!have.contains(k) || have[k] != v)
                    return true;
            }
        } else if (stored.value(key, json(nullptr)) != value) {
            return true;
        }
    }
    return false;
}

struct ImportRowContext {
    CustomerImportTarget& target;
    const ColumnMap& columns;
    TimePoint now;
    CustomerImportReport& report;
};

void importRow(ImportRowContext& ctx, const CsvRecord& record) {
    auto skip = [&](std::string why) {
        ctx.report.skipped.push_back({record.line, std::move(why)});
    };
    if (record.unterminatedQuote)
        return skip("a quoted field is not closed before the end of the file");
    std::string reason;
    auto row = readCustomerRow(record, ctx.columns, reason);
    if (!row)
        return skip(reason);

    // External id first, else the phone numbers; a customer with another external id is
    // someone else who shares the number.
    std::optional<std::string> id;
    if (row->externalId)
        id = ctx.target.byExternalId(*row->externalId);
    if (!id && !row->phones.empty()) {
        std::vector<std::string> ids;
        for (const auto& e164 : row->phones) {
            for (auto& candidate : ctx.target.byPhone(e164)) {
                if (std::find(ids.begin(), ids.end(), candidate) == ids.end())
                    ids.push_back(std::move(candidate));
            }
        }
        if (row->externalId) {
            ids.erase(std::remove_if(ids.begin(), ids.end(),
                                     [&](const std::string& candidate) {
                                         auto f = ctx.target.fields(candidate);
                                         return f && (*f)["externalId"].is_string();
                                     }),
                      ids.end());
        }
        if (ids.size() > 1) {
            return skip("its phone numbers belong to " + std::to_string(ids.size()) +
                        " different customers; add an external id column to say which one");
        }
        if (ids.size() == 1)
            id = ids.front();
    }

    json fields;
    if (const Outcome valid = validateCustomer(row->body, !id, fields); !valid.ok())
        return skip(importReasonFor(valid));
    if (!id) {
        ctx.target.create(fields, row->externalId, ctx.now);
        ++ctx.report.created;
        return;
    }
    const auto stored = ctx.target.fields(*id);
    if (stored && fields.contains("phones")) {
        // A number the customer already has keeps the label it has (set by a counselor).
        for (auto& p : fields["phones"]) {
            for (const auto& have : stored->value("phones", json::array())) {
                if (have.value("e164", "") == p.value("e164", ""))
                    p["label"] = have.value("label", p.value("label", "mobile"));
            }
        }
    }
    if (stored && !importChanges(*stored, fields, row->externalId)) {
        ++ctx.report.unchanged;
        return;
    }
    ctx.target.update(*id, fields, row->externalId, ctx.now);
    ++ctx.report.updated;
}

}  // namespace

CustomerImportReport importCustomers(CustomerImportTarget& target, std::string_view bytes,
                                     TimePoint now, ImportPacing pacing) {
    CustomerImportReport report;
    std::string error;
    const auto decoded = decodeText(bytes, error);
    if (!decoded) {
        report.refused = error;
        return report;
    }
    report.encoding = decoded->encoding;
    CsvReader reader(decoded->utf8);
    CsvRecord record;
    bool header = false;
    while (!header && reader.next(record))
        header = !record.blank();
    if (!header) {
        report.refused = "the file is empty: no header row";
        return report;
    }
    if (record.unterminatedQuote) {
        report.refused = "the header row opens a quote that is never closed";
        return report;
    }
    const auto columns = mapHeader(record.fields, error);
    if (!columns) {
        report.refused = error;
        return report;
    }
    report.unknownColumns = columns->unknown;

    ImportRowContext ctx{target, *columns, now, report};
    bool more = true;
    while (more) {
        const auto until = std::chrono::steady_clock::now() + pacing.batch;
        const CustomerImportReport before = report;
        int firstLine = 0;
        try {
            target.batch([&] {
                for (;;) {
                    if (pacing.batch.count() > 0 && std::chrono::steady_clock::now() >= until)
                        return;
                    if (!reader.next(record)) {
                        more = false;
                        return;
                    }
                    if (record.blank())
                        continue;
                    if (firstLine == 0)
                        firstLine = record.line;
                    ++report.rows;
                    importRow(ctx, record);
                }
            });
        } catch (const std::exception& e) {
            // The batch was rolled back: its rows count as not imported.
            report = before;
            report.failed = e.what();
            report.failedLine = firstLine;
            return report;
        }
        if (more && pacing.pause.count() > 0)
            std::this_thread::sleep_for(pacing.pause);
    }
    return report;
}

}  // namespace agentdesk::server::csv_import
