#pragma once
// A trainee's evaluations over time (Qt Charts): the average of the five scores and empathy,
// one point per evaluation, with the empathy bar for "excellent" (80) as a dashed line.
#include <QChartView>
#include <QList>

#include "crm/model/training.h"

class QLineSeries;
class QValueAxis;

namespace agentdesk::widgets {

class TrendChart : public QChartView {
    Q_OBJECT
public:
    explicit TrendChart(QWidget* parent = nullptr);

    // Any order; plotted oldest first.
    void setEvaluations(const QList<crm::Evaluation>& evaluations);
    QLineSeries* averageSeries() const { return average_; }
    QLineSeries* empathySeries() const { return empathy_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLineSeries* average_;
    QLineSeries* empathy_;
    QLineSeries* empathyBar_;
    QValueAxis* indexAxis_;
    QValueAxis* scoreAxis_;
};

}  // namespace agentdesk::widgets
