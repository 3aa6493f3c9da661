#pragma once
// What every agentdesk-cli command shares: the server address, TLS settings, the saved login
// ($XDG_CONFIG_HOME/agentdesk/cli-session.json, mode 0600) and output helpers.
#include <optional>

#include <QObject>
#include <QString>
#include <QStringList>

#include "crm/net/api_error.h"
#include "crm/net/http_transport.h"

namespace agentdesk::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;  // the server or the network said no
constexpr int kExitUsage = 2;   // the command line is wrong

struct SavedLogin {
    QString server;  // base URL ending in /api/v1
    QString username;
    QString token;
    QString expiresAt;
};

struct CliContext {
    QString server;  // base URL ending in /api/v1
    crm::TlsSettings tls;
    QStringList args;         // what follows the command name
    QObject* root = nullptr;  // parent of a command's objects; destroyed before the transport

    static QString normaliseServer(const QString& url);
    static QString sessionFilePath();
    std::optional<SavedLogin> loadLogin() const;
    bool saveLogin(const SavedLogin& login) const;
    void forgetLogin() const;
};

// Prints "error: <short text>" to stderr and returns kExitFailed.
int reportError(const QString& what, const crm::ApiError& error);
void printLine(const QString& text);
void printError(const QString& text);

}  // namespace agentdesk::cli
