#include "cli/simulate_agents.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>
#include <QUuid>

#include "cli/cli_context.h"
#include "cli/commands.h"
#include "cli/process_stats.h"
#include "common/logging.h"

namespace agentdesk::cli {

namespace {

std::shared_ptr<spdlog::logger> log() {
    static auto logger = logging::get("sim");
    return logger;
}

int randomBetween(int low, int high) {
    return low >= high ? low : QRandomGenerator::global()->bounded(low, high + 1);
}

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

// Nearest-rank percentile of unsorted samples; 0 for none.
double percentile(std::vector<double> samples, double p) {
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * double(samples.size())));
    return samples[std::min(samples.size() - 1, rank == 0 ? 0 : rank - 1)];
}

}  // namespace

SimulatedAgent::SimulatedAgent(crm::HttpTransport& transport, const QString& server,
                               const QString& username, const SimulationConfig& config,
                               SimulationCounters& counters, QObject* parent)
    : QObject(parent),
      config_(config),
      counters_(counters),
      username_(username),
      session_(transport, server, nullptr) {
    talkTimer_.setSingleShot(true);
    // A person acts at a moment of their own. Qt's default for timers of 2 s and more (coarse)
    // moves each timeout to a whole second, alike in every process: all 2,000 agents' hang-ups
    // and wrap-ups then came in bursts on the same instants.
    talkTimer_.setTimerType(Qt::PreciseTimer);
    connect(&talkTimer_, &QTimer::timeout, this, [this] {
        const auto phase = session_.call().phase();
        if (session_.call().callId() == talkedCallId_ &&
            (phase == crm::CallPhase::Connected || phase == crm::CallPhase::Held)) {
            ++counters_.agentHangups;
            session_.call().hangup();
        }
    });
    connect(&session_.call(), &crm::CallSession::phaseChanged, this, &SimulatedAgent::onPhase);
    connect(&session_.call(), &crm::CallSession::offered, this,
            [this](const crm::Call&) { ++counters_.offered; });
    connect(&session_.call(), &crm::CallSession::ended, this,
            [this](const QString& callId, const QString& reason) {
                if (callId == liveCallId_)
                    liveCallId_.clear();
                if (reason == QLatin1String("missed"))
                    ++counters_.missed;
                else if (reason == QLatin1String("completed") && talkTimer_.isActive())
                    ++counters_.callerHangups;  // the caller hung up before we did
                talkTimer_.stop();
            });
    connect(
        &session_.commands(), &crm::CommandTracker::confirmedAfter, this,
        [this](const QString& what, std::chrono::nanoseconds roundTrip) {
            counters_.roundTripMs[what].push_back(double(roundTrip.count()) / 1e6);
            counters_.confirmedAtSec[what].push_back(
                std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
                    .count());
        });
    connect(&session_.commands(), &crm::CommandTracker::acceptedAfter, this,
            [this](const QString& what, std::chrono::nanoseconds untilAccepted) {
                counters_.acceptedMs[what].push_back(double(untilAccepted.count()) / 1e6);
            });
    connect(&session_.commands(), &crm::CommandTracker::failed, this,
            [this](const QString&, const QString& what, const crm::ApiError& error) {
                onCommandFailed(what, error);
            });
    connect(&session_.agent(), &crm::AgentSession::stateChanged, this,
            [this](crm::AgentState state, const QString& reason, const QDateTime&) {
                // A missed call (RONA) leaves the agent not ready: a counselor would come back.
                // So would one whom another node logged in again (not ready after login) when it
                // took the ACD over while they were on a call.
                const bool backAfterLogin = readyOnce_ && reason == QLatin1String("login");
                if (state == crm::AgentState::NotReady &&
                    (reason == QLatin1String("missed_call") || backAfterLogin))
                    QTimer::singleShot(demoMs(1000, 2000), Qt::PreciseTimer, this,
                                       [this] { session_.agent().goReady(); });
            });
}

int SimulatedAgent::demoMs(int minMs, int maxMs) const {
    return static_cast<int>(std::lround(randomBetween(minMs, maxMs) / config_.timeScale));
}

