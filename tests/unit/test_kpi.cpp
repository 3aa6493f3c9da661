#include <catch2/catch.hpp>

#include "server/acd/kpi.h"

using namespace agentdesk;
using namespace agentdesk::server;
using namespace std::chrono;

namespace {
TimePoint t0() {
    return *parseRfc3339("2026-11-23T01:00:00Z");
}
KpiEntry answered(int enterSec, int waitSec, std::optional<double> handle) {
    KpiEntry e;
    e.enteredAt = t0() + seconds(enterSec);
    e.answeredAt = e.enteredAt + seconds(waitSec);
    e.handleSec = handle;
    return e;
}
KpiEntry abandoned(int enterSec, int waitSec) {
    KpiEntry e;
    e.enteredAt = t0() + seconds(enterSec);
    e.abandonedAt = e.enteredAt + seconds(waitSec);
    return e;
}
}  // namespace

TEST_CASE("Service level, abandon rate, ASA and AHT follow DOMAIN.md", "[kpi]") {
    // 4 answered (waits 5, 10, 30, 45), 2 abandoned (after 8 s and 50 s), 1 still waiting 25 s.
    std::vector<KpiEntry> e = {answered(0, 5, 200),   answered(10, 10, 300),
                               answered(20, 30, 250), answered(30, 45, std::nullopt),
                               abandoned(40, 8),      abandoned(50, 50)};
    KpiEntry waiting;
    waiting.enteredAt = t0() + seconds(575);
    e.push_back(waiting);
    KpiInput in;
    in.windowStart = t0();
    in.now = t0() + seconds(600);
    in.slThresholdSec = 20;
    in.waitingNow = 1;
    in.longestWaitSec = 25;
    in.agentsServing = 2;
    in.ewtMinAnswered = 3;
    const QueueKpis k = computeKpis(e, in);
    CHECK(k.offered == 7);
    CHECK(k.answered == 4);
    CHECK(k.abandoned == 2);
    // answered within 20 s: 2; base = 4 answered + 2 abandoned + 1 waiting past 20 s − 1
    // abandoned within 20 s = 6 → 33.3 %
    CHECK(k.serviceLevelPct == Approx(33.3));
    CHECK(k.abandonRatePct == Approx(28.6));  // 2 / 7
    CHECK(k.asaSec == Approx(22.5));          // (5+10+30+45)/4
    CHECK(k.ahtSec == Approx(250.0));         // (200+300+250)/3
    CHECK(k.ewtSec == 250);                   // (1+1) × 250 / 2
    CHECK(k.longestWaitSec == 25);
}

TEST_CASE("Figures without data are unknown (-1), never made up", "[kpi]") {
    KpiInput in;
    in.windowStart = t0();
    in.now = t0() + seconds(60);
    const QueueKpis k = computeKpis({}, in);
    CHECK(k.offered == 0);
    CHECK(k.serviceLevelPct == -1);
    CHECK(k.abandonRatePct == -1);
    CHECK(k.asaSec == -1);
    CHECK(k.ahtSec == -1);
    CHECK(k.ewtSec == -1);
    // Too few answered calls for EWT.
    std::vector<KpiEntry> two = {answered(0, 5, 100), answered(5, 5, 100)};
    in.ewtMinAnswered = 5;
    in.agentsServing = 3;
    CHECK(computeKpis(two, in).ewtSec == -1);
}

TEST_CASE("A call that has not waited T seconds yet does not count against service level",
          "[kpi]") {
    KpiEntry fresh;
    fresh.enteredAt = t0();
    KpiInput in;
    in.windowStart = t0();
    in.now = t0() + seconds(5);
    in.slThresholdSec = 20;
    CHECK(computeKpis({fresh}, in).serviceLevelPct == -1);
    in.now = t0() + seconds(21);
    CHECK(computeKpis({fresh}, in).serviceLevelPct == 0);
}

TEST_CASE("EWT floor: waiting calls and no answer for two minutes", "[kpi]") {
    std::vector<KpiEntry> e;
    for (int i = 0; i < 5; ++i)
        e.push_back(answered(i * 10, 5, 60));
    KpiInput in;
    in.windowStart = t0();
    in.now = t0() + seconds(600);  // last answer at 45 s: long ago
    in.waitingNow = 1;
    in.longestWaitSec = 400;
    in.agentsServing = 4;
    in.ewtMinAnswered = 5;
    CHECK(computeKpis(e, in).ewtSec == 400);  // position-based would say 30 s
}

TEST_CASE("Today starts at local midnight in Seoul", "[kpi]") {
    // 2026-11-23 01:00 UTC is 10:00 KST; midnight KST is 2026-11-22 15:00 UTC.
    CHECK(toRfc3339(localMidnight(t0(), 540)) == "2026-11-22T15:00:00Z");
    CHECK(toRfc3339(localMidnight(*parseRfc3339("2026-11-23T16:00:00Z"), 540)) ==
          "2026-11-23T15:00:00Z");
}
