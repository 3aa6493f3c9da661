// agentdesk-server import-kb, add-user, set-user and end-sessions.
#include "server/cli/cli.h"
#include "server/cli/store_options.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "common/logging.h"
#include "server/auth/password_hash.h"
#include "server/auth/sip_credentials.h"
#include "server/kb/kb_import.h"
#include "server/store/sqlite_crm_store.h"

namespace agentdesk::server::cli {

int fail(const std::string& message) {
    std::cerr << "agentdesk-server: " << message << "\nTry 'agentdesk-server --help'.\n";
    return 2;
}

bool readInputFile(const std::string& path, std::string& content) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "agentdesk-server: cannot read " << path << "\n";
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    content = text.str();
    return true;
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
    StoreLocation where;
    for (int i = 3; i < argc; ++i) {
        if (!takeStoreOption(argc, argv, i, where))
            return fail("unknown option or missing value: " + std::string(argv[i]));
    }
    std::string content;
    if (!readInputFile(file, content))
        return 1;
    auto stores = openAnyStore(where);  // brings the database to this build's schema
    if (!stores)
        return 1;
    agentdesk::server::KnowledgeStore& kb = *stores->kb;
    const auto start = std::chrono::steady_clock::now();
    // Small transactions with pauses: a server running on this database keeps writing (notes,
    // audit rows) while the import runs, instead of waiting for the whole file.
    const agentdesk::server::KbImportPacing pacing{std::chrono::milliseconds(20),
                                                   std::chrono::milliseconds(20)};
    const auto report =
        agentdesk::server::importArticles(kb, content, std::chrono::system_clock::now(), pacing);
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
    StoreLocation where;
    std::optional<std::string> sipPassword;
    for (int i = 3; i < argc; ++i) {
        if (takeStoreOption(argc, argv, i, where))
            continue;
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
                    return fail("--role must be counselor, teamlead, trainer or stt");
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
            } else {
                return fail("unknown option or missing value: " + arg);
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
    auto stores = openAnyStore(where);
    if (!stores)
        return 1;
    auto& store = stores->crm;
    const auto existing = store->userByUsername(user.username);
    if (existing) {
        user.id = existing->id;
        if (!sipPassword && existing->extension == user.extension)
            user.sipHa1 = existing->sipHa1;  // keeps the phone's credential
    }
    if (sipPassword) {
        user.sipHa1 = agentdesk::server::sipDigestHa1(user.extension, agentdesk::server::kSipRealm,
                                                      *sipPassword);
    }
    const bool existed = existing.has_value();
    store->upsertUser(user);
    // A new password ends the sessions kept in the database (a restart lets them in no more).
    if (existed)
        stores->sessions->deleteSessionsOfUser(user.id);
    std::cout << "user " << user.username << " (" << agentdesk::server::roleName(user.role)
              << ") saved\n";
    return 0;
}

// Changes a user's role or turns the account off or on. A running server notices and ends the
// user's live sessions (their desktop shows the login again).
int setUser(int argc, char** argv) {
    if (argc < 3)
        return fail("set-user needs a USERNAME");
    const std::string username = argv[2];
    StoreLocation where;
    std::optional<agentdesk::server::Role> role;
    std::optional<bool> disabled;
    for (int i = 3; i < argc; ++i) {
        if (takeStoreOption(argc, argv, i, where))
            continue;
        const std::string arg = argv[i];
        if (arg == "--role" && i + 1 < argc) {
            role = agentdesk::server::parseRole(argv[++i]);
            if (!role)
                return fail("--role must be counselor, teamlead, trainer or stt");
        } else if (arg == "--disable" || arg == "--enable") {
            if (disabled && *disabled != (arg == "--disable"))
                return fail("give --disable or --enable, not both");
            disabled = arg == "--disable";
        } else {
            return fail("unknown option or missing value: " + arg);
        }
    }
    if (!role && !disabled)
        return fail("set-user needs --role, --disable or --enable");
    auto stores = openAnyStore(where);
    if (!stores)
        return 1;
    auto user = stores->crm->userByUsername(username);
    if (!user)
        return fail("no user named " + username);
    const bool ends = (role && *role != user->role) || (disabled && *disabled);
    if (role)
        user->role = *role;
    if (disabled)
        user->disabled = *disabled;
    stores->crm->upsertUser(*user);
    // A disabled account or another role: the sessions kept in the database end too, so
    // enabling it again (or the old role) later brings no old token back.
    if (ends)
        stores->sessions->deleteSessionsOfUser(user->id);
    std::cout << "user " << user->username << ": " << agentdesk::server::roleName(user->role)
              << (user->disabled ? ", disabled" : ", enabled")
              << " (a running server ends their sessions)\n";
    return 0;
}

// Ends the sessions kept in the database: one user's, or everybody's (after a lost laptop or a
// leaked token). A running server logs them out within 2 s; their desktops show the login.
int endSessions(int argc, char** argv) {
    StoreLocation where;
    std::optional<std::string> username;
    for (int i = 2; i < argc; ++i) {
        if (takeStoreOption(argc, argv, i, where))
            continue;
        const std::string arg = argv[i];
        if (arg.starts_with("-") || username)
            return fail("end-sessions takes at most one USERNAME and --db, --key-file, --config");
        username = arg;
    }
    auto stores = openAnyStore(where);
    if (!stores)
        return 1;
    if (username) {
        const auto user = stores->crm->userByUsername(*username);
        if (!user)
            return fail("no user named " + *username);
        stores->sessions->deleteSessionsOfUser(user->id);
        std::cout << "sessions of " << user->username
                  << " ended (a running server logs them out within 2 s)\n";
        return 0;
    }
    const int n = stores->sessions->deleteAllSessions();
    std::cout << n << " sessions ended (a running server logs them out within 2 s)\n";
    return 0;
}

}  // namespace agentdesk::server::cli
