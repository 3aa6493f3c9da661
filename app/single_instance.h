#pragma once
// One AgentDesk per user receives tel: links. The first process listens on a local socket of
// its own user; a later `agentdesk tel:…` hands its number over that socket and exits, and the
// running app dials it (TelLinkDialer). A second process started without a link keeps running
// on its own, as before.
//
// Protocol: one line "dial +8210…\n" from the new process, answered with "ok\n" (taken) or
// "error\n" (not a Korean number); then both sides close.
//
// Threads: SingleInstance lives on the GUI thread. handOverTelNumber() blocks (local socket,
// short timeouts) and may run on any thread.
#include <QLocalServer>
#include <QObject>
#include <QString>

namespace agentdesk::app {

class SingleInstance : public QObject {
    Q_OBJECT
public:
    // The user's socket: $XDG_RUNTIME_DIR/agentdesk.sock (a directory only the user can
    // enter), else agentdesk-<uid>.sock in the temporary directory.
    static QString defaultSocketName();

    explicit SingleInstance(QString socketName, QObject* parent = nullptr);
    ~SingleInstance() override;

    // Starts receiving links. False when another AgentDesk of this user already listens (its
    // socket answers), or the socket cannot be made; a socket left by a crashed process is
    // replaced.
    bool listen();
    bool isListening() const { return server_.isListening(); }

signals:
    // A number in E.164 handed over by another process.
    void telNumberReceived(const QString& e164);

private:
    void onNewConnection();

    QString socketName_;
    QLocalServer server_;
};

enum class HandOverResult {
    Delivered,          // the running app took the number
    NoRunningInstance,  // nobody listens: this process should start the app itself
    Failed,             // somebody listens but did not take it
};

// Hands a number (E.164) to the AgentDesk listening on socketName.
HandOverResult handOverTelNumber(const QString& socketName, const QString& e164,
                                 int timeoutMs = 3000);

}  // namespace agentdesk::app
