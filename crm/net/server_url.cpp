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
    const QStringList all = url.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& one : all) {
        const QUrl parsed(one.trimmed());
        if (parsed.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0 &&
            !isLoopbackHost(parsed.host()))
            return true;
    }
    return false;
}

QString normaliseServerUrl(const QString& text, bool assumeHttp) {
    QString s = text.trimmed();
    if (assumeHttp && !s.isEmpty() && !s.contains(QLatin1String("://")))
        s.prepend(QLatin1String("http://"));
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    const QUrl url(s, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    if (!s.endsWith(QLatin1String("/api/v1")))
        s += QStringLiteral("/api/v1");
    return s;
}

QStringList parseServerList(const QString& text, bool assumeHttp) {
    QStringList out;
    const QStringList parts = text.split(QLatin1Char(','));
    for (const QString& part : parts) {
        const QString url = normaliseServerUrl(part, assumeHttp);
        if (url.isEmpty())
            return {};
        if (!out.contains(url))
            out.append(url);
    }
    return out;
}

QString serverListForDisplay(const QString& list) {
    QStringList shown;
    const QStringList parts = list.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString part : parts) {
        part = part.trimmed();
        if (part.endsWith(QLatin1String("/api/v1")))
            part.chop(7);
        shown.append(part);
    }
    return shown.join(QLatin1String(", "));
}

}  // namespace agentdesk::crm
