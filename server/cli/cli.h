#pragma once
// agentdesk-server's command line: serving options and the administration subcommands
// (import-kb, add-user, set-user). main() only picks one.
#include <cstdint>
#include <optional>
#include <string>

#include "server/server_app.h"

namespace agentdesk::server::cli {

// Prints "agentdesk-server: MESSAGE" and a hint to stderr; returns exit status 2.
int fail(const std::string& message);
// The whole of an input file (import-kb, import-customers). False, with "cannot read FILE"
// printed, when it cannot be read.
bool readInputFile(const std::string& path, std::string& content);
bool parseListen(const std::string& text, std::string& host, std::uint16_t& port);

int importKb(int argc, char** argv);
int addUser(int argc, char** argv);
int setUser(int argc, char** argv);
int endSessions(int argc, char** argv);

// Reads the serving options into config and logSpec. Returns an exit status when the program
// should stop here (--help, --version, a bad option), nothing when it should serve.
std::optional<int> parseServeOptions(int argc, char** argv, ServerConfig& config,
                                     std::string& logSpec);

}  // namespace agentdesk::server::cli
