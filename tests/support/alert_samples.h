#pragma once
// Alerts as the server sends them, for the alerts model's and panel's tests: a queue's long wait
// (the flood kind) and an alert about an agent's call, at a given second after `start`.
#include <QDateTime>
#include <QString>

#include "crm/model/session_info.h"

namespace agentdesk::test {

inline crm::Alert longWaitAlert(const QDateTime& start, int i,
                                const QString& queue = QStringLiteral("general")) {
    crm::Alert a;
    a.kind = QStringLiteral("long_wait");
    a.severity = QStringLiteral("warning");
    a.queue = queue;
    a.callId = QStringLiteral("call-%1-%2").arg(queue).arg(i);
    a.message = QStringLiteral("대기 시간이 60초를 넘은 통화가 있습니다");
    a.at = start.addSecs(i);
    return a;
}

inline crm::Alert agentAlert(const QDateTime& start, const char* kind, const char* severity,
                             const QString& agentId, const QString& callId, int at) {
    crm::Alert a;
    a.kind = QString::fromLatin1(kind);
    a.severity = QString::fromLatin1(severity);
    a.queue = QStringLiteral("general");
    a.agentId = agentId;
    a.callId = callId;
    a.at = start.addSecs(at);
    return a;
}

}  // namespace agentdesk::test
