#pragma once
// The team lead's alerts (abuse warnings, calls ended for abuse, missed calls, long waits,
// service-level breaches) as they arrive: repeats in one row with their count (a queue's long
// waits, a counselor's missed calls), unacknowledged critical and abuse rows first, then newest
// first, unacknowledged ones tinted and counted; acknowledge one or all, and open the counselor
// or call an alert is about (double-click, Enter or the Open button). The detail beside the
// list lists a row's alerts one by one, each of them opens too. Warnings and critical alerts ask
// the window for a sound and a tray notification (notifyRequested); the panel plays nothing
// itself.
#include <QWidget>

#include "crm/model/session_info.h"

class QComboBox;
class QFrame;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace agentdesk::crm {
class AlertsModel;
class ClientSession;
}  // namespace agentdesk::crm

namespace agentdesk::widgets {

class AlertFilterProxy;
class AlertTableModel;

class AlertsPanel : public QWidget {
    Q_OBJECT
public:
    explicit AlertsPanel(crm::ClientSession& session, QWidget* parent = nullptr);
    ~AlertsPanel() override;

    crm::AlertsModel& model() { return *alerts_; }
    int unacknowledgedCount() const;
    // The alert under the cursor in the list (source row), -1 when none.
    int currentRow() const;
    void selectRow(int sourceRow);

public slots:
    // Acknowledges the selected alerts (the current one when nothing is selected).
    void acknowledgeSelected();
    void acknowledgeAll();
    // Opens the current alert's counselor and call (and acknowledges it: the lead has seen it).
    void openCurrent();

signals:
    // A warning or critical alert arrived: the window plays a sound and shows a tray message.
    void notifyRequested(const agentdesk::crm::Alert& alert);
    // The lead wants to see the counselor (agent grid) and the call an alert is about; either
    // may be empty (long waits have no counselor, SL breaches neither).
    void openAgentRequested(const QString& agentId, const QString& callId);
    void unacknowledgedCountChanged(int count);

protected:
    void changeEvent(QEvent* event) override;
    // Narrow (beside the queue monitor): the details go under the list instead of beside it.
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();
    void onAlertAdded(const crm::Alert& alert);
    void updateCount();
    void updateDetail();
    // The selected row's alerts, when it groups more than one.
    void updateMembers(int row);
    void openMember(QListWidgetItem* item);
    void updateEmptyState();
    QList<int> selectedRows() const;

    crm::ClientSession& session_;
    crm::AlertsModel* alerts_;
    AlertTableModel* table_;
    AlertFilterProxy* proxy_;
    QLabel* title_;
    QLabel* count_;
    QLabel* filterLabel_;
    QComboBox* filter_;
    QPushButton* acknowledgeAll_;
    QSplitter* splitter_;
    QStackedWidget* listStack_;
    QTableView* view_;
    QLabel* empty_;
    QFrame* detail_;
    QLabel* detailTitle_;
    QLabel* detailMeta_;
    QLabel* detailDescription_;
    QLabel* detailCount_;
    QLabel* detailAgentLabel_;
    QLabel* detailAgent_;
    QLabel* detailQueueLabel_;
    QLabel* detailQueue_;
    QLabel* detailCallLabel_;
    QLabel* detailCall_;
    QLabel* detailMessageLabel_;
    QLabel* detailMessage_;
    QLabel* detailHint_;
    QPushButton* open_;
    QPushButton* acknowledge_;
    QLabel* membersLabel_;
    QListWidget* members_;
    // Which row, latest alert, size and state the list shows: a flood of repeats into other
    // rows does not refill it.
    QString membersShown_;
};

}  // namespace agentdesk::widgets
