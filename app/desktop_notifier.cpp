#include "app/desktop_notifier.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QWidget>

#include "widgets/common/format.h"

namespace agentdesk::app {

DesktopNotifier::DesktopNotifier(QObject* parent) : QObject(parent) {
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        tray_ = new QSystemTrayIcon(this);
        tray_->setIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation));
        tray_->setToolTip(QStringLiteral("AgentDesk"));
        tray_->show();
        connect(tray_, &QSystemTrayIcon::messageClicked, this, [this] {
            if (window_) {
                window_->showNormal();
                window_->raise();
                window_->activateWindow();
            }
        });
    }
}

DesktopNotifier::~DesktopNotifier() = default;

bool DesktopNotifier::notify(const crm::Call& call) {
    QString who = call.customerMatches.size() == 1 ? call.customerMatches.first().name
                                                   : widgets::formatPhone(call.ani);
    const QString title = tr("Incoming call — %1").arg(call.queueName);
    const QString text =
        call.intentLabel.isEmpty() ? who : tr("%1 · %2").arg(who, call.intentLabel);
    return show(title, text);
}

bool DesktopNotifier::notifyAlert(const crm::Alert& alert, const QString& title) {
    if (alert.severity == QLatin1String("critical"))
        QApplication::beep();
    return show(title, alert.message);
}

bool DesktopNotifier::show(const QString& title, const QString& text) {
    if (!window_ || window_->isActiveWindow())
        return false;
    ++notifications_;
    if (tray_)
        tray_->showMessage(title, text, QSystemTrayIcon::Information, 10000);
    QApplication::alert(window_, 0);
    return true;
}

}  // namespace agentdesk::app
