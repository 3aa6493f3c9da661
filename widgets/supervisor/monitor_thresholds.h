#pragma once
// When a queue figure on the team lead's monitor turns amber or red: the configurable limits
// and the pure functions that grade a figure against them.
#include <QString>

namespace agentdesk::widgets {

struct MonitorThresholds {
    double slBelowPct = 80;        // service level under this is amber
    int longestWaitAboveSec = 60;  // oldest waiting call older than this is amber
    int waitingAbove = 5;          // more waiting calls than this is amber
    double abandonAbovePct = 10;   // abandon rate over this is amber
    // Red: the service level this many points under its limit, the others past twice theirs.
    double slRedMarginPct = 10;
    double redFactor = 2;

    bool operator==(const MonitorThresholds&) const = default;
};

enum class AlertLevel { Normal, Amber, Red };

// -1 (no data yet) is always Normal.
AlertLevel serviceLevelLevel(const MonitorThresholds& t, double slPct);
AlertLevel longestWaitLevel(const MonitorThresholds& t, int seconds);
AlertLevel waitingLevel(const MonitorThresholds& t, int waiting);
AlertLevel abandonRateLevel(const MonitorThresholds& t, double pct);
// "normal" | "amber" | "red": the `level` property style sheets and tests read.
QString levelName(AlertLevel level);

}  // namespace agentdesk::widgets
