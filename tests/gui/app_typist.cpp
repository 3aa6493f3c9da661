// A child process for the "draft survives kill -9" test: the real app (AppController, MainWindow,
// NoteEditor, DraftAutosaver, LocalStore) logs in, opens a note for a customer and types into
// it like a counselor, says "typed" on stdout and keeps running until the test kills it.
//   agentdesk_app_typist SERVER_URL STORE_PATH SETTINGS_PATH CUSTOMER_ID TEXT
#include <cstdio>

#include <curl/curl.h>
#include <QApplication>
#include <QPlainTextEdit>
#include <QTest>
#include <QTimer>

#include "app/app_controller.h"
#include "app/main_window.h"
#include "common/logging.h"
#include "tests/gui/typing.h"
#include "widgets/knowledge/article_scheme.h"
#include "widgets/login/login_view.h"
#include "widgets/notes/note_editor.h"

int main(int argc, char* argv[]) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: %s SERVER_URL STORE SETTINGS CUSTOMER_ID TEXT\n", argv[0]);
        return 2;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    agentdesk::logging::init({"agentdesk-typist", {}, true, false, "warn"});
    curl_global_init(CURL_GLOBAL_DEFAULT);
    agentdesk::widgets::registerArticleUrlScheme();
    QApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    const QString customerId = QString::fromUtf8(argv[4]);
    const QString text = QString::fromUtf8(argv[5]);

    agentdesk::app::AppController::Options options;
    options.server = QString::fromUtf8(argv[1]);
    options.storePath = QString::fromUtf8(argv[2]);
    options.settingsPath = QString::fromUtf8(argv[3]);
    agentdesk::app::AppController controller(options);
    controller.start();
    QObject::connect(&controller, &agentdesk::app::AppController::loginFailed,
                     [](const QString& why) {
                         std::fprintf(stderr, "login failed: %s\n", why.toUtf8().constData());
                         QCoreApplication::exit(1);
                     });
    QObject::connect(&controller, &agentdesk::app::AppController::loggedIn, [&] {
        auto* notes = controller.mainWindow()->notes();
        notes->setCustomer(customerId);
        notes->focusEditor();
        auto* editor = notes->findChild<QPlainTextEdit*>();
        if (!editor) {
            std::fprintf(stderr, "no note editor\n");
            QCoreApplication::exit(1);
            return;
        }
        // Type in bursts, as a person does; the last burst is what must survive.
        QTimer::singleShot(100, [editor, text] {
            agentdesk::test::typeText(editor, text);
            std::printf("typed\n");
            std::fflush(stdout);
        });
    });
    agentdesk::widgets::LoginForm form;
    form.embedded = false;
    form.serverUrl = *options.server;
    form.username = QStringLiteral("counselor1");
    form.password = QStringLiteral("demo");
    controller.login(form);
    return QApplication::exec();
}
