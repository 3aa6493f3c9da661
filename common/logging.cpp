#include "common/logging.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <vector>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <sys/stat.h>

#include "common/redact.h"

namespace agentdesk::logging {
namespace {

// Redacts and escapes the message text, then hands the record to the real sinks.
class RedactingSink : public spdlog::sinks::base_sink<std::mutex> {
public:
    explicit RedactingSink(std::vector<spdlog::sink_ptr> targets) : targets_(std::move(targets)) {}
    void addTarget(spdlog::sink_ptr target) {
        std::lock_guard lock(mutex_);
        targets_.push_back(std::move(target));
    }

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
        // Personal data out, then control characters from requests or typed text made visible,
        // so no one can forge or hide a log line.
        const std::string redacted = escapeControlCharacters(
            redactPersonalData(std::string_view(msg.payload.data(), msg.payload.size())));
        spdlog::details::log_msg copy(msg);
        copy.payload = spdlog::string_view_t(redacted.data(), redacted.size());
        for (auto& target : targets_) {
            if (target->should_log(copy.level))
                target->log(copy);
        }
    }
    void flush_() override {
        for (auto& target : targets_)
            target->flush();
    }

private:
    std::vector<spdlog::sink_ptr> targets_;
};

struct State {
    std::mutex mutex;
    spdlog::sink_ptr sink;
    std::string filePath;
    spdlog::level::level_enum defaultLevel = spdlog::level::info;
    std::map<std::string, spdlog::level::level_enum, std::less<>> areaLevels;
};

State& state() {
    static State s;
    return s;
}

std::string defaultStateDir() {
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg) {
        return std::string(xdg) + "/agentdesk";
    }
    if (const char* home = std::getenv("HOME"); home && *home) {
        return std::string(home) + "/.local/state/agentdesk";
    }
    return "/tmp/agentdesk";
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

void parseSpec(std::string_view spec, State& st) {
    while (!spec.empty()) {
        const auto comma = spec.find(',');
        std::string_view item = trim(spec.substr(0, comma));
        spec = comma == std::string_view::npos ? std::string_view{} : spec.substr(comma + 1);
        if (item.empty())
            continue;
        const auto eq = item.find('=');
        if (eq == std::string_view::npos) {
            st.defaultLevel = spdlog::level::from_str(std::string(item));
        } else {
            st.areaLevels[std::string(trim(item.substr(0, eq)))] =
                spdlog::level::from_str(std::string(trim(item.substr(eq + 1))));
        }
    }
}

spdlog::level::level_enum levelFor(const State& st, std::string_view area) {
    if (auto it = st.areaLevels.find(area); it != st.areaLevels.end())
        return it->second;
    return st.defaultLevel;
}

}  // namespace

void init(const Options& options) {
    auto& st = state();
    std::lock_guard lock(st.mutex);
    std::vector<spdlog::sink_ptr> targets;
    if (options.toStderr) {
        targets.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    }
    st.filePath.clear();
    if (options.toFile) {
        const std::string dir = options.stateDir.empty() ? defaultStateDir() : options.stateDir;
        std::error_code ec;
        // Logs hold usernames, addresses and masked numbers: only the owner reads them.
        // The default directory is ours alone; a directory the caller named is left as it is
        // unless we create it.
        if (std::filesystem::create_directories(dir, ec) || options.stateDir.empty())
            std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
        if (!ec) {
            st.filePath = dir + "/" + options.appName + ".log";
            const mode_t previous = ::umask(077);
            targets.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                st.filePath, 5 * 1024 * 1024, 3));
            ::umask(previous);
            std::filesystem::permissions(
                st.filePath,
                std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
        }
    }
    st.sink = std::make_shared<RedactingSink>(std::move(targets));
    st.sink->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ [%n] %v");
    st.areaLevels.clear();
    st.defaultLevel = spdlog::level::info;
    std::string spec = options.levels;
    if (spec.empty()) {
        if (const char* env = std::getenv("AGENTDESK_LOG"); env && *env)
            spec = env;
    }
    parseSpec(spec, st);
    spdlog::apply_all([&](const std::shared_ptr<spdlog::logger>& logger) {
        logger->sinks().assign({st.sink});
        logger->set_level(levelFor(st, logger->name()));
    });
}

void addTarget(spdlog::sink_ptr target) {
    auto& st = state();
    std::lock_guard lock(st.mutex);
    if (auto* redacting = dynamic_cast<RedactingSink*>(st.sink.get()))
        redacting->addTarget(std::move(target));
}

std::shared_ptr<spdlog::logger> get(std::string_view area) {
    const std::string name(area);
    if (auto existing = spdlog::get(name))
        return existing;
    auto& st = state();
    std::lock_guard lock(st.mutex);
    if (auto existing = spdlog::get(name))
        return existing;
    if (!st.sink) {
        // Used before init() (tests of single pieces): quiet stderr, warnings and up.
        auto target = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        st.sink = std::make_shared<RedactingSink>(std::vector<spdlog::sink_ptr>{target});
        st.defaultLevel = spdlog::level::warn;
    }
    auto logger = std::make_shared<spdlog::logger>(name, st.sink);
    logger->set_level(levelFor(st, name));
    logger->flush_on(spdlog::level::warn);
    spdlog::register_logger(logger);
    return logger;
}

void setLevels(std::string_view spec) {
    auto& st = state();
    std::lock_guard lock(st.mutex);
    parseSpec(spec, st);
    spdlog::apply_all([&](const std::shared_ptr<spdlog::logger>& logger) {
        logger->set_level(levelFor(st, logger->name()));
    });
}

std::string logFilePath() {
    auto& st = state();
    std::lock_guard lock(st.mutex);
    return st.filePath;
}

void shutdown() {
    spdlog::apply_all([](const std::shared_ptr<spdlog::logger>& logger) { logger->flush(); });
}

}  // namespace agentdesk::logging
