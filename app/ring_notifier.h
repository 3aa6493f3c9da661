#pragma once
// Tells the counselor that a call rings while the window is not in front: a tray (desktop)
// notification when the system has a tray, and the window manager's attention hint
// (QApplication::alert) always. Nothing when the window is active: the bar already shows it.
#include <QObject>
#include <QPointer>

#include "crm/model/call.h"

class QSystemTrayIcon;
class QWidget;

namespace agentdesk::app {

class RingNotifier : public QObject {
    Q_OBJECT
public:
    explicit RingNotifier(QObject* parent = nullptr);
    ~RingNotifier() override;

    void setWindow(QWidget* window) { window_ = window; }
    // Returns true when it notified (the window was not active).
    bool notify(const crm::Call& call);
    int notifications() const { return notifications_; }

private:
    QPointer<QWidget> window_;
    QSystemTrayIcon* tray_ = nullptr;
    int notifications_ = 0;
};

}  // namespace agentdesk::app
