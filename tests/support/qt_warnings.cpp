#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include "tests/support/qt_warnings.h"

#include <catch2/catch.hpp>

#include <iostream>
#include <mutex>
#include <string>
#include <vector>

#include <QString>
#include <QtGlobal>

namespace agentdesk::test {

namespace {

struct Recorded {
    std::mutex mutex;
    std::vector<std::string> messages;
    bool failedRun = false;
    QtMessageHandler previous = nullptr;
};

Recorded& recorded() {
    static Recorded r;
    return r;
}

// What the offscreen platform plugin (the tests' display) says about itself: it has no window
// manager (raise, size hints) and no OpenGL (WebEngine falls back to software). Under a real
// display (xcb, Xvfb) these are not printed; nothing else is excused.
bool offscreenPlatformNotice(const QString& message) {
    static const bool offscreen =
        qEnvironmentVariable("QT_QPA_PLATFORM") == QLatin1String("offscreen");
    if (!offscreen)
        return false;
    return message.startsWith(QLatin1String("This plugin does not support")) ||
           message.startsWith(
               QLatin1String("WebEngineContext used before QtWebEngineCore::initialize() or OpenGL "
                             "context creation failed")) ||
           message.startsWith(QLatin1String("No suitable graphics backend found"));
}

void handle(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    Recorded& r = recorded();
    if ((type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) &&
        !offscreenPlatformNotice(message)) {
        const std::string category = context.category ? context.category : "default";
        std::lock_guard lock(r.mutex);
        r.messages.push_back("[" + category + "] " + message.toStdString());
    }
    if (r.previous)
        r.previous(type, context, message);
}

class QtWarningListener : public Catch::TestEventListenerBase {
public:
    using TestEventListenerBase::TestEventListenerBase;

    void testCaseStarting(const Catch::TestCaseInfo&) override {
        Recorded& r = recorded();
        std::lock_guard lock(r.mutex);
        r.messages.clear();
    }

    void testCaseEnded(const Catch::TestCaseStats& stats) override {
        Recorded& r = recorded();
        std::lock_guard lock(r.mutex);
        if (r.messages.empty())
            return;
        r.failedRun = true;
        std::cerr << "FAILED (Qt warnings): \"" << stats.testInfo.name << "\" made Qt print "
                  << r.messages.size() << " warning(s):\n";
        for (const std::string& m : r.messages)
            std::cerr << "  " << m << "\n";
        r.messages.clear();
    }
};

}  // namespace

CATCH_REGISTER_LISTENER(QtWarningListener)

void installQtWarningGuard() {
    recorded().previous = qInstallMessageHandler(handle);
}

bool qtWarningsFailedRun() {
    Recorded& r = recorded();
    std::lock_guard lock(r.mutex);
    return r.failedRun;
}

}  // namespace agentdesk::test
