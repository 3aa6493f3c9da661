#pragma once
// What a GUI test needs to put real widgets on a real session: the test server (ManualClock,
// demo data, generator off), one transport, a local store in the test's temp dir, a
// ClientSession and a DraftAutosaver. login() waits until the stream is open and the snapshot
// applied, as the app does before it shows the window.
#include <memory>

#include <QLocale>
#include <QString>
#include <QWidget>
#include <catch2/catch.hpp>

#include "crm/net/http_transport.h"
#include "crm/session/client_session.h"
#include "crm/store/draft_autosaver.h"
#include "crm/store/local_store.h"
#include "tests/support/qt_wait.h"
#include "tests/support/test_server.h"

namespace agentdesk::test {

// The widget of this type and object name under `root`; the test stops when there is none.
template <typename T>
T* child(QWidget& root, const char* name) {
    T* found = root.findChild<T*>(QString::fromLatin1(name));
    INFO("child " << name);
    REQUIRE(found);
    return found;
}

class GuiSession {
public:
    explicit GuiSession(TestServerOptions options = {});
    ~GuiSession();

    // Logs `username` (password demo) in; REQUIREs success and an applied snapshot.
    void login(const QString& username = QStringLiteral("counselor1"));
    // The agent goes ready (through the API, as the bar's button would) and the event arrived.
    void goReady();
    // Injects a call for a customer (or a phone number) on `queue` and waits until it rings here.
    QString ringCall(const nlohmann::json& spec);

    TestServer& server() { return *server_; }
    crm::HttpTransport& transport() { return *transport_; }
    crm::LocalStore& store() { return *store_; }
    crm::ClientSession& session() { return *session_; }
    crm::DraftAutosaver& autosaver() { return *autosaver_; }
    QString baseUrl() const;

private:
    std::unique_ptr<TestServer> server_;
    std::unique_ptr<crm::HttpTransport> transport_;
    std::unique_ptr<crm::LocalStore> store_;
    std::unique_ptr<crm::ClientSession> session_;
    std::unique_ptr<crm::DraftAutosaver> autosaver_;
    int snapshots_ = 0;
};

// Sets the default locale for one test and puts the old one back.
class LocaleGuard {
public:
    explicit LocaleGuard(QLocale::Language language) : LocaleGuard(QLocale(language)) {}
    explicit LocaleGuard(const QLocale& locale) : old_(QLocale()) { QLocale::setDefault(locale); }
    ~LocaleGuard() { QLocale::setDefault(old_); }

private:
    QLocale old_;
};

// A unique temp file path for a LocalStore (under the test's XDG_DATA_HOME).
QString tempStorePath();

// Where a GUI test saves a screenshot: the folder $AGENTDESK_TEST_SCREENSHOTS names (to keep
// and look at them), else a folder under the test's own temp root, removed with it.
QString screenshotPath(const QString& fileName);

}  // namespace agentdesk::test
