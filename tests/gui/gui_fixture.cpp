#include "tests/gui/gui_fixture.h"

#include <atomic>

#include <QDir>
#include <QStandardPaths>
#include <catch2/catch.hpp>

namespace agentdesk::test {

using crm::ApiError;
using crm::ConnectionStatus;

QString screenshotPath(const QString& fileName) {
    QString dir = qEnvironmentVariable("AGENTDESK_TEST_SCREENSHOTS");
    if (dir.isEmpty())
        dir = qEnvironmentVariable("XDG_STATE_HOME", QDir::tempPath()) +
              QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + fileName;
}

QString tempStorePath() {
    static std::atomic<int> counter{0};
    const QString dir = qEnvironmentVariable("XDG_DATA_HOME", QDir::tempPath());
    return QStringLiteral("%1/gui-store-%2.db").arg(dir).arg(++counter);
}

GuiSession::GuiSession(TestServerOptions options)
    : server_(std::make_unique<TestServer>(std::move(options))),
      transport_(std::make_unique<crm::HttpTransport>()),
      store_(std::make_unique<crm::LocalStore>(tempStorePath())),
      session_(std::make_unique<crm::ClientSession>(*transport_, baseUrl(), store_.get())),
      autosaver_(std::make_unique<crm::DraftAutosaver>(*store_)) {
    QObject::connect(&session_->events(), &crm::EventStream::snapshotReceived, session_.get(),
                     [this](const crm::Snapshot&) { ++snapshots_; });
}

GuiSession::~GuiSession() {
    autosaver_.reset();
    session_.reset();
    transport_->shutdown();
    store_.reset();
    server_.reset();
}

QString GuiSession::baseUrl() const {
    return QString::fromStdString(server_->url()) + QStringLiteral("/api/v1");
}

void GuiSession::login(const QString& username) {
    bool done = false;
    ApiError error;
    const int before = snapshots_;
    session_->login(username, QStringLiteral("demo"), [&](const ApiError& e) {
        error = e;
        done = true;
    });
    REQUIRE(waitUntil([&] { return done; }));
    INFO(error.describe().toStdString());
    REQUIRE(error.ok());
    REQUIRE(waitUntil([&] {
        return session_->events().status() == ConnectionStatus::Connected && snapshots_ > before;
    }));
}

void GuiSession::goReady() {
    session_->agent().goReady();
    REQUIRE(waitUntil([&] { return session_->agent().state() == crm::AgentState::Ready; }));
}

QString GuiSession::ringCall(const nlohmann::json& spec) {
    const QString callId = QString::fromStdString(server_->injectCall(spec));
    REQUIRE(waitUntil([&] {
        return session_->call().phase() == crm::CallPhase::Ringing &&
               session_->call().callId() == callId;
    }));
    return callId;
}

}  // namespace agentdesk::test
