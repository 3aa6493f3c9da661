#include "crm/model/session_info.h"

#include "crm/model/json_read.h"

namespace agentdesk::crm {

namespace {
QList<LabeledCode> labeled(const QJsonArray& a, const char* idKey) {
    QList<LabeledCode> out;
    for (const QJsonValue& v : a) {
        const QJsonObject o = v.toObject();
        const QJsonObject labels = json::object(o, "labels");
        out.append({json::str(o, idKey), json::str(labels, "ko"), json::str(labels, "en")});
    }
    return out;
}
}  // namespace

LoginResult LoginResult::fromJson(const QJsonObject& o) {
    return {json::str(o, "token"), json::time(o, "expiresAt"),
            Agent::fromJson(json::object(o, "agent"))};
}

Capabilities Capabilities::fromJson(const QJsonObject& o) {
    Capabilities c;
    c.features = json::strings(o, "features");
    c.demo = json::boolean(o, "demo");
    const QJsonObject acw = json::object(o, "acw");
    c.acwMode = json::str(acw, "mode");
    c.acwTimeoutSec = json::integer(acw, "timeoutSec");
    c.ringTimeoutSec = json::integer(o, "ringTimeoutSec");
    c.slThresholdSec = json::integer(o, "slThresholdSec", 20);
    c.abuseWarningsBeforeHangup = json::integer(o, "abuseWarningsBeforeHangup", 2);
    c.utcOffsetMinutes = json::integer(o, "utcOffsetMinutes", 540);
    c.notReadyReasons = labeled(json::array(o, "notReadyReasons"), "code");
    for (const QJsonValue& v : json::array(o, "queues")) {
        const QJsonObject q = v.toObject();
        c.queues.append({json::str(q, "id"), json::str(q, "name"), json::str(q, "nameEn"),
                         json::str(q, "skill"), json::integer(q, "slThresholdSec", 20),
                         json::integer(q, "recommendedTalkSec"),
                         labeled(json::array(q, "intents"), "id")});
    }
    c.version = json::str(o, "version");
    return c;
}

Snapshot Snapshot::fromJson(const QJsonObject& o) {
    Snapshot s;
    s.agent = Agent::fromJson(json::object(o, "agent"));
    if (o.value(QLatin1String("call")).isObject())
        s.call = Call::fromJson(json::object(o, "call"));
    for (const QJsonValue& v : json::array(o, "queues"))
        s.queues.append(QueueStats::fromJson(v.toObject()));
    for (const QJsonValue& v : json::array(o, "agents"))
        s.agents.append(Agent::fromJson(v.toObject()));
    s.serverTime = json::time(o, "serverTime");
    s.lastEventId = json::id64(o, "lastEventId");
    return s;
}

Alert Alert::fromJson(const QJsonObject& o) {
    Alert a;
    a.kind = json::str(o, "kind");
    a.severity = json::str(o, "severity");
    a.message = json::str(o, "message");
    a.queue = json::str(o, "queue");
    a.agentId = json::str(o, "agentId");
    a.callId = json::str(o, "callId");
    a.customerId = json::str(o, "customerId");
    a.count = json::integer(o, "count");
    a.at = json::time(o, "at");
    return a;
}

}  // namespace agentdesk::crm
