#include "crm/session/call_session.h"

#include "common/logging.h"
#include "crm/net/thread_check.h"

namespace agentdesk::crm {

QString callPhaseToString(CallPhase phase) {
    switch (phase) {
        case CallPhase::Idle:
            return QStringLiteral("idle");
        case CallPhase::Ringing:
            return QStringLiteral("ringing");
        case CallPhase::Connected:
            return QStringLiteral("connected");
        case CallPhase::Held:
            return QStringLiteral("held");
        case CallPhase::Ended:
            return QStringLiteral("ended");
        case CallPhase::AfterCallWork:
            return QStringLiteral("after_call_work");
    }
    return {};
}

namespace {
CallPhase phaseOf(CallState state) {
    switch (state) {
        case CallState::Ringing:
            return CallPhase::Ringing;
        case CallState::Held:
            return CallPhase::Held;
        case CallState::Ended:
            return CallPhase::Ended;
        case CallState::Connected:
        case CallState::Unknown:
            break;
    }
    return CallPhase::Connected;
}

bool endsWithoutAcw(const QString& reason) {
    return reason == QLatin1String("missed") || reason == QLatin1String("rejected") ||
           reason == QLatin1String("abandoned") || reason == QLatin1String("cancelled");
}
}  // namespace

CallSession::CallSession(ApiClient& api, CommandTracker& commands, QObject* parent)
    : QObject(parent), api_(api), commands_(commands) {}

void CallSession::reset() {
    call_ = Call{};
    endReason_.clear();
    consultFrom_.clear();
    transcript_.clear();
    setPhase(CallPhase::Idle);
}

QString CallSession::command(const QString& what, bool allowed,
                             const std::function<QString(ApiClient::DoneHandler)>& send) {
    onOwnerThread(this, "CallSession command");
    if (!allowed || call_.id.isEmpty()) {
        emit commandRefused(
            what,
            QStringLiteral("not possible while the call is %1").arg(callPhaseToString(phase_)));
        return {};
    }
    return commands_.issue(what, send);
}

QString CallSession::dial(const QString& number, const QString& customerId,
                          const QString& phoneId) {
    onOwnerThread(this, "CallSession dial");
    if (phase_ != CallPhase::Idle) {
        emit commandRefused(
            QStringLiteral("dial"),
            QStringLiteral("not possible while the call is %1").arg(callPhaseToString(phase_)));
        return {};
    }
    return commands_.issue(QStringLiteral("dial"), [&](ApiClient::DoneHandler done) {
        return api_.dial(
            this, number, customerId, phoneId,
            [done = std::move(done)](const QString&, const ApiError& error) { done(error); });
    });
}

QString CallSession::answer() {
    return command(QStringLiteral("answer"), phase_ == CallPhase::Ringing, [this](auto done) {
        return api_.callAction(this, call_.id, QStringLiteral("answer"), std::move(done));
    });
}

QString CallSession::reject() {
    return command(QStringLiteral("reject"), phase_ == CallPhase::Ringing, [this](auto done) {
        return api_.callAction(this, call_.id, QStringLiteral("reject"), std::move(done));
    });
}

QString CallSession::hold() {
    return command(QStringLiteral("hold"), phase_ == CallPhase::Connected, [this](auto done) {
        return api_.callAction(this, call_.id, QStringLiteral("hold"), std::move(done));
    });
}

QString CallSession::resume() {
    return command(QStringLiteral("resume"), phase_ == CallPhase::Held, [this](auto done) {
        return api_.callAction(this, call_.id, QStringLiteral("resume"), std::move(done));
    });
}

QString CallSession::completeTransfer() {
    const bool talking = phase_ == CallPhase::Held && call_.consultAttended && call_.consultTalking;
    return command(QStringLiteral("completeTransfer"), talking, [this](auto done) {
        return api_.callAction(this, call_.id, QStringLiteral("transfer/complete"),
                               std::move(done));
    });
}

QString CallSession::setMuted(bool muted) {
    const bool live = phase_ == CallPhase::Connected || phase_ == CallPhase::Held;
    return command(
        muted ? QStringLiteral("mute") : QStringLiteral("unmute"), live, [this, muted](auto done) {
            return api_.callAction(this, call_.id,
                                   muted ? QStringLiteral("mute") : QStringLiteral("unmute"),
                                   std::move(done));
        });
}

QString CallSession::hangup(bool forAbuse) {
    // An outbound call still dialling shows as Ringing and may be hung up.
    const bool live =
        phase_ == CallPhase::Connected || phase_ == CallPhase::Held ||
        (phase_ == CallPhase::Ringing && call_.direction == QLatin1String("outbound"));
    return command(QStringLiteral("hangup"), live, [this, forAbuse](auto done) {
        return api_.hangup(this, call_.id, forAbuse, std::move(done));
    });
}

QString CallSession::playAbuseWarning() {
    return command(QStringLiteral("abuse-warning"), phase_ == CallPhase::Connected,
                   [this](auto done) {
                       return api_.callAction(this, call_.id, QStringLiteral("abuse-warning"),
                                              std::move(done));
                   });
}

QString CallSession::transfer(const QString& targetKind, const QString& target,
                              const QString& mode) {
    const bool live = phase_ == CallPhase::Connected || phase_ == CallPhase::Held;
    return command(QStringLiteral("transfer"), live, [&](auto done) {
        return api_.transfer(this, call_.id, targetKind, target, mode, std::move(done));
    });
}

QString CallSession::sendDtmf(const QString& digits) {
    return command(QStringLiteral("dtmf"), phase_ == CallPhase::Connected, [&](auto done) {
        return api_.sendDtmf(this, call_.id, digits, std::move(done));
    });
}

QString CallSession::setRecordingPaused(bool paused) {
    const bool live = phase_ == CallPhase::Connected || phase_ == CallPhase::Held;
    return command(QStringLiteral("recording"), live, [&](auto done) {
        return api_.setRecordingPaused(this, call_.id, paused, std::move(done));
    });
}

QString CallSession::wrapup(const QString& code, const QString& noteId, const QString& nextState) {
    const bool inAcw = phase_ == CallPhase::AfterCallWork || phase_ == CallPhase::Ended;
    return command(QStringLiteral("wrapup"), inAcw, [&](auto done) {
        return api_.wrapup(this, call_.id, code, noteId, nextState, std::move(done));
    });
}

void CallSession::applySnapshot(const Snapshot& snapshot) {
    transcript_.clear();
    endReason_.clear();
    consultFrom_.clear();
    if (snapshot.call) {
        adopt(*snapshot.call);
        setPhase(phaseOf(snapshot.call->state));
        return;
    }
    if (snapshot.agent.state == AgentState::AfterCallWork && !snapshot.agent.callId.isEmpty()) {
        if (call_.id != snapshot.agent.callId) {
            call_ = Call{};
            call_.id = snapshot.agent.callId;
        }
        setPhase(CallPhase::AfterCallWork);
        return;
    }
    call_ = Call{};
    setPhase(CallPhase::Idle);
}

void CallSession::applyEvent(const StreamEvent& event) {
    const QString& type = event.type;
    if (type == QLatin1String("call.offered")) {
        const CallOffered offer = CallOffered::fromJson(event.data);
        if (phase_ == CallPhase::Ringing || phase_ == CallPhase::Connected ||
            phase_ == CallPhase::Held)
            unexpected("offer while a call is in progress", event);
        transcript_.clear();
        endReason_.clear();
        consultFrom_ = offer.consultFrom;
        adopt(offer.call);
        setPhase(CallPhase::Ringing);
        emit offered(call_);
    } else if (type == QLatin1String("call.state")) {
        const CallStateChange change = CallStateChange::fromJson(event.data);
        if (!call_.id.isEmpty() && change.call.id != call_.id && phase_ != CallPhase::Idle &&
            phase_ != CallPhase::AfterCallWork && phase_ != CallPhase::Ended)
            unexpected("state of another call", event);
        if (change.call.id != call_.id) {
            transcript_.clear();
            endReason_.clear();
        }
        adopt(change.call);
        setPhase(phaseOf(change.call.state));
        commands_.sawEvent(change.requestId);
        if (!change.consultResult.isEmpty())
            emit consultFinished(change.consultResult);
    } else if (type == QLatin1String("call.ended")) {
        const CallEnded end = CallEnded::fromJson(event.data);
        commands_.sawEvent(end.requestId);
        if (end.callId != call_.id) {
            unexpected("end of a call that is not ours", event);
            return;
        }
        endReason_ = end.reason;
        emit ended(end.callId, end.reason);
        setPhase(endsWithoutAcw(end.reason) ? CallPhase::Idle : CallPhase::Ended);
    } else if (type == QLatin1String("agent.state")) {
        const AgentStateChange change = AgentStateChange::fromJson(event.data);
        if (change.agentId != agentId_)
            return;
        if (change.state == AgentState::AfterCallWork) {
            if (phase_ == CallPhase::Ended)
                setPhase(CallPhase::AfterCallWork);
        } else if (change.state == AgentState::Ready || change.state == AgentState::NotReady ||
                   change.state == AgentState::LoggedOut) {
            if (phase_ == CallPhase::Ended || phase_ == CallPhase::AfterCallWork)
                setPhase(CallPhase::Idle);
            else if (phase_ != CallPhase::Idle)
                unexpected("agent left the call without call.ended", event);
        }
    } else if (type == QLatin1String("transcript.segment")) {
        const TranscriptSegment segment = TranscriptSegment::fromJson(event.data);
        if (segment.callId == call_.id) {
            transcript_.append(segment);
            emit transcriptAdded(segment);
        }
    }
}

void CallSession::adopt(const Call& call) {
    call_ = call;
    emit callUpdated(call_);
}

void CallSession::setPhase(CallPhase phase) {
    if (phase_ == phase)
        return;
    phase_ = phase;
    emit phaseChanged(phase);
}

void CallSession::unexpected(const char* what, const StreamEvent& event) {
    ++unexpected_;
    logging::get("crm")->warn("call session: {} ({} {})", what, event.type.toStdString(), event.id);
}

}  // namespace agentdesk::crm
