#pragma once
// What a tel: link does in the app (docs/user-guide.md, "Calling from a link"): the window
// comes to the front and the number is dialled through the counselor's own click-to-dial
// (CallSession::dial), once the counselor is logged in and the event stream is up. When a
// call is in progress, the counselor is offline, the window is a team lead's or trainer's, or
// the link waited too long for the login, the number is not dialled: it is put into the
// customer search box and the status bar says why.
//
// Threads: GUI thread.
#include <QElapsedTimer>
#include <QObject>
#include <QString>

class QWidget;

namespace agentdesk::app {

class AppController;

class TelLinkDialer : public QObject {
    Q_OBJECT
public:
    explicit TelLinkDialer(AppController& app, QObject* parent = nullptr);

    // A number (E.164) from a tel: link, of this process's command line or handed over by
    // another process.
    void request(const QString& e164);
    // The number waiting for the login or the event stream; empty when none.
    QString pendingNumber() const { return pending_; }

private:
    void tryPending();
    void waitForSession();
    // Instead of dialling: the number into the customer search box, and why in the status bar.
    void offerInstead(const QString& why);
    void finish();
    static void bringToFront(QWidget* window);

    AppController& app_;
    QString pending_;
    QElapsedTimer pendingSince_;
    QMetaObject::Connection statusWatch_;
    QMetaObject::Connection stateWatch_;
};

}  // namespace agentdesk::app
