// Takes the screenshots in docs/screenshots/ of the team lead's and trainer's screens (issue 6):
// the queue monitor with its charts and alerts, the agent grid, the demo console and the
// evaluation form, Korean UI at 1920x1080, on a live demo center: the server in this process
// (demo, synthetic agents, time x10) and `agentdesk-cli simulate-agents` answering its calls.
// Run under Xvfb:
//   xvfb-run -a -s "-screen 0 1920x1080x24" build/tools/agentdesk_supervisor_screenshots
//       docs/screenshots [--warmup-seconds 90]
#include <cstdio>

#include <curl/curl.h>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QPixmap>
#include <QProcess>
#include <QScreen>
#include <QTabWidget>
#include <QTest>

#include "app/app_controller.h"
#include "app/supervisor_window.h"
#include "common/logging.h"
#include "crm/api/api_client.h"
#include "server/server_app.h"
#include "widgets/evaluation/evaluation_view.h"
#include "widgets/knowledge/article_scheme.h"
#include "widgets/login/login_view.h"
#include "widgets/supervisor/agent_grid_view.h"
#include "widgets/trainer/demo_console_view.h"

namespace {

template <typename Pred>
bool waitFor(Pred pred, int ms) {
    QElapsedTimer t;
    t.start();
    while (!pred()) {
        if (t.elapsed() > ms)
            return false;
        QTest::qWait(20);
    }
    return true;
}

bool save(QWidget* window, const QString& path) {
    window->raise();
    window->activateWindow();
    QTest::qWait(600);
    QPixmap shot = window->grab();
    if (qEnvironmentVariableIsSet("DISPLAY") && window->screen()) {
        const QPixmap real = window->screen()->grabWindow(0, window->frameGeometry().x(),
                                                          window->frameGeometry().y(),
                                                          window->width(), window->height());
        if (!real.isNull())
            shot = real;
    }
    const bool ok = shot.save(path);
    std::printf("%s %s (%dx%d)\n", ok ? "saved" : "FAILED", qPrintable(path), shot.width(),
                shot.height());
    return ok;
}

agentdesk::app::SupervisorWindow* login(agentdesk::app::AppController& controller,
                                        const QString& url, const QString& user) {
    agentdesk::widgets::LoginForm form;
    form.embedded = false;
    form.serverUrl = url;
    form.username = user;
    form.password = QStringLiteral("demo");
    controller.login(form);
    if (!waitFor([&] { return controller.supervisorWindow() != nullptr; }, 30000))
        return nullptr;
    auto* window = controller.supervisorWindow();
    window->resize(1920, 1080);
    window->move(0, 0);
    return window;
}

}  // namespace

