// agentdesk-server serving options (docs/api.md, "Server command line").
#include "common/version.h"
#include "server/cli/cli.h"
#include "server/cli/config_file.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

namespace agentdesk::server::cli {

namespace {

constexpr const char* kHelp =
    R"(agentdesk-server — the AgentDesk contact-center backend (ACD simulator, CRM, events)

Usage:
  agentdesk-server [--config FILE] [--listen HOST:PORT] [--db FILE] [--key-file FILE] [--demo] [--demo-rate CALLS_PER_MIN]
                   [--demo-agents N] [--time-scale X] [--scenarios DIR] [--seed N] [--log SPEC]
                   [--telephony sim|sip] [--sip-listen HOST:PORT] [--sip-trunk ADDR,...]
                   [--sip-outbound URI] [--recordings DIR] [--recording-retention-days N]
                   [--prompts DIR] [--prompt-lang ko|en] [--session-idle-minutes N]
                   [--cors-origin ORIGIN,...] [--tls-cert FILE --tls-key FILE]
                   [--max-connections N] [--max-unauthenticated-per-address N]
                   [--header-timeout-seconds N] [--keep-alive-seconds N]
                   [--max-streams-per-user N] [--events nats://HOST:PORT] [--events-stream NAME]
                   [--node NAME]
  agentdesk-server import-kb FILE.jsonl [--db FILE] [--key-file FILE] [--config FILE]
  agentdesk-server import-customers FILE.csv [--dry-run] [--db FILE] [--key-file FILE]
                   [--config FILE]
  agentdesk-server add-user USERNAME --name NAME --role ROLE [--skills a,b] [--extension EXT]
                   [--sip-password SECRET] [--db FILE] [--key-file FILE] [--config FILE]
                                        (reads the password from the first line of stdin)
  agentdesk-server set-user USERNAME [--role ROLE] [--disable | --enable] [--db FILE]
                   [--key-file FILE] [--config FILE]
                                        (a running server ends the user's sessions within 2 s)
  agentdesk-server end-sessions [USERNAME] [--db FILE] [--key-file FILE] [--config FILE]
                                        (one user's or every stored session; a running server
                                        logs them out within 2 s)
  agentdesk-server export-interactions --from DATE --to DATE FILE.csv [--unmasked] [--db FILE]
                   [--key-file FILE] [--config FILE]
  agentdesk-server export-notes --from DATE --to DATE FILE.csv [--unmasked] [--db FILE]
                   [--key-file FILE] [--config FILE]
  agentdesk-server backup FILE [--db FILE] [--config FILE]
  agentdesk-server restore FILE [--db FILE] [--key-file FILE] [--config FILE]
                                        (a SQLite database; PostgreSQL: pg_dump, pg_basebackup)
  agentdesk-server --help | --version

Options:
  --config FILE        read settings from FILE (e.g. /etc/agentdesk/server.conf): one
                       "key = value" a line, the keys being these options without dashes
                       ("listen = 0.0.0.0:8780", "demo = true"), '#' starts a comment. Options
                       on the command line win; an unknown key is an error naming its line
  --listen HOST:PORT   address to serve on (default 127.0.0.1:8780; port 0 picks a free one)
  --db FILE            SQLite database (default $XDG_DATA_HOME/agentdesk/server.db,
                       i.e. ~/.local/share/agentdesk/server.db); ":memory:" keeps nothing.
                       Created 0600; the default directory is made 0700.
                       Or postgresql://USER@HOST:PORT/DATABASE: PostgreSQL 15 keeps the
                       CRM, knowledge base and sessions (needs --key-file)
  --key-file FILE      the key that encrypts resident registration numbers in the database
                       (default server.key beside the database; created 0600 on first start).
                       Back it up apart from the database: without it the numbers are lost
  --events nats://HOST:PORT  share events with the other nodes of the center through this
                       NATS JetStream server (nats-server -js); several addresses of one NATS
                       cluster are comma-separated. Without it events stay in this process.
                       A client resumes its event stream on any node that shares them.
                       The node holding the ACD lease runs the ACD; the others forward to it.
                       With --telephony sip only that node answers SIP (503 elsewhere)
  --events-stream NAME the JetStream stream (default AGENTDESK_EVENTS), created when missing
  --node NAME          this node's name in a cluster (default HOST:PORT of --listen)
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
  --cors-origin ORIGIN[,ORIGIN...]  web origins allowed to use the API from a browser, e.g.
                       https://desk.example.kr (default: none; the desktop needs none)
  --session-idle-minutes N  a login unused this long (no request, no open event stream, i.e.
                       no desktop up) ends; 0 never (default 30)
  --tls-cert FILE --tls-key FILE  serve HTTPS (TLS 1.2 or later) with this PEM certificate
                       chain and private key; desktops then connect to https://HOST:PORT
  --max-connections N  open connections at most (default 8000, and below the descriptor
                       limit); more get 503 and are closed
  --max-unauthenticated-per-address N  connections from one address that have not yet made a
                       logged-in request (default 100); more get 503
  --header-timeout-seconds N  time to send a request's headers, TLS handshake included
                       (default 10); slower clients are cut
  --keep-alive-seconds N  a quiet kept-alive connection closes after N seconds (default 60)
  --max-streams-per-user N  event streams one user may hold; the oldest close (default 4)
  --help               this text
  --version            print the version

import-kb reads knowledge articles, one JSON object a line: {"id"?, "title", "body" (HTML or
Markdown), "tags", "lang" ("ko"|"en")}. Bodies are sanitised (no scripts, event handlers,
iframes or remote loads) and indexed for Korean-aware search. An article with an existing id is
replaced. It reports what was imported and every skipped line with the reason; exit status 0
when every line was imported, 3 when some were skipped, 1 when the file cannot be read. It may
run while the server uses the database: it commits in small transactions and pauses between
them, so the server's writes are not held up; an interrupted import keeps what it committed
(running it again replaces those articles when the lines have ids).

import-customers reads a center's customers from CSV (UTF-8, with or without BOM, or CP949 as
Excel saves it). The header names the columns in Korean or English (이름/name, 휴대폰/phone,
생년월일/birth date, 이메일/email, 주소/address, 등급/grade, 마케팅동의…, 고객번호/external id);
a name column is required, unknown columns are ignored. A row updates the customer with its
external id, else with one of its phone numbers (empty cells keep what is stored), or creates
one, validated as POST /customers. It reports the counts and every skipped row's line and
reason; --dry-run reports the same and writes nothing. Exit status 0 all rows imported, 3 some
skipped, 1 the file cannot be used. It commits in small batches, like import-kb.

export-interactions and export-notes write the contacts started, or the notes written, from
the start of --from to the end of --to (dates YYYY-MM-DD, this machine's time zone) as CSV for
Excel: UTF-8 with BOM, RFC 4180, cells that a spreadsheet would run as formulas defused. Phone
numbers are masked (010-****-5678) and resident, card and account numbers in free text
replaced, unless --unmasked: that export is written to the log and to the audit trail with the
name of the system user who ran it. They may run while the server runs.

backup copies the database while the server runs (SQLite online backup: one consistent
snapshot), checks the copy and writes it as FILE, never over an existing file. The key file is
not in the backup: keep it apart. restore puts a backup in the database's place; it is refused
while a server uses the database (stop the service first), checks the backup (intact, not from
a newer version, its resident numbers open with the key) and keeps the database it replaces as
DB.before-restore-YYYYMMDD-HHMMSS. Exit status 0 done, 1 refused or failed, 2 bad command line.

On start it prints one line with the URL it serves. Stop with Ctrl+C (SIGINT) or SIGTERM.
The administration commands take the database and key from --config FILE's db and key-file
when --db and --key-file are not given (an installed service: --config /etc/agentdesk/server.conf,
run as its user). Roles for add-user: counselor, teamlead, trainer. Skills are queue skills (general, card, cancel).
--sip-password sets the password the agent's SIP phone registers with (as the extension, in
realm "agentdesk"; 8+ characters; only its digest HA1 is stored). Demo users' phones use "demo".
)";

bool wholeNumber(const std::string& text, long min, long max, long& out) {
    char* end = nullptr;
    const long n = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || end == text.c_str() || *end || n < min || n > max)
        return false;
    out = n;
    return true;
}

// "a,b,,c" -> {"a", "b", "c"}.
std::vector<std::string> commaList(const std::string& value) {
    std::vector<std::string> items;
    for (std::size_t start = 0; start <= value.size();) {
        const auto comma = value.find(',', start);
        std::string item = value.substr(start, comma - start);
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        if (!item.empty())
            items.push_back(std::move(item));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return items;
}

enum class Needs { Nothing, Demo, Sip };

// Options that take a whole number in a range.
struct WholeNumberOption {
    const char* name;
    long min, max;
    const char* range;  // "must be <range>"
    Needs needs;
    void (*set)(ServerConfig&, long);
};

const WholeNumberOption kWholeNumberOptions[] = {
    {"--demo-agents", 0, 2000, "a whole number from 0 to 2000", Needs::Demo,
     [](ServerConfig& c, long n) { c.demoAgents = static_cast<int>(n); }},
    {"--session-idle-minutes", 0, 24 * 60, "0 (never) to 1440", Needs::Nothing,
     [](ServerConfig& c, long n) { c.sessionIdleTimeout = std::chrono::minutes(n); }},
    {"--recording-retention-days", 0, 3650, "0 (keep) to 3650", Needs::Sip,
     [](ServerConfig& c, long n) { c.recordingRetentionDays = static_cast<int>(n); }},
    {"--max-connections", 16, 1000000, "a whole number from 16 to 1000000", Needs::Nothing,
     [](ServerConfig& c, long n) { c.limits.maxConnections = static_cast<std::size_t>(n); }},
    {"--max-unauthenticated-per-address", 1, 100000, "from 1 to 100000", Needs::Nothing,
     [](ServerConfig& c, long n) {
         c.limits.maxUnauthenticatedPerAddress = static_cast<std::size_t>(n);
     }},
    {"--header-timeout-seconds", 1, 300, "from 1 to 300", Needs::Nothing,
     [](ServerConfig& c, long n) { c.limits.headerTimeout = std::chrono::seconds(n); }},
    {"--keep-alive-seconds", 1, 3600, "from 1 to 3600", Needs::Nothing,
     [](ServerConfig& c, long n) { c.limits.keepAliveIdle = std::chrono::seconds(n); }},
    {"--max-streams-per-user", 1, 100, "from 1 to 100", Needs::Nothing,
     [](ServerConfig& c, long n) { c.maxStreamsPerUser = static_cast<std::size_t>(n); }},
};

// JetStream stream names may not hold spaces, dots, '*', '>' or path separators.
bool streamName(const std::string& name) {
    return !name.empty() && name.size() <= 64 &&
           std::all_of(name.begin(), name.end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; });
}

const WholeNumberOption* findWholeNumberOption(const std::string& name) {
    for (const WholeNumberOption& option : kWholeNumberOptions) {
        if (name == option.name)
            return &option;
    }
    return nullptr;
}

}  // namespace

