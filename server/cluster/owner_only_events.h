#pragma once
// The ACD's events on a node of several (acd_owner_gate.h): passed on only while this node runs
// the ACD, and only once the ACD's changes made before them are in the database. A desktop then
// never sees a state the next owner would not rebuild: if this node dies, or loses the database
// and with it the lease, before its last changes are written, their events never went out
// either, and the resync after the takeover shows the desktop the state it last saw.
//
// Threads: I/O thread only.
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <vector>

#include "server/acd/acd_events.h"

namespace agentdesk::server::cluster {

class OwnerOnlyEvents final : public AcdEventSink {
public:
    explicit OwnerOnlyEvents(AcdEventSink& next) : next_(next) {}
    void setOpen(bool open) { open_ = open; }
    // Events pass only while this also holds (checked on each one).
    void whileOwner(std::function<bool()> owner) { owner_ = std::move(owner); }
    // Durable before seen: `batchNeeded` says which batch of durable changes an event emitted
    // now depends on; it waits until durableThrough() has reached that batch. Without it
    // (one server alone) events pass at once.
    void holdUntilDurable(std::function<std::uint64_t()> batchNeeded) {
        batchNeeded_ = std::move(batchNeeded);
    }
    // The batches up to `batch` are written: the events waiting for them go out, in order.
    void durableThrough(std::uint64_t batch);
    // Stepping down: what waits is not the center's any more (the new owner speaks for it);
    // settle waiters hear false.
    void dropHeld();
    // Runs then(true) once no event waits and no change is unwritten (at once when so), so a
    // snapshot taken then matches the events sent; after `overdue` (settleOverdue) anyway.
    void whenSettled(std::function<void(bool)> then);
    // Also needed before a snapshot: the events sent have come back from the bus (the event
    // hub's ids reach them); checkSettled() when that may have changed.
    void settledAlsoWhen(std::function<bool()> caughtUp) { caughtUp_ = std::move(caughtUp); }
    void checkSettled() {
        if (!settleWaiters_.empty() && settled())
            runSettleWaiters();
    }
    void settleOverdue(std::chrono::milliseconds overdue);

    void agentState(const std::string& agentId, AgentState state, const std::string& reason,
                    TimePoint since, const std::string& requestId, const std::string& extension,
                    const std::optional<PhoneStatus>& phone) override;
    void callOffered(const std::string& agentId, const CallView& call,
                     const std::optional<std::string>& consultFrom) override;
    void callState(const std::string& agentId, const CallView& call, const std::string& requestId,
                   const std::optional<std::string>& consultResult) override;
    void callEnded(const std::string& agentId, const std::string& callId, const std::string& reason,
                   const std::string& requestId) override;
    void queueStats(const QueueStatsView& stats) override;
    void alert(const AlertRecord& alert) override;
    void supervision(const std::string& callId, const std::string& agentId,
                     const std::string& supervisorId,
                     const std::optional<SupervisionView>& supervision, const std::string& reason,
                     const std::string& requestId) override;
    void transcript(const std::string& agentId, const std::string& callId,
                    const TranscriptLine& line) override;
    void dtmfReceived(const std::string& agentId, const std::string& callId,
                      const std::string& digits) override;

private:
    bool passing() const { return open_ && (!owner_ || owner_()); }
    bool settled() const {
        return held_.empty() && (!batchNeeded_ || batchNeeded_() <= durable_) &&
               (!caughtUp_ || caughtUp_());
    }
    void runSettleWaiters();
    void deliver(std::function<void()> send);

    struct Held {
        std::uint64_t batch;
        std::function<void()> send;
    };
    AcdEventSink& next_;
    bool open_ = false;
    std::function<bool()> owner_;
    std::function<std::uint64_t()> batchNeeded_;
    std::function<bool()> caughtUp_;
    std::uint64_t durable_ = 0;
    std::deque<Held> held_;
    struct Waiter {
        std::chrono::steady_clock::time_point since;
        std::function<void(bool)> then;
    };
    std::vector<Waiter> settleWaiters_;
};

}  // namespace agentdesk::server::cluster
