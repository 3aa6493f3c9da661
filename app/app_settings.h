#pragma once
// The app's settings in one typed table with their defaults (docs/architecture.md), stored with
// QSettings in $XDG_CONFIG_HOME/AgentDesk/agentdesk.conf. Read and written on the GUI thread.
#include <QKeySequence>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QVariant>

namespace agentdesk::app {

template <typename T>
struct Setting {
    const char* key;
    T defaultValue;
};

namespace settings {
// Empty: the embedded demo server in this process. Otherwise a base URL ending in /api/v1.
inline const Setting<QString> server{"connection/server", QString()};
inline const Setting<QString> lastUser{"connection/lastUser", QString()};
// A PEM file of a custom CA to trust (logged when used); empty: the system's CAs only.
inline const Setting<QString> caFile{"connection/caFile", QString()};
// Plain http:// to a server that is not this computer: refused unless the user allowed it.
inline const Setting<bool> allowPlainHttp{"connection/allowPlainHttp", false};
inline const Setting<QString> language{"ui/language", QStringLiteral("ko")};  // ko | en
inline const Setting<double> fontScale{"ui/fontScale", 1.0};                  // 0.8 – 2.0
// system | light | dark | highContrast (app/theme.h)
inline const Setting<QString> theme{"ui/theme", QStringLiteral("system")};
// State after a finished wrap-up: "ready" or "not_ready".
inline const Setting<QString> afterWrapup{"calls/afterWrapup", QStringLiteral("ready")};
// The team lead's monitor: when queue figures turn amber (red past a margin / twice the limit)
// and when agents are highlighted.
inline const Setting<double> monitorSlBelowPct{"monitor/slBelowPct", 80.0};
inline const Setting<int> monitorLongestWaitSec{"monitor/longestWaitAboveSec", 60};
inline const Setting<int> monitorWaitingAbove{"monitor/waitingAbove", 5};
inline const Setting<double> monitorAbandonAbovePct{"monitor/abandonAbovePct", 10.0};
inline const Setting<int> monitorLongAcwSec{"monitor/longAcwSec", 60};
inline const Setting<int> monitorLongNotReadySec{"monitor/longNotReadySec", 600};
inline const Setting<QByteArray> windowGeometry{"ui/windowGeometry", QByteArray()};
inline const Setting<QByteArray> windowState{"ui/windowState", QByteArray()};
}  // namespace settings

class AppSettings : public QObject {
    Q_OBJECT
public:
    // `path` empty: the user's config file.
    explicit AppSettings(const QString& path = {}, QObject* parent = nullptr);

    template <typename T>
    T get(const Setting<T>& s) const {
        return settings_.value(QLatin1String(s.key), QVariant::fromValue(s.defaultValue))
            .template value<T>();
    }
    template <typename T>
    void set(const Setting<T>& s, const T& value) {
        if (get(s) == value)
            return;
        settings_.setValue(QLatin1String(s.key), QVariant::fromValue(value));
        emit changed(QString::fromLatin1(s.key));
    }

    // Shortcuts are keyed by action id (shortcut_table.h); an empty sequence means "none".
    QKeySequence shortcut(const QString& actionId, const QKeySequence& fallback) const;
    void setShortcut(const QString& actionId, const QKeySequence& sequence);

    static double clampFontScale(double scale);
    void sync() { settings_.sync(); }
    QString fileName() const { return settings_.fileName(); }

signals:
    void changed(const QString& key);

private:
    QSettings settings_;
};

}  // namespace agentdesk::app
