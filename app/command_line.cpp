#include "app/command_line.h"

#include "app/tel_link.h"

namespace agentdesk::app {

CommandLine parseCommandLine(const QStringList& arguments) {
    CommandLine cl;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        auto value = [&](const char* name) -> std::optional<QString> {
            if (i + 1 >= arguments.size()) {
                cl.error = QStringLiteral("%1 needs a value").arg(QLatin1String(name));
                return std::nullopt;
            }
            return arguments[++i];
        };
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            cl.help = true;
        } else if (a == QLatin1String("--version")) {
            cl.version = true;
        } else if (a == QLatin1String("--server")) {
            if (auto v = value("--server"))
                cl.server = *v;
        } else if (a == QLatin1String("--user")) {
            if (auto v = value("--user"))
                cl.user = *v;
        } else if (a == QLatin1String("--lang")) {
            if (auto v = value("--lang")) {
                if (*v != QLatin1String("ko") && *v != QLatin1String("en"))
                    cl.error = QStringLiteral("--lang must be ko or en");
                cl.language = *v;
            }
        } else if (a == QLatin1String("--demo-rate")) {
            if (auto v = value("--demo-rate")) {
                bool ok = false;
                cl.demoRate = v->toDouble(&ok);
                if (!ok || cl.demoRate < 0 || cl.demoRate > 600)
                    cl.error = QStringLiteral("--demo-rate must be a number from 0 to 600");
            }
        } else if (isTelLinkArgument(a)) {
            const TelLink link = parseTelLink(a);
            if (!cl.telNumber.isEmpty())
                cl.error = QStringLiteral("give one tel: link only");
            else if (!link.ok())
                cl.error = QStringLiteral("cannot call %1: %2").arg(a, link.error);
            cl.telNumber = link.e164;
        } else if (a.startsWith(QLatin1Char('-')) && !a.startsWith(QLatin1String("-platform")) &&
                   !a.startsWith(QLatin1String("-style"))) {
            cl.error = QStringLiteral("unknown option %1").arg(a);
        }
        if (!cl.error.isEmpty())
            break;
    }
    return cl;
}

QString commandLineHelp() {
    return QStringLiteral(
        "agentdesk — the AgentDesk agent desktop\n\n"
        "Usage: agentdesk [--server URL|demo] [--user NAME] [--lang ko|en] [--demo-rate N]\n"
        "                 [tel:NUMBER]\n\n"
        "  --server URL|demo  the server to log in to (e.g. https://crm.example.com), or 'demo' "
        "for\n"
        "                     the demo contact center inside the app (the default when no server\n"
        "                     is saved in the settings). Several URLs, comma-separated, are the\n"
        "                     nodes of one center, tried in turn when one does not answer\n"
        "  --user NAME        username to fill in\n"
        "  --lang ko|en       UI language (default: the saved setting, else ko)\n"
        "  --demo-rate N      embedded demo: calls per minute (default 2; 0 turns the generator\n"
        "                     off)\n"
        "  --help, --version\n"
        "  tel:NUMBER         call NUMBER (a Korean phone number, e.g. tel:010-1234-5678 or\n"
        "                     tel:+82-2-1234-5678) once logged in; when AgentDesk is already\n"
        "                     running for this user, the number goes to it and this command\n"
        "                     ends\n\n"
        "Settings: $XDG_CONFIG_HOME/AgentDesk/agentdesk.conf. Local data (drafts, outbox, offline\n"
        "cache): $XDG_DATA_HOME/agentdesk/client.db. Logs: "
        "$XDG_STATE_HOME/agentdesk/agentdesk.log\n"
        "(levels with AGENTDESK_LOG, e.g. AGENTDESK_LOG=info,net=debug).\n"
        "Exit status: 0 done (or the number handed to the running AgentDesk), 1 the running\n"
        "AgentDesk did not take the number, 2 bad command line or tel: link.\n");
}

}  // namespace agentdesk::app
