#pragma once
// One queue on the team lead's monitor: its live figures as tiles (waiting, longest wait,
// EWT, service level, abandon rate, ASA, AHT, offered/answered) and its agents by state; tiles
// go amber or red past the monitor's thresholds.
#include <QFrame>
#include <QHash>

#include "crm/model/queue_stats.h"
#include "widgets/supervisor/monitor_thresholds.h"

class QGridLayout;
class QHBoxLayout;
class QLabel;

namespace agentdesk::widgets {

class QueueCard : public QFrame {
    Q_OBJECT
public:
    QueueCard(const QString& queueId, QWidget* parent = nullptr);

    QString queueId() const { return queueId_; }
    void setStats(const crm::QueueStats& stats, const MonitorThresholds& thresholds);
    void setThresholds(const MonitorThresholds& thresholds);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Tile {
        QFrame* frame = nullptr;
        QLabel* caption = nullptr;
        QLabel* value = nullptr;
        AlertLevel level = AlertLevel::Normal;
    };
    Tile& addTile(const QString& key, int row, int column, QGridLayout* grid);
    QLabel* addAgentCount(const QString& key, const QString& color, QHBoxLayout* box);
    void setLevel(Tile& tile, AlertLevel level);
    void applyFonts();
    void retranslate();

    QString queueId_;
    crm::QueueStats stats_;
    bool hasStats_ = false;
    QLabel* name_;
    QLabel* target_;
    QHash<QString, Tile> tiles_;
    QHash<QString, QLabel*> agentCaptions_;
    QHash<QString, QLabel*> agentCounts_;
};

}  // namespace agentdesk::widgets
