#pragma once
// The team lead's two charts of the last hour, one line per queue: waiting calls and service
// level (with the SL threshold as a dashed line). Fed by crm::QueueHistory; redrawn every two
// seconds while visible, from at most ~600 points a line (a chart does not need 3600).
#include <QHash>
#include <QTimer>
#include <QWidget>

#include "crm/session/queue_history.h"

class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace agentdesk::crm {
class QueueStatsModel;
}

namespace agentdesk::widgets {

class QueueCharts : public QWidget {
    Q_OBJECT
public:
    QueueCharts(crm::QueueHistory& history, crm::QueueStatsModel& queues,
                QWidget* parent = nullptr);

    void setSlThreshold(double pct);
    // Redraws now (the timer does it every two seconds while the charts are visible).
    void redraw();

    QChartView* waitingView() const { return waitingView_; }
    QChartView* serviceLevelView() const { return slView_; }
    QLineSeries* waitingSeries(const QString& queueId) const;
    QLineSeries* serviceLevelSeries(const QString& queueId) const;

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    struct Lines {
        QLineSeries* waiting = nullptr;
        QLineSeries* sl = nullptr;
    };
    Lines& linesFor(const QString& queueId);
    QString queueLabel(const QString& queueId) const;
    void retranslate();

    crm::QueueHistory& history_;
    crm::QueueStatsModel& queues_;
    QChart* waitingChart_;
    QChart* slChart_;
    QChartView* waitingView_;
    QChartView* slView_;
    QDateTimeAxis* waitingX_;
    QDateTimeAxis* slX_;
    QValueAxis* waitingY_;
    QValueAxis* slY_;
    QLineSeries* slTarget_;
    QHash<QString, Lines> lines_;
    QTimer redrawTimer_;
    double slThreshold_ = 80;
    bool dirty_ = true;
    int waitingTop_ = -1;
};

}  // namespace agentdesk::widgets
