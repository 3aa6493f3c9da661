#pragma once
// The connection status, always visible: a compact indicator for the status bar, and a banner
// across the window while the connection is down ("reconnecting — showing saved data") or the
// session has expired (with a button to log in again).
#include <QDateTime>
#include <QLabel>
#include <QPushButton>
#include <QWidget>

#include "crm/events/event_stream.h"

namespace agentdesk::widgets {

class ConnectionIndicator : public QLabel {
    Q_OBJECT
public:
    explicit ConnectionIndicator(QWidget* parent = nullptr);
    void setStatus(crm::ConnectionStatus status);
    crm::ConnectionStatus status() const { return status_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    crm::ConnectionStatus status_ = crm::ConnectionStatus::Disconnected;
};

class ConnectionBanner : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionBanner(QWidget* parent = nullptr);
    // Shown for Reconnecting, Offline and AuthExpired; hidden otherwise.
    void setStatus(crm::ConnectionStatus status);
    crm::ConnectionStatus status() const { return status_; }
    QString text() const;

signals:
    void loginAgainRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    crm::ConnectionStatus status_ = crm::ConnectionStatus::Disconnected;
    QDateTime downSince_;
    QLabel* label_;
    QPushButton* loginAgain_;
};

// The translated name of a status ("Connected", "Reconnecting…", ...).
QString connectionStatusText(crm::ConnectionStatus status);
using crm::isOnline;  // crm/events/event_stream.h

}  // namespace agentdesk::widgets
