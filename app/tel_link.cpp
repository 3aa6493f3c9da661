#include "app/tel_link.h"

#include <QStringList>
#include <QUrl>

#include "common/phone.h"

namespace agentdesk::app {

namespace {

TelLink refusedTelLink(const QString& why) {
    return {{}, why};
}

// "+82", "+8-2", "+(82)" → true: the context of a local number is Korea.
bool isKoreanPhoneContext(const QString& context) {
    QString digits;
    for (const QChar c : context) {
        if (c.isDigit())
            digits += c;
    }
    return digits == QLatin1String("82");
}

}  // namespace

bool isTelLinkArgument(const QString& argument) {
    return argument.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive);
}

TelLink parseTelLink(const QString& uri) {
    const QUrl url(uri.trimmed(), QUrl::TolerantMode);
    if (!url.isValid())
        return refusedTelLink(QStringLiteral("not a valid URI"));
    if (url.scheme() != QLatin1String("tel"))
        return refusedTelLink(QStringLiteral("not a tel: link"));
    if (url.hasQuery() || url.hasFragment() || !url.authority().isEmpty())
        return refusedTelLink(QStringLiteral("a tel: link has a number only (tel:NUMBER)"));
    // RFC 3966: telephone-subscriber = number *( ";" parameter ).
    const QStringList parts = url.path(QUrl::FullyDecoded).split(QLatin1Char(';'));
    const QString number = parts.first().trimmed();
    if (number.isEmpty())
        return refusedTelLink(QStringLiteral("the tel: link has no number"));
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString name = parts[i].section(QLatin1Char('='), 0, 0).trimmed().toLower();
        const QString value = parts[i].section(QLatin1Char('='), 1).trimmed();
        if (name == QLatin1String("ext") || name == QLatin1String("isub"))
            return refusedTelLink(QStringLiteral("extensions cannot be dialled (;%1)").arg(name));
        if (name == QLatin1String("phone-context") && value.startsWith(QLatin1Char('+')) &&
            !isKoreanPhoneContext(value))
            return refusedTelLink(QStringLiteral("only Korean numbers can be dialled"));
        // Other parameters (a domain as phone-context, future ones) do not change the number.
    }
    const auto e164 = phone::toE164(number.toStdString());
    if (!e164)
        return refusedTelLink(QStringLiteral("not a Korean phone number"));
    return {QString::fromStdString(*e164), {}};
}

}  // namespace agentdesk::app
