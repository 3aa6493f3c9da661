// The simulate-agents command: its options, checked, then the simulation (simulate_agents.h).
#include <QCoreApplication>
#include <QStringList>
#include <QTimer>

#include "cli/cli_context.h"
#include "cli/commands.h"
#include "cli/simulate_agents.h"

namespace agentdesk::cli {

namespace {

// "LOW-HIGH" seconds, 0 <= LOW <= HIGH.
bool parseRange(const QString& text, int& low, int& high) {
    const QStringList parts = text.split(QLatin1Char('-'));
    bool a = false, b = false;
    if (parts.size() != 2)
        return false;
    low = parts[0].toInt(&a);
    high = parts[1].toInt(&b);
    return a && b && low >= 0 && high >= low;
}
}  // namespace

void runSimulateAgents(CliContext& ctx, crm::HttpTransport& transport) {
    SimulationConfig config;
    const QStringList& args = ctx.args;
    QString problem;
    for (int i = 0; i < args.size() && problem.isEmpty(); i += 2) {
        const QString& option = args[i];
        const QString value = args.value(i + 1);
        bool ok = !value.isEmpty();
        if (option == QLatin1String("--count"))
            config.count = value.toInt(&ok), ok = ok && config.count > 0 && config.count <= 5000;
        else if (option == QLatin1String("--prefix"))
            config.prefix = value;
        else if (option == QLatin1String("--first"))
            config.first = value.toInt(&ok), ok = ok && config.first >= 0;
        else if (option == QLatin1String("--password"))
            config.password = value;
        else if (option == QLatin1String("--duration"))
            config.durationSec = value.toDouble(&ok), ok = ok && config.durationSec > 0;
        else if (option == QLatin1String("--time-scale"))
            config.timeScale = value.toDouble(&ok),
            ok = ok && config.timeScale > 0 && config.timeScale <= 100;
        else if (option == QLatin1String("--talk"))
            ok = parseRange(value, config.talkMinSec, config.talkMaxSec);
        else if (option == QLatin1String("--acw"))
            ok = parseRange(value, config.acwMinSec, config.acwMaxSec);
        else if (option == QLatin1String("--round-trips-out"))
            config.roundTripsOut = value;
        else if (option == QLatin1String("--start-file"))
            config.startFile = value;
        else if (option == QLatin1String("--report-every"))
            config.reportEverySec = value.toInt(&ok), ok = ok && config.reportEverySec > 0;
        else
            problem = QStringLiteral("unknown option %1").arg(option);
        if (problem.isEmpty() && !ok)
            problem = QStringLiteral("bad value for %1: '%2'").arg(option, value);
    }
    if (!problem.isEmpty()) {
        printError(QStringLiteral("error: simulate-agents: %1 (see --help)").arg(problem));
        QTimer::singleShot(0, [] { QCoreApplication::exit(kExitUsage); });
        return;
    }
    auto* simulation = new AgentSimulation(transport, ctx.server, config, ctx.root);
    QObject::connect(simulation, &AgentSimulation::finished,
                     [](int code) { QCoreApplication::exit(code); });
    simulation->start();
}

}  // namespace agentdesk::cli
