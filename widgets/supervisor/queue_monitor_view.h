#pragma once
// The team lead's queue monitor: one card per queue with the live figures (waiting calls,
// longest wait, EWT, service level, abandon rate, ASA, AHT, agents by state), updated from
// queue.stats as they arrive, amber/red past configurable thresholds; and charts of waiting
// calls and service level over the last hour.
#include <QHash>
#include <QWidget>

#include "crm/session/client_session.h"
#include "crm/session/queue_history.h"
#include "widgets/supervisor/monitor_thresholds.h"

class QGridLayout;
class QLabel;
class QScrollArea;
class QSplitter;

namespace agentdesk::widgets {

class QueueCard;
class QueueCharts;
class ThresholdsEditor;

class QueueMonitorView : public QWidget {
    Q_OBJECT
public:
    QueueMonitorView(crm::ClientSession& session, QWidget* parent = nullptr);
    ~QueueMonitorView() override;

    MonitorThresholds thresholds() const { return thresholds_; }
    void setThresholds(const MonitorThresholds& thresholds);

    crm::QueueHistory& history() { return history_; }
    QueueCharts* charts() const { return charts_; }
    QueueCard* card(const QString& queueId) const { return cards_.value(queueId); }

signals:
    // The lead changed a threshold in the editor (the app may keep it in its settings).
    void thresholdsChanged(const agentdesk::widgets::MonitorThresholds& thresholds);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuildCards();
    void updateRows(int first, int last);
    void arrangeCards();
    void markUpdated();
    void showUpdated();
    void retranslate();

    crm::ClientSession& session_;
    crm::QueueHistory history_;
    MonitorThresholds thresholds_;
    QLabel* title_;
    QLabel* updated_;
    ThresholdsEditor* editor_;
    QSplitter* splitter_;
    QScrollArea* scroll_;
    QWidget* cardsHost_;
    QGridLayout* cardsGrid_;
    QLabel* empty_;
    QueueCharts* charts_;
    QHash<QString, QueueCard*> cards_;
    QStringList order_;
    int columns_ = 0;
    QDateTime lastUpdate_;
};

}  // namespace agentdesk::widgets