qint64 SimulatedAgent::libraryProtocolErrors() const {
    auto& s = const_cast<crm::ClientSession&>(session_);
    return s.events().stats().protocolErrors + s.agent().unexpectedTransitions() +
           s.call().unexpectedEvents();
}

void SimulatedAgent::start() {
    // Ready once the stream shows the agent's state (as a counselor would, seeing the screen).
    connect(&session_.events(), &crm::EventStream::snapshotReceived, this, [this] {
        // The session has applied it by now (it connected first).
        if (!liveCallId_.isEmpty() && session_.call().callId() != liveCallId_) {
            ++counters_.callsVanished;
            log()->error("{}: call {} vanished at a resync (no end event)", username_.toStdString(),
                         liveCallId_.toStdString());
        }
        liveCallId_.clear();
        const auto phase = session_.call().phase();
        if (phase == crm::CallPhase::Connected || phase == crm::CallPhase::Held)
            liveCallId_ = session_.call().callId();
        if (!readyOnce_) {
            readyOnce_ = true;
            session_.agent().goReady();
            emit started();
        }
    });
    logIn();
}

void SimulatedAgent::logIn() {
    session_.login(username_, config_.password, [this](const crm::ApiError& error) {
        // 503: the server checks a few passwords at a time and asks the rest to come back, as a
        // counselor would press the button again.
        if (error.kind == crm::ApiError::Kind::Http && error.httpStatus == 503 &&
            ++loginAttempts_ < kLoginAttempts) {
            QTimer::singleShot(randomBetween(500, 1500), this, [this] { logIn(); });
            return;
        }
        emit loginDone();
        if (error) {
            ++counters_.loginFailures;
            log()->error("{}: login failed: {}", username_.toStdString(),
                         error.describe().toStdString());
            emit started();
            return;
        }
        ++counters_.loginsOk;
    });
}

void SimulatedAgent::onPhase(crm::CallPhase phase) {
    crm::CallSession& call = session_.call();
    switch (phase) {
        case crm::CallPhase::Ringing: {
            const QString callId = call.callId();
            QTimer::singleShot(demoMs(config_.ringMinMs, config_.ringMaxMs), Qt::PreciseTimer, this,
                               [this, callId] {
                                   if (session_.call().callId() == callId &&
                                       session_.call().phase() == crm::CallPhase::Ringing)
                                       session_.call().answer();
                               });
            break;
        }
        case crm::CallPhase::Connected:
            liveCallId_ = call.callId();
            if (talkedCallId_ != call.callId()) {
                talkedCallId_ = call.callId();
                ++counters_.answered;
                talkTimer_.start(demoMs(config_.talkMinSec * 1000, config_.talkMaxSec * 1000));
            }
            break;
        case crm::CallPhase::AfterCallWork:
            liveCallId_.clear();
            if (wrappingCallId_ != call.callId()) {
                const QString callId = call.callId();
                wrappingCallId_ = callId;
                QTimer::singleShot(demoMs(config_.acwMinSec * 1000, config_.acwMaxSec * 1000),
                                   Qt::PreciseTimer, this,
                                   [this, callId] { writeNoteAndWrapUp(callId); });
            }
            break;
        default:
            break;
    }
}

