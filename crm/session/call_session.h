#pragma once
// The agent's current call as a state machine aligned with the ACD (docs/api.md 5, 11):
//   Idle → Ringing → Connected ⇄ Held → Ended → AfterCallWork → Idle
// with Ringing → Idle for missed, rejected, abandoned and withdrawn offers. It is driven only
// by events (call.offered, call.state, call.ended, agent.state, transcript.segment) and the
// snapshot; commands go to the server and return their request id.
//
// Threads: one thread (the GUI thread in the app).
#include <QList>
#include <QObject>
#include <QString>

#include "crm/api/api_client.h"
#include "crm/events/event_stream.h"
#include "crm/model/call.h"
#include "crm/session/command_tracker.h"

namespace agentdesk::crm {

enum class CallPhase { Idle, Ringing, Connected, Held, Ended, AfterCallWork };
QString callPhaseToString(CallPhase phase);

class CallSession : public QObject {
    Q_OBJECT
public:
    CallSession(ApiClient& api, CommandTracker& commands, QObject* parent = nullptr);

    void setAgentId(const QString& agentId) { agentId_ = agentId; }
    CallPhase phase() const { return phase_; }
    bool hasCall() const { return phase_ != CallPhase::Idle; }
    const Call& call() const { return call_; }
    QString callId() const { return call_.id; }
    QString endReason() const { return endReason_; }
    QString consultFrom() const { return consultFrom_; }
    const QList<TranscriptSegment>& transcript() const { return transcript_; }
    int unexpectedEvents() const { return unexpected_; }

    // Commands on the current call; each returns its request id, or an empty string (and
    // emits commandRefused) when there is no call the command could apply to.
    QString answer();
    QString reject();
    QString hold();
    QString resume();
    // Attended transfer: hands the caller to the agent (or number) this agent is talking to.
    QString completeTransfer();
    QString setMuted(bool muted);
    QString hangup(bool forAbuse = false);
    QString playAbuseWarning();
    QString transfer(const QString& targetKind, const QString& target, const QString& mode);
    QString sendDtmf(const QString& digits);
    QString setRecordingPaused(bool paused);
    QString wrapup(const QString& code, const QString& noteId, const QString& nextState = {});
    // Click-to-dial (an outbound call): a number, or a customer's phone by id. Only without a
    // call in progress; the call then arrives as events like any other.
    QString dial(const QString& number, const QString& customerId = {},
                 const QString& phoneId = {});

    void applySnapshot(const Snapshot& snapshot);
    void applyEvent(const StreamEvent& event);
    void reset();

signals:
    void phaseChanged(agentdesk::crm::CallPhase phase);
    void offered(const agentdesk::crm::Call& call);
    void callUpdated(const agentdesk::crm::Call& call);
    void ended(const QString& callId, const QString& reason);
    void transcriptAdded(const agentdesk::crm::TranscriptSegment& segment);
    void consultFinished(const QString& result);  // cancelled | rejected | missed
    void commandRefused(const QString& what, const QString& why);

private:
    QString command(const QString& what, bool allowed,
                    const std::function<QString(ApiClient::DoneHandler)>& send);
    void setPhase(CallPhase phase);
    void adopt(const Call& call);
    void unexpected(const char* what, const StreamEvent& event);

    ApiClient& api_;
    CommandTracker& commands_;
    QString agentId_;
    CallPhase phase_ = CallPhase::Idle;
    Call call_;
    QString endReason_;
    QString consultFrom_;
    QList<TranscriptSegment> transcript_;
    int unexpected_ = 0;
};

}  // namespace agentdesk::crm
