#include "tests/fuzz/fuzz_seed.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "common/logging.h"
#include "resources/embedded.h"
#include "server/kb/kb_import.h"
#include "server/kb/sqlite_knowledge_store.h"
#include "server/store/sqlite_crm_store.h"
#include "tests/fuzz/fuzz_check.h"

namespace agentdesk::fuzz {

namespace fs = std::filesystem;
using namespace agentdesk::server;
using nlohmann::json;

namespace {

// A private directory for the databases, in memory when /dev/shm is there (every commit of the
// store is synced), removed at exit.
fs::path& mutableWorkDir() {
    static fs::path dir;
    return dir;
}

void removeWorkDir() {
    std::error_code ec;
    if (!mutableWorkDir().empty())
        fs::remove_all(mutableWorkDir(), ec);
}

// agentdesk-fuzz-<pid>: a run that crashed (abort() skips atexit) leaves its directory behind;
// the next run removes those whose process is gone.
fs::path makeWorkDir() {
    std::error_code ec;
    const fs::path base =
        fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
    const std::string prefix = "agentdesk-fuzz-";
    for (const auto& entry : fs::directory_iterator(base, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0)
            continue;
        const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            fs::remove_all(entry.path(), ec);
    }
    mutableWorkDir() = base / (prefix + std::to_string(::getpid()));
    fs::remove_all(mutableWorkDir(), ec);
    FUZZ_CHECK(fs::create_directory(mutableWorkDir(), ec),
               "cannot create " + mutableWorkDir().string());
    fs::permissions(mutableWorkDir(), fs::perms::owner_all, ec);
    std::atexit(removeWorkDir);
    return mutableWorkDir();
}

Template makeTemplate() {
    // Log lines still pass through the redaction (fuzzed usernames, paths); nothing is written.
    logging::Options quiet;
    quiet.toStderr = false;
    quiet.toFile = false;
    quiet.levels = "info";
    logging::init(quiet);
    Template t;
    t.db = makeWorkDir() / "template.db";
    t.centerJson = json::parse(resources::demoCenterJson());
    t.center = parseCenterConfig(t.centerJson);
    SqliteCrmStore store(t.db.string(), t.cipher);
    seedDemoData(store, t.center, t.centerJson, json::parse(resources::demoCustomersJson()), false);
    SqliteKnowledgeStore kb(t.db.string());
    importArticles(kb, resources::demoKnowledgeJsonl(), startTime());
    std::vector<ScenarioFile> files;
    for (const auto& file : resources::demoScenarioFiles())
        files.push_back({std::string(file.name), std::string(file.data)});
    ScenarioRules rules;
    rules.queues = &t.center.queues;
    rules.customerExists = [&store](const std::string& id) { return store.customerExists(id); };
    t.scenarios = loadScenarios(files, rules);
    return t;
}

}  // namespace

const Template& seeded() {
    static const Template t = makeTemplate();
    return t;
}

TimePoint startTime() {
    return *parseRfc3339("2026-11-23T01:00:00Z");
}

const fs::path& workDir() {
    return mutableWorkDir();
}

}  // namespace agentdesk::fuzz
