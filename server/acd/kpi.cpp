#include "server/acd/kpi.h"

#include <cmath>

namespace agentdesk::server {

namespace {
double secs(TimePoint from, TimePoint to) {
    return std::chrono::duration<double>(to - from).count();
}
double round1(double v) {
    return std::round(v * 10.0) / 10.0;
}
}  // namespace

QueueKpis computeKpis(const std::vector<KpiEntry>& entries, const KpiInput& in) {
    QueueKpis k;
    k.waiting = in.waitingNow;
    k.longestWaitSec = std::floor(in.longestWaitSec);
    int answeredWithinT = 0;
    int abandonedWithinT = 0;
    int unansweredPastT = 0;
    double waitSum = 0;
    double handleSum = 0;
    int handled = 0;
    bool answeredRecently = false;
    for (const auto& e : entries) {
        if (e.withdrawn || e.enteredAt < in.windowStart || e.enteredAt > in.now)
            continue;
        ++k.offered;
        if (e.answeredAt) {
            ++k.answered;
            const double wait = secs(e.enteredAt, *e.answeredAt);
            waitSum += wait;
            if (wait <= in.slThresholdSec)
                ++answeredWithinT;
            if (secs(*e.answeredAt, in.now) <= 120)
                answeredRecently = true;
            if (e.handleSec) {
                handleSum += *e.handleSec;
                ++handled;
            }
        } else if (e.abandonedAt) {
            ++k.abandoned;
            if (secs(e.enteredAt, *e.abandonedAt) <= in.slThresholdSec)
                ++abandonedWithinT;
        } else if (secs(e.enteredAt, in.now) > in.slThresholdSec) {
            ++unansweredPastT;
        }
    }
    const int slBase = k.answered + k.abandoned + unansweredPastT - abandonedWithinT;
    if (slBase > 0)
        k.serviceLevelPct = round1(100.0 * answeredWithinT / slBase);
    if (k.offered > 0)
        k.abandonRatePct = round1(100.0 * k.abandoned / k.offered);
    if (k.answered > 0)
        k.asaSec = round1(waitSum / k.answered);
    if (handled > 0)
        k.ahtSec = round1(handleSum / handled);
    if (k.answered >= in.ewtMinAnswered && k.ahtSec > 0 && in.agentsServing > 0) {
        double ewt = (in.waitingNow + 1) * k.ahtSec / in.agentsServing;
        if (in.waitingNow > 0 && !answeredRecently)
            ewt = std::max(ewt, in.longestWaitSec);
        k.ewtSec = static_cast<int>(std::ceil(ewt));
    }
    return k;
}

TimePoint localMidnight(TimePoint now, int utcOffsetMinutes) {
    using namespace std::chrono;
    const auto offset = minutes(utcOffsetMinutes);
    const auto local = now + offset;
    const auto day = floor<days>(local);
    return TimePoint(day) - offset;
}

}  // namespace agentdesk::server