std::optional<int> parseServeOptions(int argc, char** argv, ServerConfig& config,
                                     std::string& logSpec) {
    config.sessionIdleTimeout = std::chrono::minutes(30);
    std::string demoOnly;  // the first option given that needs --demo
    std::string sipOnly;   // the first option given that needs --telephony sip
    std::string tlsCert, tlsKey;
    // The configuration file's settings first, so that the command line wins.
    std::string configError;
    const std::string configPath = configFileArgument(argc, argv, 1, configError);
    if (!configError.empty())
        return fail(configError);
    std::vector<SourcedArg> args;
    if (!configPath.empty()) {
        auto fromFile = readConfigFile(configPath, configError);
        if (!fromFile)
            return fail(configError);
        args = std::move(*fromFile);
    }
    for (int i = 1; i < argc; ++i)
        args.push_back({argv[i], {}});
    const int count = static_cast<int>(args.size());
    for (int i = 0; i < count; ++i) {
        const std::string arg = args[i].text;
        // A bad setting names its line in the configuration file.
        auto fail = [origin = args[i].origin](const std::string& message) {
            return cli::fail(origin.empty() ? message : origin + ": " + message);
        };
        auto next = [&](std::string& out) {
            if (i + 1 >= count)
                return false;
            out = args[++i].text;
            return true;
        };
        std::string value;
        if (arg == "--help" || arg == "-h") {
            std::cout << kHelp;
            return 0;
        } else if (arg == "--version") {
            std::cout << "agentdesk-server " << agentdesk::kVersion << "\n";
            return 0;
        } else if (arg == "--config") {
            ++i;  // read above
        } else if (arg == "--listen") {
            if (!next(value) || !parseListen(value, config.host, config.port)) {
                return fail("--listen needs HOST:PORT, e.g. 127.0.0.1:8780");
            }
        } else if (arg == "--db") {
            if (!next(config.dbPath) || config.dbPath.empty())
                return fail("--db needs a FILE");
        } else if (arg == "--key-file") {
            if (!next(config.keyFile) || config.keyFile.empty())
                return fail("--key-file needs a FILE");
        } else if (arg == "--events") {
            if (!next(config.eventsUrl) || config.eventsUrl.rfind("nats://", 0) != 0)
                return fail("--events needs a NATS address, e.g. nats://127.0.0.1:4222");
        } else if (arg == "--events-stream") {
            if (!next(config.eventsStream) || !streamName(config.eventsStream))
                return fail("--events-stream needs a NAME of letters, digits, - and _");
        } else if (arg == "--node") {
            if (!next(config.nodeName) || config.nodeName.empty())
                return fail("--node needs a NAME");
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
            config.sipTrunks = commaList(value);
            sipOnly = sipOnly.empty() ? arg : sipOnly;
        } else if (arg == "--sip-outbound") {
            if (!next(config.sipOutbound) || config.sipOutbound.rfind("sip:", 0) != 0)
                return fail("--sip-outbound needs a SIP URI, e.g. sip:127.0.0.1:5090");
            sipOnly = sipOnly.empty() ? arg : sipOnly;
        } else if (arg == "--recordings") {
            if (!next(config.recordingsDir) || config.recordingsDir.empty())
                return fail("--recordings needs a DIR");
            sipOnly = sipOnly.empty() ? arg : sipOnly;
        } else if (arg == "--cors-origin") {
            if (!next(value) || value.empty())
                return fail("--cors-origin needs ORIGIN[,ORIGIN...], e.g. https://desk.example.kr");
            config.corsOrigins = commaList(value);
            for (const std::string& origin : config.corsOrigins) {
                if (origin == "*")
                    return fail("--cors-origin takes origins, not \"*\"");
            }
        } else if (arg == "--prompts") {
            if (!next(config.promptsDir) || config.promptsDir.empty())
                return fail("--prompts needs a DIR");
            sipOnly = sipOnly.empty() ? arg : sipOnly;
        } else if (arg == "--prompt-lang") {
            if (!next(config.promptLang) ||
                (config.promptLang != "ko" && config.promptLang != "en"))
                return fail("--prompt-lang must be ko or en");
            sipOnly = sipOnly.empty() ? arg : sipOnly;
        } else if (arg == "--tls-cert") {
            if (!next(value) || value.empty())
                return fail("--tls-cert needs a FILE (PEM certificate chain)");
            tlsCert = value;
        } else if (arg == "--tls-key") {
            if (!next(value) || value.empty())
                return fail("--tls-key needs a FILE (PEM private key)");
            tlsKey = value;
        } else if (const WholeNumberOption* option = findWholeNumberOption(arg)) {
            long n = 0;
            if (!next(value) || !wholeNumber(value, option->min, option->max, n))
                return fail(arg + " must be " + option->range);
            option->set(config, n);
            if (option->needs == Needs::Demo && demoOnly.empty())
                demoOnly = arg;
            if (option->needs == Needs::Sip && sipOnly.empty())
                sipOnly = arg;
        } else {
            return fail("unknown option " + arg);
        }
    }
    if (tlsCert.empty() != tlsKey.empty())
        return fail("--tls-cert and --tls-key go together");
    if (!tlsCert.empty())
        config.tls = http::TlsFiles{tlsCert, tlsKey};
    if (!config.demo && !demoOnly.empty())
        return fail(demoOnly + " needs --demo");
    if (config.telephony != ServerConfig::Telephony::Sip && !sipOnly.empty())
        return fail(sipOnly + " needs --telephony sip");
    return std::nullopt;
}

}  // namespace agentdesk::server::cli
