#pragma once
// Small readers for the server's JSON (QJsonObject): absent or null members read as empty/0,
// times as QDateTime in UTC. Internal to crm/model.
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace agentdesk::crm::json {

inline QString str(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString();
}
inline int integer(const QJsonObject& o, const char* key, int fallback = 0) {
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? v.toInt(static_cast<int>(v.toDouble())) : fallback;
}
inline double number(const QJsonObject& o, const char* key, double fallback = 0) {
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? v.toDouble() : fallback;
}
inline bool boolean(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toBool();
}
inline QJsonObject object(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toObject();
}
inline QJsonArray array(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toArray();
}
inline QDateTime time(const QJsonObject& o, const char* key) {
    const QString s = str(o, key);
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.toUTC();
}
inline QStringList strings(const QJsonObject& o, const char* key) {
    QStringList out;
    for (const QJsonValue& v : array(o, key))
        out << v.toString();
    return out;
}
// Event ids are 16-digit integers, below 2^53, so QJsonValue's double holds them exactly.
inline qint64 id64(const QJsonObject& o, const char* key) {
    return static_cast<qint64>(o.value(QLatin1String(key)).toDouble());
}

}  // namespace agentdesk::crm::json
