#pragma once
// One spdlog logger per area ("net", "crm", "store", "ui", "server", "http", "acd", ...), all
// sharing the same sinks: a rotating file in the XDG state dir and stderr. Every line passes
// through redactPersonalData() before any sink sees it.
//
// Threads: init() and shutdown() once, from main. get() and setLevels() are thread-safe
// (spdlog's registry is locked).
#include <memory>
#include <string>
#include <string_view>

#include <spdlog/logger.h>

namespace agentdesk::logging {

struct Options {
    std::string appName = "agentdesk";  // log file is <stateDir>/<appName>.log
    std::string stateDir;  // empty: $XDG_STATE_HOME/agentdesk or ~/.local/state/agentdesk
    bool toStderr = true;
    bool toFile = true;
    // "info", or "warn,net=debug,server=trace"; empty: $AGENTDESK_LOG, else "info".
    std::string levels;
};

void init(const Options& options);

// Adds a destination (a diagnostics view, a test's capture) behind the redaction and escaping.
// Only after init().
void addTarget(spdlog::sink_ptr target);

// The logger for an area, created on first use with the shared sinks.
std::shared_ptr<spdlog::logger> get(std::string_view area);

// Applies a spec like "warn,net=debug" to existing and future loggers.
void setLevels(std::string_view spec);

// Path of the log file, empty when file logging is off.
std::string logFilePath();

void shutdown();

}  // namespace agentdesk::logging
