#pragma once
// A running login lockout (docs/api.md "GET /login-lockouts"): failed logins for one username
// ("user") or from one address ("address"), and until when logins are refused.
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace agentdesk::crm {

struct LoginLockout {
    QString kind;  // "user" or "address"
    QString key;   // the username or the address
    int failures = 0;
    QDateTime lockedUntil;  // UTC
    bool operator==(const LoginLockout&) const = default;
    static LoginLockout fromJson(const QJsonObject& o);
};

}  // namespace agentdesk::crm