void SimulatedAgent::writeNoteAndWrapUp(const QString& callId) {
    crm::CallSession& call = session_.call();
    if (call.callId() != callId || call.phase() != crm::CallPhase::AfterCallWork)
        return;  // ACW already ended (its timeout)
    // Any code but counselor protection's (ABUSIVE_CALL): a simulated call is not abusive, and
    // that code sends the agent into a 10-minute protection rest.
    QList<crm::WrapupCode> codes;
    for (const auto& c : session_.wrapupCodes()) {
        if (c.category != QLatin1String("protection"))
            codes.append(c);
    }
    const QString code = codes.isEmpty()
                             ? QString()
                             : codes.at(randomBetween(0, static_cast<int>(codes.size()) - 1)).code;
    QString customerId = call.call().customerId;
    if (customerId.isEmpty() && !call.call().customerMatches.isEmpty())
        customerId = call.call().customerMatches.first().id;
    auto wrapUp = [this, callId, code](const QString& noteId) {
        if (session_.call().callId() != callId ||
            session_.call().phase() != crm::CallPhase::AfterCallWork)
            return;
        ++counters_.wrapups;
        wrapupCode_ = code;
        wrapupNoteId_ = noteId;
        session_.call().wrapup(code, noteId, QStringLiteral("ready"));
    };
    if (customerId.isEmpty()) {
        wrapUp({});  // an unknown caller: nothing to attach a note to
        return;
    }
    crm::NoteSubmission note;
    note.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    note.callId = callId;
    note.customerId = customerId;
    note.wrapupCode = code;
    note.text =
        QStringLiteral("[%1] 시뮬레이션 상담 메모: 고객 문의 확인 후 안내 완료.").arg(username_);
    submitNote(note, wrapUp, 1);
}

// Saved again with the same idempotency key after a 503 (the server says nothing was stored), a
// few times; then the wrap-up goes without it.
void SimulatedAgent::submitNote(const crm::NoteSubmission& note,
                                std::function<void(const QString&)> then, int attempt) {
    session_.api().createNote(
        this, note,
        [this, note, then, attempt](const crm::Note& saved, const crm::ApiError& error) {
            // 504: the node running the ACD went away mid-request; the same key makes saving
            // again safe (a note already saved is answered, not made twice).
            if (error.kind == crm::ApiError::Kind::Http &&
                (error.httpStatus == 503 || error.httpStatus == 504) && attempt < kNoteAttempts) {
                ++counters_.unavailable;
                QTimer::singleShot(
                    randomBetween(1000, 2000), Qt::PreciseTimer, this,
                    [this, note, then, attempt] { submitNote(note, then, attempt + 1); });
                return;
            }
            if (error) {
                onCommandFailed(QStringLiteral("note"), error);
                then({});
                return;
            }
            ++counters_.notes;
            then(saved.id);
        });
}

void SimulatedAgent::pressAgain(const QString& what) {
    crm::CallSession& call = session_.call();
    const QString callId = call.callId();
    QTimer::singleShot(randomBetween(1000, 2000), Qt::PreciseTimer, this, [this, what, callId] {
        crm::CallSession& now = session_.call();
        const bool sameCall = now.callId() == callId;
        const auto phase = now.phase();
        if (what == QLatin1String("hangup") && sameCall &&
            (phase == crm::CallPhase::Connected || phase == crm::CallPhase::Held))
            now.hangup();
        else if (what == QLatin1String("wrapup") && sameCall &&
                 phase == crm::CallPhase::AfterCallWork)
            now.wrapup(wrapupCode_, wrapupNoteId_, QStringLiteral("ready"));
        else if (what == QLatin1String("answer") && sameCall && phase == crm::CallPhase::Ringing)
            now.answer();
        else if (what == QLatin1String("ready") &&
                 session_.agent().state() == crm::AgentState::NotReady)
            session_.agent().goReady();
    });
}

void SimulatedAgent::onCommandFailed(const QString& what, const crm::ApiError& error) {
    using Kind = crm::ApiError::Kind;
    if (error.kind == Kind::Http && (error.httpStatus == 404 || error.httpStatus == 409)) {
        // The call moved on between our decision and the server's answer: the caller hung up
        // while we pressed hang-up, or the ACW timed out while we wrapped up.
        ++counters_.conflicts;
        log()->debug("{}: {} raced the call: {}", username_.toStdString(), what.toStdString(),
                     error.describe().toStdString());
        return;
    }
    if (error.kind == Kind::Transport) {
        ++counters_.transportErrors;
        return;
    }
    // 503 (nobody runs the ACD this second) or 504 (the node running it went away with the
    // request): a counselor looks again and presses again if the call still needs it.
    if (error.kind == Kind::Http && (error.httpStatus == 503 || error.httpStatus == 504)) {
        ++counters_.unavailable;
        log()->debug("{}: {} met {}, pressed again: {}", username_.toStdString(),
                     what.toStdString(), error.httpStatus, error.describe().toStdString());
        pressAgain(what);
        return;
    }
    ++counters_.protocolErrors;
    log()->error("{}: {} failed: {}", username_.toStdString(), what.toStdString(),
                 error.describe().toStdString());
}

