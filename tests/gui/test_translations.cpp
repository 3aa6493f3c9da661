// Every text the app shows comes from the ko (and en) translation: a translator installed
// beneath the app's records each lookup that nothing translated, while the whole window is
// built and driven through a call, the settings and the login window. Complements the
// translations_complete ctest, which checks the .ts files against the code.
#include <catch2/catch.hpp>

#include <set>

#include <QApplication>
#include <QTabWidget>
#include <QTranslator>

#include "app/app_controller.h"
#include "app/language.h"
#include "app/main_window.h"
#include "app/supervisor_window.h"
#include "crm/events/event_stream.h"
#include "crm/session/client_session.h"
#include "crm/session/customer360_model.h"
#include "tests/gui/app_flow_support.h"
#include "tests/support/qt_wait.h"
#include "widgets/settings/settings_dialog.h"

using namespace std::chrono_literals;
using agentdesk::test::AppUnderTest;
using agentdesk::test::TestServer;
using agentdesk::test::waitUntil;

namespace {

// Installed before the app's translators, so it is asked only when they had no translation.
class MissRecorder : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char* disambiguation,
                      int n) const override {
        Q_UNUSED(disambiguation);
        Q_UNUSED(n);
        const QString ctx = QString::fromUtf8(context);
        // Qt's own contexts (QShortcut, QPlatformTheme, ...) belong to Qt's translations.
        const bool ours = ctx.startsWith(QLatin1String("agentdesk::")) ||
                          ctx == QLatin1String("ErrorText") || ctx == QLatin1String("Shortcuts") ||
                          ctx == QLatin1String("Connection") || ctx == QLatin1String("Format");
        if (ours && source && *source)
            misses.insert(ctx + QStringLiteral(": ") + QString::fromUtf8(source));
        return {};
    }
    bool isEmpty() const override { return false; }
    mutable std::set<QString> misses;
};

std::set<QString> drive(const QString& language) {
    MissRecorder recorder;
    QCoreApplication::installTranslator(&recorder);
    TestServer server;
    {
        AppUnderTest app(agentdesk::test::AppOptions{
            QString::fromStdString(server.url()) + QStringLiteral("/api/v1"), {}, {}, language});
        app.loginAs(QStringLiteral("counselor1"));
        auto& controller = app.controller();
        auto* session = controller.session();
        // A call through every phase, so the bar, the 360, knowledge and the note all speak.
        session->agent().goReady();
        REQUIRE(waitUntil(
            [&] { return session->agent().state() == agentdesk::crm::AgentState::Ready; }));
        server.injectCall(
            {{"customerId", "C00001"}, {"queue", "general"}, {"intent", "billing_inquiry"}});
        REQUIRE(waitUntil(
            [&] { return session->call().phase() == agentdesk::crm::CallPhase::Ringing; }));
        REQUIRE(waitUntil([&] {
            return session->customer().status() == agentdesk::crm::Customer360Model::Status::Ready;
        }));
        session->call().answer();
        REQUIRE(waitUntil(
            [&] { return session->call().phase() == agentdesk::crm::CallPhase::Connected; }));
        session->call().hold();
        REQUIRE(
            waitUntil([&] { return session->call().phase() == agentdesk::crm::CallPhase::Held; }));
        session->call().resume();
        REQUIRE(waitUntil(
            [&] { return session->call().phase() == agentdesk::crm::CallPhase::Connected; }));
        session->call().hangup();
        REQUIRE(waitUntil(
            [&] { return session->call().phase() == agentdesk::crm::CallPhase::AfterCallWork; }));
        agentdesk::test::processEventsFor(300ms);
        controller.openSettings();
        agentdesk::test::processEventsFor(200ms);
        // Switching language at run time retranslates everything that is open.
        controller.applyLanguage(language == QLatin1String("ko") ? QStringLiteral("en")
                                                                 : QStringLiteral("ko"));
        controller.applyLanguage(language);
        agentdesk::test::processEventsFor(200ms);
        // The connection drops and comes back: the bar's and the banner's texts.
        using agentdesk::crm::ConnectionStatus;
        server.stopListening();
        REQUIRE(waitUntil([&] {
            const ConnectionStatus s = session->events().status();
            return s == ConnectionStatus::Reconnecting || s == ConnectionStatus::Offline;
        }));
        server.startListening();
        REQUIRE(waitUntil([&] { return session->events().status() == ConnectionStatus::Connected; },
                          30s));
    }
    // The team lead's and the trainer's windows, every tab shown.
    for (const char* user : {"lead1", "trainer1"}) {
        AppUnderTest supervisor(agentdesk::test::AppOptions{
            QString::fromStdString(server.url()) + QStringLiteral("/api/v1"), {}, {}, language});
        supervisor.loginAs(QString::fromLatin1(user));
        auto* window = supervisor.controller().supervisorWindow();
        REQUIRE(window);
        server.injectCall({{"customerId", "C00002"}, {"queue", "general"}});
        for (int i = 0; i < window->tabs()->count(); ++i) {
            window->tabs()->setCurrentIndex(i);
            agentdesk::test::processEventsFor(300ms);
        }
        supervisor.controller().applyLanguage(
            language == QLatin1String("ko") ? QStringLiteral("en") : QStringLiteral("ko"));
        supervisor.controller().applyLanguage(language);
        agentdesk::test::processEventsFor(300ms);
    }
    // The recorder itself works: a text no translation has is caught (and then set aside).
    const QString probe =
        QStringLiteral("agentdesk::app::MainWindow: probe text in no translation");
    QCoreApplication::translate("agentdesk::app::MainWindow", "probe text in no translation");
    QCoreApplication::removeTranslator(&recorder);
    REQUIRE(recorder.misses.count(probe) == 1);
    recorder.misses.erase(probe);
    return recorder.misses;
}

}  // namespace

TEST_CASE("Translations: the Korean UI has no untranslated text", "[gui][i18n]") {
    const auto misses = drive(QStringLiteral("ko"));
    for (const QString& miss : misses)
        UNSCOPED_INFO(miss.toStdString());
    CHECK(misses.empty());
}

TEST_CASE("Translations: the English UI has no untranslated text", "[gui][i18n]") {
    const auto misses = drive(QStringLiteral("en"));
    for (const QString& miss : misses)
        UNSCOPED_INFO(miss.toStdString());
    CHECK(misses.empty());
}

TEST_CASE("Translations: Korean is really Korean and English really English", "[gui][i18n]") {
    agentdesk::app::Language language;
    REQUIRE(language.apply(QStringLiteral("ko")));
    CHECK(QCoreApplication::translate("Connection", "Connected") != QStringLiteral("Connected"));
    REQUIRE(language.apply(QStringLiteral("en")));
    CHECK(QCoreApplication::translate("Connection", "Connected") == QStringLiteral("Connected"));
}
