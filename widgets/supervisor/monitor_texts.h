#pragma once
// How the team lead's views write queue and agent figures: percentages, seconds, EWT, queue
// names and supervision modes in the UI language. Pure functions (tests format the server's
// numbers with them to compare with the screen).
#include <QCoreApplication>
#include <QString>

#include "crm/model/queue_stats.h"
#include "crm/model/session_info.h"

namespace agentdesk::widgets {

class MonitorTexts {
    Q_DECLARE_TR_FUNCTIONS(MonitorTexts)
public:
    // 87.5 → "87.5%"; -1 (no calls yet) → "—".
    static QString percent(double pct);
    // Seconds as m:ss ("1:05"); -1 → "—".
    static QString seconds(double seconds);
    // Expected wait; -1 → "unknown".
    static QString ewt(int seconds);
    static QString queueName(const crm::QueueStats& queue);
    // A queue id as its name, from the capabilities (empty id → empty).
    static QString queueName(const crm::Capabilities& caps, const QString& queueId);
    // "listen" → "Listening", ...; empty → empty.
    static QString supervisionMode(const QString& mode);
};

}  // namespace agentdesk::widgets
