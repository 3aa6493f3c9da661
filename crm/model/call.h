#pragma once
// A call as the server reports it (docs/api.md 5.1) and the data of call events.
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "crm/model/supervision.h"

namespace agentdesk::crm {

enum class CallState { Unknown, Ringing, Connected, Held, Ended };

CallState callStateFromString(const QString& s);
QString callStateToString(CallState state);

struct CustomerMatch {
    QString id, name;
    double score = 0;
    bool abusiveHistory = false;
    bool vip = false;
};

struct Call {
    QString id, direction, ani, aniE164, dnis, queue, queueName, intent, intentLabel;
    QStringList ivrPath;
    bool verified = false;
    int waitedSec = 0;
    QString customerId;  // empty when the number matches several customers or none
    QList<CustomerMatch> customerMatches;
    bool abusiveHistory = false;
    CallState state = CallState::Unknown;
    QString agentId;
    QDateTime offeredAt, answeredAt;
    int heldSec = 0;
    bool muted = false;
    bool recordingPaused = false;
    int abuseWarnings = 0;
    int abuseWarningsRequired = 2;
    int recommendedTalkSec = 0;
    QString dtmf;
    bool consultInProgress = false;
    bool consultAttended = false;  // the agents talk before the transfer completes
    bool consultTalking = false;   // attended: the target answered
    QJsonObject consult;
    Supervision supervision;  // a team lead on the call (call.state "supervision")

    static Call fromJson(const QJsonObject& o);
};

// `call.offered`: {call, consultFrom?}
struct CallOffered {
    Call call;
    QString consultFrom;
    static CallOffered fromJson(const QJsonObject& o);
};

// `call.state`: {call, requestId?, consultResult?}
struct CallStateChange {
    Call call;
    QString requestId;
    QString consultResult;  // cancelled | rejected | missed, when a consult did not complete
    static CallStateChange fromJson(const QJsonObject& o);
};

// `call.ended`: {callId, reason, agentId, requestId?}
struct CallEnded {
    QString callId, reason, agentId, requestId;
    static CallEnded fromJson(const QJsonObject& o);
};

struct TranscriptSegment {
    QString callId, speaker, text;
    int atSec = 0;
    static TranscriptSegment fromJson(const QJsonObject& o);
};

}  // namespace agentdesk::crm
