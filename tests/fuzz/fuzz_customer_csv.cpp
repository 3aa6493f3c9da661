// Harness customer_csv: agentdesk-server import-customers on any file (server/import/), through a
// dry run over an empty in-memory store, so every row's path runs and nothing is kept.
//   - the import never throws and never reports the database failing;
//   - a file it refuses counts no rows as imported;
//   - otherwise every row is accounted for: created + updated + unchanged + skipped == rows, and
//     every skipped row names a line inside the file and a reason.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>

#include "server/import/customer_import.h"
#include "server/import/customer_import_target.h"
#include "server/store/sqlite_crm_store.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace agentdesk::server;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    SqliteCrmStore store(":memory:", FieldCipher::ephemeral());
    csv_import::StoreImportTarget storeTarget(store);
    csv_import::DryRunImportTarget target(storeTarget);
    const auto report =
        csv_import::importCustomers(target, bytes, std::chrono::system_clock::now(), {});
    FUZZ_CHECK(report.failed.empty(), "the dry run's store failed: " + report.failed);
    if (!report.refused.empty()) {
        FUZZ_CHECK(report.created == 0 && report.updated == 0, "refused but imported");
        return 0;
    }
    const auto accounted = report.created + report.updated + report.unchanged +
                           static_cast<int>(report.skipped.size());
    FUZZ_CHECK(accounted == report.rows, "rows not accounted for: " + std::to_string(accounted) +
                                             " of " + std::to_string(report.rows));
    const auto lines = static_cast<int>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
    for (const auto& s : report.skipped) {
        FUZZ_CHECK(s.line >= 2 && s.line <= lines, "skipped line out of the file");
        FUZZ_CHECK(!s.reason.empty(), "skipped without a reason");
    }
    FUZZ_CHECK(store.customerCount() == 0, "a dry run wrote a customer");
    return 0;
}
