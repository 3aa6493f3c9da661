#include "crm/net/server_url.h"

#include <QStringList>
#include <QUrl>

namespace agentdesk::crm {
namespace {

bool isLoopbackHost(const QString& host) {
    const QString h = host.toLower();
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")) ||
        h == QLatin1String("::1"))
        return true;
    const QStringList octets = h.split(QLatin1Char('.'));
    if (octets.size() != 4 || octets.front() != QLatin1String("127"))
        return false;
    for (const QString& octet : octets) {
        bool ok = false;
        const int value = octet.toInt(&ok);
        if (!ok || value < 0 || value > 255)
            return false;
    }
    return true;
}

}  // namespace

bool isPlainHttpToRemote(const QString& url) {
    const QUrl parsed(url.trimmed());
    return parsed.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0 &&
           !isLoopbackHost(parsed.host());
}

}  // namespace agentdesk::crm
