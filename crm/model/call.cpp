#include "crm/model/call.h"

#include "crm/model/json_read.h"

namespace agentdesk::crm {

CallState callStateFromString(const QString& s) {
    if (s == QLatin1String("ringing"))
        return CallState::Ringing;
    if (s == QLatin1String("connected"))
        return CallState::Connected;
    if (s == QLatin1String("held"))
        return CallState::Held;
    if (s == QLatin1String("ended"))
        return CallState::Ended;
    return CallState::Unknown;
}

QString callStateToString(CallState state) {
    switch (state) {
        case CallState::Ringing:
            return QStringLiteral("ringing");
        case CallState::Connected:
            return QStringLiteral("connected");
        case CallState::Held:
            return QStringLiteral("held");
        case CallState::Ended:
            return QStringLiteral("ended");
        case CallState::Unknown:
            break;
    }
    return QStringLiteral("unknown");
}

Call Call::fromJson(const QJsonObject& o) {
    Call c;
    c.id = json::str(o, "id");
    c.direction = json::str(o, "direction");
    c.ani = json::str(o, "ani");
    c.aniE164 = json::str(o, "aniE164");
    c.dnis = json::str(o, "dnis");
    c.queue = json::str(o, "queue");
    c.queueName = json::str(o, "queueName");
    c.intent = json::str(o, "intent");
    c.intentLabel = json::str(o, "intentLabel");
    c.ivrPath = json::strings(o, "ivrPath");
    c.verified = json::boolean(o, "verified");
    c.waitedSec = json::integer(o, "waitedSec");
    c.customerId = json::str(o, "customerId");
    for (const QJsonValue& v : json::array(o, "customerMatches")) {
        const QJsonObject m = v.toObject();
        c.customerMatches.append({json::str(m, "id"), json::str(m, "name"),
                                  json::number(m, "score"), json::boolean(m, "abusiveHistory"),
                                  json::boolean(m, "vip")});
    }
    c.abusiveHistory = json::boolean(o, "abusiveHistory");
    c.state = callStateFromString(json::str(o, "state"));
    c.agentId = json::str(o, "agentId");
    c.offeredAt = json::time(o, "offeredAt");
    c.answeredAt = json::time(o, "answeredAt");
    c.heldSec = json::integer(o, "heldSec");
    c.muted = json::boolean(o, "muted");
    c.recordingPaused = json::boolean(o, "recordingPaused");
    c.abuseWarnings = json::integer(o, "abuseWarnings");
    c.abuseWarningsRequired = json::integer(o, "abuseWarningsRequired", 2);
    c.recommendedTalkSec = json::integer(o, "recommendedTalkSec");
    c.dtmf = json::str(o, "dtmf");
    c.consult = json::object(o, "consult");
    c.consultInProgress = !c.consult.isEmpty();
    c.consultAttended = json::str(c.consult, "mode") == QLatin1String("attended");
    c.consultTalking = c.consult.value(QStringLiteral("talking")).toBool();
    c.supervision = Supervision::fromJson(json::object(o, "supervision"));
    return c;
}

CallOffered CallOffered::fromJson(const QJsonObject& o) {
    return {Call::fromJson(json::object(o, "call")), json::str(o, "consultFrom")};
}

CallStateChange CallStateChange::fromJson(const QJsonObject& o) {
    return {Call::fromJson(json::object(o, "call")), json::str(o, "requestId"),
            json::str(o, "consultResult")};
}

CallEnded CallEnded::fromJson(const QJsonObject& o) {
    return {json::str(o, "callId"), json::str(o, "reason"), json::str(o, "agentId"),
            json::str(o, "requestId")};
}

TranscriptSegment TranscriptSegment::fromJson(const QJsonObject& o) {
    return {json::str(o, "callId"), json::str(o, "speaker"), json::str(o, "text"),
            json::integer(o, "atSec")};
}

}  // namespace agentdesk::crm
