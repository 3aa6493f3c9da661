#include "crm/model/queue_stats.h"

#include "crm/model/json_read.h"

namespace agentdesk::crm {

QueueStats QueueStats::fromJson(const QJsonObject& o) {
    QueueStats q;
    q.id = json::str(o, "id");
    q.name = json::str(o, "name");
    q.nameEn = json::str(o, "nameEn");
    q.waiting = json::integer(o, "waiting");
    q.longestWaitSec = json::integer(o, "longestWaitSec");
    q.ewtSec = json::integer(o, "ewtSec", -1);
    q.offered = json::integer(o, "offered");
    q.answered = json::integer(o, "answered");
    q.abandoned = json::integer(o, "abandoned");
    q.serviceLevelPct = json::number(o, "serviceLevelPct", -1);
    q.abandonRatePct = json::number(o, "abandonRatePct", -1);
    q.asaSec = json::number(o, "asaSec", -1);
    q.ahtSec = json::number(o, "ahtSec", -1);
    q.slThresholdSec = json::integer(o, "slThresholdSec", 20);
    q.recommendedTalkSec = json::integer(o, "recommendedTalkSec");
    const QJsonObject agents = json::object(o, "agents");
    q.agentsReady = json::integer(agents, "ready");
    q.agentsOnCall = json::integer(agents, "onCall");
    q.agentsAcw = json::integer(agents, "acw");
    q.agentsNotReady = json::integer(agents, "notReady");
    q.windowStart = json::time(o, "windowStart");
    q.at = json::time(o, "at");
    return q;
}

}  // namespace agentdesk::crm