AgentSimulation::AgentSimulation(crm::HttpTransport& transport, const QString& server,
                                 SimulationConfig config, QObject* parent)
    : QObject(parent), transport_(transport), server_(server), config_(std::move(config)) {
    connect(&reportTimer_, &QTimer::timeout, this, &AgentSimulation::report);
}

void AgentSimulation::start() {
    for (int i = 0; i < config_.count; ++i) {
        // At least three digits, as the demo server names its load agents: agent001, agent1000.
        const QString username =
            config_.prefix + QStringLiteral("%1").arg(config_.first + i, 3, 10, QLatin1Char('0'));
        auto* agent = new SimulatedAgent(transport_, server_, username, config_, counters_, this);
        agents_.append(agent);
        connect(agent, &SimulatedAgent::started, this, [this] {
            if (++startedAgents_ == agents_.size())
                rampedUp();
        });
        // Logins go a few at a time: the server checks each password with Argon2id (by design
        // slow), and a burst of hundreds would only queue up behind it and time out.
        connect(agent, &SimulatedAgent::loginDone, this, [this] {
            if (nextLogin_ < agents_.size())
                agents_.at(nextLogin_++)->start();
        });
    }
    constexpr int kConcurrentLogins = 4;
    while (nextLogin_ < std::min<qsizetype>(kConcurrentLogins, agents_.size()))
        agents_.at(nextLogin_++)->start();
    rampStartMs_ = nowMs();
    printLine(QStringLiteral("logging in %1 agents...").arg(agents_.size()));
    // Agents that never get going (server overloaded) must not stall the run, but a slow
    // ramp-up that still moves is waited for: each login is an Argon2id check on the server,
    // and thousands of agents over several clients take minutes. The run goes on when no login
    // has finished for a minute.
    lastLoginProgressMs_ = nowMs();
    auto* watchdog = new QTimer(this);
    connect(watchdog, &QTimer::timeout, this, [this, watchdog] {
        const qint64 done = counters_.loginsOk + counters_.loginFailures;
        if (done != loginsSeen_) {
            loginsSeen_ = done;
            lastLoginProgressMs_ = nowMs();
        }
        if (rampedUp_ || nowMs() - lastLoginProgressMs_ >= 60000) {
            watchdog->deleteLater();
            rampedUp();
        }
    });
    watchdog->start(1000);
}

void AgentSimulation::rampedUp() {
    if (rampedUp_)
        return;
    rampedUp_ = true;
    printLine(QStringLiteral("ramp-up: %1 agents logged in with open streams in %2 s; "
                             "measuring for %3 s%4")
                  .arg(counters_.loginsOk)
                  .arg((nowMs() - rampStartMs_) / 1000.0, 0, 'f', 1)
                  .arg(config_.durationSec)
                  .arg(config_.startFile.isEmpty()
                           ? QString()
                           : QStringLiteral(" once %1 exists").arg(config_.startFile)));
    if (config_.startFile.isEmpty()) {
        beginMeasuring();
        return;
    }
    auto* wait = new QTimer(this);
    connect(wait, &QTimer::timeout, this, [this, wait] {
        if (!QFile::exists(config_.startFile))
            return;
        wait->deleteLater();
        beginMeasuring();
    });
    wait->start(100);
}

