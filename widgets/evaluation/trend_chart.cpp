#include "widgets/evaluation/trend_chart.h"

#include <algorithm>

#include <QChart>
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

    // Evaluation number on x, not time: a trainee's evaluations come in bursts (several in one
    // class, then none for weeks), and a time axis would stack them on one spot.
    indexAxis_ = new QValueAxis(chart);
    indexAxis_->setLabelFormat(QStringLiteral("%d"));
    scoreAxis_ = new QValueAxis(chart);
    scoreAxis_->setRange(0, 100);
    scoreAxis_->setTickCount(6);
    scoreAxis_->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(indexAxis_, Qt::AlignBottom);
    chart->addAxis(scoreAxis_, Qt::AlignLeft);
    for (QLineSeries* s : {average_, empathy_, empathyBar_}) {
        s->attachAxis(indexAxis_);
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
    for (int i = 0; i < sorted.size(); ++i) {
        const crm::Evaluation& e = sorted[i];
        const qreal x = i + 1;
        average << QPointF(x, e.average());
        if (e.scores.contains(QStringLiteral("empathy")))
            empathy << QPointF(x, e.scores.value(QStringLiteral("empathy")));
    }
    average_->replace(average);
    empathy_->replace(empathy);

    const int n = static_cast<int>(sorted.size());
    indexAxis_->setRange(0.5, std::max(1, n) + 0.5);
    indexAxis_->setTickCount(std::clamp(n, 1, 10) + 1);
    indexAxis_->setTickType(QValueAxis::TicksDynamic);
    indexAxis_->setTickAnchor(1);
    indexAxis_->setTickInterval(std::max(1, (n + 9) / 10));
    empathyBar_->replace({QPointF(0.5, 80), QPointF(std::max(1, n) + 0.5, 80)});
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
    indexAxis_->setTitleText(tr("Evaluation (oldest first)", "x axis: the n-th evaluation"));
    setToolTip(tr("One point per evaluation, oldest on the left."));
}

}  // namespace agentdesk::widgets
