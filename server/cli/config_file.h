#pragma once
// agentdesk-server's configuration file (`--config FILE`, installed as
// /etc/agentdesk/server.conf; docs/operations.md). One setting a line, `key = value`, where a
// key is a command-line option without its dashes:
//
//     # comments and blank lines are ignored
//     listen = 0.0.0.0:8780
//     db = /var/lib/agentdesk/server.db
//     demo = false                 # flags take true/false (also yes/no, on/off, 1/0)
//     sip-trunk = 10.0.0.5, 10.0.0.6
//
// A value may be put in double quotes (to keep a '#' or spaces at its ends). Unknown keys,
// a key given twice and a line without '=' are errors naming the line. The file's settings
// become command-line arguments placed before the real ones, so the command line wins.
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::server::cli {

// One argument of the serving command line and where it came from: "FILE:LINE" for a setting
// of the configuration file, empty for the real command line.
struct SourcedArg {
    std::string text;
    std::string origin;
};

// The settings of `path` as arguments ("--listen", "0.0.0.0:8780", …), or nothing with
// `error` set ("FILE:LINE: unknown key 'foo'", "cannot read FILE: …").
std::optional<std::vector<SourcedArg>> readConfigFile(const std::string& path, std::string& error);

// Where `--config FILE` appears among argv[first..argc): FILE, or empty. `error` is set when
// --config has no FILE or is given twice.
std::string configFileArgument(int argc, char** argv, int first, std::string& error);

}  // namespace agentdesk::server::cli