void AgentSimulation::beginMeasuring() {
    if (startedMs_ != 0)
        return;
    SimulationCounters fresh;  // the measured window only, but the logins
    fresh.loginsOk = counters_.loginsOk;
    fresh.loginFailures = counters_.loginFailures;
    counters_ = fresh;
    startedMs_ = lastReportMs_ = nowMs();
    startEvents_ = lastReportEvents_ = totalEvents();
    startCpu_ = readProcessStats().cpuSeconds;
    reportTimer_.start(config_.reportEverySec * 1000);
    loopProbe_.setTimerType(Qt::PreciseTimer);
    connect(&loopProbe_, &QTimer::timeout, this, [this] {
        const qint64 now = std::chrono::steady_clock::now().time_since_epoch().count();
        if (lastProbeNs_ != 0)
            loopLateMs_.push_back(std::max(0.0, double(now - lastProbeNs_) / 1e6 - kLoopProbeMs));
        lastProbeNs_ = now;
    });
    loopProbe_.start(kLoopProbeMs);
    QTimer::singleShot(static_cast<int>(config_.durationSec * 1000), this,
                       &AgentSimulation::finish);
}

qint64 AgentSimulation::totalEvents() const {
    qint64 n = 0;
    for (SimulatedAgent* a : agents_)
        n += a->session().events().stats().events;
    return n;
}

void AgentSimulation::report() {
    const qint64 now = nowMs();
    const qint64 events = totalEvents();
    const double seconds = std::max(0.001, (now - lastReportMs_) / 1000.0);
    int connected = 0;
    for (SimulatedAgent* a : agents_)
        connected += a->session().events().status() == crm::ConnectionStatus::Connected;
    const ProcessStats ps = readProcessStats();
    printLine(QStringLiteral("t=%1s streams %2/%3  events %4 (%5/s)  answered %6  wrap-ups %7  "
                             "cpu %8 s  rss %9 MiB")
                  .arg((now - startedMs_) / 1000)
                  .arg(connected)
                  .arg(agents_.size())
                  .arg(events - startEvents_)
                  .arg((events - lastReportEvents_) / seconds, 0, 'f', 0)
                  .arg(counters_.answered)
                  .arg(counters_.wrapups)
                  .arg(ps.cpuSeconds - startCpu_, 0, 'f', 1)
                  .arg(ps.rssMiB, 0, 'f', 1));
    lastReportMs_ = now;
    lastReportEvents_ = events;
}

