#pragma once
// A queue's live figures (docs/api.md 6.1); -1 means "no data" for the KPIs and EWT.
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace agentdesk::crm {

struct QueueStats {
    QString id, name, nameEn;
    int waiting = 0;
    int longestWaitSec = 0;
    int ewtSec = -1;
    int offered = 0, answered = 0, abandoned = 0;
    double serviceLevelPct = -1, abandonRatePct = -1, asaSec = -1, ahtSec = -1;
    int slThresholdSec = 20;
    int recommendedTalkSec = 0;
    int agentsReady = 0, agentsOnCall = 0, agentsAcw = 0, agentsNotReady = 0;
    QDateTime windowStart, at;

    static QueueStats fromJson(const QJsonObject& o);
};

}  // namespace agentdesk::crm
