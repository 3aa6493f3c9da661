#pragma once
// Queue KPIs with the formulas of docs/api.md 12, as a pure function over the calls that entered a
// queue. "-1" means "no data" wherever a figure would otherwise be made up.
//
// Service level (variant kept everywhere): answered within T ÷ (offered − abandoned within T)
// × 100, where "offered" counts only calls whose outcome is known at T: answered, abandoned,
// or still unanswered after T seconds. A call that has waited 5 s of a 20 s target is not yet
// counted either way.
// EWT: (calls waiting ahead + 1) × AHT ÷ agents serving the queue (ready + ringing + on a call
// + in after-call work), "-1" when fewer than `ewtMinAnswered` calls were answered in the
// window or nobody serves the queue. Floor: when calls are waiting and none was answered in the
// last 2 minutes, the oldest call's age keeps growing, so EWT is at least the longest wait.
#include <optional>
#include <vector>

#include "common/time_util.h"

namespace agentdesk::server {

struct KpiEntry {
    TimePoint enteredAt;
    std::optional<TimePoint> answeredAt;
    std::optional<TimePoint> abandonedAt;
    std::optional<double> handleSec;  // talk + hold + ACW, once the ACW is over
    bool withdrawn = false;           // left the queue unanswered without abandoning
};

struct KpiInput {
    TimePoint windowStart;
    TimePoint now;
    int slThresholdSec = 20;
    int waitingNow = 0;         // calls in the queue now, not yet ringing
    double longestWaitSec = 0;  // age of the oldest of them
    int agentsServing = 0;
    int ewtMinAnswered = 5;
};

struct QueueKpis {
    int offered = 0;
    int answered = 0;
    int abandoned = 0;
    int waiting = 0;
    double longestWaitSec = 0;
    double serviceLevelPct = -1;
    double abandonRatePct = -1;
    double asaSec = -1;
    double ahtSec = -1;
    int ewtSec = -1;
};

QueueKpis computeKpis(const std::vector<KpiEntry>& entries, const KpiInput& input);

// Start of "today" in a center whose local time is UTC + offset (Asia/Seoul: +540 minutes).
TimePoint localMidnight(TimePoint now, int utcOffsetMinutes);

}  // namespace agentdesk::server
