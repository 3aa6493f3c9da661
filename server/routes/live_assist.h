#pragma once
// Agent assist on live calls (docs/assist.md, docs/api.md "Assist events"). LiveAssist sits
// between the ACD and its event presenter: it passes every ACD event on, and on the way it
//   - masks each transcript line before anything sends or stores it (transcript.segment too),
//   - analyses the line (call_assist.h) and sends `assist.update` to the agent on the call and
//     to a supervisor listening, and the call's mood (`assist.sentiment`, no text) to team leads,
//   - raises an `alert` on the call's first abusive line and on a run of negative customer lines,
//   - asks the knowledge base for suggestions on the store pool as the caller talks,
//   - at the end of an answered leg drafts the note there and sends `assist.draft` to the agent,
//     and stores the leg's transcript and draft (GET /calls/{id}/transcript).
//
// Threads: the I/O thread (called from inside the ACD); the store pool's work runs on its own
// thread with copies of what it needs, and its results come back to the I/O thread.
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "server/acd/acd_events.h"
#include "server/assist/call_assist.h"
#include "server/clock.h"
#include "server/events/event_publisher.h"

namespace agentdesk::server {

class StorePool;
class OrderedWrites;

class LiveAssist final : public AcdEventSink {
public:
    LiveAssist(AcdEventSink& next, EventPublisher& hub, StorePool& pool, OrderedWrites& writes,
               const assist::AssistEngine& engine, const Clock& clock);
    ~LiveAssist() override;

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

    // A live call's transcript and analysis as GET /calls/{id}/transcript answers it, with
    // "agentId": the agent on the call; nullopt when the call is not followed.
    std::optional<nlohmann::json> transcriptOf(const std::string& callId) const;
    // Calls being followed now (tests).
    std::size_t liveCalls() const { return calls_.size(); }

private:
    struct Live;
    Live* follow(const CallView& call);
    void publishUpdate(const std::string& callId, Live& live, const nlohmann::json& line);
    void requestSuggestions(const std::string& callId);
    void finishLeg(const std::string& callId, Live& live, const std::string& agentId);

    AcdEventSink& next_;
    EventPublisher& hub_;
    StorePool& pool_;
    OrderedWrites& writes_;
    const assist::AssistEngine& engine_;
    const Clock& clock_;
    std::map<std::string, std::unique_ptr<Live>> calls_;
    // Cleared in the destructor: store pool results that come back later find nothing to update.
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace agentdesk::server
