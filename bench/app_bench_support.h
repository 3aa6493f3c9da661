#pragma once
// Shared code for the desktop-app benches (bench_screen_pop, bench_cold_start,
// bench_shift_memory): process setup before the QApplication, an in-process demo server, the
// app (AppController + MainWindow) logged in over real HTTP, a trainer that injects calls,
// event-loop waits that add no latency, and /proc readings (RSS, WebEngine children, machine).
#include <sys/types.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QString>
#include <QTimer>

#include "app/app_controller.h"
#include "app/main_window.h"
#include "common/time_util.h"
#include "crm/api/api_client.h"
#include "crm/net/http_transport.h"
#include "server/demo/demo_data.h"
#include "server/server_app.h"

namespace agentdesk::bench {

// What every app bench does before its QApplication exists: QT_QPA_PLATFORM=offscreen unless
// set; HOME and XDG_* under a fresh temp root (returned; empty on failure) unless
// `privateDirs` is false; WebEngine's sandbox off when running as root (it refuses to start
// otherwise); logging to stderr at `logLevels` only; curl; the article URL scheme and shared GL
// contexts, as app/main.cpp does.
std::string prepareAppBenchProcess(const std::string& logLevels = "warn", bool privateDirs = true);
// Undoes what prepareAppBenchProcess set up globally (curl, logging) and removes `root`.
void finishAppBenchProcess(const std::string& root);

// Runs the Qt event loop until pred() holds or `timeout` passes; returns pred()'s last value.
// Blocks in the event dispatcher (no sleeping between checks), so results queued from the
// network thread are handled as soon as they arrive; a 5 ms timer only re-checks the deadline.
bool waitFor(const std::function<bool()>& pred, std::chrono::milliseconds timeout);
// Runs the event loop for `duration` (no polling timer: only the events that come).
void runEventsFor(std::chrono::milliseconds duration);

// "2 cores (Intel Xeon ...), load average 0.12 0.30 0.20"
std::string machineDescription();
// VmRSS of a process in KiB (0 when it cannot be read); pid 0: this process.
long rssKiB(pid_t pid = 0);
// Live processes whose parent is this process and whose name starts with "QtWebEngineProc"
// (the name is cut to 15 characters in /proc), and the sum of their RSS.
struct WebEngineChildren {
    int count = 0;
    long rssKiB = 0;
};
WebEngineChildren webEngineChildren();
// QWebEngineView widgets that exist in this process.
int webEngineViews();

double percentileOf(const std::vector<double>& sample, double p);

// agentdesk-server inside this process on a free loopback port (demo data, generator off).
class InProcessServer {
public:
    // dbPath ":memory:" or a file; timeScale 1 is the system clock.
    InProcessServer(const std::string& dbPath, double timeScale = 1.0,
                    std::function<void(server::CenterConfig&)> adjustCenter = {});
    ~InProcessServer();
    // ...:PORT/api/v1
    QString apiBase() const;
    server::ServerApp& app() { return *app_; }
    // Seconds of server (demo) time since the server was started.
    double demoSecondsSinceStart() const;

private:
    std::unique_ptr<server::ServerApp> app_;
    TimePoint started_;
};

// The app as a counselor runs it, pointed at `apiBase`, with its settings file and local
// store in `dir`, Korean UI.
class BenchApp {
public:
    BenchApp(const QString& apiBase, const QString& dir);
    ~BenchApp();

    // start(), then the login window's submit with these credentials; waits for the main
    // window, an open event stream and a known agent state. Prints why on failure.
    bool login(const QString& username, const QString& password,
               std::chrono::milliseconds timeout = std::chrono::seconds(30));
    // Ready through the session (as the softphone bar's button does) and waits for the event.
    bool goReady(std::chrono::milliseconds timeout = std::chrono::seconds(10));

    app::AppController& controller() { return *controller_; }
    app::MainWindow& window() { return *controller_->mainWindow(); }
    crm::ClientSession& session() { return *controller_->session(); }

private:
    std::unique_ptr<app::AppController> controller_;
};

// A trainer's API session on its own transport: injects demo calls and hangs them up as the
// caller (POST /demo/calls, /demo/calls/{id}/hangup).
class Trainer {
public:
    explicit Trainer(const QString& apiBase);
    ~Trainer();
    bool login(const QString& username = QStringLiteral("trainer1"),
               const QString& password = QStringLiteral("demo"));
    // Waits for the 202.
    bool injectCall(const crm::InjectCallRequest& call);
    bool callerHangup(const QString& callId);
    crm::ApiClient& api() { return *api_; }

private:
    std::unique_ptr<crm::HttpTransport> transport_;
    std::unique_ptr<crm::ApiClient> api_;
};

// Intents of the queues counselor1 serves (general, card), for varied calls.
struct QueueIntent {
    const char* queue;
    const char* intent;
    const char* wrapupCode;
};
const std::vector<QueueIntent>& counselorIntents();

// "C00001" … "C00250": the demo customers (each has a profile and interactions).
QString demoCustomerId(int number);

}  // namespace agentdesk::bench
