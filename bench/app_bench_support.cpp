#include "bench/app_bench_support.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <curl/curl.h>
#include <QApplication>
#include <QEventLoop>
#include <QTimer>
#include <QWidget>

#include "bench/bench_util.h"
#include "common/logging.h"
#include "widgets/knowledge/article_scheme.h"
#include "widgets/login/login_view.h"

namespace agentdesk::bench {

namespace fs = std::filesystem;

std::string prepareAppBenchProcess(const std::string& logLevels, bool privateDirs) {
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    std::string root;
    if (privateDirs) {
        root = makeRunDirectory();
        if (root.empty())
            return {};
        const std::pair<const char*, const char*> dirs[] = {{"HOME", "home"},
                                                            {"XDG_DATA_HOME", "data"},
                                                            {"XDG_STATE_HOME", "state"},
                                                            {"XDG_CONFIG_HOME", "config"},
                                                            {"XDG_CACHE_HOME", "cache"}};
        for (const auto& [var, sub] : dirs) {
            const std::string path = root + "/" + sub;
            fs::create_directories(path);
            setenv(var, path.c_str(), 1);
        }
    }
    if (getuid() == 0)  // Chromium's sandbox refuses root (containers)
        setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox", 0);
    const char* fromEnv = std::getenv("AGENTDESK_LOG");  // e.g. "warn,net=debug" to look closer
    logging::init({"agentdesk-bench", {}, true, false, fromEnv ? fromEnv : logLevels});
    curl_global_init(CURL_GLOBAL_DEFAULT);
    widgets::registerArticleUrlScheme();
    QApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    return root.empty() ? std::string("/tmp") : root;
}

void finishAppBenchProcess(const std::string& root) {
    curl_global_cleanup();
    logging::shutdown();
    if (!root.empty() && root != "/tmp") {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
}

bool waitFor(const std::function<bool()>& pred, std::chrono::milliseconds timeout) {
    if (pred())
        return true;
    QElapsedTimer clock;
    clock.start();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.start(5);
    while (!pred()) {
        if (clock.elapsed() >= timeout.count())
            return pred();
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void runEventsFor(std::chrono::milliseconds duration) {
    // No predicate to poll: one timer ends the loop, so the wait itself wakes the thread once
    // (the idle measurement counts every wakeup of the GUI thread).
    QEventLoop loop;
    QTimer::singleShot(duration, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

std::string machineDescription() {
    std::string model;
    std::ifstream cpuinfo("/proc/cpuinfo");
    for (std::string line; std::getline(cpuinfo, line);) {
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            if (colon != std::string::npos)
                model = line.substr(colon + 2);
            break;
        }
    }
    std::ostringstream out;
    out << std::thread::hardware_concurrency() << " cores";
    if (!model.empty())
        out << " (" << model << ")";
    out << ", load average " << loadAverage();
    return out.str();
}

long rssKiB(pid_t pid) {
    const std::string path =
        pid == 0 ? std::string("/proc/self/status") : "/proc/" + std::to_string(pid) + "/status";
    std::ifstream status(path);
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::strtol(line.c_str() + 6, nullptr, 10);
    }
    return 0;
}

WebEngineChildren webEngineChildren() {
    WebEngineChildren result;
    const pid_t self = getpid();
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/proc", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || !std::all_of(name.begin(), name.end(), ::isdigit))
            continue;
        std::ifstream statFile(entry.path() / "stat");
        std::string stat;
        std::getline(statFile, stat);
        // pid (comm) state ppid ...; comm may contain spaces, so split at the last ')'.
        const auto open = stat.find('(');
        const auto close = stat.rfind(')');
        if (open == std::string::npos || close == std::string::npos)
            continue;
        const std::string comm = stat.substr(open + 1, close - open - 1);
        std::istringstream rest(stat.substr(close + 2));
        char state = 0;
        long ppid = 0;
        rest >> state >> ppid;
        if (ppid != self || comm.rfind("QtWebEngineProc", 0) != 0)
            continue;
        ++result.count;
        result.rssKiB += rssKiB(static_cast<pid_t>(std::stol(name)));
    }
    return result;
}

int webEngineViews() {
    int n = 0;
    for (QWidget* w : QApplication::allWidgets()) {
        if (w->inherits("QWebEngineView"))
            ++n;
    }
    return n;
}

double percentileOf(const std::vector<double>& sample, double p) {
    return percentile(sample, p);
}

// ---------------------------------------------------------------- InProcessServer

InProcessServer::InProcessServer(const std::string& dbPath, double timeScale,
                                 std::function<void(server::CenterConfig&)> adjustCenter) {
    server::ServerConfig config;
    config.host = "127.0.0.1";
    config.port = 0;
    config.dbPath = dbPath;
    config.demo = true;
    config.demoRate = 0;  // injected calls only
    config.timeScale = timeScale;
    config.adjustCenter = std::move(adjustCenter);
    app_ = std::make_unique<server::ServerApp>(std::move(config));
    app_->start();
    started_ = app_->clock().now();
}

InProcessServer::~InProcessServer() {
    app_->stop();
}

QString InProcessServer::apiBase() const {
    return QString::fromStdString(app_->baseUrl()) + QStringLiteral("/api/v1");
}

double InProcessServer::demoSecondsSinceStart() const {
    return server::secondsBetween(started_, app_->clock().now());
}

// ---------------------------------------------------------------- BenchApp

BenchApp::BenchApp(const QString& apiBase, const QString& dir) {
    app::AppController::Options options;
    options.settingsPath = dir + QStringLiteral("/agentdesk-bench.conf");
    options.storePath = dir + QStringLiteral("/agentdesk-bench-store.db");
    options.server = apiBase;
    options.language = QStringLiteral("ko");
    controller_ = std::make_unique<app::AppController>(std::move(options));
}

BenchApp::~BenchApp() = default;

bool BenchApp::login(const QString& username, const QString& password,
                     std::chrono::milliseconds timeout) {
    controller_->start();
    widgets::LoginView* view = controller_->loginView();
    if (!view) {
        std::fprintf(stderr, "no login window\n");
        return false;
    }
    widgets::LoginForm form = view->form();
    form.username = username;
    form.password = password;
    QString failure;
    QObject::connect(controller_.get(), &app::AppController::loginFailed,
                     [&failure](const QString& message) { failure = message; });
    controller_->login(form);
    const bool ok = waitFor(
        [&] {
            auto* window = controller_->mainWindow();
            auto* session = controller_->session();
            return !failure.isEmpty() ||
                   (window && window->isVisible() && session &&
                    session->events().status() == crm::ConnectionStatus::Connected &&
                    session->agent().state() != crm::AgentState::Unknown);
        },
        timeout);
    if (!ok || !failure.isEmpty()) {
        std::fprintf(stderr, "login as %s failed: %s\n", username.toUtf8().constData(),
                     failure.isEmpty() ? "timeout" : failure.toUtf8().constData());
        return false;
    }
    return true;
}

bool BenchApp::goReady(std::chrono::milliseconds timeout) {
    auto& agent = session().agent();
    if (agent.state() == crm::AgentState::Ready)
        return true;
    agent.goReady();
    return waitFor([&] { return agent.state() == crm::AgentState::Ready; }, timeout);
}

// ---------------------------------------------------------------- Trainer

Trainer::Trainer(const QString& apiBase)
    : transport_(std::make_unique<crm::HttpTransport>()),
      api_(std::make_unique<crm::ApiClient>(*transport_, apiBase)) {}

Trainer::~Trainer() {
    api_.reset();
    transport_->shutdown();
}

bool Trainer::login(const QString& username, const QString& password) {
    bool done = false, ok = false;
    QObject scope;  // the answer is dropped if the wait gives up first
    api_->login(&scope, username, password, [&](const crm::LoginResult& r, const crm::ApiError& e) {
        done = true;
        ok = !e;
        if (ok)
            api_->setToken(r.token);
        else
            std::fprintf(stderr, "trainer login: %s\n", e.describe().toUtf8().constData());
    });
    waitFor([&] { return done; }, std::chrono::seconds(30));
    return ok;
}

bool Trainer::injectCall(const crm::InjectCallRequest& call) {
    bool done = false, ok = false;
    QObject scope;  // the answer is dropped if the wait gives up first
    api_->injectDemoCall(&scope, call, [&](const crm::ApiError& e) {
        done = true;
        ok = !e;
        if (e)
            std::fprintf(stderr, "inject: %s\n", e.describe().toUtf8().constData());
    });
    waitFor([&] { return done; }, std::chrono::seconds(15));
    return ok;
}

bool Trainer::callerHangup(const QString& callId) {
    bool done = false, ok = false;
    QObject scope;  // the answer is dropped if the wait gives up first
    api_->sendJson(&scope, "POST", QStringLiteral("/demo/calls/%1/hangup").arg(callId),
                   QJsonObject{}, [&](const QJsonDocument&, const crm::ApiError& e) {
                       done = true;
                       ok = !e;
                       if (e)
                           std::fprintf(stderr, "caller hangup: %s\n",
                                        e.describe().toUtf8().constData());
                   });
    waitFor([&] { return done; }, std::chrono::seconds(15));
    return ok;
}

// ---------------------------------------------------------------- data

const std::vector<QueueIntent>& counselorIntents() {
    static const std::vector<QueueIntent> intents = {
        {"general", "billing_inquiry", "BILLING_INQUIRY"},
        {"card", "card_lost", "CARD_LOST"},
        {"general", "delivery_status", "DELIVERY_STATUS"},
        {"card", "payment_error", "PAYMENT_ERROR"},
        {"general", "address_change", "ADDRESS_CHANGE"},
        {"card", "refund", "REFUND"},
        {"general", "password_reset", "PASSWORD_RESET"},
        {"card", "card_reissue", "CARD_REISSUE"},
        {"general", "general_inquiry", "GENERAL_INQUIRY"},
        {"card", "installment", "INSTALLMENT"},
    };
    return intents;
}

QString demoCustomerId(int number) {
    return QStringLiteral("C%1").arg(number, 5, 10, QLatin1Char('0'));
}

}  // namespace agentdesk::bench
