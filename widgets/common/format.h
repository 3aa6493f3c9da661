#pragma once
// How numbers, durations and times read on screen (docs/api.md 1.5): phone numbers
// in local form, durations as m:ss or h:mm:ss, times in the PC's local time zone.
#include <QDateTime>
#include <QString>

namespace agentdesk::widgets {

// "+821012345678" or "01012345678" → "010-1234-5678"; anything else is returned as is.
QString formatPhone(const QString& number);
// "010-****-5678" (for lists, docs/api.md 7.6).
QString maskPhone(const QString& number);
// 42 → "0:42", 3723 → "1:02:03"; negative → "0:00".
QString formatDuration(qint64 seconds);
// "2026-11-29 14:03" in local time; today's times as "14:03".
QString formatDateTime(const QDateTime& at, const QDateTime& now = QDateTime::currentDateTime());
// "김민준 고객님" in Korean, "김민준" in English (the honorific is a translation).
QString customerDisplayName(const QString& name);

}  // namespace agentdesk::widgets
