#pragma once
// How an alert reads and looks on screen: a translated title and sentence per kind (the
// server's own message is Korean only), severity colours and icons, the time of day.
#include <QColor>
#include <QIcon>
#include <QString>

#include "crm/model/session_info.h"

namespace agentdesk::widgets {

// "ko" or "en", from the default locale the app's language setting sets.
QString uiLanguage();

// "Abuse warning", "Missed call", …; an unknown kind reads as itself.
QString alertTitle(const QString& kind);
// One translated sentence about what happened, with the agent's and the queue's names.
QString alertDescription(const crm::Alert& alert, const QString& agentName,
                         const QString& queueName);
QString severityText(const QString& severity);
QColor severityColor(const QString& severity);
// A light tint for a row that still waits for acknowledgement.
QColor severityTint(const QString& severity);
QIcon severityIcon(const QString& severity);
// "14:03:12" today, "2026-11-22 14:03:12" before.
QString alertTime(const QDateTime& at, const QDateTime& now = QDateTime::currentDateTime());

}  // namespace agentdesk::widgets
