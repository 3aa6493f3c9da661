#include "widgets/evaluation/trend_chart.h"

#include <algorithm>

#include <QChart>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

namespace agentdesk::widgets {

TrendChart::TrendChart(QWidget* parent) : QChartView(parent) {
    setObjectName(QStringLiteral("trendChart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);

    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));

    average_ = new QLineSeries(chart);
    average_->setObjectName(QStringLiteral("averageSeries"));
    average_->setPointsVisible(true);
    average_->setPen(QPen(QColor(0x1f, 0x5f, 0xbf), 2.5));
    empathy_ = new QLineSeries(chart);
    empathy_->setObjectName(QStringLiteral("empathySeries"));
    empathy_->setPointsVisible(true);
    empathy_->setPen(QPen(QColor(0xd0, 0x6a, 0x1a), 2));
    empathyBar_ = new QLineSeries(chart);
    empathyBar_->setObjectName(QStringLiteral("empathyBarSeries"));
    QPen dashed(QColor(0xd0, 0x6a, 0x1a, 150), 1, Qt::DashLine);
    empathyBar_->setPen(dashed);

    chart->addSeries(average_);
    chart->addSeries(empathy_);
    chart->addSeries(empathyBar_);

    timeAxis_ = new QDateTimeAxis(chart);
    timeAxis_->setFormat(QStringLiteral("MM-dd"));
    timeAxis_->setTickCount(6);
    scoreAxis_ = new QValueAxis(chart);
    scoreAxis_->setRange(0, 100);
    scoreAxis_->setTickCount(6);
    scoreAxis_->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(timeAxis_, Qt::AlignBottom);
    chart->addAxis(scoreAxis_, Qt::AlignLeft);
    for (QLineSeries* s : {average_, empathy_, empathyBar_}) {
        s->attachAxis(timeAxis_);
        s->attachAxis(scoreAxis_);
    }
    setChart(chart);
    retranslate();
    setEvaluations({});
}

void TrendChart::setEvaluations(const QList<crm::Evaluation>& evaluations) {
    QList<crm::Evaluation> sorted = evaluations;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.createdAt < b.createdAt; });
    QList<QPointF> average, empathy;
    for (const crm::Evaluation& e : sorted) {
        const qreal x = e.createdAt.toMSecsSinceEpoch();
        average << QPointF(x, e.average());
        if (e.scores.contains(QStringLiteral("empathy")))
            empathy << QPointF(x, e.scores.value(QStringLiteral("empathy")));
    }
    average_->replace(average);
    empathy_->replace(empathy);

    // Evaluations made the same day (or a single one) still need a visible time span.
    QDateTime first = sorted.isEmpty() ? QDateTime::currentDateTime() : sorted.first().createdAt;
    QDateTime last = sorted.isEmpty() ? first : sorted.last().createdAt;
    if (first.secsTo(last) < 2 * 3600) {
        first = first.addSecs(-12 * 3600);
        last = last.addSecs(12 * 3600);
    } else {
        const qint64 pad = first.secsTo(last) / 20;
        first = first.addSecs(-pad);
        last = last.addSecs(pad);
    }
    timeAxis_->setRange(first.toLocalTime(), last.toLocalTime());
    timeAxis_->setFormat(first.daysTo(last) <= 2 ? QStringLiteral("MM-dd HH:mm")
                                                 : QStringLiteral("MM-dd"));
    empathyBar_->replace(
        {QPointF(first.toMSecsSinceEpoch(), 80), QPointF(last.toMSecsSinceEpoch(), 80)});
}

void TrendChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QChartView::changeEvent(event);
}

void TrendChart::retranslate() {
    chart()->setTitle(tr("Trend", "evaluation scores over time; 추이"));
    average_->setName(tr("Average of five scores"));
    empathy_->setName(tr("Empathy", "KSQI dimension, Korean: 공감"));
    empathyBar_->setName(tr("Empathy for excellent (80)", "Excellent = 우수"));
    scoreAxis_->setTitleText(tr("Score"));
    setToolTip(tr("One point per evaluation, oldest on the left."));
}

}  // namespace agentdesk::widgets
