#include "widgets/supervisor/monitor_texts.h"

#include <cmath>

#include <QLocale>

#include "widgets/common/format.h"
#include "widgets/softphone/softphone_texts.h"

namespace agentdesk::widgets {

namespace {
const QString kNone = QStringLiteral("—");
}

QString MonitorTexts::percent(double pct) {
    if (pct < 0)
        return kNone;
    return QStringLiteral("%1%").arg(QString::number(pct, 'f', 1));
}

QString MonitorTexts::seconds(double seconds) {
    if (seconds < 0)
        return kNone;
    return formatDuration(std::llround(seconds));
}

QString MonitorTexts::ewt(int seconds) {
    if (seconds < 0)
        return tr("unknown", "expected wait time (예상 대기시간) cannot be estimated yet");
    return formatDuration(seconds);
}

QString MonitorTexts::queueName(const crm::QueueStats& queue) {
    if (!SoftphoneTexts::koreanUi() && !queue.nameEn.isEmpty())
        return queue.nameEn;
    return queue.name.isEmpty() ? queue.id : queue.name;
}

QString MonitorTexts::queueName(const crm::Capabilities& caps, const QString& queueId) {
    for (const crm::QueueConfig& q : caps.queues) {
        if (q.id != queueId)
            continue;
        if (!SoftphoneTexts::koreanUi() && !q.nameEn.isEmpty())
            return q.nameEn;
        return q.name.isEmpty() ? q.id : q.name;
    }
    return queueId;
}

QString MonitorTexts::supervisionMode(const QString& mode) {
    if (mode == QLatin1String("listen"))
        return tr("Listening", "supervision mode: 감청 (the lead hears the call)");
    if (mode == QLatin1String("whisper"))
        return tr("Whispering",
                  "supervision mode: 코칭/귓속말 (only the counselor hears the lead)");
    if (mode == QLatin1String("barge"))
        return tr("Barged in", "supervision mode: 3자 통화 개입 (everyone hears the lead)");
    return mode;
}

}  // namespace agentdesk::widgets
