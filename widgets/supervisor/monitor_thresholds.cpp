#include "widgets/supervisor/monitor_thresholds.h"

namespace agentdesk::widgets {

namespace {
AlertLevel above(double value, double limit, double redFactor) {
    if (value > limit * redFactor)
        return AlertLevel::Red;
    return value > limit ? AlertLevel::Amber : AlertLevel::Normal;
}
}  // namespace

AlertLevel serviceLevelLevel(const MonitorThresholds& t, double slPct) {
    if (slPct < 0)
        return AlertLevel::Normal;
    if (slPct < t.slBelowPct - t.slRedMarginPct)
        return AlertLevel::Red;
    return slPct < t.slBelowPct ? AlertLevel::Amber : AlertLevel::Normal;
}

AlertLevel longestWaitLevel(const MonitorThresholds& t, int seconds) {
    return above(seconds, t.longestWaitAboveSec, t.redFactor);
}

AlertLevel waitingLevel(const MonitorThresholds& t, int waiting) {
    return above(waiting, t.waitingAbove, t.redFactor);
}

AlertLevel abandonRateLevel(const MonitorThresholds& t, double pct) {
    if (pct < 0)
        return AlertLevel::Normal;
    return above(pct, t.abandonAbovePct, t.redFactor);
}

QString levelName(AlertLevel level) {
    switch (level) {
        case AlertLevel::Amber:
            return QStringLiteral("amber");
        case AlertLevel::Red:
            return QStringLiteral("red");
        case AlertLevel::Normal:
            break;
    }
    return QStringLiteral("normal");
}

}  // namespace agentdesk::widgets
