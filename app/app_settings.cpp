#include "app/app_settings.h"

#include <algorithm>

namespace agentdesk::app {

AppSettings::AppSettings(const QString& path, QObject* parent)
    : QObject(parent),
      settings_(path.isEmpty() ? QSettings(QSettings::IniFormat, QSettings::UserScope,
                                           QStringLiteral("AgentDesk"), QStringLiteral("agentdesk"))
                                     .fileName()
                               : path,
                QSettings::IniFormat) {}

QKeySequence AppSettings::shortcut(const QString& actionId, const QKeySequence& fallback) const {
    const QString key = QStringLiteral("shortcuts/") + actionId;
    if (!settings_.contains(key))
        return fallback;
    return QKeySequence::fromString(settings_.value(key).toString(), QKeySequence::PortableText);
}

void AppSettings::setShortcut(const QString& actionId, const QKeySequence& sequence) {
    const QString key = QStringLiteral("shortcuts/") + actionId;
    settings_.setValue(key, sequence.toString(QKeySequence::PortableText));
    emit changed(key);
}

double AppSettings::clampFontScale(double scale) {
    return std::clamp(scale, 0.8, 2.0);
}

}  // namespace agentdesk::app