int main(int argc, char* argv[]) {
    using namespace agentdesk;
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s OUTDIR [--warmup-seconds N]\n", argv[0]);
        return 2;
    }
    const QString outDir = QString::fromLocal8Bit(argv[1]);
    int warmup = 90;
    if (argc >= 4 && QByteArray(argv[2]) == "--warmup-seconds")
        warmup = std::atoi(argv[3]);
    QDir().mkpath(outDir);
    const QString tmp = QDir::tempPath() + QStringLiteral("/agentdesk-supervisor-shots-") +
                        QString::number(QCoreApplication::applicationPid());
    QDir().mkpath(tmp);
    for (const char* sub : {"data", "config", "state"})
        QDir().mkpath(tmp + QLatin1Char('/') + QLatin1String(sub));
    qputenv("XDG_DATA_HOME", (tmp + QStringLiteral("/data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", (tmp + QStringLiteral("/config")).toUtf8());
    qputenv("XDG_STATE_HOME", (tmp + QStringLiteral("/state")).toUtf8());
    if (getuid() == 0)
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox");
    logging::init({"agentdesk-screenshots", {}, true, false, "warn"});
    curl_global_init(CURL_GLOBAL_DEFAULT);
    widgets::registerArticleUrlScheme();
    QApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);

    const int agents = 24;
    const double scale = 10;
    server::ServerConfig config;
    config.port = 0;
    config.dbPath = (tmp + QStringLiteral("/server.db")).toStdString();
    config.demo = true;
    config.demoAgents = agents;
    config.demoRate = 16;  // calls per demo minute: the synthetic agents are busy, queues form
    config.timeScale = scale;
    config.seed = 7;
    server::ServerApp server(config);
    server.start();
    const QString url = QString::fromStdString(server.baseUrl()) + QStringLiteral("/api/v1");

    QProcess load;
    load.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    load.start(QStringLiteral(AGENTDESK_CLI_BINARY),
               {"--server", url, "simulate-agents", "--count", QString::number(agents),
                "--duration", QString::number(warmup + 300), "--time-scale", QString::number(scale),
                "--talk", "40-150", "--acw", "10-30", "--report-every", "600"});
    int failures = 0;
    {
        app::AppController::Options options;
        options.server = url;
        options.language = QStringLiteral("ko");
        options.settingsPath = tmp + QStringLiteral("/agentdesk.conf");
        options.storePath = tmp + QStringLiteral("/client.db");
        app::AppController controller(options);
        controller.start();

        auto* lead = login(controller, url, QStringLiteral("lead1"));
        if (!lead) {
            std::fprintf(stderr, "lead1 could not log in\n");
            return 1;
        }
        // Let the center run: the charts fill, alerts come in.
        std::printf("running the demo center for %d s…\n", warmup);
        std::fflush(stdout);
        QTest::qWait(warmup * 1000);
        failures += !save(lead, outDir + QStringLiteral("/5-queue-monitor-1920x1080.png"));
        lead->tabs()->setCurrentWidget(lead->agentGrid());
        failures += !save(lead, outDir + QStringLiteral("/6-agent-grid-1920x1080.png"));
        controller.logout();

        // The trainer: three evaluations of a trainee's calls, then the console and the form.
        auto* trainer = login(controller, url, QStringLiteral("trainer1"));
        if (!trainer) {
            std::fprintf(stderr, "trainer1 could not log in\n");
            return 1;
        }
        auto& api = controller.session()->api();
        const QString trainee = QStringLiteral("U-agent001");
        int saved = 0;
        const int sets[3][5] = {{88, 85, 80, 90, 72}, {92, 90, 86, 93, 81}, {95, 94, 92, 96, 88}};
        const char* comments[3] = {"첫인사는 좋으나 공감 표현이 부족함. 고객 말 끊지 않기.",
                                   "본인 확인 절차 정확. 종료 멘트 개선됨.",
                                   "분실 신고 처리 신속, 공감 표현 우수. 모범 사례로 공유."};
        for (int i = 0; i < 3; ++i) {
            QJsonObject scores;
            for (int d = 0; d < 5; ++d)
                scores.insert(QLatin1String(crm::kEvaluationDimensions[d]), sets[i][d]);
            api.evaluate(&api,
                         QJsonObject{{"callId", QStringLiteral("call-demo-%1").arg(i + 1)},
                                     {"agentId", trainee},
                                     {"scores", scores},
                                     {"comment", QString::fromUtf8(comments[i])}},
                         [&](const QJsonDocument&, const crm::ApiError&) { ++saved; });
        }
        waitFor([&] { return saved == 3; }, 10000);
        trainer->tabs()->setCurrentWidget(trainer->demoConsole());
        QTest::qWait(1500);
        failures += !save(trainer, outDir + QStringLiteral("/7-demo-console-1920x1080.png"));
        trainer->tabs()->setCurrentWidget(trainer->evaluation());
        trainer->evaluation()->evaluateCall(QStringLiteral("call-demo-4"), trainee);
        QTest::qWait(2000);
        failures += !save(trainer, outDir + QStringLiteral("/8-evaluation-1920x1080.png"));
        controller.logout();
    }
    load.kill();
    load.waitForFinished(5000);
    server.stop();
    curl_global_cleanup();
    QDir(tmp).removeRecursively();
    return failures == 0 ? 0 : 1;
}
