// agentdesk: the counselor's desktop (docs/architecture.md). With no server configured it
// starts the embedded demo contact center and opens the login window on it.
#include <sys/stat.h>
#include <cstdio>

#include <curl/curl.h>
#include <QApplication>
#include <QIcon>
#include <QTextStream>

#include "app/app_controller.h"
#include "app/command_line.h"
#include "app/single_instance.h"
#include "app/tel_link_dialer.h"
#include "common/logging.h"
#include "common/version.h"
#include "crm/log/qt_message_bridge.h"
#include "widgets/knowledge/article_scheme.h"

int main(int argc, char* argv[]) {
    // Everything this process writes (database, logs, recordings, keys) is personal data or a
    // secret: readable by its owner only.
    ::umask(077);
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const auto cl = agentdesk::app::parseCommandLine(arguments);
    if (cl.help) {
        std::fputs(agentdesk::app::commandLineHelp().toUtf8().constData(), stdout);
        return 0;
    }
    if (cl.version) {
        std::printf("agentdesk %s\n", agentdesk::kVersion);
        return 0;
    }
    if (!cl.error.isEmpty()) {
        std::fprintf(stderr, "agentdesk: %s\nTry 'agentdesk --help'.\n",
                     cl.error.toUtf8().constData());
        return 2;
    }

    agentdesk::logging::init({"agentdesk", {}, true, true, {}});
    agentdesk::crm::installQtMessageBridge();
    curl_global_init(CURL_GLOBAL_DEFAULT);
    // Before the QApplication: WebEngine's URL schemes and its shared GL contexts.
    agentdesk::widgets::registerArticleUrlScheme();
    QApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("AgentDesk"));
    QApplication::setOrganizationName(QStringLiteral("AgentDesk"));
    QApplication::setApplicationVersion(QString::fromLatin1(agentdesk::kVersion));
    // The desktop entry's id (packaging/desktop): the window's app id on Wayland, so the
    // desktop shows the entry's name and icon for it.
    QGuiApplication::setDesktopFileName(QStringLiteral("kr.agentdesk.AgentDesk"));

    // A tel: link while AgentDesk already runs for this user: that one dials, this one ends.
    const QString socketName = agentdesk::app::SingleInstance::defaultSocketName();
    if (!cl.telNumber.isEmpty()) {
        using agentdesk::app::HandOverResult;
        switch (agentdesk::app::handOverTelNumber(socketName, cl.telNumber)) {
            case HandOverResult::Delivered:
                agentdesk::logging::get("ui")->info("tel: link handed to the running AgentDesk");
                curl_global_cleanup();
                agentdesk::logging::shutdown();
                return 0;
            case HandOverResult::Failed:
                std::fputs("agentdesk: the running AgentDesk did not take the number\n", stderr);
                curl_global_cleanup();
                agentdesk::logging::shutdown();
                return 1;
            case HandOverResult::NoRunningInstance:
                break;  // this process becomes the app
        }
    }

    int result = 0;
    {
        agentdesk::app::AppController::Options options;
        options.server = cl.server;
        options.user = cl.user;
        options.language = cl.language;
        options.embedded.demoRate = cl.demoRate;
        agentdesk::app::AppController controller(options);
        agentdesk::app::TelLinkDialer dialer(controller);
        agentdesk::app::SingleInstance instance(socketName);
        QObject::connect(&instance, &agentdesk::app::SingleInstance::telNumberReceived, &dialer,
                         &agentdesk::app::TelLinkDialer::request);
        instance.listen();  // false: another AgentDesk of this user receives the links
        controller.start();
        if (!cl.telNumber.isEmpty())
            dialer.request(cl.telNumber);
        result = QApplication::exec();
    }
    curl_global_cleanup();
    agentdesk::logging::shutdown();
    return result;
}
