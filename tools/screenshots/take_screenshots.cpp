// Takes the screenshots in docs/screenshots/ of the counselor's main screens, on the real app
// against the demo contact center in this process: idle, ringing with the screen pop, on a call
// with an article open, and after-call work with a note. Run under Xvfb so WebEngine renders:
//   xvfb-run -a -s "-screen 0 1920x1080x24" build/tools/agentdesk_screenshots docs/screenshots
//       [--size 1366x768] [--lang ko] [--theme system|light|dark|highContrast]
#include <cstdio>

#include <curl/curl.h>
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScreen>
#include <QTest>
#include <QTimer>

#include "app/app_controller.h"
#include "app/main_window.h"
#include "common/logging.h"
#include "crm/session/client_session.h"
#include "crm/session/note_controller.h"
#include "server/server_app.h"
#include "tests/gui/typing.h"
#include "widgets/knowledge/article_scheme.h"
#include "widgets/knowledge/knowledge_panel.h"
#include "widgets/login/login_view.h"
#include "widgets/notes/note_editor.h"

namespace {

template <typename Pred>
bool waitFor(Pred pred, int ms = 15000) {
    QElapsedTimer t;
    t.start();
    while (!pred()) {
        if (t.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qWait(5);
    }
    return true;
}

void settle(int ms) {
    QTest::qWait(ms);
}

bool save(QWidget* window, const QString& dir, const QString& name) {
    window->raise();
    window->activateWindow();
    settle(400);
    QPixmap shot = window->grab();
    // Under a real X server the screen has WebEngine's pixels too.
    if (qEnvironmentVariableIsSet("DISPLAY")) {
        if (QScreen* screen = window->screen()) {
            const QPixmap real =
                screen->grabWindow(0, window->frameGeometry().x(), window->frameGeometry().y(),
                                   window->width(), window->height());
            if (!real.isNull())
                shot = real;
        }
    }
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    const bool ok = shot.save(path);
    std::printf("%s %s (%dx%d)\n", ok ? "saved" : "FAILED", qPrintable(path), shot.width(),
                shot.height());
    return ok;
}

}  // namespace

int main(int argc, char* argv[]) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s OUTDIR [--size WxH] [--lang ko|en] [--theme NAME]\n",
                     argv[0]);
        return 2;
    }
    QString outDir = QString::fromLocal8Bit(argv[1]);
    QSize size(1366, 768);
    QString theme;  // empty: the default look, and no suffix on the file names
    QString lang = QStringLiteral("ko");
    for (int i = 2; i + 1 < argc; i += 2) {
        const QString key = QString::fromLocal8Bit(argv[i]);
        const QString value = QString::fromLocal8Bit(argv[i + 1]);
        if (key == QLatin1String("--size")) {
            const auto parts = value.split(QLatin1Char('x'));
            if (parts.size() == 2)
                size = QSize(parts[0].toInt(), parts[1].toInt());
        } else if (key == QLatin1String("--lang")) {
            lang = value;
        } else if (key == QLatin1String("--theme")) {
            theme = value;
        }
    }
    QDir().mkpath(outDir);
    const QString tmp = QDir::tempPath() + QStringLiteral("/agentdesk-screenshots-") +
                        QString::number(QCoreApplication::applicationPid());
    QDir().mkpath(tmp);
    qputenv("XDG_DATA_HOME", (tmp + QStringLiteral("/data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", (tmp + QStringLiteral("/config")).toUtf8());
    qputenv("XDG_STATE_HOME", (tmp + QStringLiteral("/state")).toUtf8());
    if (getuid() == 0)
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox");

    agentdesk::logging::init({"agentdesk-screenshots", {}, true, false, "warn"});
    curl_global_init(CURL_GLOBAL_DEFAULT);
    agentdesk::widgets::registerArticleUrlScheme();
    QApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);

    agentdesk::server::ServerConfig config;
    config.port = 0;
    config.dbPath = ":memory:";
    config.demo = true;
    config.demoRate = 0;  // only the calls below
    config.seed = 7;
    agentdesk::server::ServerApp server(config);
    server.start();
    const QString url = QString::fromStdString(server.baseUrl()) + QStringLiteral("/api/v1");

    int failures = 0;
    {
        agentdesk::app::AppController::Options options;
        options.server = url;
        options.language = lang;
        options.settingsPath = tmp + QStringLiteral("/agentdesk.conf");
        options.storePath = tmp + QStringLiteral("/client.db");
        agentdesk::app::AppController controller(options);
        controller.start();
        if (!theme.isEmpty())
            controller.applyTheme(theme);
        auto* login = controller.loginView();
        login->findChild<QLineEdit*>(QStringLiteral("username"))->setText("counselor1");
        login->findChild<QLineEdit*>(QStringLiteral("password"))->setText("demo");
        settle(300);
        failures += !save(login, outDir, QStringLiteral("login"));
        controller.login(login->form());
        if (!waitFor([&] { return controller.mainWindow() != nullptr; })) {
            std::fprintf(stderr, "login did not finish\n");
            return 1;
        }
        auto* window = controller.mainWindow();
        window->resize(size);
        window->move(0, 0);
        auto* session = controller.session();
        waitFor([&] { return session->agent().state() != agentdesk::crm::AgentState::Unknown; });
        session->agent().goReady();
        waitFor([&] { return session->agent().state() == agentdesk::crm::AgentState::Ready; });
        settle(1200);
        const QString suffix = QStringLiteral("-%1x%2").arg(size.width()).arg(size.height()) +
                               (theme.isEmpty() ? QString() : QLatin1Char('-') + theme);
        failures += !save(window, outDir, QStringLiteral("1-idle") + suffix);

        // A trainer injects a call for a known customer: the phone rings, the 360 pops.
        agentdesk::crm::HttpTransport& transport = session->api().transport();
        agentdesk::crm::ApiClient trainer(transport, url);
        bool trainerIn = false;
        trainer.login(&trainer, "trainer1", "demo",
                      [&](const agentdesk::crm::LoginResult& r, const agentdesk::crm::ApiError&) {
                          trainer.setToken(r.token);
                          trainerIn = true;
                      });
        waitFor([&] { return trainerIn; });
        // With a scripted transcript: agent assist's panel fills while the call goes on.
        auto line = [](const char* speaker, const char* text, int at) {
            return agentdesk::crm::DemoTranscriptLine{QString::fromLatin1(speaker),
                                                      QString::fromUtf8(text), at};
        };
        agentdesk::crm::InjectCallRequest call;
        call.customerId = QStringLiteral("C00001");
        call.queue = QStringLiteral("card");
        call.intent = QStringLiteral("card_lost");
        call.transcript = {
            line("agent", "감사합니다, 상담원 김하늘입니다. 통화 내용은 녹음됩니다.", 0),
            line("customer", "카드를 잃어버렸어요. 어제 저녁 강남역에서 마지막으로 썼어요", 1),
            line("agent", "본인 확인을 위해 생년월일 말씀해 주시겠어요?", 2),
            line("customer", "빨리 좀 정지해 주세요, 너무 불안하고 짜증나요", 3),
            line("agent", "네, 지금 바로 사용 정지 처리해 드렸습니다. 재발급은 5영업일 걸립니다",
                 4),
            line("customer", "정말 감사합니다", 5)};
        trainer.injectDemoCall(&trainer, call, [](const agentdesk::crm::ApiError&) {});
        waitFor([&] { return session->call().phase() == agentdesk::crm::CallPhase::Ringing; });
        settle(1500);
        failures += !save(window, outDir, QStringLiteral("2-ringing-screen-pop") + suffix);

        session->call().answer();
        waitFor([&] { return session->call().phase() == agentdesk::crm::CallPhase::Connected; });
        auto* knowledge = window->knowledge();
        if (auto* box = knowledge->findChild<QLineEdit*>()) {
            box->setFocus();
            agentdesk::test::typeText(box, QStringLiteral("카드 분실"));
        }
        settle(1500);
        // The best hit, opened as a click on it does.
        if (!session->knowledge().results().isEmpty())
            knowledge->openArticle(session->knowledge().results().first().id);
        settle(4000);  // WebEngine's first page, and the transcript's six seconds
        waitFor([&] { return session->assist().lines().size() >= 6; });
        settle(500);
        failures += !save(window, outDir, QStringLiteral("3-on-call-article") + suffix);

        session->call().hangup();
        waitFor(
            [&] { return session->call().phase() == agentdesk::crm::CallPhase::AfterCallWork; });
        // The note comes filled with assist's draft and its predicted code.
        auto* notes = window->notes();
        waitFor([&] { return notes->controller().showingAssistDraft(); });
        settle(1500);
        failures += !save(window, outDir, QStringLiteral("4-after-call-note") + suffix);
    }
    server.stop();
    curl_global_cleanup();
    QDir(tmp).removeRecursively();
    return failures == 0 ? 0 : 1;
}
