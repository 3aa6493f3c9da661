// agentdesk-server import-customers: customers from a center's CSV file into the CRM store.
#include "server/cli/import_customers_command.h"

#include <sys/stat.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <string>

#include "common/logging.h"
#include "server/cli/cli.h"
#include "server/cli/store_options.h"
#include "server/import/customer_import.h"
#include "server/store/crm_store.h"

namespace agentdesk::server::cli {

namespace {

// Small transactions with pauses, as import-kb: a server running on this database keeps
// writing (notes, audit rows) while the import runs, instead of waiting for the whole file.
constexpr csv_import::ImportPacing kImportCustomersPacing{std::chrono::milliseconds(50),
                                                          std::chrono::milliseconds(10)};

void printImportReport(const csv_import::CustomerImportReport& report, double seconds,
                       bool dryRun) {
    std::cout << "read " << report.rows << " row(s) as "
              << csv_import::encodingName(report.encoding) << "\n";
    if (!report.unknownColumns.empty()) {
        std::cout << "ignored column(s):";
        for (std::size_t i = 0; i < report.unknownColumns.size(); ++i)
            std::cout << (i ? ", " : " ") << report.unknownColumns[i];
        std::cout << "\n";
    }
    std::cout << (dryRun ? "would have created " : "created ") << report.created << ", updated "
              << report.updated << ", unchanged " << report.unchanged << ", skipped "
              << report.skipped.size() << " in " << seconds << " s\n";
    for (const auto& s : report.skipped)
        std::cout << "  line " << s.line << ": skipped: " << s.reason << "\n";
    if (dryRun)
        std::cout << "dry run: nothing was written\n";
}

}  // namespace

int importCustomers(int argc, char** argv) {
    if (argc < 3)
        return fail("import-customers needs a FILE.csv");
    const std::string file = argv[2];
    StoreLocation where;
    bool dryRun = false;
    for (int i = 3; i < argc; ++i) {
        const std::string arg = argv[i];
        if (takeStoreOption(argc, argv, i, where)) {
            continue;
        } else if (arg == "--dry-run") {
            dryRun = true;
        } else {
            return fail("unknown option or missing value: " + arg);
        }
    }
    std::string content;
    if (!readInputFile(file, content))
        return 1;
    if (!resolveStoreLocation(where))
        return 1;
    struct stat st {};
    if (dryRun && where.db != ":memory:" && ::stat(where.db.c_str(), &st) != 0) {
        // A dry run against a database that does not exist yet: an empty one, created nowhere.
        where.db = ":memory:";
        where.keyFile.clear();
    }
    auto store = openStore(where);
    if (!store)
        return 1;
    csv_import::StoreImportTarget storeTarget(*store);
    csv_import::DryRunImportTarget dryRunTarget(storeTarget);
    csv_import::CustomerImportTarget& target =
        dryRun ? static_cast<csv_import::CustomerImportTarget&>(dryRunTarget) : storeTarget;
    const auto start = std::chrono::steady_clock::now();
    const auto report =
        csv_import::importCustomers(target, content, std::chrono::system_clock::now(),
                                    dryRun ? csv_import::ImportPacing{} : kImportCustomersPacing);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!report.refused.empty()) {
        std::cerr << "agentdesk-server: " << file << ": " << report.refused
                  << "; nothing was imported\n";
        return 1;
    }
    printImportReport(report, secs, dryRun);
    // Counts only: names and numbers stay out of the log.
    logging::get("server")->info(
        "import-customers{}: {} rows, {} created, {} updated, {} unchanged, {} skipped",
        dryRun ? " (dry run)" : "", report.rows, report.created, report.updated, report.unchanged,
        report.skipped.size());
    if (!report.failed.empty()) {
        std::cerr << "agentdesk-server: the import stopped at line " << report.failedLine << ": "
                  << report.failed << " (the rows before it were imported)\n";
        return 1;
    }
    return report.skipped.empty() ? 0 : 3;
}

}  // namespace agentdesk::server::cli
