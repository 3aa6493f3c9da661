#pragma once
// A center's data out of and back into the server (docs/operations.md):
//   agentdesk-server export-interactions --from DATE --to DATE FILE.csv [--unmasked]
//   agentdesk-server export-notes --from DATE --to DATE FILE.csv [--unmasked]
//   agentdesk-server backup FILE
//   agentdesk-server restore FILE
// each with [--db FILE] [--key-file FILE] [--config FILE].
//
// Exit status: 0 done, 1 the database or a file cannot be used or the restore was refused
// (nothing changed), 2 a bad command line.
namespace agentdesk::server::cli {

int exportInteractions(int argc, char** argv);
int exportNotes(int argc, char** argv);
int backup(int argc, char** argv);
int restore(int argc, char** argv);

}  // namespace agentdesk::server::cli
