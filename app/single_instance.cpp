#include "app/single_instance.h"

#include <unistd.h>

#include <QDir>
#include <QLocalSocket>
#include <QPointer>
#include <QTimer>

#include "common/logging.h"
#include "common/phone.h"

namespace agentdesk::app {

namespace {

auto instanceLog() {
    return logging::get("ui");
}

constexpr int kReadTimeoutMs = 3000;
constexpr qint64 kMaxLineBytes = 256;

}  // namespace

QString SingleInstance::defaultSocketName() {
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QDir(runtime).exists())
        return runtime + QLatin1String("/agentdesk.sock");
    return QDir::tempPath() + QStringLiteral("/agentdesk-%1.sock").arg(::getuid());
}

SingleInstance::SingleInstance(QString socketName, QObject* parent)
    : QObject(parent), socketName_(std::move(socketName)) {
    server_.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&server_, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
}

SingleInstance::~SingleInstance() {
    server_.close();  // removes the socket file
}

bool SingleInstance::listen() {
    // Asked first: QLocalServer::listen() would take the name over from a live listener.
    QLocalSocket probe;
    probe.connectToServer(socketName_);
    if (probe.waitForConnected(500)) {
        probe.abort();
        return false;  // another AgentDesk of this user receives the links
    }
    // A socket file nobody answers on was left by a process that crashed.
    QLocalServer::removeServer(socketName_);
    if (server_.listen(socketName_))
        return true;
    instanceLog()->warn("tel: links cannot be received: {}", server_.errorString().toStdString());
    return false;
}

void SingleInstance::onNewConnection() {
    while (QLocalSocket* socket = server_.nextPendingConnection()) {
        QPointer<QLocalSocket> guard(socket);
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        // A client that never finishes its line is dropped.
        QTimer::singleShot(kReadTimeoutMs, socket, [guard] {
            if (guard)
                guard->abort();
        });
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > kMaxLineBytes)
                    socket->abort();
                return;
            }
            const QString line = QString::fromUtf8(socket->readLine(kMaxLineBytes)).trimmed();
            const QString prefix = QStringLiteral("dial ");
            std::optional<std::string> e164;
            if (line.startsWith(prefix))
                e164 = phone::toE164(line.mid(prefix.size()).toStdString());
            socket->write(e164 ? "ok\n" : "error\n");
            socket->flush();
            socket->disconnectFromServer();
            if (e164)
                emit telNumberReceived(QString::fromStdString(*e164));
            else
                instanceLog()->warn("refused a hand-over that is not a Korean number");
        });
    }
}

HandOverResult handOverTelNumber(const QString& socketName, const QString& e164, int timeoutMs) {
    QLocalSocket socket;
    socket.connectToServer(socketName);
    if (!socket.waitForConnected(timeoutMs))
        return HandOverResult::NoRunningInstance;
    socket.write(QStringLiteral("dial %1\n").arg(e164).toUtf8());
    if (!socket.waitForBytesWritten(timeoutMs))
        return HandOverResult::Failed;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return HandOverResult::Failed;
    }
    const QByteArray answer = socket.readLine().trimmed();
    socket.disconnectFromServer();
    return answer == "ok" ? HandOverResult::Delivered : HandOverResult::Failed;
}

}  // namespace agentdesk::app
