#include "widgets/common/format.h"

#include <QCoreApplication>

#include "common/phone.h"

namespace agentdesk::widgets {

QString formatPhone(const QString& number) {
    if (number.isEmpty())
        return number;
    const std::string raw = number.toStdString();
    if (const auto e164 = phone::toE164(raw))
        return QString::fromStdString(phone::formatLocal(*e164));
    return number;
}

QString maskPhone(const QString& number) {
    if (number.isEmpty())
        return number;
    return QString::fromStdString(phone::maskLocal(number.toStdString()));
}

QString formatDuration(qint64 seconds) {
    if (seconds < 0)
        seconds = 0;
    const qint64 h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString formatDateTime(const QDateTime& at, const QDateTime& now) {
    if (!at.isValid())
        return {};
    const QDateTime local = at.toLocalTime();
    if (local.date() == now.toLocalTime().date())
        return local.toString(QStringLiteral("HH:mm"));
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString customerDisplayName(const QString& name) {
    return QCoreApplication::translate("Format", "%1 (customer)",
                                       "honorific: 고객님 after the name in Korean")
        .arg(name);
}

}  // namespace agentdesk::widgets
