#pragma once
// simulate-agents: N synthetic counselors on one network thread, each a full ClientSession with
// its own login and event stream, doing what a counselor does on every call. Used by
// benchmarks and soak tests; it counts every protocol error it sees.
#include <functional>
#include <vector>

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include "crm/session/client_session.h"

namespace agentdesk::cli {

struct SimulationConfig {
    int count = 10;
    QString prefix = QStringLiteral("agent");
    int first = 1;
    QString password = QStringLiteral("demo");
    double durationSec = 60;  // real seconds
    double timeScale = 1;     // the server's --time-scale: demo seconds per real second
    int talkMinSec = 30, talkMaxSec = 180;  // demo seconds
    int acwMinSec = 5, acwMaxSec = 20;      // demo seconds: the note is written, then wrap-up
    int ringMinMs = 500, ringMaxMs = 3000;  // demo ms before answering
    int reportEverySec = 10;
    // Where to write every command's round trip ("what ms" per line), for a load run over
    // several client processes to merge; empty: not written.
    QString roundTripsOut;
    // With several client processes: after the ramp-up, wait until this file exists before the
    // measured window begins (the benchmark creates it when every client is ready).
    QString startFile;
};

struct SimulationCounters {
    qint64 loginsOk = 0, loginFailures = 0;
    qint64 offered = 0, answered = 0, agentHangups = 0, callerHangups = 0, missed = 0;
    qint64 notes = 0, wrapups = 0;
    qint64 conflicts = 0;  // 404/409 when the call moved on first (e.g. caller hung up)
    // 503 "try again in a moment" (a node taking the ACD over, the database away) or 504 (the
    // node running it went away with the request): pressed again a second later, as a
    // counselor would.
    qint64 unavailable = 0;
    qint64 transportErrors = 0;  // no answer from the server
    qint64 protocolErrors = 0;   // anything the protocol does not allow
    // A call the agent was talking on that a new snapshot (a reconnect, a takeover's resync)
    // no longer shows, with no end event for it: a call the center dropped.
    qint64 callsVanished = 0;
    // Issue to confirming event, by command (answer, hangup, wrapup, ready...), in ms.
    QHash<QString, std::vector<double>> roundTripMs;
    // When each of them was confirmed: CLOCK_MONOTONIC in s, the same clock in every process,
    // so a benchmark can tell whether the slow ones come together.
    QHash<QString, std::vector<double>> confirmedAtSec;
    // Issue to the server's 202, by command, in ms.
    QHash<QString, std::vector<double>> acceptedMs;
};

class SimulatedAgent : public QObject {
    Q_OBJECT
public:
    SimulatedAgent(crm::HttpTransport& transport, const QString& server, const QString& username,
                   const SimulationConfig& config, SimulationCounters& counters,
                   QObject* parent = nullptr);
    void start();
    crm::ClientSession& session() { return session_; }
    // Protocol errors seen by the library: malformed events, impossible transitions.
    qint64 libraryProtocolErrors() const;

signals:
    // Logged in with the first snapshot (or the login failed): the agent is at work.
    void started();
    // The login has been answered (either way): the next agent may log in.
    void loginDone();

private:
    void logIn();
    void onPhase(crm::CallPhase phase);
    void onCommandFailed(const QString& what, const crm::ApiError& error);
    void writeNoteAndWrapUp(const QString& callId);
    void submitNote(const crm::NoteSubmission& note, std::function<void(const QString&)> then,
                    int attempt);
    // The command again after a 503 or 504, if it still makes sense then.
    void pressAgain(const QString& what);
    int demoMs(int minMs, int maxMs) const;

    const SimulationConfig& config_;
    SimulationCounters& counters_;
    QString username_;
    crm::ClientSession session_;
    bool readyOnce_ = false;
    static constexpr int kLoginAttempts = 120;  // about two minutes
    static constexpr int kNoteAttempts = 10;    // a note saved again after a 503/504
    int loginAttempts_ = 0;
    QString talkedCallId_;
    QString liveCallId_;                 // connected or held, until its end event
    QString wrapupCode_, wrapupNoteId_;  // the wrap-up being sent (pressed again after a 503)
    QString wrappingCallId_;
    QTimer talkTimer_;
};

class AgentSimulation : public QObject {
    Q_OBJECT
public:
    AgentSimulation(crm::HttpTransport& transport, const QString& server, SimulationConfig config,
                    QObject* parent = nullptr);
    void start();

signals:
    void finished(int exitCode);

private:
    void rampedUp();
    void beginMeasuring();
    void report();
    void printRoundTrips(const QString& title, const QHash<QString, std::vector<double>>& trips);
    void writeRoundTrips();  // --round-trips-out
    void finish();
    qint64 totalEvents() const;

    crm::HttpTransport& transport_;
    QString server_;
    SimulationConfig config_;
    SimulationCounters counters_;
    QList<SimulatedAgent*> agents_;
    QTimer reportTimer_;
    // Every kLoopProbeMs in the measured window: how late the timer fires is how long an event
    // (a command's confirmation too) waits behind the other agents' work in this one thread.
    static constexpr int kLoopProbeMs = 10;
    QTimer loopProbe_;
    qint64 lastProbeNs_ = 0;
    std::vector<double> loopLateMs_;
    int startedAgents_ = 0;
    bool rampedUp_ = false;
    int nextLogin_ = 0;
    qint64 rampStartMs_ = 0;
    qint64 lastLoginProgressMs_ = 0;  // when the last login finished (ok or not)
    qint64 loginsSeen_ = -1;
    qint64 startEvents_ = 0;
    qint64 startedMs_ = 0;
    qint64 lastReportMs_ = 0;
    qint64 lastReportEvents_ = 0;
    double startCpu_ = 0;
};

}  // namespace agentdesk::cli
