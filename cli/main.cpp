// agentdesk-cli: a headless AgentDesk client on the same library as the desktop app, for
// scripting and load tests.
#include <cstdio>

#include <curl/curl.h>
#include <QCoreApplication>
#include <QTimer>

#include "cli/cli_context.h"
#include "cli/commands.h"
#include "common/logging.h"
#include "common/version.h"
#include "crm/net/server_url.h"

namespace {

const char* kUsage = R"(usage: agentdesk-cli [OPTIONS] COMMAND [ARGS]

Commands:
  login USERNAME [--password P]   log in (password also from AGENTDESK_PASSWORD or a prompt);
                                  the token is kept in $XDG_CONFIG_HOME/agentdesk/cli-session.json
  logout
  events                          follow the event stream and print one event per line
  state ready | not_ready [REASON] | acw
  call answer|reject|hold|resume|mute|unmute|warn | hangup [--abuse] | dtmf DIGITS
       | record pause|resume | transfer queue|agent|number TARGET [--consult]
       | wrapup CODE [--note NOTE_ID] [--next ready|not_ready] | dial NUMBER   [--call ID]
  queues [WINDOW]                 queue figures (WINDOW: today, 15m, 2h, ...)
  customer NAME|PHONE|ID | customer 360 ID
  kb QUERY                        knowledge search
  note CUSTOMER_ID WRAPUP_CODE TEXT [--call ID] [--key IDEMPOTENCY_KEY]
  simulate-agents --count N [--prefix agent] [--first 1] [--password demo]
                  [--duration SEC] [--time-scale X] [--talk MIN-MAX] [--acw MIN-MAX]
                  [--report-every SEC] [--round-trips-out FILE] [--start-file FILE]
                                  N synthetic agents, each with its own session and event
                                  stream: ready, answer, talk, hang up, write a note, wrap up.
                                  Prints load figures, command round trips and protocol
                                  errors at the end (FILE: every round trip, "what ms";
                                  --start-file: measure once FILE exists).

Options:
  --server URL[,URL...]  server (default $AGENTDESK_SERVER, else http://127.0.0.1:8780);
                    several addresses are the nodes of one center, tried in turn when one
                    does not answer
  --ca FILE         trust this CA bundle (PEM) for https instead of the system store
  --allow-http      allow plain http:// to a server that is not this computer (a warning is
                    printed; passwords and customer data are then readable on the network)
  --insecure        do not verify the server's TLS certificate (logged as a warning)
  --log SPEC        log levels, e.g. "info" or "warn,net=debug" (default warn)
  --help, --version
Exit status: 0 done, 1 refused or failed, 2 bad command line.
)";

}  // namespace

int main(int argc, char* argv[]) {
    using namespace agentdesk;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("agentdesk-cli"));
    QStringList args = QCoreApplication::arguments().mid(1);

    cli::CliContext ctx;
    bool allowPlainHttp = false;
    QString server =
        qEnvironmentVariable("AGENTDESK_SERVER", QStringLiteral("http://127.0.0.1:8780"));
    QString logSpec = QStringLiteral("warn");
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString option = args.takeFirst();
        if (option == QLatin1String("--help")) {
            std::fputs(kUsage, stdout);
            return cli::kExitOk;
        }
        if (option == QLatin1String("--version")) {
            std::printf("agentdesk-cli %s\n", agentdesk::kVersion);
            return cli::kExitOk;
        }
        if (option == QLatin1String("--allow-http")) {
            allowPlainHttp = true;
            continue;
        }
        if (option == QLatin1String("--insecure")) {
            ctx.tls.verifyPeer = false;
            continue;
        }
        if (args.isEmpty()) {
            cli::printError(QStringLiteral("error: %1 needs a value").arg(option));
            return cli::kExitUsage;
        }
        const QString value = args.takeFirst();
        if (option == QLatin1String("--server"))
            server = value;
        else if (option == QLatin1String("--ca"))
            ctx.tls.caFile = value;
        else if (option == QLatin1String("--log"))
            logSpec = value;
        else {
            cli::printError(QStringLiteral("error: unknown option %1 (see --help)").arg(option));
            return cli::kExitUsage;
        }
    }
    if (args.isEmpty()) {
        std::fputs(kUsage, stderr);
        return cli::kExitUsage;
    }
    const QString command = args.takeFirst();
    ctx.server = cli::CliContext::normaliseServer(server);
    if (ctx.server.isEmpty()) {
        cli::printError(
            QStringLiteral("error: --server %1 is not an http:// or https:// address").arg(server));
        return cli::kExitUsage;
    }
    if (crm::isPlainHttpToRemote(ctx.server)) {
        if (!allowPlainHttp) {
            cli::printError(
                QStringLiteral(
                    "error: %1 is not encrypted (http:// to another computer); use https://, or "
                    "--allow-http on a closed test network")
                    .arg(ctx.server));
            return cli::kExitUsage;
        }
        cli::printError(QStringLiteral("warning: unencrypted connection to %1: passwords and "
                                       "customer data cross the network readable")
                            .arg(ctx.server));
    }
    ctx.args = args;

    using Runner = void (*)(cli::CliContext&, crm::HttpTransport&);
    const QHash<QString, Runner> commands{
        {QStringLiteral("login"), cli::runLogin},
        {QStringLiteral("logout"), cli::runLogout},
        {QStringLiteral("events"), cli::runEvents},
        {QStringLiteral("state"), cli::runState},
        {QStringLiteral("call"), cli::runCall},
        {QStringLiteral("queues"), cli::runQueues},
        {QStringLiteral("customer"), cli::runCustomer},
        {QStringLiteral("kb"), cli::runKnowledge},
        {QStringLiteral("note"), cli::runNote},
        {QStringLiteral("simulate-agents"), cli::runSimulateAgents},
    };
    const auto runner = commands.value(command);
    if (!runner) {
        cli::printError(QStringLiteral("error: unknown command %1 (see --help)").arg(command));
        return cli::kExitUsage;
    }

    logging::init({"agentdesk-cli", "", true, false, logSpec.toStdString()});
    curl_global_init(CURL_GLOBAL_DEFAULT);
    int code = cli::kExitFailed;
    {
        crm::HttpTransport transport(ctx.tls);
        QObject root;
        ctx.root = &root;
        QTimer::singleShot(0, [&] { runner(ctx, transport); });
        code = QCoreApplication::exec();
        transport.shutdown();
    }
    curl_global_cleanup();
    logging::shutdown();
    return code;
}
