#pragma once
// agentdesk-server import-customers FILE.csv [--dry-run] [--db FILE] [--key-file FILE]
// [--config FILE] (docs/operations.md "Importing customers").
namespace agentdesk::server::cli {

// Exit status: 0 every row imported, 3 some rows skipped, 1 the file or the database cannot be
// used (nothing imported, or the import stopped), 2 a bad command line.
int importCustomers(int argc, char** argv);

}  // namespace agentdesk::server::cli
