#include "widgets/softphone/queue_glance.h"

#include <algorithm>

#include <QEvent>
#include <QStyle>

#include "widgets/common/format.h"
#include "widgets/softphone/softphone_texts.h"

namespace agentdesk::widgets {

namespace {
// The longest wait of a queue at `now`: the figure of its last event plus the time since, as
// long as someone is waiting.
int longestAt(const crm::QueueStats& q, const QDateTime& now) {
    if (q.waiting <= 0)
        return 0;
    qint64 extra = 0;
    if (q.at.isValid() && now.isValid())
        extra = std::max<qint64>(0, q.at.secsTo(now));
    return int(q.longestWaitSec + extra);
}

QString queueName(const crm::QueueStats& q) {
    const QString& preferred = SoftphoneTexts::koreanUi() ? q.name : q.nameEn;
    if (!preferred.isEmpty())
        return preferred;
    return q.name.isEmpty() ? q.id : q.name;
}
}  // namespace

QueueGlance::QueueGlance(crm::ClientSession& session, QWidget* parent)
    : ElidedLabel(parent), session_(session) {
    setObjectName(QStringLiteral("queueGlance"));
    setContentsMargins(6, 1, 6, 1);
    connect(&session_.queues(), &crm::QueueStatsModel::queueUpdated, this,
            [this] { refresh(lastNow_); });
    connect(&session_.queues(), &QAbstractItemModel::modelReset, this,
            [this] { refresh(lastNow_); });
    refresh({});
}

void QueueGlance::refresh(const QDateTime& serverNow) {
    if (serverNow.isValid())
        lastNow_ = serverNow;
    int waiting = 0;
    int longest = 0;
    bool overThreshold = false;
    QStringList lines;
    for (const crm::QueueStats& q : session_.queues().queues()) {
        const int wait = longestAt(q, lastNow_);
        waiting += std::max(0, q.waiting);
        longest = std::max(longest, wait);
        overThreshold = overThreshold || (q.waiting > 0 && wait > q.slThresholdSec);
        lines << tr("%1: %2 waiting, longest %3", "queue: calls waiting, longest wait")
                     .arg(queueName(q), QString::number(std::max(0, q.waiting)),
                          formatDuration(wait));
    }
    const QString text = waiting == 0 ? tr("No calls waiting")
                                      : tr("Waiting %1 · longest %2", "calls waiting in my queues")
                                            .arg(waiting)
                                            .arg(formatDuration(longest));
    if (text != this->text())
        setText(text);
    setToolTip(lines.isEmpty() ? tr("None of your queues has figures yet.")
                               : lines.join(QLatin1Char('\n')));
    setAccessibleName(tr("Your queues"));
    setAccessibleDescription(text);
    // Styled by the bar's style sheet: amber once a caller waits longer than the service level.
    const QString level = waiting == 0    ? QStringLiteral("none")
                          : overThreshold ? QStringLiteral("late")
                                          : QStringLiteral("waiting");
    if (property("level").toString() != level) {
        setProperty("level", level);
        style()->unpolish(this);
        style()->polish(this);
    }
    setVisible(!session_.queues().queues().isEmpty());
}

void QueueGlance::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        refresh(lastNow_);
    ElidedLabel::changeEvent(event);
}

TodayFigures::TodayFigures(crm::AgentSession& agent, QWidget* parent)
    : ElidedLabel(parent), agent_(agent) {
    setObjectName(QStringLiteral("todayFigures"));
    connect(&agent_, &crm::AgentSession::figuresChanged, this, &TodayFigures::refresh);
    refresh();
}

void TodayFigures::refresh() {
    const double aht = agent_.ahtTodaySec();
    const QString ahtText = aht < 0 ? QStringLiteral("—") : formatDuration(qint64(aht));
    setText(tr("Today %1 calls · AHT %2 · missed %3", "my figures for today")
                .arg(agent_.handledToday())
                .arg(ahtText)
                .arg(agent_.missedToday()));
    setToolTip(
        tr("Your figures for today: calls handled, average handle time (talk, hold and "
           "after-call work), calls that rang out without an answer."));
    setAccessibleName(tr("Your figures for today"));
    setAccessibleDescription(text());
}

void TodayFigures::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        refresh();
    ElidedLabel::changeEvent(event);
}

}  // namespace agentdesk::widgets
