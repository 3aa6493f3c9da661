#include "cli/cli_context.h"

#include <sys/stat.h>

#include <cstdio>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include "crm/net/server_url.h"

namespace agentdesk::cli {

QString CliContext::normaliseServer(const QString& url) {
    return crm::parseServerList(url, true).join(QLatin1Char(','));
}

QString CliContext::sessionFilePath() {
    QString base = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QLatin1String("/.config");
    return base + QLatin1String("/agentdesk/cli-session.json");
}

std::optional<SavedLogin> CliContext::loadLogin() const {
    QFile file(sessionFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    SavedLogin login{
        o.value(QLatin1String("server")).toString(), o.value(QLatin1String("username")).toString(),
        o.value(QLatin1String("token")).toString(), o.value(QLatin1String("expiresAt")).toString()};
    if (login.token.isEmpty() || login.server != server)
        return std::nullopt;
    return login;
}

bool CliContext::saveLogin(const SavedLogin& login) const {
    const QString path = sessionFilePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    // The token is a password for 12 hours: only this user may read it.
    ::chmod(QFile::encodeName(path).constData(), S_IRUSR | S_IWUSR);
    const QJsonObject o{{"server", login.server},
                        {"username", login.username},
                        {"token", login.token},
                        {"expiresAt", login.expiresAt}};
    return file.write(QJsonDocument(o).toJson()) > 0;
}

void CliContext::forgetLogin() const {
    QFile::remove(sessionFilePath());
}

void printLine(const QString& text) {
    std::fputs(text.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printError(const QString& text) {
    std::fputs(text.toUtf8().constData(), stderr);
    std::fputc('\n', stderr);
}

int reportError(const QString& what, const crm::ApiError& error) {
    QString text;
    switch (error.kind) {
        case crm::ApiError::Kind::Transport:
            text = error.isTls()
                       ? QStringLiteral("the server's certificate is not trusted (%1)")
                             .arg(error.message)
                       : QStringLiteral("cannot reach the server (%1)").arg(error.message);
            break;
        case crm::ApiError::Kind::Http:
            text = QStringLiteral("%1 (%2 %3)")
                       .arg(error.message)
                       .arg(error.httpStatus)
                       .arg(error.code);
            break;
        default:
            text = error.describe();
    }
    printError(QStringLiteral("error: %1: %2").arg(what, text));
    return kExitFailed;
}

}  // namespace agentdesk::cli
