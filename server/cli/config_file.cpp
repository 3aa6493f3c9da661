#include "server/cli/config_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <string_view>

namespace agentdesk::server::cli {

namespace {

// Every serving option that takes a value, without its dashes (serve_options.cpp reads them).
constexpr std::string_view kValueKeys[] = {
    "listen",
    "db",
    "key-file",
    "events",
    "events-stream",
    "node",
    "demo-rate",
    "demo-agents",
    "time-scale",
    "scenarios",
    "seed",
    "log",
    "telephony",
    "sip-listen",
    "sip-trunk",
    "sip-outbound",
    "recordings",
    "recording-retention-days",
    "prompts",
    "prompt-lang",
    "session-idle-minutes",
    "cors-origin",
    "tls-cert",
    "tls-key",
    "max-connections",
    "max-unauthenticated-per-address",
    "header-timeout-seconds",
    "keep-alive-seconds",
    "max-streams-per-user",
};
// Options without a value: `key = true` gives the option, `key = false` leaves it out.
constexpr std::string_view kFlagKeys[] = {"demo"};

bool isOneOf(std::string_view key, const auto& keys) {
    return std::find(std::begin(keys), std::end(keys), key) != std::end(keys);
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r");
    return std::string(text.substr(first, last - first + 1));
}

std::optional<bool> flagValue(const std::string& value) {
    if (value == "true" || value == "yes" || value == "on" || value == "1")
        return true;
    if (value == "false" || value == "no" || value == "off" || value == "0")
        return false;
    return std::nullopt;
}

}  // namespace

std::optional<std::vector<SourcedArg>> readConfigFile(const std::string& path, std::string& error) {
    std::ifstream in(path);
    if (!in) {
        error = "cannot read " + path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    std::vector<SourcedArg> args;
    std::set<std::string> seen;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const std::string origin = path + ":" + std::to_string(number);
        if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3);  // a UTF-8 byte order mark left by an editor
        std::string text = trim(line);
        if (text.empty() || text.front() == '#')
            continue;
        const auto equals = text.find('=');
        if (equals == std::string::npos) {
            error = origin + ": expected key = value, got \"" + text + "\"";
            return std::nullopt;
        }
        const std::string key = trim(std::string_view(text).substr(0, equals));
        std::string value = trim(std::string_view(text).substr(equals + 1));
        if (!value.empty() && value.front() == '"') {
            const auto close = value.find('"', 1);
            const std::string rest =
                close == std::string::npos ? std::string() : trim(value.substr(close + 1));
            if (close == std::string::npos || (!rest.empty() && rest.front() != '#')) {
                error = origin + ": a quoted value must end with \" (then only a comment)";
                return std::nullopt;
            }
            value = value.substr(1, close - 1);
        } else if (const auto hash = value.find('#'); hash != std::string::npos) {
            value = trim(std::string_view(value).substr(0, hash));
        }
        if (key.empty()) {
            error = origin + ": a setting needs a key before '='";
            return std::nullopt;
        }
        if (!seen.insert(key).second) {
            error = origin + ": '" + key + "' is set twice";
            return std::nullopt;
        }
        if (isOneOf(key, kFlagKeys)) {
            const auto on = flagValue(value);
            if (!on) {
                error = origin + ": '" + key + "' takes true or false, not \"" + value + "\"";
                return std::nullopt;
            }
            if (*on)
                args.push_back({"--" + key, origin});
        } else if (isOneOf(key, kValueKeys)) {
            if (value.empty()) {
                error = origin + ": '" + key + "' needs a value";
                return std::nullopt;
            }
            args.push_back({"--" + key, origin});
            args.push_back({value, origin});
        } else {
            error = origin + ": unknown key '" + key + "' (keys are the command-line options " +
                    "without dashes, see agentdesk-server --help)";
            return std::nullopt;
        }
    }
    if (in.bad()) {
        error = "cannot read " + path;
        return std::nullopt;
    }
    return args;
}

std::string configFileArgument(int argc, char** argv, int first, std::string& error) {
    std::string file;
    for (int i = first; i < argc; ++i) {
        if (std::string_view(argv[i]) != "--config")
            continue;
        if (i + 1 >= argc || std::string_view(argv[i + 1]).empty()) {
            error = "--config needs a FILE";
            return {};
        }
        if (!file.empty()) {
            error = "--config is given twice";
            return {};
        }
        file = argv[++i];
    }
    return file;
}

}  // namespace agentdesk::server::cli
