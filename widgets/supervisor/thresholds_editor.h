#pragma once
// The compact row of spin boxes where a team lead sets the monitor's amber limits.
#include <QWidget>

#include "widgets/supervisor/monitor_thresholds.h"

class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace agentdesk::widgets {

class ThresholdsEditor : public QWidget {
    Q_OBJECT
public:
    explicit ThresholdsEditor(QWidget* parent = nullptr);

    MonitorThresholds thresholds() const { return thresholds_; }
    // Shows `t` without emitting changed().
    void setThresholds(const MonitorThresholds& t);

signals:
    void changed(const agentdesk::widgets::MonitorThresholds& thresholds);

protected:
    void changeEvent(QEvent* event) override;

private:
    void readSpins();
    void retranslate();

    MonitorThresholds thresholds_;
    QLabel* title_;
    QLabel* slLabel_;
    QLabel* waitLabel_;
    QLabel* waitingLabel_;
    QLabel* abandonLabel_;
    QDoubleSpinBox* sl_;
    QSpinBox* longestWait_;
    QSpinBox* waiting_;
    QDoubleSpinBox* abandon_;
    bool updating_ = false;
};

}  // namespace agentdesk::widgets
