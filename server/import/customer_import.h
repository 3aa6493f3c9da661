#pragma once
// Import of customers from a CSV file (agentdesk-server import-customers, docs/operations.md
// "Importing customers"): the header maps columns, each row creates a customer or updates the
// one it matches — by external id first, else by one of its phone numbers — with the same
// validation as POST/PATCH /customers; a report says what happened to every row.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "common/time_util.h"
#include "server/import/customer_import_target.h"
#include "server/import/text_encoding.h"

namespace agentdesk::server::csv_import {

struct CustomerImportReport {
    SourceEncoding encoding = SourceEncoding::Utf8;
    int rows = 0;  // records after the header, blank lines not counted
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    struct Skipped {
        int line;  // physical line where the record starts
        std::string reason;
    };
    std::vector<Skipped> skipped;
    std::vector<std::string> unknownColumns;  // ignored, each named once
    // Not empty: nothing was imported (not UTF-8 or CP949, no header, no name column).
    std::string refused;
    // Not empty: the database failed at `failedLine`; the rows before it were imported and the
    // counts above are theirs.
    std::string failed;
    int failedLine = 0;
};

// How the import shares the database with a running server: it commits after at most `batch`
// of work (0: the whole file in one transaction) and waits `pause` before the next, so the
// server's own writes get the write lock in between (as import-kb does).
struct ImportPacing {
    std::chrono::milliseconds batch{0};
    std::chrono::milliseconds pause{0};
};

CustomerImportReport importCustomers(CustomerImportTarget& target, std::string_view bytes,
                                     TimePoint now, ImportPacing pacing = {});

}  // namespace agentdesk::server::csv_import
