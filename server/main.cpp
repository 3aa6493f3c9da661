// agentdesk-server command line (API.md "Server command line").
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "common/logging.h"
#include "server/auth/password_hash.h"
#include "server/auth/sip_credentials.h"
#include "server/kb/kb_import.h"
#include "server/server_app.h"
#include "server/store/sqlite_crm_store.h"

#ifndef AGENTDESK_VERSION
#define AGENTDESK_VERSION "0.0.0"
#endif

namespace {

constexpr const char* kHelp =
    R"(agentdesk-server — the AgentDesk contact-center backend (ACD simulator, CRM, events)

Usage:
  agentdesk-server [--listen HOST:PORT] [--db FILE] [--demo] [--demo-rate CALLS_PER_MIN]
                   [--demo-agents N] [--time-scale X] [--scenarios DIR] [--seed N] [--log SPEC]
                   [--telephony sim|sip] [--sip-listen HOST:PORT] [--sip-trunk ADDR,...]
                   [--sip-outbound URI] [--recordings DIR] [--recording-retention-days N]
                   [--prompts DIR] [--prompt-lang ko|en]
  agentdesk-server import-kb FILE.jsonl [--db FILE]
  agentdesk-server add-user USERNAME --name NAME --role ROLE [--skills a,b] [--extension EXT]
                   [--sip-password SECRET] [--db FILE]
                                        (reads the password from the first line of stdin)
  agentdesk-server --help | --version

Options:
  --listen HOST:PORT   address to serve on (default 127.0.0.1:8780; port 0 picks a free one)
  --db FILE            SQLite database (default $XDG_DATA_HOME/agentdesk/server.db,
                       i.e. ~/.local/share/agentdesk/server.db); ":memory:" keeps nothing
  --demo               demo contact center: demo users (counselor1..3, lead1, trainer1, password
                       "demo"), 250 demo customers with history, and a call generator
  --demo-rate N        demo calls per minute, Poisson arrivals (default 2; 0 turns the generator
                       off but keeps demo users, data and POST /demo/calls)
  --demo-agents N      with --demo: N extra counselors for load runs, agent001..agentNNN
                       (password "demo", every queue), 0-2000 (default 0)
  --time-scale X       with --demo: demo time runs X times faster than real time, 1-100
                       (default 1). Call timing, ACW, KPIs, token expiry and the demo rate
                       (calls per demo minute) follow it; heartbeats and network timeouts do not
  --scenarios DIR      with --demo: extra training scenario files (DIR/*.json, see
                       docs/scenarios.md) next to the bundled ones; an invalid file stops the start
  --seed N             random seed of the demo generator (repeatable demo sessions)
  --log SPEC           log levels, e.g. "info" or "warn,server=debug" (also $AGENTDESK_LOG)
  --telephony sim|sip  simulated callers (default; what --demo shows) or real SIP calls
                       (docs/telephony.md): agents' phones register as their extension
  --sip-listen HOST:PORT  SIP address (UDP and TCP; default 127.0.0.1:5080)
  --sip-trunk ADDR[,ADDR...]  addresses allowed to send inbound calls (agents' registered
                       phones may always call a queue)
  --sip-outbound URI   gateway for calls to numbers (click-to-dial, transfers), e.g.
                       sip:10.0.0.5:5060; customers see the center's number
  --recordings DIR     where call recordings go (default: recordings/ beside the database)
  --recording-retention-days N  delete recordings older than N days (default 90; 0 keeps all)
  --prompts DIR        caller announcements and music (docs/prompts.md; default: installed)
  --prompt-lang ko|en  language of the announcements (default ko)
  --help               this text
  --version            print the version

import-kb reads knowledge articles, one JSON object a line: {"id"?, "title", "body" (HTML or
Markdown), "tags", "lang" ("ko"|"en")}. Bodies are sanitised (no scripts, event handlers,
iframes or remote loads) and indexed for Korean-aware search. An article with an existing id is
replaced. It reports what was imported and every skipped line with the reason; exit status 0
when every line was imported, 3 when some were skipped, 1 when the file cannot be read.

On start it prints one line with the URL it serves. Stop with Ctrl+C (SIGINT) or SIGTERM.
Roles for add-user: counselor, teamlead, trainer. Skills are queue skills (general, card, cancel).
--sip-password sets the password the agent's SIP phone registers with (as the extension, in
realm "agentdesk"; 8+ characters; only its digest HA1 is stored). Demo users' phones use "demo".
)";

int fail(const std::string& message) {
    std::cerr << "agentdesk-server: " << message << "\nTry 'agentdesk-server --help'.\n";
    return 2;
}

bool parseListen(const std::string& text, std::string& host, std::uint16_t& port) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0)
        return false;
    host = text.substr(0, colon);
    if (host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    const std::string p = text.substr(colon + 1);
    if (p.empty() || p.size() > 5)
        return false;
    unsigned long value = 0;
    for (char c : p) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + static_cast<unsigned long>(c - '0');
    }
    if (value > 65535)
        return false;
    port = static_cast<std::uint16_t>(value);
    return true;
}

int importKb(int argc, char** argv) {
    if (argc < 3)
        return fail("import-kb needs a FILE.jsonl");
    const std::string file = argv[2];
    std::string db;
    for (int i = 3; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--db" && i + 1 < argc) {
            db = argv[++i];
        } else {
            return fail("unknown option " + arg);
        }
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::cerr << "agentdesk-server: cannot read " << file << "\n";
        return 1;
    }
    std::ostringstream content;
    content << in.rdbuf();
    agentdesk::server::SqliteCrmStore store(db.empty() ? agentdesk::server::defaultDatabasePath()
                                                       : db);
    agentdesk::server::SqliteKnowledgeStore kb(store.database());
    const auto start = std::chrono::steady_clock::now();
    const auto report =
        agentdesk::server::importArticles(kb, content.str(), std::chrono::system_clock::now());
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "imported " << report.imported << " article(s) (" << report.replaced
              << " replaced), skipped " << report.skipped.size() << ", in " << secs << " s; "
              << kb.articleCount() << " articles in the knowledge base\n";
    for (const auto& s : report.skipped) {
        std::cout << "  line " << s.line << ": skipped: " << s.reason << "\n";
    }
    return report.skipped.empty() ? 0 : 3;
}

int addUser(int argc, char** argv) {
    if (argc < 3)
        return fail("add-user needs a USERNAME");
    agentdesk::server::User user;
    user.username = argv[2];
    user.id = "U-" + user.username;
    std::string db;
    std::optional<std::string> sipPassword;
    for (int i = 3; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                throw std::invalid_argument(arg + " needs a value");
            return argv[++i];
        };
        try {
            if (arg == "--name") {
                user.name = value();
            } else if (arg == "--role") {
                auto role = agentdesk::server::parseRole(value());
                if (!role)
                    return fail("--role must be counselor, teamlead or trainer");
                user.role = *role;
            } else if (arg == "--skills") {
                std::string skills = value();
                std::size_t start = 0;
                while (start <= skills.size()) {
                    auto comma = skills.find(',', start);
                    auto s = skills.substr(start, comma - start);
                    if (!s.empty())
                        user.skills.push_back(s);
                    if (comma == std::string::npos)
                        break;
                    start = comma + 1;
                }
            } else if (arg == "--extension") {
                user.extension = value();
            } else if (arg == "--sip-password") {
                sipPassword = value();
            } else if (arg == "--db") {
                db = value();
            } else {
                return fail("unknown option " + arg);
            }
        } catch (const std::invalid_argument& e) {
            return fail(e.what());
        }
    }
    if (user.name.empty())
        return fail("add-user needs --name");
    if (sipPassword && user.extension.empty())
        return fail("--sip-password needs --extension (the phone registers as the extension)");
    if (sipPassword && sipPassword->size() < 8)
        return fail("--sip-password must be 8+ characters");
    std::string password;
    std::getline(std::cin, password);
    if (password.size() < 4)
        return fail("the password (first line of stdin) must be 4+ characters");
    user.nameEn = user.name;
    user.passwordHash = agentdesk::server::hashPassword(password);
    agentdesk::server::SqliteCrmStore store(db.empty() ? agentdesk::server::defaultDatabasePath()
                                                       : db);
    if (auto existing = store.userByUsername(user.username)) {
        user.id = existing->id;
        if (!sipPassword && existing->extension == user.extension)
            user.sipHa1 = existing->sipHa1;  // keeps the phone's credential
    }
    if (sipPassword) {
        user.sipHa1 = agentdesk::server::sipDigestHa1(user.extension, agentdesk::server::kSipRealm,
                                                      *sipPassword);
    }
    store.upsertUser(user);
    std::cout << "user " << user.username << " (" << agentdesk::server::roleName(user.role)
              << ") saved\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    using agentdesk::server::ServerApp;
    using agentdesk::server::ServerConfig;
    if (argc >= 2 && std::string(argv[1]) == "import-kb") {
        agentdesk::logging::init({"agentdesk-server", "", true, true, "warn"});
        return importKb(argc, argv);
    }
    if (argc >= 2 && std::string(argv[1]) == "add-user") {
        agentdesk::logging::init({"agentdesk-server", "", true, true, ""});
        return addUser(argc, argv);
    }
    ServerConfig config;
    std::string logSpec;
    std::string demoOnly;  // the first option given that needs --demo
    std::string sipOnly;   // the first option given that needs --telephony sip
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&](std::string& out) {
            if (i + 1 >= argc)
                return false;
            out = argv[++i];
            return true;
        };
        std::string value;
        if (arg == "--help" || arg == "-h") {
            std::cout << kHelp;
            return 0;
        } else if (arg == "--version") {
            std::cout << "agentdesk-server " << AGENTDESK_VERSION << "\n";
            return 0;
        } else if (arg == "--listen") {
            if (!next(value) || !parseListen(value, config.host, config.port)) {
                return fail("--listen needs HOST:PORT, e.g. 127.0.0.1:8780");
            }
        } else if (arg == "--db") {
            if (!next(config.dbPath) || config.dbPath.empty())
                return fail("--db needs a FILE");
        } else if (arg == "--demo") {
            config.demo = true;
        } else if (arg == "--demo-rate") {
            char* end = nullptr;
            if (!next(value))
                return fail("--demo-rate needs a number");
            config.demoRate = std::strtod(value.c_str(), &end);
            if (end == value.c_str() || *end || config.demoRate < 0 || config.demoRate > 600) {
                return fail("--demo-rate must be a number from 0 to 600");
            }
        } else if (arg == "--demo-agents") {
            if (!next(value))
                return fail("--demo-agents needs a number");
            char* end = nullptr;
            const long n = std::strtol(value.c_str(), &end, 10);
            if (end == value.c_str() || *end || n < 0 || n > 2000)
                return fail("--demo-agents must be a whole number from 0 to 2000");
            config.demoAgents = static_cast<int>(n);
            demoOnly = demoOnly.empty() ? arg : demoOnly;
        } else if (arg == "--time-scale") {
            if (!next(value))
                return fail("--time-scale needs a number");
            char* end = nullptr;
            config.timeScale = std::strtod(value.c_str(), &end);
            if (end == value.c_str() || *end || !(config.timeScale >= 1) ||
                config.timeScale > 100) {
                return fail("--time-scale must be a number from 1 to 100");
            }
            demoOnly = demoOnly.empty() ? arg : demoOnly;
        } else if (arg == "--scenarios") {
            if (!next(config.scenarioDir) || config.scenarioDir.empty())
                return fail("--scenarios needs a DIR");
            demoOnly = demoOnly.empty() ? arg : demoOnly;
        } else if (arg == "--seed") {
            if (!next(value))
                return fail("--seed needs a number");
            config.seed = static_cast<unsigned>(std::strtoul(value.c_str(), nullptr, 10));
        } else if (arg == "--log") {
            if (!next(logSpec))
                return fail("--log needs a level spec");
        } else if (arg == "--telephony") {
            if (!next(value) || (value != "sim" && value != "sip"))
                return fail("--telephony must be sim or sip");
            config.telephony =
                value == "sip" ? ServerConfig::Telephony::Sip : ServerConfig::Telephony::Simulated;
        } else if (arg == "--sip-listen") {
            if (!next(value) || !parseListen(value, config.sipHost, config.sipPort))
                return fail("--sip-listen needs HOST:PORT, e.g. 127.0.0.1:5080");
            sipOnly = sipOnly.empty() ? arg : sipOnly;
        } else if (arg == "--sip-trunk") {
            if (!next(value) || value.empty())
                return fail("--sip-trunk needs ADDR[,ADDR...]");
            for (std::size_t start = 0; start <= value.size();) {
                const auto comma = value.find(',', start);
                const std::string addr = value.substr(start, comma - start);
                if (!addr.empty())
                    config.sipTrunks.push_back(addr);
                if (comma == std::string::npos)
                    break;
                start = comma + 1;
            }
            sipOnly = sipOnly.empty() ? arg : sipOnly;
        } else if (arg == "--sip-outbound") {
            if (!next(config.sipOutbound) || config.sipOutbound.rfind("sip:", 0) != 0)
                return fail("--sip-outbound needs a SIP URI, e.g. sip:127.0.0.1:5090");
            sipOnly = sipOnly.empty() ? arg : sipOnly;
        } else if (arg == "--recordings") {
            if (!next(config.recordingsDir) || config.recordingsDir.empty())
                return fail("--recordings needs a DIR");
            sipOnly = sipOnly.empty() ? arg : sipOnly;
        } else if (arg == "--recording-retention-days") {
            if (!next(value))
                return fail("--recording-retention-days needs a number");
            char* end = nullptr;
            const long n = std::strtol(value.c_str(), &end, 10);
            if (end == value.c_str() || *end || n < 0 || n > 3650)
                return fail("--recording-retention-days must be 0 (keep) to 3650");
            config.recordingRetentionDays = static_cast<int>(n);
            sipOnly = sipOnly.empty() ? arg : sipOnly;
        } else if (arg == "--prompts") {
            if (!next(config.promptsDir) || config.promptsDir.empty())
                return fail("--prompts needs a DIR");
            sipOnly = sipOnly.empty() ? arg : sipOnly;
        } else if (arg == "--prompt-lang") {
            if (!next(config.promptLang) ||
                (config.promptLang != "ko" && config.promptLang != "en"))
                return fail("--prompt-lang must be ko or en");
            sipOnly = sipOnly.empty() ? arg : sipOnly;
        } else {
            return fail("unknown option " + arg);
        }
    }
    if (!config.demo && !demoOnly.empty())
        return fail(demoOnly + " needs --demo");
    if (config.telephony != ServerConfig::Telephony::Sip && !sipOnly.empty())
        return fail(sipOnly + " needs --telephony sip");
    agentdesk::logging::init({"agentdesk-server", "", true, true, logSpec});

    // Block the stop signals before threads start, then wait for one on this thread.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    ServerApp app(config);
    try {
        app.start();
    } catch (const std::exception& e) {
        std::cerr << "agentdesk-server: " << e.what() << "\n";
        return 1;
    }
    std::cout << "agentdesk-server serving " << app.baseUrl() << "/api/v1";
    if (config.demo) {
        std::cout << " (demo contact center";
        if (config.demoAgents > 0)
            std::cout << ", " << config.demoAgents << " load agents";
        if (config.timeScale != 1.0)
            std::cout << ", time ×" << config.timeScale;
        std::cout << ")";
    }
    std::cout << std::endl;
    int sig = 0;
    sigwait(&signals, &sig);
    agentdesk::logging::get("server")->info("signal {}: shutting down", sig);
    app.stop();
    agentdesk::logging::shutdown();
    return 0;
}