void AgentSimulation::finish() {
    reportTimer_.stop();
    loopProbe_.stop();
    const double realSec = (nowMs() - startedMs_) / 1000.0;
    const qint64 events = totalEvents() - startEvents_;
    qint64 duplicates = 0, reconnects = 0, libraryErrors = 0;
    int connected = 0;
    for (SimulatedAgent* a : agents_) {
        const auto& stats = a->session().events().stats();
        duplicates += stats.duplicates;
        reconnects += std::max<qint64>(0, stats.connects - 1);
        libraryErrors += a->libraryProtocolErrors();
        connected += a->session().events().status() == crm::ConnectionStatus::Connected;
    }
    const ProcessStats ps = readProcessStats();
    const double cpu = ps.cpuSeconds - startCpu_;
    const qint64 protocolErrors = counters_.protocolErrors + libraryErrors;
    const SimulationCounters& c = counters_;
    printLine(QStringLiteral("simulate-agents: %1 agents, %2 s real = %3 s demo time (x%4)")
                  .arg(agents_.size())
                  .arg(realSec, 0, 'f', 1)
                  .arg(realSec * config_.timeScale, 0, 'f', 0)
                  .arg(config_.timeScale));
    printLine(QStringLiteral("  logins ok %1/%2, streams connected at the end %3, reconnects %4")
                  .arg(c.loginsOk)
                  .arg(agents_.size())
                  .arg(connected)
                  .arg(reconnects));
    printLine(QStringLiteral("  events handled %1 (%2/s), duplicates dropped %3")
                  .arg(events)
                  .arg(events / std::max(0.001, realSec), 0, 'f', 1)
                  .arg(duplicates));
    printLine(QStringLiteral("  calls offered %1, answered %2, hung up by agent %3 / by caller %4, "
                             "missed %5, notes %6, wrap-ups %7")
                  .arg(c.offered)
                  .arg(c.answered)
                  .arg(c.agentHangups)
                  .arg(c.callerHangups)
                  .arg(c.missed)
                  .arg(c.notes)
                  .arg(c.wrapups));
    printLine(
        QStringLiteral("  benign races (404/409 after the call moved on) %1, transport errors %2, "
                       "503/504 pressed again %3")
            .arg(c.conflicts)
            .arg(c.transportErrors)
            .arg(c.unavailable));
    printLine(QStringLiteral("  calls vanished (gone from a new snapshot without an end) %1")
                  .arg(c.callsVanished));
    printLine(QStringLiteral("  client cpu %1 s (%2% of one core), rss %3 MiB, peak rss %4 MiB")
                  .arg(cpu, 0, 'f', 2)
                  .arg(100.0 * cpu / std::max(0.001, realSec), 0, 'f', 1)
                  .arg(ps.rssMiB, 0, 'f', 1)
                  .arg(ps.peakRssMiB, 0, 'f', 1));
    printRoundTrips(QStringLiteral("command round trips (issue -> confirming event)"),
                    counters_.roundTripMs);
    printRoundTrips(QStringLiteral("command answers (issue -> the server's 202)"),
                    counters_.acceptedMs);
    writeRoundTrips();
    printLine(QStringLiteral("  this client's event loop, late by (a %1 ms timer): p50 %2  p99 %3  "
                             "max %4 ms")
                  .arg(kLoopProbeMs)
                  .arg(percentile(loopLateMs_, 50), 0, 'f', 1)
                  .arg(percentile(loopLateMs_, 99), 0, 'f', 1)
                  .arg(loopLateMs_.empty()
                           ? 0.0
                           : *std::max_element(loopLateMs_.begin(), loopLateMs_.end()),
                       0, 'f', 1));
    printLine(QStringLiteral("  protocol errors: %1").arg(protocolErrors));
    const bool ok = protocolErrors == 0 && c.loginFailures == 0 && c.callsVanished == 0;
    emit finished(ok ? kExitOk : kExitFailed);
}

void AgentSimulation::printRoundTrips(const QString& title,
                                      const QHash<QString, std::vector<double>>& trips) {
    std::vector<double> all;
    QStringList names = trips.keys();
    names.sort();
    printLine(QStringLiteral("  %1, ms:").arg(title));
    for (const QString& what : names) {
        std::vector<double> ms = trips.value(what);
        all.insert(all.end(), ms.begin(), ms.end());
        printLine(QStringLiteral("    %1 n %2  p50 %3  p99 %4  max %5")
                      .arg(what, -10)
                      .arg(ms.size())
                      .arg(percentile(ms, 50), 0, 'f', 1)
                      .arg(percentile(ms, 99), 0, 'f', 1)
                      .arg(ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end()), 0, 'f', 1));
    }
    printLine(QStringLiteral("    %1 n %2  p50 %3  p99 %4")
                  .arg(QStringLiteral("all"), -10)
                  .arg(all.size())
                  .arg(percentile(all, 50), 0, 'f', 1)
                  .arg(percentile(all, 99), 0, 'f', 1));
}

void AgentSimulation::writeRoundTrips() {
    if (config_.roundTripsOut.isEmpty())
        return;
    const auto& trips = counters_.roundTripMs;
    QFile out(config_.roundTripsOut);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        printError(QStringLiteral("error: cannot write %1").arg(config_.roundTripsOut));
        return;
    }
    QTextStream stream(&out);
    // "command ms confirmed-at" (CLOCK_MONOTONIC s).
    for (const QString& what : trips.keys()) {
        const auto& ms = trips.value(what);
        const auto at = counters_.confirmedAtSec.value(what);
        for (std::size_t i = 0; i < ms.size(); ++i) {
            stream << what << ' ' << QString::number(ms[i], 'f', 3) << ' '
                   << QString::number(i < at.size() ? at[i] : 0.0, 'f', 3) << '\n';
        }
    }
}

}  // namespace agentdesk::cli
