#include "server/cluster/owner_only_events.h"

#include <algorithm>
#include <utility>

namespace agentdesk::server::cluster {

void OwnerOnlyEvents::deliver(std::function<void()> send) {
    if (!passing())
        return;
    const std::uint64_t need = batchNeeded_ ? batchNeeded_() : 0;
    if (held_.empty() && need <= durable_) {
        send();
        return;
    }
    held_.push_back({need, std::move(send)});
}

void OwnerOnlyEvents::durableThrough(std::uint64_t batch) {
    durable_ = std::max(durable_, batch);
    while (!held_.empty() && held_.front().batch <= durable_) {
        auto send = std::move(held_.front().send);
        held_.pop_front();
        if (passing())
            send();
    }
    if (settled())
        runSettleWaiters();
}

void OwnerOnlyEvents::dropHeld() {
    held_.clear();
    auto waiters = std::exchange(settleWaiters_, {});
    for (auto& w : waiters)
        w.then(false);
}

void OwnerOnlyEvents::whenSettled(std::function<void(bool)> then) {
    if (settled())
        return then(true);
    settleWaiters_.push_back({std::chrono::steady_clock::now(), std::move(then)});
}

void OwnerOnlyEvents::settleOverdue(std::chrono::milliseconds overdue) {
    if (settleWaiters_.empty() ||
        std::chrono::steady_clock::now() - settleWaiters_.front().since < overdue)
        return;
    runSettleWaiters();  // a center never quiet for that long: close enough
}

void OwnerOnlyEvents::runSettleWaiters() {
    auto waiters = std::exchange(settleWaiters_, {});
    for (auto& w : waiters)
        w.then(true);
}

void OwnerOnlyEvents::agentState(const std::string& agentId, AgentState state,
                                 const std::string& reason, TimePoint since,
                                 const std::string& requestId, const std::string& extension,
                                 const std::optional<PhoneStatus>& phone) {
    deliver([=, this] {
        next_.agentState(agentId, state, reason, since, requestId, extension, phone);
    });
}
void OwnerOnlyEvents::callOffered(const std::string& agentId, const CallView& call,
                                  const std::optional<std::string>& consultFrom) {
    deliver([=, this] { next_.callOffered(agentId, call, consultFrom); });
}
void OwnerOnlyEvents::callState(const std::string& agentId, const CallView& call,
                                const std::string& requestId,
                                const std::optional<std::string>& consultResult) {
    deliver([=, this] { next_.callState(agentId, call, requestId, consultResult); });
}
void OwnerOnlyEvents::callEnded(const std::string& agentId, const std::string& callId,
                                const std::string& reason, const std::string& requestId) {
    deliver([=, this] { next_.callEnded(agentId, callId, reason, requestId); });
}
void OwnerOnlyEvents::queueStats(const QueueStatsView& stats) {
    deliver([=, this] { next_.queueStats(stats); });
}
void OwnerOnlyEvents::alert(const AlertRecord& alert) {
    deliver([=, this] { next_.alert(alert); });
}
void OwnerOnlyEvents::supervision(const std::string& callId, const std::string& agentId,
                                  const std::string& supervisorId,
                                  const std::optional<SupervisionView>& supervision,
                                  const std::string& reason, const std::string& requestId) {
    deliver([=, this] {
        next_.supervision(callId, agentId, supervisorId, supervision, reason, requestId);
    });
}
void OwnerOnlyEvents::transcript(const std::string& agentId, const std::string& callId,
                                 const TranscriptLine& line) {
    deliver([=, this] { next_.transcript(agentId, callId, line); });
}
void OwnerOnlyEvents::dtmfReceived(const std::string& agentId, const std::string& callId,
                                   const std::string& digits) {
    deliver([=, this] { next_.dtmfReceived(agentId, callId, digits); });
}

}  // namespace agentdesk::server::cluster
