#pragma once
// Desktop notifications while the window is not in front: a ringing call for the counselor, an
// alert for the team lead. A tray message when the system has a tray, and the window manager's
// attention hint (QApplication::alert) always; nothing when the window is active (the window
// already shows it). Critical alerts also beep.
#include <QObject>
#include <QPointer>

#include "crm/model/call.h"
#include "crm/model/session_info.h"

class QSystemTrayIcon;
class QWidget;

namespace agentdesk::app {

class DesktopNotifier : public QObject {
    Q_OBJECT
public:
    explicit DesktopNotifier(QObject* parent = nullptr);
    ~DesktopNotifier() override;

    void setWindow(QWidget* window) { window_ = window; }
    // Each returns true when it notified (the window was not active).
    bool notify(const crm::Call& call);
    bool notifyAlert(const crm::Alert& alert, const QString& title);
    int notifications() const { return notifications_; }

private:
    bool show(const QString& title, const QString& text);

    QPointer<QWidget> window_;
    QSystemTrayIcon* tray_ = nullptr;
    int notifications_ = 0;
};

}  // namespace agentdesk::app
