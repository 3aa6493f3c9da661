#include "widgets/supervisor/queue_charts.h"

#include <algorithm>
#include <cmath>

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include "crm/session/queue_stats_model.h"
#include "widgets/supervisor/monitor_texts.h"

namespace agentdesk::widgets {

namespace {
constexpr int kMaxPoints = 600;
const QList<QColor> kQueueColors{QColor(0x1f, 0x77, 0xb4), QColor(0x2c, 0xa0, 0x2c),
                                 QColor(0x94, 0x67, 0xbd), QColor(0xff, 0x7f, 0x0e),
                                 QColor(0x17, 0xbe, 0xcf), QColor(0x8c, 0x56, 0x4b)};

QChart* makeChart(QDateTimeAxis*& x, QValueAxis*& y) {
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);  // redrawn every 2 s: animation is waste
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("HH:mm"));
    x->setTickCount(7);
    y = new QValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    return chart;
}

QChartView* makeView(QChart* chart, const QString& name, QWidget* parent) {
    auto* view = new QChartView(chart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(280, 180);
    return view;
}
}  // namespace

QueueCharts::QueueCharts(crm::QueueHistory& history, crm::QueueStatsModel& queues, QWidget* parent)
    : QWidget(parent),
      history_(history),
      queues_(queues),
      waitingChart_(makeChart(waitingX_, waitingY_)),
      slChart_(makeChart(slX_, slY_)),
      waitingView_(makeView(waitingChart_, QStringLiteral("waitingChart"), this)),
      slView_(makeView(slChart_, QStringLiteral("serviceLevelChart"), this)),
      slTarget_(new QLineSeries) {
    waitingY_->setLabelFormat(QStringLiteral("%d"));
    waitingY_->setRange(0, 5);
    slY_->setLabelFormat(QStringLiteral("%d"));
    slY_->setRange(0, 100);
    slY_->setTickCount(6);

    QPen dashed(QColor(0xd9, 0x30, 0x25));
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(1.5);
    slTarget_->setPen(dashed);
    slChart_->addSeries(slTarget_);
    slTarget_->attachAxis(slX_);
    slTarget_->attachAxis(slY_);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(waitingView_, 1);
    layout->addWidget(slView_, 1);

    connect(&history_, &crm::QueueHistory::changed, this, [this] { dirty_ = true; });
    connect(&redrawTimer_, &QTimer::timeout, this, [this] {
        if (dirty_ && isVisible())
            redraw();
    });
    redrawTimer_.start(std::chrono::seconds(2));
    retranslate();
    redraw();
}

QLineSeries* QueueCharts::waitingSeries(const QString& queueId) const {
    return lines_.value(queueId).waiting;
}

QLineSeries* QueueCharts::serviceLevelSeries(const QString& queueId) const {
    return lines_.value(queueId).sl;
}

QString QueueCharts::queueLabel(const QString& queueId) const {
    const crm::QueueStats* q = queues_.find(queueId);
    return q ? MonitorTexts::queueName(*q) : queueId;
}

QueueCharts::Lines& QueueCharts::linesFor(const QString& queueId) {
    auto it = lines_.find(queueId);
    if (it != lines_.end())
        return *it;
    const QColor color = kQueueColors.at(lines_.size() % kQueueColors.size());
    Lines lines;
    lines.waiting = new QLineSeries;
    lines.sl = new QLineSeries;
    for (QLineSeries* s : {lines.waiting, lines.sl}) {
        s->setName(queueLabel(queueId));
        QPen pen(color);
        pen.setWidthF(2);
        s->setPen(pen);
    }
    waitingChart_->addSeries(lines.waiting);
    lines.waiting->attachAxis(waitingX_);
    lines.waiting->attachAxis(waitingY_);
    slChart_->addSeries(lines.sl);
    lines.sl->attachAxis(slX_);
    lines.sl->attachAxis(slY_);
    return *lines_.insert(queueId, lines);
}

void QueueCharts::setSlThreshold(double pct) {
    slThreshold_ = pct;
    dirty_ = true;
    if (isVisible())
        redraw();
}

void QueueCharts::redraw() {
    dirty_ = false;
    const QDateTime now = history_.now();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 windowMs = std::chrono::milliseconds(history_.window()).count();
    const qint64 startMs = nowMs - windowMs;
    const qint64 bucketMs = std::max<qint64>(1000, windowMs / kMaxPoints);
    int maxWaiting = 0;
    qint64 firstMs = 0;  // the oldest sample shown, so a young history fills the chart
    for (const QString& id : history_.queueIds()) {
        Lines& lines = linesFor(id);
        QList<QPointF> waiting;
        QList<QPointF> sl;
        waiting.reserve(kMaxPoints + 2);
        sl.reserve(kMaxPoints + 2);
        // Per bucket: the highest waiting count (peaks matter) and the last service level.
        qint64 bucket = -1;
        for (const crm::QueueHistory::Sample& s : history_.samples(id)) {
            if (s.atMs >= startMs && (firstMs == 0 || s.atMs < firstMs))
                firstMs = s.atMs;
            const qint64 b = s.atMs / bucketMs;
            if (b != bucket || waiting.isEmpty()) {
                bucket = b;
                waiting.append(QPointF(s.atMs, s.waiting));
                sl.append(QPointF(s.atMs, s.slPct));
            } else {
                waiting.last().setY(std::max<double>(waiting.last().y(), s.waiting));
                sl.last() = QPointF(s.atMs, s.slPct);
            }
            maxWaiting = std::max(maxWaiting, s.waiting);
        }
        // No service level yet (-1) is a gap, not a drop to zero: leave those points out.
        sl.erase(std::remove_if(sl.begin(), sl.end(), [](const QPointF& p) { return p.y() < 0; }),
                 sl.end());
        lines.waiting->replace(waiting);
        lines.sl->replace(sl);
    }
    // Up to the last 60 minutes; less while the history is younger (at least 2 minutes shown).
    const qint64 shownFromMs =
        firstMs > 0 ? std::max(startMs, std::min(firstMs, nowMs - 120000)) : startMs;
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(shownFromMs);
    const QString format =
        nowMs - shownFromMs < 15 * 60000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    waitingX_->setFormat(format);
    slX_->setFormat(format);
    waitingX_->setRange(start, now);
    slX_->setRange(start, now);
    const int top = std::max(5, static_cast<int>(std::ceil(maxWaiting * 1.2)));
    if (top != waitingTop_) {
        waitingTop_ = top;
        waitingY_->setRange(0, top);
        waitingY_->applyNiceNumbers();
    }
    slTarget_->replace({QPointF(startMs, slThreshold_), QPointF(nowMs, slThreshold_)});
}

void QueueCharts::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (dirty_)
        redraw();
}

void QueueCharts::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void QueueCharts::retranslate() {
    waitingChart_->setTitle(tr("Waiting calls, last 60 minutes", "chart title; 대기 호"));
    slChart_->setTitle(tr("Service level, last 60 minutes", "chart title; 서비스 레벨"));
    slY_->setTitleText(tr("%", "axis title of the service level chart"));
    slTarget_->setName(tr("SL threshold", "the team lead's service level limit, dashed line"));
    for (auto it = lines_.begin(); it != lines_.end(); ++it) {
        it->waiting->setName(queueLabel(it.key()));
        it->sl->setName(queueLabel(it.key()));
    }
}

}  // namespace agentdesk::widgets
