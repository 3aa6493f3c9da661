// Test main: private temp HOME/XDG dirs, offscreen Qt, quiet logs (docs/architecture.md).
#include "tests/support/catch_session.h"

#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

#include <curl/curl.h>
#include <QCoreApplication>
#ifdef AGENTDESK_GUI_TESTS
#include <QApplication>

#include "tests/support/qt_warnings.h"
#include "widgets/knowledge/article_scheme.h"
#endif

#include "common/logging.h"
#include "crm/log/qt_message_bridge.h"
#ifdef AGENTDESK_SIP_PARITY
#include "tests/sip/parity/sip_parity_telephony.h"
#include "tests/sip/support/work_dir.h"
#endif

int main(int argc, char* argv[]) {
    namespace fs = std::filesystem;
    char tmpl[] = "/tmp/agentdesk-test-XXXXXX";
    const char* dir = mkdtemp(tmpl);
    if (!dir)
        return 1;
    const std::string root = dir;
    for (const char* sub : {"home", "data", "state", "config", "cache"}) {
        fs::create_directories(root + "/" + sub);
    }
    setenv("HOME", (root + "/home").c_str(), 1);
    setenv("XDG_DATA_HOME", (root + "/data").c_str(), 1);
    setenv("XDG_STATE_HOME", (root + "/state").c_str(), 1);
    setenv("XDG_CONFIG_HOME", (root + "/config").c_str(), 1);
    setenv("XDG_CACHE_HOME", (root + "/cache").c_str(), 1);
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    const char* level = std::getenv("AGENTDESK_TEST_LOG");
    agentdesk::logging::init(
        {"agentdesk-tests", root + "/state", true, false, level ? level : "warn,qt=error"});
    agentdesk::crm::installQtMessageBridge();
#ifdef AGENTDESK_GUI_TESTS
    agentdesk::test::installQtWarningGuard();
#endif
    curl_global_init(CURL_GLOBAL_DEFAULT);
    // crm objects deliver results through the Qt event loop of the thread that owns them.
#ifdef AGENTDESK_GUI_TESTS
    if (getuid() == 0)  // WebEngine's sandbox does not run as root (CI containers)
        setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox", 0);
    QApplication::setAttribute(Qt::AA_ShareOpenGLContexts);  // WebEngine wants it before the app
    agentdesk::widgets::registerArticleUrlScheme();          // custom schemes too
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
#ifdef AGENTDESK_SIP_PARITY
    // The same call-flow tests, with SIP telephony and real SIP phones and callers.
    agentdesk::test::setTestTelephony(
        [] { return std::make_unique<agentdesk::siptest::SipParityTelephony>(); });
#endif
    int result = agentdesk::test::runCatchSession(argc, argv);
#ifdef AGENTDESK_GUI_TESTS
    if (result == 0 && agentdesk::test::qtWarningsFailedRun())
        result = 1;
#endif
#ifdef AGENTDESK_SIP_PARITY
    agentdesk::siptest::finishWorkRoot(result == 0);
#endif
    curl_global_cleanup();
    agentdesk::logging::shutdown();
    std::error_code ec;
    fs::remove_all(root, ec);
    return result;
}
